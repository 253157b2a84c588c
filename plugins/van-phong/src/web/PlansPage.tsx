/**
 * `/m/van-phong/phuong-an`: the shares of internal procedures and of compliance cost cut (city-wide
 * and per department, toward the 20% of 2025), and the simplification plans: the owner
 * department edits a proposed or returned plan; the Văn phòng approves, returns or records it
 * implemented — which records the two 2458 targets.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, downloadFile, ErrorPanel, Form, formatNumber, formatPercent, FormDialog, fromDayjs, LimitedText, PageHeader, Section, Space, StatusTag, Table, todayIso, toDayjs, typedDateRule, Typography, useAccess, useLocale, useSession, useT } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { Descriptions } from '@dondoc/ui/panels';
import { ACTION_LABELS, MAX_TEXT_LENGTH, PLAN_STATUS_LABELS, planEditable, type PlanAction, type PlanStatus } from '../domain/index.ts';
import { PLAN_STATUS_COLORS } from './CataloguePage.tsx';
import { CAN, client, queries, type Plan, type Shares } from './client.ts';
import { PlanForm, type PlanValues } from './parts.tsx';
import './i18n.ts';

type Review = { plan: Plan; step: 'approve' | 'return' | 'implement' };

export function PlansPage() {
  const t = useT('van-phong');
  const common = useT();
  const { locale } = useLocale();
  const access = useAccess();
  const queryClient = useQueryClient();
  const list = useQuery(queries.plans.list.queryOptions({}));
  const shares = useQuery(queries.plans.shares.queryOptions());
  const [review, setReview] = useState<Review | null>(null);
  const [editing, setEditing] = useState<Plan | null>(null);
  const refresh = () => void queryClient.invalidateQueries();
  const exportFile = useMutation({ mutationFn: () => client.plans.export.query({}), onSuccess: downloadFile });
  const canReview = access.can(CAN.plansReview);
  const canWrite = access.can(CAN.plansWrite);
  // The owner department edits its own plans only.
  const myUnit = useSession().user.unit?.code ?? null;

  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('plans.title')} intro={t('plans.intro')} />
      <Section title={t('shares.title')} loading={shares.isPending}>
        {shares.data ? <SharesView shares={shares.data} /> : null}
      </Section>
      <Section
        title={t('plans.list')}
        loading={list.isPending}
        extra={
          <Button onClick={() => exportFile.mutate()} loading={exportFile.isPending}>
            {t('common.export')}
          </Button>
        }
      >
        <Table<Plan>
          rowKey="id"
          data-testid="plans"
          dataSource={list.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: t('plans.empty') }}
          columns={[
            { title: t('catalogue.code'), dataIndex: 'procedureCode' },
            { title: t('catalogue.name'), dataIndex: 'procedureName' },
            { title: t('catalogue.owner'), dataIndex: 'ownerUnitName' },
            { title: t('plans.action'), dataIndex: 'action', render: (value: PlanAction) => ACTION_LABELS[value][locale] },
            { title: t('plans.content'), dataIndex: 'content' },
            { title: t('plans.cost'), key: 'cost', align: 'right', render: (_: unknown, row) => `${formatNumber(row.costBefore, locale)} → ${formatNumber(row.action === 'cut' ? 0 : row.costAfter, locale)}` },
            { title: t('plans.days'), key: 'days', align: 'right', render: (_: unknown, row) => (row.daysBefore === null ? '—' : `${row.daysBefore} → ${row.daysAfter ?? '—'}`) },
            {
              title: t('plans.status'),
              dataIndex: 'status',
              render: (value: PlanStatus, row) => (
                <Space direction="vertical" size={0}>
                  <StatusTag value={value} labels={PLAN_STATUS_LABELS} colors={PLAN_STATUS_COLORS} />
                  {row.reviewedByName ? <Typography.Text type="secondary">{t('plans.reviewedBy', { name: row.reviewedByName })}</Typography.Text> : null}
                  {row.reviewNote ? <Typography.Text type="secondary">{row.reviewNote}</Typography.Text> : null}
                </Space>
              ),
            },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, row) => (
                <Space wrap>
                  {canWrite && row.ownerUnitCode === myUnit && planEditable(row.status as PlanStatus) ? (
                    <Button size="small" onClick={() => setEditing(row)} aria-label={`${t('common.edit')} ${row.procedureCode}`}>
                      {t('common.edit')}
                    </Button>
                  ) : null}
                  {canReview && row.status === 'proposed' ? (
                    <Button size="small" type="primary" onClick={() => setReview({ plan: row, step: 'approve' })} aria-label={`${t('plans.approve')} ${row.procedureCode}`}>
                      {t('plans.approve')}
                    </Button>
                  ) : null}
                  {canReview && row.status === 'approved' ? (
                    <Button size="small" onClick={() => setReview({ plan: row, step: 'implement' })} aria-label={`${t('plans.implement')} ${row.procedureCode}`}>
                      {t('plans.implement')}
                    </Button>
                  ) : null}
                  {canReview && (row.status === 'proposed' || row.status === 'approved') ? (
                    <Button size="small" danger onClick={() => setReview({ plan: row, step: 'return' })} aria-label={`${t('plans.return')} ${row.procedureCode}`}>
                      {t('plans.return')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Section>
      <ReviewDialog review={review} onClose={() => setReview(null)} onSaved={refresh} />
      {editing ? (
        <PlanForm
          procedure={{ id: editing.procedureId, code: editing.procedureCode, name: editing.procedureName, complianceCost: editing.costBefore }}
          plan={{ ...(editing as unknown as PlanValues), id: editing.id, version: editing.version }}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      ) : null}
    </div>
  );
}

function SharesView({ shares }: { shares: Shares }) {
  const t = useT('van-phong');
  const { locale } = useLocale();
  const { city } = shares;
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        data-testid="city-shares"
        items={[
          { key: 'internal', label: t('shares.internal'), children: t('shares.value', { percent: formatPercent(city.internal.percent, locale), numerator: city.internal.numerator, denominator: city.internal.denominator }) },
          { key: 'cost', label: t('shares.cost'), children: t('shares.value', { percent: formatPercent(city.cost.percent, locale), numerator: formatNumber(city.cost.numerator, locale), denominator: formatNumber(city.cost.denominator, locale) }) },
          { key: 'provisional', label: t('shares.basis'), children: city.provisional ? t('shares.provisional', { count: city.pendingImplementation }) : t('shares.final') },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('shares.definition')}
      </Typography.Paragraph>
      <Table
        rowKey="unitCode"
        size="small"
        pagination={false}
        dataSource={shares.byUnit}
        columns={[
          { title: t('catalogue.owner'), dataIndex: 'unitName' },
          { title: t('shares.internal'), key: 'internal', align: 'right', render: (_: unknown, row: Shares['byUnit'][number]) => `${formatPercent(row.internal.percent, locale)} (${row.internal.numerator}/${row.internal.denominator})` },
          { title: t('shares.cost'), key: 'cost', align: 'right', render: (_: unknown, row: Shares['byUnit'][number]) => formatPercent(row.cost.percent, locale) },
        ]}
      />
    </>
  );
}

interface ReviewValues {
  note?: string;
  implementedOn?: ReturnType<typeof toDayjs>;
}

/** Approve (a note), return (a reason) or record the implementation (its date). */
function ReviewDialog({ review, onClose, onSaved }: { review: Review | null; onClose: () => void; onSaved: () => void }) {
  const t = useT('van-phong');
  const send = useMutation({
    mutationFn: (values: ReviewValues) => {
      const { plan, step } = review!;
      const target = { id: plan.id, version: plan.version };
      if (step === 'approve') return client.plans.approve.mutate({ ...target, note: values.note || null });
      if (step === 'return') return client.plans.return.mutate({ ...target, note: values.note ?? '' });
      return client.plans.implement.mutate({ ...target, implementedOn: fromDayjs(values.implementedOn) ?? '' });
    },
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  const step = review?.step ?? 'approve';
  return (
    <FormDialog<ReviewValues>
      open={review !== null}
      title={`${t(`plans.${step}`)}: ${review?.plan.procedureCode ?? ''}`}
      okText={t(`plans.${step}`)}
      name="van-phong-review"
      action={send}
      onSubmit={(values) => send.mutate(values)}
      onClose={onClose}
      intro={<Typography.Paragraph>{t(`plans.${step}Intro`)}</Typography.Paragraph>}
      initialValues={step === 'implement' ? { implementedOn: toDayjs(todayIso()) } : {}}
    >
      {step === 'implement' ? (
        <Form.Item name="implementedOn" label={t('plans.implementedOn')} rules={[{ required: true }, typedDateRule()]}>
          <DateField style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item name="note" label={t(step === 'return' ? 'plans.reason' : 'plans.note')} rules={step === 'return' ? [{ required: true, whitespace: true }] : []}>
          <LimitedText max={MAX_TEXT_LENGTH} rows={3} />
        </Form.Item>
      )}
    </FormDialog>
  );
}
