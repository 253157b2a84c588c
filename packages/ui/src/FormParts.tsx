/**
 * The two ends of an editor every module writes: the buttons under its fields (save, and an
 * action that asks first, such as "Xóa") and the outcome below them (conflict or save error,
 * another action's failure, the success note), scrolled into view when it changes.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Popconfirm, Space } from 'antd';
import { errorMessage } from './errors.ts';
import { useT } from './i18n.ts';
import { useRevealOn } from './layout.tsx';

/** What a finished or failed action exposes (a react-query mutation is one). */
export interface ActionState {
  isError: boolean;
  error: unknown;
  isPending?: boolean;
}

export interface ConfirmedAction {
  label: string;
  /** The question asked before the action runs ("Xóa đơn vị …?"). */
  confirm: string;
  onConfirm: () => void;
  loading?: boolean;
  danger?: boolean;
}

export interface FormActionsProps {
  /** The submit button's text; it submits the surrounding antd Form. */
  submitLabel: string;
  submitting?: boolean;
  /** An action beside it that asks before running, or nothing. */
  confirmed?: ConfirmedAction | null;
}

export function FormActions({ submitLabel, submitting = false, confirmed }: FormActionsProps) {
  return (
    <Space wrap>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitLabel}
      </Button>
      {confirmed ? (
        <Popconfirm title={confirmed.confirm} onConfirm={confirmed.onConfirm}>
          <Button danger={confirmed.danger ?? false} loading={confirmed.loading ?? false}>
            {confirmed.label}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}

/** The first failure among the form's actions, or null. */
export function firstFailure(actions: readonly ActionState[]): unknown {
  return actions.find((action) => action.isError)?.error ?? null;
}

export interface FormOutcomeProps {
  /** The versioned form's alerts and its save (`useVersionedForm`), when the form has one. */
  versioned?: { alerts: ReactNode; mutation: ActionState };
  /** The form's other actions, whose failure is shown ("Không lưu được" with the reason). */
  actions?: readonly ActionState[];
  /** The success note of the last action, or null. */
  done: string | null;
}

export function FormOutcome({ versioned, actions = [], done }: FormOutcomeProps) {
  const t = useT('common');
  const failure = firstFailure(actions);
  const ref = useRevealOn<HTMLDivElement>(done ?? (firstFailure(versioned ? [versioned.mutation] : []) || failure));
  return (
    <div ref={ref} style={{ marginTop: 16 }}>
      {versioned?.alerts}
      {failure ? <Alert role="alert" type="error" showIcon title={t('common.saveFailed')} description={errorMessage(failure)} /> : null}
      {done ? <Alert role="status" type="success" showIcon title={done} /> : null}
    </div>
  );
}
