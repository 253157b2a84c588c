/**
 * `/m/van-phong/`: the procedure catalogue the caller reads (a department: its own; the Văn
 * phòng and coordinators: every one), the publication backlog, and from each procedure its
 * simplification plan. Exported to xlsx.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, downloadFile, errorMessage, ErrorPanel, Form, formatDate, formatNumber, FormDialog, fromDayjs, Input, InputNumber, Link, Modal, modulePath, PageHeader, Popconfirm, Section, Select, Space, StatusTag, Table, TAG_COLORS, todayIso, toDayjs, typedDateRule, Typography, useAccess, useLocale, useSession, useT, useVersionedForm } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import {
  KIND_LABELS,
  LEVEL_LABELS,
  MAX_CODE_LENGTH,
  MAX_NAME_LENGTH,
  ONLINE_LABELS,
  ONLINE_SERVICES,
  PLAN_STATUS_LABELS,
  PROCEDURE_KINDS,
  PROCEDURE_LEVELS,
  type OnlineService,
  type PlanStatus,
  type ProcedureKind,
  type ProcedureLevel,
} from '../domain/index.ts';
import { CAN, client, MODULE_ID, queries, type BacklogItem, type Procedure } from './client.ts';
import { PlanForm } from './parts.tsx';
import './i18n.ts';

export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = { proposed: TAG_COLORS.blue, returned: TAG_COLORS.orange, approved: TAG_COLORS.cyan, implemented: TAG_COLORS.green };

export function CataloguePage() {
  const t = useT('van-phong');
  const common = useT();
  const { locale } = useLocale();
  const access = useAccess();
  const queryClient = useQueryClient();
  const list = useQuery(queries.procedures.list.queryOptions({}));
  const backlog = useQuery(queries.procedures.backlog.queryOptions({}));
  const [editing, setEditing] = useState<Procedure | 'new' | null>(null);
  const [proposing, setProposing] = useState<Procedure | null>(null);
  const [publishing, setPublishing] = useState<BacklogItem | null>(null);
  const refresh = () => void queryClient.invalidateQueries(queries.pathFilter());
  const exportFile = useMutation({ mutationFn: () => client.procedures.export.query({}), onSuccess: downloadFile });
  const { message } = AntApp.useApp();
  const remove = useMutation({
    mutationFn: (row: Procedure) => client.procedures.remove.mutate({ id: row.id, version: row.version }),
    onSuccess: refresh,
    onError: (error) => void message.error(errorMessage(error)),
  });
  const canWrite = access.can(CAN.proceduresWrite);
  const canPropose = access.can(CAN.plansWrite);
  // A department proposes plans for its own procedures only.
  const myUnit = useSession().user.unit?.code ?? null;

  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('catalogue.title')} intro={t('catalogue.intro')} />
      <Section
        title={t('catalogue.list')}
        loading={list.isPending}
        extra={
          <Space wrap>
            {canWrite ? (
              <>
                <Button type="primary" onClick={() => setEditing('new')}>
                  {t('catalogue.add')}
                </Button>
                <Link to={modulePath(MODULE_ID, 'nhap-tu-tep')}>{t('catalogue.import')}</Link>
              </>
            ) : null}
            <Button onClick={() => exportFile.mutate()} loading={exportFile.isPending}>
              {t('common.export')}
            </Button>
          </Space>
        }
      >
        <Table<Procedure>
          rowKey="id"
          data-testid="procedures"
          dataSource={list.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: t('catalogue.empty') }}
          columns={[
            { title: t('catalogue.code'), dataIndex: 'code' },
            { title: t('catalogue.name'), dataIndex: 'name' },
            { title: t('catalogue.owner'), dataIndex: 'ownerUnitName' },
            { title: t('catalogue.kind'), dataIndex: 'kind', render: (value: ProcedureKind) => KIND_LABELS[value][locale] },
            { title: t('catalogue.level'), dataIndex: 'level', render: (value: ProcedureLevel) => LEVEL_LABELS[value][locale] },
            { title: t('catalogue.announcedOn'), dataIndex: 'announcedOn', render: (value: string | null) => (value ? formatDate(value) : '—') },
            { title: t('catalogue.publishedOn'), dataIndex: 'publishedOn', render: (value: string | null, row) => (value ? formatDate(value) : row.announcedOn ? t('catalogue.notPublished') : '—') },
            { title: t('catalogue.online'), dataIndex: 'onlineService', render: (value: OnlineService) => ONLINE_LABELS[value][locale] },
            { title: t('catalogue.cost'), dataIndex: 'complianceCost', align: 'right', render: (value: number | null) => formatNumber(value, locale) },
            {
              title: t('catalogue.plan'),
              key: 'plan',
              render: (_: unknown, row) =>
                row.plan ? (
                  <StatusTag value={row.plan.status as PlanStatus} labels={PLAN_STATUS_LABELS} colors={PLAN_STATUS_COLORS} />
                ) : canPropose && row.ownerUnitCode === myUnit ? (
                  <Button size="small" onClick={() => setProposing(row)} aria-label={`${t('plans.propose')} ${row.code}`}>
                    {t('plans.propose')}
                  </Button>
                ) : (
                  '—'
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, row: Procedure) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(row)} aria-label={`${t('common.edit')} ${row.code}`}>
                          {t('common.edit')}
                        </Button>
                        {row.plan ? null : (
                          <Popconfirm title={t('catalogue.removeConfirm', { code: row.code })} onConfirm={() => remove.mutate(row)}>
                            <Button size="small" danger aria-label={`${t('common.remove')} ${row.code}`}>
                              {t('common.remove')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      <Section title={t('backlog.title')} loading={backlog.isPending}>
        {backlog.isError ? <ErrorPanel title={common('common.loadFailed')} error={backlog.error} onRetry={() => void backlog.refetch()} /> : null}
        {backlog.data ? (
          <>
            <Typography.Paragraph data-testid="backlog-summary">
              {backlog.data.byUnit.length === 0
                ? t('backlog.none')
                : backlog.data.byUnit.map((unit) => t('backlog.unit', { unit: unit.ownerUnitName, count: unit.count, days: unit.longestWait })).join('; ')}
            </Typography.Paragraph>
            <Table<BacklogItem>
              rowKey="id"
              dataSource={backlog.data.items}
              pagination={false}
              locale={{ emptyText: t('backlog.none') }}
              columns={[
                { title: t('catalogue.code'), dataIndex: 'code' },
                { title: t('catalogue.name'), dataIndex: 'name' },
                { title: t('catalogue.owner'), dataIndex: 'ownerUnitName' },
                { title: t('catalogue.decision'), dataIndex: 'decisionNumber' },
                { title: t('catalogue.announcedOn'), dataIndex: 'announcedOn', render: (value: string) => formatDate(value) },
                { title: t('backlog.days'), dataIndex: 'daysWaited', align: 'right' },
                ...(access.can(CAN.proceduresPublish)
                  ? [
                      {
                        title: '',
                        key: 'publish',
                        render: (_: unknown, item: BacklogItem) => (
                          <Button size="small" onClick={() => setPublishing(item)} aria-label={`${t('backlog.publish')} ${item.code}`}>
                            {t('backlog.publish')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </>
        ) : null}
      </Section>
      {editing ? <ProcedureForm procedure={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
      {proposing ? <PlanForm procedure={proposing} plan={null} onClose={() => setProposing(null)} onSaved={refresh} /> : null}
      <PublishDialog item={publishing} onClose={() => setPublishing(null)} onSaved={refresh} />
    </div>
  );
}

function PublishDialog({ item, onClose, onSaved }: { item: BacklogItem | null; onClose: () => void; onSaved: () => void }) {
  const t = useT('van-phong');
  const publish = useMutation({
    mutationFn: (values: { publishedOn: ReturnType<typeof toDayjs> }) => client.procedures.publish.mutate({ id: item!.id, version: item!.version, publishedOn: fromDayjs(values.publishedOn) }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <FormDialog<{ publishedOn: ReturnType<typeof toDayjs> }>
      open={item !== null}
      title={`${t('backlog.publish')}: ${item?.code ?? ''}`}
      okText={t('backlog.publish')}
      name="van-phong-publish"
      action={publish}
      onSubmit={(values) => publish.mutate(values)}
      onClose={onClose}
      initialValues={{ publishedOn: toDayjs(todayIso()) }}
    >
      <Form.Item name="publishedOn" label={t('catalogue.publishedOn')} rules={[{ required: true }, typedDateRule()]}>
        <DateField style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}

interface ProcedureValues {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  kind: ProcedureKind;
  decisionNumber?: string;
  announcedOn?: ReturnType<typeof toDayjs>;
  onlineService: OnlineService;
  complianceCost?: number | null;
}

/** Adds a procedure to the caller's catalogue or edits one, with the version it was opened on. */
function ProcedureForm({ procedure, onClose, onSaved }: { procedure: Procedure | null; onClose: () => void; onSaved: () => void }) {
  const t = useT('van-phong');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ProcedureValues>();
  const versioned = useVersionedForm<ProcedureValues, { version: number }>({
    version: procedure?.version ?? null,
    form,
    save: (values, version) => {
      const fields = {
        code: values.code,
        name: values.name,
        field: values.field,
        level: values.level,
        kind: values.kind,
        decisionNumber: values.decisionNumber || null,
        announcedOn: fromDayjs(values.announcedOn),
        onlineService: values.onlineService,
        complianceCost: values.complianceCost ?? null,
      };
      return procedure ? client.procedures.update.mutate({ id: procedure.id, version: version ?? procedure.version, ...fields }) : client.procedures.create.mutate(fields);
    },
    onSaved: () => {
      void message.success(t('common.saved'));
      onSaved();
      onClose();
    },
  });
  const options = <T extends string>(values: readonly T[], labels: Record<T, { vi: string; en: string }>) => values.map((value) => ({ value, label: labels[value][locale] }));
  return (
    <Modal open title={procedure ? `${t('common.edit')}: ${procedure.code}` : t('catalogue.add')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={versioned.mutation.isPending}>
      {versioned.alerts}
      <Form<ProcedureValues>
        form={form}
        layout="vertical"
        name="van-phong-procedure"
        initialValues={
          procedure
            ? { ...procedure, level: procedure.level as ProcedureLevel, kind: procedure.kind as ProcedureKind, onlineService: procedure.onlineService as OnlineService, decisionNumber: procedure.decisionNumber ?? '', announcedOn: toDayjs(procedure.announcedOn) }
            : { level: 'city', kind: 'external', onlineService: 'none' }
        }
        onFinish={versioned.submit}
      >
        <Form.Item name="code" label={t('catalogue.code')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={MAX_CODE_LENGTH} />
        </Form.Item>
        <Form.Item name="name" label={t('catalogue.name')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={MAX_NAME_LENGTH} rows={2} />
        </Form.Item>
        <Form.Item name="field" label={t('catalogue.field')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="level" label={t('catalogue.level')} rules={[{ required: true }]}>
          <Select options={options(PROCEDURE_LEVELS, LEVEL_LABELS)} />
        </Form.Item>
        <Form.Item name="kind" label={t('catalogue.kind')} rules={[{ required: true }]}>
          <Select options={options(PROCEDURE_KINDS, KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="decisionNumber" label={t('catalogue.decision')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="announcedOn" label={t('catalogue.announcedOn')} rules={[typedDateRule()]}>
          <DateField style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="onlineService" label={t('catalogue.online')} rules={[{ required: true }]}>
          <Select options={options(ONLINE_SERVICES, ONLINE_LABELS)} />
        </Form.Item>
        <Form.Item name="complianceCost" label={t('catalogue.cost')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
