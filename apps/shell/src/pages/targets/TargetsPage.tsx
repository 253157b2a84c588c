import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Space, Typography } from 'antd';
import { FORECAST_CLASSES } from '@dondoc/core';
import { ErrorPanel, formatDate, formatNumber, useDocumentTitle, useLocale, useT } from '@dondoc/ui';
import { core, type TargetListItem } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { ForecastTag } from '../../core/tags.tsx';
import { Loading } from '../../components/Loading.tsx';

/** echarts is big: the chart loads on its own, after the page. */
export const TargetChart = lazy(() => import('./TargetChart.tsx'));

export function ChartPlaceholder({ height }: { height: number }) {
  return <Skeleton.Node active style={{ width: '100%', height }} className="dondoc-chart-placeholder" />;
}

export function measureValue(value: number | null | undefined, unit: string, locale: 'vi' | 'en'): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumber(value, locale)}${unit === '%' ? '%' : ` ${unit}`}`;
}

/** The forecast's value on the target date, or why there is none (no trend yet, or the outcome is known). */
export function Projection({ forecast, unit }: { forecast: { class: string; projectedValue: number | null }; unit: string }) {
  const t = useT('shell');
  const { locale } = useLocale();
  if (forecast.projectedValue !== null) return <>{measureValue(forecast.projectedValue, unit, locale)}</>;
  return <>{forecast.class === 'insufficient_data' ? t('targets.projectionNoData') : t('targets.projectionClosed')}</>;
}

/** `/chi-tieu`: every numeric target with its forecast class and a chart of its measurements. */
export function TargetsPage() {
  const t = useT('shell');
  const labels = useLabels();
  useDocumentTitle(t('targets.title'));
  const list = useQuery({ queryKey: coreKeys.targets, queryFn: () => core.targets.list.query({}) });

  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('targets.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('targets.intro')}</Typography.Paragraph>
      {list.isPending ? (
        <Loading text={t('common.loading')} />
      ) : list.isError ? (
        <ErrorPanel title={t('targets.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty description={t('targets.none')} />
      ) : (
        <>
          <ul className="dondoc-count-list" aria-label={t('targets.byForecast')}>
            {FORECAST_CLASSES.map((forecast) => (
              <li key={forecast}>
                <ForecastTag forecast={forecast} />{' '}
                <strong>{list.data.filter((target) => target.forecast.class === forecast).length}</strong>
                <span className="dondoc-visually-hidden"> {labels.forecast(forecast)}</span>
              </li>
            ))}
          </ul>
          <ul className="dondoc-target-cards">
            {list.data.map((target) => (
              <li key={target.id}>
                <TargetCard target={target} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function TargetCard({ target }: { target: TargetListItem }) {
  const t = useT('shell');
  const { locale } = useLocale();
  const detail = useQuery({ queryKey: coreKeys.target(target.code), queryFn: () => core.targets.get.query({ code: target.code }) });
  return (
    <Card size="small" className="dondoc-target-card">
      <Space size={[8, 4]} wrap className="dondoc-target-head">
        <ForecastTag forecast={target.forecast.class} />
        <Typography.Text type="secondary">{target.code}</Typography.Text>
      </Space>
      <Typography.Title level={2} className="dondoc-target-title">
        <Link to={`/chi-tieu/${encodeURIComponent(target.code)}`}>{target.name}</Link>
      </Typography.Title>
      <dl className="dondoc-stats dondoc-stats-small">
        <div>
          <dt>{t('targets.owner')}</dt>
          <dd>{target.ownerUnit.name}</dd>
        </div>
        <div>
          <dt>{t('targets.baseline')}</dt>
          <dd>
            {measureValue(target.baselineValue, target.measureUnit, locale)} ({formatDate(target.baselineDate)})
          </dd>
        </div>
        <div>
          <dt>{t('targets.target')}</dt>
          <dd>
            {measureValue(target.targetValue, target.measureUnit, locale)} ({formatDate(target.targetDate)})
          </dd>
        </div>
        <div>
          <dt>{t('targets.latest')}</dt>
          <dd>
            {target.forecast.latestValue === null
              ? t('targets.noMeasurement')
              : `${measureValue(target.forecast.latestValue, target.measureUnit, locale)} (${formatDate(target.forecast.latestOn)})`}
          </dd>
        </div>
        <div>
          <dt>{t('targets.projected')}</dt>
          <dd>
            <Projection forecast={target.forecast} unit={target.measureUnit} />
          </dd>
        </div>
      </dl>
      {detail.isError ? (
        <ErrorPanel headingLevel={3} title={t('targets.chartFailed')} error={detail.error} onRetry={() => void detail.refetch()} />
      ) : detail.data ? (
        <Suspense fallback={<ChartPlaceholder height={240} />}>
          <TargetChart target={detail.data} height={240} />
        </Suspense>
      ) : (
        <ChartPlaceholder height={240} />
      )}
    </Card>
  );
}
