import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Empty, Form, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, SendOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { EXTENSION_STATE_LABELS, type ExtensionState } from '@dondoc/core';
import { errorMessage, formatDate, formatDateTime, fromDayjs, LimitedText, maxTextRule, Section, toDayjs, typedDateRule, useAccess, useLocale, useT, personLabel } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { core, type TaskDetail } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';
import { MultilineText } from '../../core/ui.tsx';
import type { ExtensionItem } from '../giving/types.ts';
import '../giving/giving.css';

const STATE_COLORS: Record<ExtensionState, string> = { pending: '#ad4e00', approved: '#237804', declined: '#a8071a' };

export function ExtensionStateTag({ state }: { state: string }) {
  const { locale } = useLocale();
  const known = state === 'pending' || state === 'approved' || state === 'declined';
  return (
    <Tag color={known ? STATE_COLORS[state] : '#4b5563'} className="dondoc-tag">
      {known ? EXTENSION_STATE_LABELS[state][locale] : state}
    </Tag>
  );
}

/** Who asked, when, from which date to which, why; and what was decided. */
export function ExtensionSummary({ extension, showTask = false }: { extension: ExtensionItem; showTask?: boolean }) {
  const t = useT('shell');
  return (
    <>
      <div className="dondoc-extension-head">
        <ExtensionStateTag state={extension.state} />
        {showTask ? (
          <h3 className="dondoc-item-title">
            <Link to={`/nhiem-vu/${extension.task.id}`}>{extension.task.code}</Link> — {extension.task.title}
          </h3>
        ) : null}
      </div>
      <div className="dondoc-extension-change">
        {t('extension.change', { from: formatDate(extension.previousDeadline), to: formatDate(extension.proposedDeadline) })}
      </div>
      <dl className="dondoc-dl">
        <dt>{t('extension.reason')}</dt>
        <dd>
          <MultilineText text={extension.reason} />
          <div className="dondoc-muted dondoc-small">
            {t('extension.requestedLine', { unit: extension.unit.name, at: formatDateTime(extension.createdAt), by: personLabel(extension.requestedBy) })}
          </div>
        </dd>
        {extension.state !== 'pending' ? (
          <>
            <dt>{t('extension.decided')}</dt>
            <dd>
              {extension.state === 'approved' && extension.approvedDeadline ? (
                <div className="dondoc-extension-change">{t('extension.approvedTo', { date: formatDate(extension.approvedDeadline) })}</div>
              ) : null}
              {t('extension.decidedLine', { by: extension.decidedBy ? personLabel(extension.decidedBy) : '', at: formatDateTime(extension.decidedAt) })}
              {extension.decisionNote ? (
                <div>
                  {t('extension.note')}: <MultilineText text={extension.decisionNote} />
                </div>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

interface DecisionValues {
  note: string;
  approvedDeadline: Dayjs | null;
}

/** "Đồng ý gia hạn" (to the date asked, or another) / "Không đồng ý" (with a reason) of a pending request. */
export function ExtensionDecision({ extension }: { extension: ExtensionItem }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useMutation({
    mutationFn: (input: { decision: 'approve' | 'decline'; note: string | null; approvedDeadline: string | null }) =>
      core.extensions.decide.mutate({ id: extension.id, ...input }),
    onSuccess: (decided) => {
      void message.success(
        decided.state === 'approved'
          ? t('extension.approved', { code: extension.task.code, date: formatDate(decided.approvedDeadline) })
          : t('extension.declined', { code: extension.task.code }),
      );
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: coreKeys.extensions({}) }),
  });
  const run = async (decision: 'approve' | 'decline') => {
    try {
      const values = await form.validateFields();
      const note = values.note?.trim() || null;
      if (decision === 'decline' && !note) {
        form.setFields([{ name: 'note', errors: [t('extension.declineNeedsNote')] }]);
        return;
      }
      const approved = fromDayjs(values.approvedDeadline);
      decide.mutate({ decision, note, approvedDeadline: decision === 'approve' && approved !== extension.proposedDeadline ? approved : null });
    } catch {
      // the fields show what is wrong
    }
  };
  return (
    <Form<DecisionValues>
      form={form}
      name={`decide-${extension.id}`}
      layout="vertical"
      className="dondoc-extension-decision"
      initialValues={{ note: '', approvedDeadline: toDayjs(extension.proposedDeadline) }}
      disabled={decide.isPending}
      onFinish={() => void run('approve')}
    >
      {decide.isError ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(decide.error)} /> : null}
      <div className="dondoc-date-field">
        <Form.Item
          name="approvedDeadline"
          label={t('extension.approvedDeadline')}
          extra={t('extension.approvedDeadlineHelp')}
          rules={[
            typedDateRule(),
            { required: true, message: t('extension.proposedRequired') },
            {
              validator: (_, value: Dayjs | null) => {
                const iso = fromDayjs(value);
                return iso && iso <= extension.previousDeadline
                  ? Promise.reject(new Error(t('extension.approvedAfter', { date: formatDate(extension.previousDeadline) })))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <DateField placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      </div>
      <Form.Item name="note" label={t('extension.decisionNote')} rules={[maxTextRule(2000)]}>
        <LimitedText autoSize={{ minRows: 2, maxRows: 6 }} max={2000} />
      </Form.Item>
      <Space wrap>
        <Button
          type="primary"
          htmlType="submit"
          icon={<CheckOutlined aria-hidden />}
          loading={decide.isPending && decide.variables?.decision === 'approve'}
          aria-label={t('extension.approveFor', { code: extension.task.code })}
        >
          {t('extension.approve')}
        </Button>
        <Button
          className="dondoc-danger-outline"
          icon={<CloseOutlined aria-hidden />}
          loading={decide.isPending && decide.variables?.decision === 'decline'}
          onClick={() => void run('decline')}
          aria-label={t('extension.declineFor', { code: extension.task.code })}
        >
          {t('extension.decline')}
        </Button>
      </Space>
    </Form>
  );
}

/**
 * "Gia hạn" on a task's page: its extension requests (state, reason, old → proposed date,
 * decision); for the lead unit of an active, unfinished leaf task with a deadline the request
 * form; for coordinators the decision on a pending request.
 */
export function ExtensionPanel({ task }: { task: TaskDetail }) {
  const t = useT('shell');
  const access = useAccess();
  // The task's own extension requests, newest first (with the task, so they agree with its deadline).
  const list = task.extensions;
  const pending = list.some((extension) => extension.state === 'pending');
  const canRequest =
    access.can(perm.extensionsRequest) &&
    access.actsFor(task.leadUnit.code) &&
    task.state === 'active' &&
    !task.isParent &&
    !task.completedOn &&
    !task.continuous &&
    !!task.deadline;
  const canDecide = access.can(perm.extensionsDecide);
  return (
    <Section title={t('extension.title')}>
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('extension.none')} />
      ) : (
        <ul className="dondoc-plain-list dondoc-extension-list">
          {list.map((extension) => (
            <li key={extension.id}>
              <ExtensionSummary extension={extension} />
              {canDecide && extension.state === 'pending' ? <ExtensionDecision extension={extension} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canRequest ? (
        pending ? (
          canDecide ? null : <Alert type="info" showIcon title={t('extension.pendingNote')} />
        ) : (
          <ExtensionRequestForm task={task} />
        )
      ) : null}
    </Section>
  );
}

interface RequestValues {
  reason: string;
  proposedDeadline: Dayjs | null;
}

function ExtensionRequestForm({ task }: { task: TaskDetail }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RequestValues>();
  const deadline = task.deadline!;
  const request = useMutation({
    mutationFn: (values: RequestValues) =>
      core.extensions.request.mutate({ taskId: task.id, reason: values.reason.trim(), proposedDeadline: fromDayjs(values.proposedDeadline)! }),
    onSuccess: () => {
      void message.success(t('extension.sent', { code: task.code }));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
  });
  const notAfterDeadline = (value: Dayjs) => {
    const iso = fromDayjs(value);
    return iso !== null && iso <= deadline;
  };
  return (
    <Form<RequestValues>
      form={form}
      name={`extension-request-${task.id}`}
      layout="vertical"
      className="dondoc-extension-decision"
      initialValues={{ reason: '', proposedDeadline: null }}
      onFinish={(values) => request.mutate(values)}
      disabled={request.isPending}
    >
      <h3 className="dondoc-item-title">{t('extension.requestTitle')}</h3>
      <Typography.Paragraph type="secondary">{t('extension.requestHelp', { date: formatDate(deadline) })}</Typography.Paragraph>
      {request.isError ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(request.error)} /> : null}
      <div className="dondoc-date-field">
        <Form.Item
          name="proposedDeadline"
          label={t('extension.proposed')}
          rules={[
            typedDateRule(),
            { required: true, message: t('extension.proposedRequired') },
            {
              validator: (_, value: Dayjs | null) =>
                value && notAfterDeadline(value)
                  ? Promise.reject(new Error(t('extension.proposedAfter', { date: formatDate(deadline) })))
                  : Promise.resolve(),
            },
          ]}
        >
          <DateField placeholder={t('common.datePlaceholder')} disabledDate={notAfterDeadline} />
        </Form.Item>
      </div>
      <Form.Item
        name="reason"
        label={t('extension.requestReason')}
        rules={[
          { required: true, whitespace: true, message: t('extension.requestReasonRequired') },
          maxTextRule(2000),
        ]}
      >
        <LimitedText rows={3} max={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden />} loading={request.isPending}>
        {t('extension.send')}
      </Button>
    </Form>
  );
}
