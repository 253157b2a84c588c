import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { errorMessage, formatDate, personLabel, useAccess, useT } from '@dondoc/ui';
import { core, type TaskDetail } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';
import { MultilineText } from '../../core/ui.tsx';
import { ReturnDialog } from '../reports/ReviewActions.tsx';

/**
 * A completion an officer sent to the unit's lead (chờ lãnh đạo xác nhận): what the task page
 * says about it, the lead's "Xác nhận hoàn thành" / "Trả lại" (with a note), and the lead's note
 * after a return.
 */
export function CompletionConfirmPanel({ task }: { task: TaskDetail }) {
  const t = useT('shell');
  const access = useAccess();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const decide = useMutation({
    mutationFn: (input: { decision: 'confirm' | 'return'; note?: string }) => core.tasks.decideCompletion.mutate({ id: task.id, version: task.version, ...input }),
    onSuccess: (_, input) => {
      setReturning(false);
      void message.success(t(input.decision === 'confirm' ? 'leadStep.completionConfirmed' : 'leadStep.completionReturned', { code: task.code }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
  });
  if (!task.completionPendingOn) {
    return task.completionReturnNote && !task.completedOn ? (
      <Alert
        type="error"
        showIcon
        className="dondoc-gap"
        title={t('leadStep.completionReturnedTitle')}
        description={
          <>
            <strong>{t('leadStep.leadNoteLabel')}:</strong> <MultilineText text={task.completionReturnNote} />
          </>
        }
      />
    ) : null;
  }
  const canDecide = access.can(perm.tasksConfirm) && access.actsFor(task.leadUnit.code);
  return (
    <Alert
      type="warning"
      showIcon
      className="dondoc-gap"
      title={t('leadStep.completionPending', { by: personLabel(task.completionPendingBy), date: formatDate(task.completionPendingOn) })}
      description={
        canDecide ? (
          <div role="group" aria-label={t('leadStep.completionActions')}>
            {decide.isError && !returning ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(decide.error)} /> : null}
            <Space wrap className="dondoc-gap">
              <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={decide.isPending && decide.variables.decision === 'confirm'} onClick={() => decide.mutate({ decision: 'confirm' })}>
                {t('leadStep.confirmCompletion')}
              </Button>
              <Button className="dondoc-danger-outline" icon={<RollbackOutlined aria-hidden />} onClick={() => (decide.reset(), setReturning(true))}>
                {t('leadStep.returnCompletion')}
              </Button>
            </Space>
            {returning ? (
              <ReturnDialog
                title={t('leadStep.returnCompletionTitle', { code: task.code })}
                okText={t('leadStep.returnCompletion')}
                label={t('leadStep.leadNoteLabel')}
                requiredMessage={t('leadStep.leadNoteRequired')}
                pending={decide.isPending}
                error={decide.isError ? errorMessage(decide.error) : null}
                onCancel={() => setReturning(false)}
                onSubmit={(note) => decide.mutate({ decision: 'return', note })}
              />
            ) : null}
          </div>
        ) : null
      }
    />
  );
}
