/**
 * `/m/tttt/`: the year's digital-transformation plans. Sở TT&TT and coordinators see every
 * department and district, the approved share, the target's reading and forecast, and remind
 * the units without an approved plan; a unit goes straight to its own plan.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FORECAST_CLASS_LABELS } from '@dondoc/plugin-sdk/web';
import { App as AntApp, Button, DownloadButton, errorMessage, ErrorPanel, FORECAST_COLORS, formatDate, formatPercent, hanoiDay, Link, modulePath, PageHeader, Section, Select, Space, StatusTag, Table, Typography, useAccess, useLocale, useT } from '@dondoc/ui';
import { PLAN_TARGET_YEAR } from '../domain/target.ts';
import { client, MODULE_ID, queries, type PlanList, type PlanListRow } from './client.ts';
import { PLAN_STATE_COLORS, PLAN_STATE_LABELS } from './labels.ts';
import { PlanView } from './PlanPage.tsx';
import './i18n.ts';

const REVIEW = 'tttt.plans:review';
const YEARS = [PLAN_TARGET_YEAR - 1, PLAN_TARGET_YEAR, PLAN_TARGET_YEAR + 1];

export function PlansPage() {
  const t = useT('tttt');
  const common = useT();
  const access = useAccess();
  const [year, setYear] = useState(PLAN_TARGET_YEAR);
  const list = useQuery(queries.plans.list.queryOptions({ year }));
  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  const yearPicker = (
    <Space>
      <label htmlFor="tttt-year">{t('year')}</label>
      <Select id="tttt-year" value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
    </Space>
  );
  // A unit that sees only itself: its own plan, in place.
  if (list.data && !list.data.share && access.unitCode) {
    return (
      <div className="dondoc-page">
        <PageHeader title={t('plans.title')} intro={t('plans.intro')} />
        {yearPicker}
        <PlanView unitCode={access.unitCode} year={year} />
      </div>
    );
  }
  return (
    <div className="dondoc-page">
      <PageHeader title={t('plans.title')} intro={t('plans.intro')} />
      {yearPicker}
      {list.data?.share ? <ShareSection data={list.data} canRemind={access.can(REVIEW)} /> : null}
      <UnitsTable data={list.data} loading={list.isPending} />
    </div>
  );
}

function ShareSection({ data, canRemind }: { data: PlanList; canRemind: boolean }) {
  const t = useT('tttt');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const share = data.share!;
  const queryClient = useQueryClient();
  const remind = useMutation({
    mutationFn: () => client.plans.remind.mutate({ year: data.year }),
    onSuccess: (result) => {
      void message.success(t('plans.reminded', { sent: result.sent.length, skipped: result.skipped.length }));
      void queryClient.invalidateQueries(queries.pathFilter());
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const target = data.target;
  return (
    <Section
      title={`${t('year')} ${data.year}`}
      extra={
        <Space wrap>
          {canRemind && share.without.length > 0 ? (
            <Button onClick={() => remind.mutate()} loading={remind.isPending}>
              {t('plans.remind')}
            </Button>
          ) : null}
          <DownloadButton load={() => client.plans.export.query({ year: data.year })}>{t('export')}</DownloadButton>
        </Space>
      }
    >
      <Typography.Paragraph strong data-testid="plan-share">
        {t('plans.share', { approved: share.approved, owing: share.owing, percent: formatPercent(share.percent, locale) })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('plans.shareScope')}</Typography.Paragraph>
      {target ? (
        <>
          <Typography.Paragraph>{t('plans.target', { code: target.code, name: target.name })}</Typography.Paragraph>
          <Typography.Paragraph data-testid="recorded-share">
            {target.latest
              ? t('plans.recorded', { value: formatPercent(target.latest.value, locale), numerator: target.latest.numerator ?? '', denominator: target.latest.denominator ?? '', date: formatDate(target.latest.asOf) })
              : t('plans.notRecorded')}
          </Typography.Paragraph>
          <Space>
            <Typography.Text type="secondary">{t('plans.forecast')}</Typography.Text>
            <StatusTag value={target.forecast.class} labels={FORECAST_CLASS_LABELS} colors={FORECAST_COLORS} data-testid="forecast-class" />
            {target.forecast.projectedValue !== null ? (
              <Typography.Text data-testid="projected-value">{t('plans.projected', { date: formatDate(target.targetDate), value: formatPercent(target.forecast.projectedValue, locale) })}</Typography.Text>
            ) : null}
          </Space>
        </>
      ) : null}
    </Section>
  );
}

function UnitsTable({ data, loading }: { data: PlanList | undefined; loading: boolean }) {
  const t = useT('tttt');
  return (
    <Section title={t('plans.title')} loading={loading}>
      <Table<PlanListRow>
        rowKey={(row) => row.unit.code}
        dataSource={data?.units ?? []}
        pagination={false}
        size="small"
        locale={{ emptyText: t('plans.empty') }}
        columns={[
          { title: t('unit'), key: 'unit', render: (_, row) => <Link to={`${modulePath(MODULE_ID, `ke-hoach/${row.unit.code}`)}?nam=${data?.year ?? ''}`}>{row.unit.name}</Link> },
          { title: t('state'), key: 'state', render: (_, row) => <StatusTag value={row.plan?.state ?? 'none'} labels={PLAN_STATE_LABELS} colors={PLAN_STATE_COLORS} /> },
          { title: t('plans.submissions'), key: 'submissions', align: 'right', render: (_, row) => row.plan?.submissions ?? 0 },
          {
            title: t('plans.missing'),
            key: 'missing',
            render: (_, row) => (row.plan ? (row.plan.check.complete ? t('plans.complete') : row.plan.check.missing.join(', ')) : ''),
          },
          { title: t('plans.submittedAt'), key: 'submittedAt', render: (_, row) => (row.plan?.submittedAt ? formatDate(hanoiDay(new Date(row.plan.submittedAt))) : '') },
        ]}
      />
    </Section>
  );
}
