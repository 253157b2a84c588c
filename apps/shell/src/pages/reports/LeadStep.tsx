import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Space } from 'antd';
import { RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { errorMessage, formatDateTime, personLabel, useT } from '@dondoc/ui';
import { core, type ReportView } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { MultilineText } from '../../core/ui.tsx';
import { ReturnDialog } from './ReviewActions.tsx';

/**
 * The officer-to-lead step (trình lãnh đạo) on a report page: what the report says while it is
 * with the lead (the lead's actions: submit, or return to the officer with a note), and the
 * lead's note after a return.
 */
export function LeadStepPanel({ data, isLead, ownsUnit }: { data: ReportView; isLead: boolean; ownsUnit: boolean }) {
  const t = useT('shell');
  const report = data.report;
  if (!report || !ownsUnit) return null;
  if (report.state === 'with_lead') {
    return isLead ? (
      <Alert
        type="warning"
        showIcon
        className="dondoc-gap"
        title={t('leadStep.withLeadLead', { by: personLabel(report.sentToLeadBy), at: formatDateTime(report.sentToLeadAt) })}
        description={<LeadActions data={data} />}
      />
    ) : (
      <Alert type="info" showIcon className="dondoc-gap" title={t('leadStep.withLeadOfficer')} />
    );
  }
  if (report.state === 'draft' && report.leadNote) {
    return (
      <Alert
        type="error"
        showIcon
        className="dondoc-gap"
        title={t('leadStep.leadReturnedTitle')}
        description={
          <>
            <strong>{t('leadStep.leadNoteLabel')}:</strong> <MultilineText text={report.leadNote} />
          </>
        }
      />
    );
  }
  return null;
}

/** The lead's "Gửi UBND Thành phố" and "Trả lại chuyên viên" of a report sent to them. */
function LeadActions({ data }: { data: ReportView }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const report = data.report!;
  const periodName = useLabels().text(data.period.label);
  const refresh = () => queryClient.invalidateQueries({ queryKey: coreKeys.all });
  const submit = useMutation({
    mutationFn: () => core.reports.submit.mutate({ id: report.id, version: report.version }),
    onSuccess: (answer) => {
      void message.success(answer.escalations > 0 ? t('report.submittedEscalated', { count: answer.escalations }) : t('report.submitted'));
      void refresh();
    },
    onError: () => void refresh(),
  });
  const giveBack = useMutation({
    mutationFn: (note: string) => core.reports.returnToOfficer.mutate({ id: report.id, version: report.version, note }),
    onSuccess: () => {
      setReturning(false);
      void message.success(t('leadStep.returned'));
      void refresh();
    },
  });
  return (
    <div role="group" aria-label={t('leadStep.actions')}>
      {submit.isError ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(submit.error)} /> : null}
      <Space wrap className="dondoc-gap">
        <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submit.isPending} onClick={() => submit.mutate()}>
          {t('leadStep.submitNow')}
        </Button>
        <Button className="dondoc-danger-outline" icon={<RollbackOutlined aria-hidden />} onClick={() => (giveBack.reset(), setReturning(true))}>
          {t('leadStep.returnToOfficer')}
        </Button>
      </Space>
      {returning ? (
        <ReturnDialog
          title={t('leadStep.returnTitle', { period: periodName })}
          okText={t('leadStep.returnToOfficer')}
          label={t('leadStep.leadNoteLabel')}
          requiredMessage={t('leadStep.leadNoteRequired')}
          pending={giveBack.isPending}
          error={giveBack.isError ? errorMessage(giveBack.error) : null}
          onCancel={() => setReturning(false)}
          onSubmit={(note) => giveBack.mutate(note)}
        />
      ) : null}
    </div>
  );
}

/** The officer's confirmation before the draft goes to the lead, with an optional note. */
export function SendToLeadDialog({
  unitName,
  periodName,
  pending,
  onCancel,
  onSubmit,
}: {
  unitName: string;
  periodName: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (note: string | undefined) => void;
}) {
  const t = useT('shell');
  const [form] = Form.useForm<{ note?: string }>();
  return (
    <Modal
      open
      title={t('leadStep.sendTitle', { period: periodName })}
      okText={t('leadStep.sendToLead')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <p>{t('leadStep.sendText', { unit: unitName })}</p>
      <Form form={form} name="send-to-lead" layout="vertical" onFinish={(values) => onSubmit(values.note?.trim() || undefined)}>
        <Form.Item name="note" label={t('leadStep.note')} rules={[{ max: 2000, message: t('common.tooLong', { max: 2000 }) }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
