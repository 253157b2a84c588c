import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage, useT } from '@dondoc/ui';
import { core, type TaskDetail } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { DATE_FORMAT, fromDayjs, isAfterToday, toDayjs } from '../../core/dates.ts';
import { isConflict } from '../../core/errors.ts';
import { ConflictAlert } from '../../core/ui.tsx';

interface UpdateValues {
  progress: number | null;
  result?: string;
  completedOn?: Dayjs | null;
  note?: string;
}

/**
 * The lead unit's progress update (progress %, result, completion date, note). It sends the
 * version it was opened with; when someone else saved in between, the server answers CONFLICT
 * naming them: the message is shown with "Tải lại", which fetches the latest task without
 * touching what was typed, so the user can check and save again.
 */
export function TaskUpdateForm({ task }: { task: TaskDetail }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UpdateValues>();
  // The version the user is editing: the one read when the form opened, moved on only by a
  // successful save or an explicit reload (never silently by a background refresh).
  const [baseVersion, setBaseVersion] = useState(task.version);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);

  const save = useMutation({
    mutationFn: (values: UpdateValues) =>
      core.tasks.update.mutate({
        id: task.id,
        version: baseVersion,
        progress: values.progress ?? 0,
        result: values.result?.trim() ? values.result.trim() : null,
        completedOn: fromDayjs(values.completedOn),
        note: values.note?.trim() ? values.note.trim() : null,
      }),
    onMutate: () => {
      setConflict(null);
      setReloaded(false);
    },
    onSuccess: (saved) => {
      setBaseVersion(saved.version);
      form.setFieldsValue({ progress: saved.progress, note: '' });
      void message.success(t('task.saved'));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
    onError: (error) => {
      if (isConflict(error)) setConflict(errorMessage(error));
    },
  });

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await core.tasks.get.query({ id: task.id });
      // Fields the user has not touched take the newer values; what they typed stays.
      const latest: Partial<UpdateValues> = { progress: fresh.progress, result: fresh.result ?? '', completedOn: toDayjs(fresh.completedOn) };
      for (const field of Object.keys(latest) as Array<keyof UpdateValues>) {
        if (!form.isFieldTouched(field)) form.setFieldValue(field, latest[field]);
      }
      void queryClient.invalidateQueries({ queryKey: ['core', 'task', task.id] });
      setBaseVersion(fresh.version);
      setConflict(null);
      setReloaded(true);
      save.reset();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setReloading(false);
    }
  };

  return (
    <Form<UpdateValues>
      form={form}
      name={`task-update-${task.id}`}
      layout="vertical"
      initialValues={{ progress: task.progress, result: task.result ?? '', completedOn: toDayjs(task.completedOn), note: '' }}
      onFinish={(values) => save.mutate(values)}
      onValuesChange={(changed: Partial<UpdateValues>) => {
        // A completion date means the task is done: 100 %.
        if (changed.completedOn) form.setFieldValue('progress', 100);
      }}
      disabled={save.isPending}
      className="dondoc-form"
    >
      {conflict ? (
        <ConflictAlert className="dondoc-gap" message={conflict} onReload={() => void reload()} reloading={reloading} />
      ) : null}
      {reloaded ? <Alert type="info" showIcon className="dondoc-gap" title={t('common.reloadedKept')} /> : null}
      {save.isError && !conflict ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(save.error)} /> : null}
      <Space size="large" wrap align="start">
        <Form.Item
          name="progress"
          label={t('task.progressPercent')}
          rules={[
            { required: true, message: t('task.progressRequired') },
            { type: 'integer', min: 0, max: 100, message: t('task.progressRange') },
          ]}
        >
          <InputNumber min={0} max={100} precision={0} step={5} suffix="%" className="dondoc-number" />
        </Form.Item>
        <Form.Item
          name="completedOn"
          label={t('task.completedOn')}
          extra={t('task.completedOnHelp')}
          rules={[
            {
              validator: (_, value: Dayjs | null | undefined) =>
                value && isAfterToday(value) ? Promise.reject(new Error(t('task.completedFuture'))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker format={DATE_FORMAT} disabledDate={isAfterToday} placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      </Space>
      <Form.Item name="result" label={t('task.result')} rules={[{ max: 5000, message: t('common.tooLong', { max: 5000 }) }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="note" label={t('task.note')} rules={[{ max: 2000, message: t('common.tooLong', { max: 2000 }) }]}>
        <Input.TextArea rows={2} maxLength={2000} showCount placeholder={t('task.notePlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('task.saveUpdate')}
      </Button>
    </Form>
  );
}
