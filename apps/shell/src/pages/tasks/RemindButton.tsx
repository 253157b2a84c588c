import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { isDone, type TaskStatus } from '@dondoc/core';
import { type Access, errorMessage, useAccess, useT } from '@dondoc/ui';
import { core } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
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
  /** Lead unit of the parent task: its people follow the children up and may remind them. */
  parentLeadUnitCode?: string | null;
  /** A completed task is not reminded about (the server refuses it too). */
  status?: TaskStatus;
}

/**
 * Whom this user may remind about the task, by the server's rule (follow-up.ts): coordinators
 * anyone; the parent task's lead unit the task's units; the lead unit its coordinating units.
 * Empty: no "Đôn đốc" button.
 */
export function remindableUnits(task: RemindTarget, access: Access): UnitRef[] {
  if (!access.can(perm.remindersSend)) return [];
  if (task.status && isDone(task.status)) return [];
  const all = [task.leadUnit, ...(task.coordinatingUnits ?? [])];
  if (access.seesAllUnits) return all;
  if (task.parentLeadUnitCode && access.actsFor(task.parentLeadUnitCode)) return all;
  if (access.actsFor(task.leadUnit.code)) return task.coordinatingUnits ?? [];
  return [];
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
export function RemindButton({ task, size, type, defaultMessage = '' }: { task: RemindTarget; size?: 'small' | 'middle'; type?: 'default' | 'primary'; /** The message the dialog opens with (a watch list's: sent as is with one more click). */ defaultMessage?: string }) {
  const t = useT('shell');
  const access = useAccess();
  const [open, setOpen] = useState(false);
  const units = remindableUnits(task, access);
  if (units.length === 0) return null;
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
      {open ? <RemindDialog task={task} units={units} defaultMessage={defaultMessage} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function RemindDialog({ task, units, defaultMessage, onClose }: { task: RemindTarget; units: UnitRef[]; defaultMessage: string; onClose: () => void }) {
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
          ? t('remind.sentFlagged', { code: task.code, count: result.reminderCount, overdue: result.remindersWhileOverdue })
          : t('remind.sent', { code: task.code, count: result.reminderCount }),
      );
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
  });
  const first = units[0]!;
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
        initialValues={{ unitCode: first.code, message: defaultMessage }}
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
            <Typography.Paragraph>{t('remind.toUnit', { unit: first.name })}</Typography.Paragraph>
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
