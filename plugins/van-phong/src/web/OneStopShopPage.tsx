/**
 * `/m/van-phong/mot-cua`: the modern one-stop-shop model (Plan 01/KH-UBND 2023): each department
 * and district keeps its milestones; the Văn phòng and coordinators see the city-wide progress.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, errorMessage, ErrorPanel, Form, formatDate, formatPercent, fromDayjs, Input, LimitedText, Modal, PageHeader, Popconfirm, Section, Select, Space, StatusTag, Table, TAG_COLORS, toDayjs, typedDateRule, Typography, useAccess, useLocale, useT, useVersionedForm } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, MILESTONE_STATUS_LABELS, MILESTONE_STATUSES, type MilestoneStatus } from '../domain/index.ts';
import { CAN, client, queries, type Milestone } from './client.ts';
import './i18n.ts';

const STATUS_COLORS: Record<MilestoneStatus, string> = { not_started: TAG_COLORS.grey, in_progress: TAG_COLORS.blue, done: TAG_COLORS.green };

export function OneStopShopPage() {
  const t = useT('van-phong');
  const common = useT();
  const { locale } = useLocale();
  const access = useAccess();
  const queryClient = useQueryClient();
  const list = useQuery(queries.milestones.list.queryOptions({}));
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const canWrite = access.can(CAN.milestonesWrite);
  const { message } = AntApp.useApp();
  const refresh = () => void queryClient.invalidateQueries(queries.pathFilter());
  const remove = useMutation({
    mutationFn: (row: Milestone) => client.milestones.remove.mutate({ id: row.id, version: row.version }),
    onSuccess: refresh,
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('oneStop.title')} intro={t('oneStop.intro')} />
      <Section title={t('oneStop.progress')} loading={list.isPending}>
        {data ? (
          <>
            <Typography.Paragraph data-testid="one-stop-city">
              {t('oneStop.city', { percent: formatPercent(data.city.percent, locale), done: data.city.done, total: data.city.total, overdue: data.city.overdue })}
            </Typography.Paragraph>
            <Table
              rowKey="unitCode"
              size="small"
              pagination={false}
              dataSource={data.byUnit}
              columns={[
                { title: t('oneStop.unit'), dataIndex: 'unitName' },
                { title: t('oneStop.done'), key: 'done', align: 'right', render: (_: unknown, row: (typeof data.byUnit)[number]) => `${row.done}/${row.total}` },
                { title: t('oneStop.percent'), dataIndex: 'percent', align: 'right', render: (value: number | null) => formatPercent(value, locale) },
                { title: t('oneStop.overdue'), dataIndex: 'overdue', align: 'right' },
              ]}
            />
          </>
        ) : null}
      </Section>
      <Section
        title={t('oneStop.milestones')}
        extra={
          canWrite ? (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('oneStop.add')}
            </Button>
          ) : null
        }
      >
        <Table<Milestone>
          rowKey="id"
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('oneStop.empty') }}
          columns={[
            { title: t('oneStop.unit'), dataIndex: 'unitName' },
            { title: t('oneStop.milestone'), dataIndex: 'title' },
            { title: t('oneStop.dueOn'), dataIndex: 'dueOn', render: (value: string, row) => (row.overdue ? <Typography.Text type="danger">{`${formatDate(value)} (${t('oneStop.late')})`}</Typography.Text> : formatDate(value)) },
            { title: t('oneStop.status'), dataIndex: 'status', render: (value: MilestoneStatus) => <StatusTag value={value} labels={MILESTONE_STATUS_LABELS} colors={STATUS_COLORS} /> },
            { title: t('oneStop.doneOn'), dataIndex: 'doneOn', render: (value: string | null) => (value ? formatDate(value) : '—') },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, row: Milestone) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(row)} aria-label={`${t('common.edit')} ${row.title}`}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm title={t('oneStop.removeConfirm', { title: row.title })} onConfirm={() => remove.mutate(row)}>
                          <Button size="small" danger aria-label={`${t('common.remove')} ${row.title}`}>
                            {t('common.remove')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      {editing ? <MilestoneForm milestone={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
    </div>
  );
}

interface MilestoneValues {
  title: string;
  dueOn: ReturnType<typeof toDayjs>;
  status: MilestoneStatus;
  doneOn?: ReturnType<typeof toDayjs>;
  note?: string;
}

function MilestoneForm({ milestone, onClose, onSaved }: { milestone: Milestone | null; onClose: () => void; onSaved: () => void }) {
  const t = useT('van-phong');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<MilestoneValues>();
  const status = Form.useWatch('status', form);
  const versioned = useVersionedForm<MilestoneValues, { version: number }>({
    version: milestone?.version ?? null,
    form,
    save: (values, version) => {
      const fields = { title: values.title, dueOn: fromDayjs(values.dueOn) ?? '', status: values.status, doneOn: values.status === 'done' ? fromDayjs(values.doneOn) : null, note: values.note || null };
      return milestone ? client.milestones.update.mutate({ id: milestone.id, version: version ?? milestone.version, ...fields }) : client.milestones.create.mutate(fields);
    },
    onSaved: () => {
      void message.success(t('common.saved'));
      onSaved();
      onClose();
    },
  });
  return (
    <Modal open title={milestone ? t('common.edit') : t('oneStop.add')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={versioned.mutation.isPending}>
      {versioned.alerts}
      <Form<MilestoneValues>
        form={form}
        layout="vertical"
        name="van-phong-milestone"
        initialValues={milestone ? { title: milestone.title, dueOn: toDayjs(milestone.dueOn), status: milestone.status as MilestoneStatus, doneOn: toDayjs(milestone.doneOn), note: milestone.note ?? '' } : { status: 'not_started' }}
        onFinish={versioned.submit}
      >
        <Form.Item name="title" label={t('oneStop.milestone')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={MAX_NAME_LENGTH} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('oneStop.dueOn')} rules={[{ required: true }, typedDateRule()]}>
          <DateField style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="status" label={t('oneStop.status')} rules={[{ required: true }]}>
          <Select options={MILESTONE_STATUSES.map((value) => ({ value, label: MILESTONE_STATUS_LABELS[value][locale] }))} />
        </Form.Item>
        {status === 'done' ? (
          <Form.Item name="doneOn" label={t('oneStop.doneOn')} rules={[{ required: true }, typedDateRule()]}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('oneStop.note')}>
          <LimitedText max={MAX_TEXT_LENGTH} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
