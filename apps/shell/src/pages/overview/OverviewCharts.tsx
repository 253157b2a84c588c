import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { TASK_STATUSES } from '@dondoc/core';
import { ErrorPanel, formatDate, formatRate, Section, useLocale, useT } from '@dondoc/ui';
import { core, type OverviewSummary } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { STATUS_COLORS } from '../../core/tags.tsx';
import { Loading } from '../../components/Loading.tsx';

const axisText = { color: '#374151' };

// Only the parts of echarts these charts use: this file is its own lazily loaded chunk.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type EChartsOption = Parameters<echarts.ECharts['setOption']>[0];

/** An echarts chart in a div, drawn as SVG, resized with its box; one image for screen readers, named by `label`. */
function Chart({ option, label, height, testId }: { option: EChartsOption; label: string; height: number; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} data-testid={testId} />;
}

/**
 * The overview's charts: completion rate by unit (each group, best first, as the matrix ranks
 * them) and tasks by status at each month's end over the last 12 months. Loaded lazily with
 * echarts; the numbers are also in the matrix and the downloads.
 */
export default function OverviewCharts({ summary, asOf }: { summary: OverviewSummary; asOf: string | undefined }) {
  const t = useT('shell');
  const labels = useLabels();
  const { locale } = useLocale();
  const trend = useQuery({ queryKey: [...coreKeys.overview(asOf), 'trend'], queryFn: () => core.overview.trend.query({ asOf }) });

  const ranked = useMemo(() => summary.units.filter((u) => u.completionRate !== null).sort((a, b) => (b.completionRate ?? 0) - (a.completionRate ?? 0) || a.name.localeCompare(b.name, 'vi')), [summary]);
  const completion = useMemo((): EChartsOption => ({
    animation: false,
    aria: { enabled: false },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => formatRate(Number(v), locale) },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { ...axisText, formatter: (v: number) => formatRate(v, locale) } },
    yAxis: { type: 'category', inverse: true, data: ranked.map((u) => u.name), axisLabel: { ...axisText, width: 220, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: t('overview.completionRate'),
        data: ranked.map((u) => u.completionRate),
        itemStyle: { color: '#0b57a4' },
        label: { show: true, position: 'right', color: '#1f2937', formatter: (p: { value: unknown }) => formatRate(Number(p.value), locale) },
      },
    ],
  }), [ranked, locale, t]);
  const overTime = useMemo(
    (): EChartsOption | null =>
      trend.data
        ? {
            animation: false,
            aria: { enabled: false },
            grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
            legend: { top: 0, textStyle: { color: '#1f2937' } },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: { type: 'category', data: trend.data.points.map((p) => formatDate(p.asOf).slice(3)), axisLabel: axisText },
            yAxis: { type: 'value', axisLabel: axisText },
            series: TASK_STATUSES.map((status) => ({
              type: 'bar',
              stack: 'status',
              name: labels.status(status),
              itemStyle: { color: STATUS_COLORS[status] },
              data: trend.data.points.map((p) => p.counts[status]),
            })),
          }
        : null,
    [trend.data, labels],
  );
  const completionLabel = t('cityOverview.charts.completionLabel', { count: ranked.length, best: ranked[0]?.name ?? '—', worst: ranked.at(-1)?.name ?? '—' });

  return (
    <Section title={t('cityOverview.charts.title')}>
      <div className="dondoc-chart-grid">
        <div>
          <h3 className="dondoc-section-title">{t('cityOverview.charts.completion')}</h3>
          {ranked.length === 0 ? <p>{t('cityOverview.charts.noRate')}</p> : <Chart option={completion} label={completionLabel} height={Math.max(160, ranked.length * 22 + 24)} testId="chart-completion" />}
        </div>
        <div>
          <h3 className="dondoc-section-title">{t('cityOverview.charts.overTime')}</h3>
          {trend.isPending ? (
            <Loading text={t('common.loading')} />
          ) : trend.isError ? (
            <ErrorPanel headingLevel={3} title={t('cityOverview.charts.loadFailed')} error={trend.error} onRetry={() => void trend.refetch()} />
          ) : (
            <Chart
              testId="chart-over-time"
              height={360}
              label={t('cityOverview.charts.overTimeLabel', {
                from: formatDate(trend.data.points[0]?.asOf ?? trend.data.asOf),
                to: formatDate(trend.data.asOf),
                overdue: trend.data.points.at(-1)?.counts.overdue ?? 0,
              })}
              option={overTime!}
            />
          )}
        </div>
      </div>
    </Section>
  );
}
