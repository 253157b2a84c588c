import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { errorMessage, formatDate, fromDayjs, LimitedText, maxTextRule, toDayjs, typedDateRule, useT, useVersionedForm } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { core, type TaskDetail } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { Loading } from '../../components/Loading.tsx';
import type { DirectiveDetail, IssuedTask } from './types.ts';
import { useUnits, useUnitSelect } from './units.ts';
import { TaskTextFields } from './TaskTextFields.tsx';
import './giving.css';

type Dialog = { kind: 'adjust' | 'cancel'; task: IssuedTask } | null;

/** The tasks an issued directive gave, with links to their pages, "Điều chỉnh" and "Hủy nhiệm vụ". */
export function IssuedTasks({ directive }: { directive: DirectiveDetail }) {
  const t = useT('shell');
  const labels = useLabels();
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <>
      <Table<IssuedTask>
        size="small"
        rowKey="id"
        dataSource={directive.tasks}
        pagination={directive.tasks.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('directive.noTasks') }}
        scroll={{ x: 980 }}
        columns={[
          {
            title: t('directive.code'),
            dataIndex: 'code',
            width: 120,
            render: (code: string, task) => <Link to={`/nhiem-vu/${task.id}`}>{code}</Link>,
          },
          { title: t('directive.clause'), dataIndex: 'clause', width: 60 },
          { title: t('directive.taskTitle'), dataIndex: 'title' },
          {
            title: t('directive.leadUnit'),
            key: 'lead',
            width: 190,
            render: (_, task) => (
              <div className="dondoc-assignees-cell">
                <span>{task.leadUnit.name}</span>
                {task.isParent ? <span className="dondoc-muted dondoc-small">{t('directive.severalUnits', { count: task.childCount })}</span> : null}
              </div>
            ),
          },
          {
            title: t('directive.deadline'),
            key: 'deadline',
            width: 110,
            render: (_, task) =>
              task.continuous || !task.deadline ? (
                labels.status('continuous')
              ) : (
                <>
                  {formatDate(task.deadline)}
                  {task.originalDeadline && task.originalDeadline !== task.deadline ? (
                    <div className="dondoc-muted dondoc-small">{t('directive.extendedFrom', { date: formatDate(task.originalDeadline) })}</div>
                  ) : null}
                </>
              ),
          },
          {
            title: t('directive.taskState'),
            dataIndex: 'state',
            width: 100,
            render: (state: string) =>
              state === 'cancelled' ? (
                <Tag color="#a8071a" className="dondoc-tag">
                  {t('directive.stateCancelled')}
                </Tag>
              ) : (
                <Tag color="#0b57a4" className="dondoc-tag">
                  {t('directive.stateActive')}
                </Tag>
              ),
          },
          {
            title: <span className="dondoc-visually-hidden">{t('tasks.actions')}</span>,
            key: 'actions',
            width: 130,
            render: (_, task) =>
              task.state === 'cancelled' ? null : (
                <Space size={4} orientation="vertical">
                  <Button
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    onClick={() => setDialog({ kind: 'adjust', task })}
                    aria-label={t('adjust.buttonFor', { code: task.code })}
                  >
                    {t('adjust.button')}
                  </Button>
                  <Button
                    size="small"
                    className="dondoc-danger-outline"
                    icon={<StopOutlined aria-hidden />}
                    onClick={() => setDialog({ kind: 'cancel', task })}
                    aria-label={t('adjust.cancelFor', { code: task.code })}
                  >
                    {t('adjust.cancelButton')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {dialog?.kind === 'adjust' ? <AdjustDialog task={dialog.task} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'cancel' ? <CancelDialog task={dialog.task} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

interface AdjustValues {
  reason: string;
  title: string;
  content: string;
  deadline: Dayjs | null;
  coordinatorUnitCodes: string[];
}

/** The task as it is now (with its version), and for a parent the coordinating units its units share. */
function useCurrentTask(id: string) {
  const current = useQuery({ queryKey: coreKeys.task(id, undefined), queryFn: () => core.tasks.get.query({ id }) });
  const firstChild = current.data?.rollUp?.children[0]?.id ?? null;
  const child = useQuery({
    queryKey: coreKeys.task(firstChild ?? '', undefined),
    queryFn: () => core.tasks.get.query({ id: firstChild! }),
    enabled: firstChild !== null,
  });
  const ready = current.data && (firstChild === null || child.data || child.isError);
  return { current, child, ready: !!ready };
}

function coordinatorsOf(task: TaskDetail, child: TaskDetail | undefined): string[] {
  const source = task.isParent ? child : task;
  return (source?.coordinatingUnits ?? []).map((unit) => unit.code);
}

function adjustValuesOf(task: TaskDetail, child: TaskDetail | undefined): Omit<AdjustValues, 'reason'> {
  return { title: task.title, content: task.content ?? '', deadline: toDayjs(task.deadline), coordinatorUnitCodes: coordinatorsOf(task, child) };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

function AdjustDialog({ task, onClose }: { task: IssuedTask; onClose: () => void }) {
  const t = useT('shell');
  const { current, child, ready } = useCurrentTask(task.id);
  return (
    <Modal open title={t('adjust.title', { code: task.code })} footer={null} onCancel={onClose} width={720} destroyOnHidden>
      {current.isError ? (
        <Alert type="error" showIcon title={errorMessage(current.error)} />
      ) : !ready ? (
        <Loading text={t('adjust.loading')} />
      ) : (
        <AdjustForm task={current.data!} child={child.data} onClose={onClose} />
      )}
    </Modal>
  );
}

function AdjustForm({ task, child, onClose }: { task: TaskDetail; child: TaskDetail | undefined; onClose: () => void }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AdjustValues>();
  const units = useUnits();
  const unitSelect = useUnitSelect(units.data);
  // What the form was opened on: the changes sent are the fields that differ from it.
  const [baseValues, setBaseValues] = useState(() => adjustValuesOf(task, child));
  const [nothing, setNothing] = useState(false);

  const versioned = useVersionedForm({
    version: task.version,
    form,
    save: (input: Omit<Parameters<typeof core.tasks.edit.mutate>[0], 'version'>, version: number) => core.tasks.edit.mutate({ ...input, version }),
    onSaved: () => {
      void message.success(t('adjust.saved', { code: task.code }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
      onClose();
    },
    reload: async () => {
      const fresh = await core.tasks.get.query({ id: task.id });
      const freshChild = fresh.rollUp?.children[0] ? await core.tasks.get.query({ id: fresh.rollUp.children[0].id }) : undefined;
      const latest = adjustValuesOf(fresh, freshChild);
      setBaseValues(latest);
      void queryClient.invalidateQueries({ queryKey: ['core', 'task', task.id] });
      return { version: fresh.version, values: { ...latest } };
    },
  });
  const edit = versioned.mutation;

  const submit = (values: AdjustValues) => {
    const title = values.title.trim();
    const content = (values.content ?? '').trim();
    const deadline = fromDayjs(values.deadline);
    const changes = {
      ...(title !== baseValues.title ? { title } : {}),
      ...(content !== baseValues.content.trim() ? { content } : {}),
      ...(!task.continuous && deadline && deadline !== fromDayjs(baseValues.deadline) ? { deadline } : {}),
      ...(!sameList(values.coordinatorUnitCodes ?? [], baseValues.coordinatorUnitCodes) ? { coordinatorUnitCodes: values.coordinatorUnitCodes ?? [] } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    versioned.submit({ id: task.id, reason: values.reason.trim(), ...changes });
  };

  return (
    <Form<AdjustValues>
      form={form}
      name={`adjust-${task.id}`}
      layout="vertical"
      initialValues={{ reason: '', ...baseValues }}
      onFinish={submit}
      onValuesChange={() => setNothing(false)}
      disabled={edit.isPending}
    >
      <Typography.Paragraph type="secondary">{t('adjust.help')}</Typography.Paragraph>
      {versioned.alerts}
      {nothing ? <Alert type="warning" showIcon className="dondoc-gap" title={t('adjust.nothingChanged')} /> : null}
      <TaskTextFields />
      {task.continuous ? null : (
        <Form.Item name="deadline" label={t('taskForm.deadline')} rules={[typedDateRule(), { required: true, message: t('taskForm.deadlineRequired') }]}>
          <DateField placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      )}
      <Form.Item name="coordinatorUnitCodes" label={t('taskForm.coordinators')}>
        <Select<string[]>
          mode="multiple"
          allowClear
          options={unitSelect.options}
          showSearch={unitSelect.showSearch}
          placeholder={t('taskForm.unitSearch')}
          loading={units.isPending}
          className="dondoc-unit-select"
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('adjust.reason')}
        rules={[
          { required: true, whitespace: true, message: t('adjust.reasonRequired') },
          maxTextRule(2000),
        ]}
      >
        <LimitedText rows={3} max={2000} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={edit.isPending}>
          {t('adjust.save')}
        </Button>
        <Button onClick={onClose} disabled={false}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}

function CancelDialog({ task, onClose }: { task: IssuedTask; onClose: () => void }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const current = useQuery({ queryKey: coreKeys.task(task.id, undefined), queryFn: () => core.tasks.get.query({ id: task.id }) });
  // The version is the one first read (null until then), moved only by a reload.
  const versioned = useVersionedForm({
    version: null as number | null,
    save: (reason: string, version: number | null) => core.tasks.cancel.mutate({ id: task.id, version: version ?? current.data!.version, reason }),
    onSaved: () => {
      void message.success(t('adjust.cancelled', { code: task.code }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
      onClose();
    },
    reload: async () => {
      const fresh = await current.refetch();
      return fresh.data ? { version: fresh.data.version } : null;
    },
  });
  const cancel = versioned.mutation;
  return (
    <Modal
      open
      title={t('adjust.cancelTitle', { code: task.code })}
      okText={t('adjust.cancelConfirm')}
      okButtonProps={{ className: 'dondoc-danger-solid', disabled: !current.data }}
      cancelText={t('adjust.keep')}
      confirmLoading={cancel.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>{task.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('adjust.cancelText')}</Typography.Paragraph>
      {current.isError ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(current.error)} /> : null}
      {versioned.alerts}
      <Form form={form} name={`cancel-${task.id}`} layout="vertical" onFinish={(values) => versioned.submit(values.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('adjust.cancelReason')}
          rules={[
            { required: true, whitespace: true, message: t('adjust.cancelReasonRequired') },
            maxTextRule(2000),
          ]}
        >
          <LimitedText rows={4} max={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
