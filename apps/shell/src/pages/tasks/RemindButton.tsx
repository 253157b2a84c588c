import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { errorMessage, useT } from '@dondoc/ui';
import { core } from '../../core/client.ts';
import { perm, useAccess } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';

interface UnitRef {
  code: string;
  name: string;
}

export interface RemindTarget {
  id: string;
  code: string;
  title: string;
  leadUnit: UnitRef;
  coordinatingUnits?: UnitRef[];
}

interface RemindValues {
  unitCode: string;
  message: string;
}

/**
 * "Đôn đốc": a reminder to the lead (or a coordinating) unit about a task, with a message.
 * Shown only to users with `core.reminders:send`; the server decides whom they may remind and
 * says why when it refuses. What was typed stays in the box when sending fails.
 */
export function RemindButton({ task, size, type }: { task: RemindTarget; size?: 'small' | 'middle'; type?: 'default' | 'primary' }) {
  const t = useT('shell');
  const access = useAccess();
  const [open, setOpen] = useState(false);
  if (!access.can(perm.remindersSend)) return null;
  return (
    <>
      <Button
        size={size}
        type={type}
        icon={<BellOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        aria-label={t('remind.buttonFor', { code: task.code })}
      >
        {t('remind.button')}
      </Button>
      {open ? <RemindDialog task={task} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function RemindDialog({ task, onClose }: { task: RemindTarget; onClose: () => void }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const formName = `remind-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [form] = Form.useForm<RemindValues>();
  const send = useMutation({
    mutationFn: (values: RemindValues) =>
      core.reminders.send.mutate({ taskId: task.id, unitCode: values.unitCode, message: values.message.trim() }),
    onSuccess: (result) => {
      onClose();
      void message.success(
        result.flaggedForLeadership
          ? t('remind.sentFlagged', { code: task.code, count: result.reminderCount })
          : t('remind.sent', { code: task.code, count: result.reminderCount }),
      );
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
  });
  const units = [task.leadUnit, ...(task.coordinatingUnits ?? [])];
  return (
    <Modal
      open
      title={t('remind.title', { code: task.code })}
      okText={t('remind.send')}
      cancelText={t('common.cancel')}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{task.title}</Typography.Paragraph>
      {send.isError ? <Alert type="error" showIcon title={errorMessage(send.error)} className="dondoc-gap" /> : null}
      <Form<RemindValues>
        form={form}
        name={formName}
        layout="vertical"
        initialValues={{ unitCode: task.leadUnit.code, message: '' }}
        onFinish={(values) => send.mutate(values)}
      >
        {units.length > 1 ? (
          <Form.Item name="unitCode" label={t('remind.unit')} rules={[{ required: true }]}>
            <Select options={units.map((unit) => ({ value: unit.code, label: unit.name }))} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="unitCode" hidden>
              <Input />
            </Form.Item>
            <Typography.Paragraph>{t('remind.toUnit', { unit: task.leadUnit.name })}</Typography.Paragraph>
          </>
        )}
        <Form.Item
          name="message"
          label={t('remind.message')}
          rules={[
            { required: true, whitespace: true, message: t('remind.messageRequired') },
            { max: 2000, message: t('common.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('remind.messagePlaceholder')} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
