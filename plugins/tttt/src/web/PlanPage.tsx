/**
 * `/m/tttt/ke-hoach/:unitCode?nam=2027`: one unit's plan. The unit edits it (while it is not with
 * Sở TT&TT), ticks the contents Plan 64 requires and sends it; Sở TT&TT returns it with a reason or
 * approves it, and follows its key items as core tasks; coordinators read.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Checkbox, DownloadButton, errorMessage, ErrorPanel, FilePicker, Form, formatDate, FormDialog, fromDayjs, hanoiDay, Input, LimitedText, Link, modulePath, PageHeader, PersonName, Popconfirm, Section, Space, StatusTag, Table, toDayjs, typedDateRule, Typography, uploadForm, uploadWithProgress, useAccess, useParams, useSearchParams, useT, useVersionedForm } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { PLAN_TARGET_YEAR } from '../domain/target.ts';
import { client, MODULE_ID, queries, type PlanDetail, type StoredPlan } from './client.ts';
import { PLAN_STATE_COLORS, PLAN_STATE_LABELS } from './labels.ts';
import './i18n.ts';

const WRITE = 'tttt.plans:write';
const SUBMIT = 'tttt.plans:submit';
const REVIEW = 'tttt.plans:review';

export function PlanPage() {
  const t = useT('tttt');
  const { unitCode = '' } = useParams();
  const [search] = useSearchParams();
  const year = Number(search.get('nam')) || PLAN_TARGET_YEAR;
  return (
    <div className="dondoc-page">
      <PlanView unitCode={unitCode} year={year} withTitle />
      <Link to={modulePath(MODULE_ID, '')}>{t('plan.back')}</Link>
    </div>
  );
}

/** A unit's plan for a year: read, edited by the unit, reviewed by Sở TT&TT. */
export function PlanView({ unitCode, year, withTitle = false }: { unitCode: string; year: number; withTitle?: boolean }) {
  const t = useT('tttt');
  const common = useT();
  const access = useAccess();
  const detail = useQuery(queries.plans.get.queryOptions({ unitCode, year }));
  if (detail.isError) return <ErrorPanel title={common('common.loadFailed')} error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <Typography.Text type="secondary">{common('common.loading')}</Typography.Text>;
  const { plan, unit } = detail.data;
  const title = t('plan.title', { year, unit: unit?.name ?? unitCode });
  const editable = access.can(WRITE) && access.actsFor(unitCode) && (!plan || plan.state === 'draft' || plan.state === 'returned');
  return (
    <>
      {withTitle ? <PageHeader title={title} /> : <Typography.Title level={2}>{title}</Typography.Title>}
      {plan ? <PlanStatus plan={plan} /> : <Typography.Paragraph>{t('plan.none', { year })}</Typography.Paragraph>}
      {plan && plan.state === 'returned' && plan.returnReasons.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('plan.returnReasons')}
          description={
            <ul data-testid="return-reasons" style={{ margin: 0 }}>
              {plan.returnReasons.map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {editable ? <PlanEditor key={plan?.id ?? 'new'} detail={detail.data} unitCode={unitCode} year={year} /> : plan ? <PlanReadOnly detail={detail.data} plan={plan} /> : null}
      {plan && plan.state === 'submitted' && access.can(REVIEW) ? <ReviewActions plan={plan} /> : null}
    </>
  );
}

function PlanStatus({ plan }: { plan: StoredPlan }) {
  const t = useT('tttt');
  return (
    <Space direction="vertical" style={{ marginBottom: 16 }}>
      <Space wrap>
        <StatusTag value={plan.state} labels={PLAN_STATE_LABELS} colors={PLAN_STATE_COLORS} data-testid="plan-state" />
        <Typography.Text data-testid="plan-check">
          {t('plan.check', { covered: plan.check.covered.length, total: plan.check.covered.length + plan.check.missing.length })}
          {plan.check.missing.length > 0 ? ` — ${t('plan.missing', { list: plan.check.missing.join(', ') })}` : ''}
        </Typography.Text>
      </Space>
      {plan.submittedAt ? (
        <Typography.Text type="secondary" data-testid="plan-submitted">
          {t('plan.submittedBy', { n: plan.submissions, date: formatDate(hanoiDay(new Date(plan.submittedAt))) })} — <PersonName person={plan.submittedByPerson} />
        </Typography.Text>
      ) : null}
      {plan.reviewedAt ? (
        <Typography.Text type="secondary">
          {t('plan.reviewedBy', { date: formatDate(hanoiDay(new Date(plan.reviewedAt))) })} — <PersonName person={plan.reviewedByPerson} />
        </Typography.Text>
      ) : null}
    </Space>
  );
}

interface PlanValues {
  title: string;
  documentNumber?: string;
  documentDate?: ReturnType<typeof toDayjs>;
  summary?: string;
  contentCodes: string[];
  items: Array<{ title: string; owner: string; deadline?: ReturnType<typeof toDayjs> }>;
}

/** The unit's form: saved with the version it was opened on; "Gửi" sends the saved plan. */
function PlanEditor({ detail, unitCode, year }: { detail: PlanDetail; unitCode: string; year: number }) {
  const t = useT('tttt');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PlanValues>();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(queries.pathFilter());
  const plan = detail.plan;
  const inputOf = (values: PlanValues, version: number | null) => ({
    unitCode,
    year,
    ...(version ? { version } : {}),
    title: values.title,
    documentNumber: values.documentNumber ?? null,
    documentDate: fromDayjs(values.documentDate ?? null),
    summary: values.summary ?? null,
    contentCodes: values.contentCodes ?? [],
    items: (values.items ?? []).map((item) => ({ title: item.title, owner: item.owner, deadline: fromDayjs(item.deadline ?? null) })),
  });
  const versioned = useVersionedForm<PlanValues, { id: string; version: number }, number | null>({
    version: plan?.version ?? null,
    form,
    save: (values, version) => client.plans.save.mutate(inputOf(values, version)),
    onSaved: () => {
      void message.success(t('plan.saved'));
      void refresh();
    },
  });
  const canSubmit = useAccess().can(SUBMIT);
  // "Gửi" saves what is on screen first, then sends that version: what Sở TT&TT reads is what the unit saw.
  const submit = useMutation({
    mutationFn: async () => {
      const values = await form.validateFields();
      const saved = await client.plans.save.mutate(inputOf(values, versioned.version));
      return client.plans.submit.mutate({ id: saved.id, version: saved.version });
    },
    onSuccess: () => {
      void message.success(t('plan.submitted'));
      void refresh();
    },
  });
  const attach = useMutation({
    mutationFn: (file: File) => uploadWithProgress<{ version: number }>(MODULE_ID, 'plans.attach', uploadForm(file, { id: plan!.id, version: versioned.version ?? plan!.version }), () => {}),
    onSuccess: (saved) => {
      versioned.setVersion(saved.version);
      void message.success(t('plan.attached'));
      void refresh();
    },
  });
  return (
    <Section title={t('plans.own')}>
      {versioned.alerts}
      {attach.isError ? <Alert type="error" showIcon message={errorMessage(attach.error)} style={{ marginBottom: 12 }} /> : null}
      {submit.isError ? <Alert type="error" showIcon message={errorMessage(submit.error)} style={{ marginBottom: 12 }} /> : null}
      <Form<PlanValues>
        form={form}
        layout="vertical"
        name="tttt-plan"
        initialValues={{
          title: plan?.title ?? '',
          documentNumber: plan?.documentNumber ?? '',
          documentDate: toDayjs(plan?.documentDate ?? null),
          summary: plan?.summary ?? '',
          contentCodes: plan?.contentCodes ?? [],
          items: (plan?.items ?? []).map((item) => ({ title: item.title, owner: item.owner, deadline: toDayjs(item.deadline) })),
        }}
        onFinish={versioned.submit}
      >
        <Form.Item name="title" label={t('plan.planTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="documentNumber" label={t('plan.documentNumber')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="documentDate" label={t('plan.documentDate')} rules={[typedDateRule()]}>
            <DateField />
          </Form.Item>
        </Space>
        {plan ? (
          <Form.Item label={t('plan.document')} extra={t('plan.documentHelp')}>
            <FilePicker id="tttt-plan-document" accept=".pdf,.docx" label={t('plan.chooseDocument')} chosen={plan.document?.fileName ?? null} onPick={(file) => attach.mutate(file)} loading={attach.isPending}>
              {plan.document ? <DocumentDownload planId={plan.id} /> : null}
            </FilePicker>
          </Form.Item>
        ) : null}
        <Form.Item name="summary" label={t('plan.summary')}>
          <LimitedText max={5000} rows={3} />
        </Form.Item>
        <Form.Item name="contentCodes" label={t('plan.contents')} extra={t('plan.contentsHelp')}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={detail.required.filter((c) => c.active).map((c) => ({ value: c.code, label: `${c.code}. ${c.title}` }))} />
        </Form.Item>
        <Typography.Title level={3} style={{ fontSize: 16 }}>
          {t('plan.items')}
        </Typography.Title>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'title']} label={`${t('plan.itemTitle')} ${index + 1}`} rules={[{ required: true, whitespace: true }]}>
                    <Input maxLength={500} style={{ width: 360 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'owner']} label={t('plan.itemOwner')} rules={[{ required: true, whitespace: true }]}>
                    <Input maxLength={300} style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'deadline']} label={t('plan.itemDeadline')} rules={[typedDateRule()]}>
                    <DateField />
                  </Form.Item>
                  <Button aria-label={t('plan.removeItem', { n: index + 1 })} onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                    ×
                  </Button>
                </Space>
              ))}
              <Form.Item>
                <Button onClick={() => add({ title: '', owner: '' })}>{t('plan.addItem')}</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={versioned.mutation.isPending}>
            {t('plan.save')}
          </Button>
          {canSubmit ? (
            <Button onClick={() => submit.mutate()} loading={submit.isPending}>
              {t('plan.submit')}
            </Button>
          ) : null}
        </Space>
      </Form>
    </Section>
  );
}

/** The plan as sent: its document, contents and key items (Sở TT&TT follows an approved plan's items as tasks). */
function PlanReadOnly({ detail, plan }: { detail: PlanDetail; plan: StoredPlan }) {
  const t = useT('tttt');
  const access = useAccess();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const follow = useMutation({
    mutationFn: (itemId: string) => client.plans.openItemTask.mutate({ itemId }),
    onSuccess: (result) => {
      void message.success(t('plan.followed', { code: result.taskCode }));
      void queryClient.invalidateQueries(queries.pathFilter());
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const canFollow = plan.state === 'approved' && access.can(REVIEW);
  const covered = new Set(plan.contentCodes);
  return (
    <Section title={plan.title}>
      <Typography.Paragraph>
        {plan.documentNumber ? `${t('plan.documentNumber')}: ${plan.documentNumber}` : ''}
        {plan.documentDate ? ` — ${t('plan.documentDate')}: ${formatDate(plan.documentDate)}` : ''}
      </Typography.Paragraph>
      {plan.document ? (
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>
            {t('plan.document')}: {plan.document.fileName}
          </Typography.Text>
          <DocumentDownload planId={plan.id} />
        </Space>
      ) : null}
      {plan.summary ? <Typography.Paragraph>{plan.summary}</Typography.Paragraph> : null}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('plan.contents')}
      </Typography.Title>
      <ul>
        {detail.required
          .filter((c) => c.active)
          .map((c) => (
            <li key={c.code}>
              {covered.has(c.code) ? '✓' : '✗'} {c.code}. {c.title}
            </li>
          ))}
      </ul>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('plan.items')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={plan.items}
        columns={[
          { title: t('plan.itemTitle'), dataIndex: 'title' },
          { title: t('plan.itemOwner'), dataIndex: 'owner' },
          { title: t('plan.itemDeadline'), dataIndex: 'deadline', render: (value: string | null) => formatDate(value) },
          {
            title: t('plan.task'),
            key: 'task',
            render: (_: unknown, item: StoredPlan['items'][number]) =>
              item.taskCode ? (
                <Link to={`/nhiem-vu/${item.taskId}`}>{item.taskCode}</Link>
              ) : canFollow ? (
                <Button size="small" onClick={() => follow.mutate(item.id)} loading={follow.isPending && follow.variables === item.id}>
                  {t('plan.follow')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Section>
  );
}

function DocumentDownload({ planId }: { planId: string }) {
  const t = useT('tttt');
  return (
    <DownloadButton size="small" load={() => client.plans.document.query({ id: planId })}>
      {t('plan.downloadDocument')}
    </DownloadButton>
  );
}

/** Sở TT&TT's decision on a submitted plan: return with a reason, or approve. */
function ReviewActions({ plan }: { plan: StoredPlan }) {
  const t = useT('tttt');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const done = (text: string) => () => {
    void message.success(text);
    setReturning(false);
    void queryClient.invalidateQueries(queries.pathFilter());
  };
  const giveBack = useMutation({
    mutationFn: (values: { reason: string }) => client.plans.review.mutate({ id: plan.id, version: plan.version, decision: 'return', reasons: [values.reason] }),
    onSuccess: done(t('plan.returned')),
  });
  const approve = useMutation({
    mutationFn: () => client.plans.review.mutate({ id: plan.id, version: plan.version, decision: 'approve' }),
    onSuccess: done(t('plan.approved')),
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Space style={{ marginTop: 16 }}>
      <Button danger onClick={() => setReturning(true)}>
        {t('plan.return')}
      </Button>
      <Popconfirm title={t('plan.approveConfirm')} okText={t('plan.approve')} onConfirm={() => approve.mutate()}>
        <Button type="primary" loading={approve.isPending}>
          {t('plan.approve')}
        </Button>
      </Popconfirm>
      <FormDialog<{ reason: string }>
        open={returning}
        title={t('plan.returnTitle')}
        okText={t('plan.return')}
        name="tttt-return"
        action={giveBack}
        onSubmit={(values) => giveBack.mutate(values)}
        onClose={() => setReturning(false)}
      >
        <Form.Item name="reason" label={t('plan.reason')} rules={[{ required: true, whitespace: true }]}>
          <LimitedText max={2000} rows={3} />
        </Form.Item>
      </FormDialog>
    </Space>
  );
}
