import { useEffect, useRef } from 'react';
import dayjs from 'dayjs';
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { daysBetween, maxDate } from '@dondoc/core';
import { formatDate, formatNumber, todayIso, useLocale, useT } from '@dondoc/ui';
import type { TargetDetail } from '../../core/client.ts';
import { useLabels } from '../../core/labels.ts';

// Only the parts of echarts this chart uses: this file is its own lazily loaded chunk.
echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const COLORS = { data: '#0b57a4', trend: '#6b7280', target: '#a8071a', baseline: '#237804' };

function time(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/**
 * A target's chart: the measurements, the least-squares trend (from the forecast) running to
 * the target date (none without a trend: "chưa đủ số liệu"), the target line and the baseline. For screen readers the chart is one image whose name
 * says what it shows; the numbers are also in the measurements table of the detail page.
 */
export default function TargetChart({ target, height = 260 }: { target: TargetDetail; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT('shell');
  const labels = useLabels();
  const { locale } = useLocale();
  const today = todayIso();
  const end = maxDate(target.targetDate, maxDate(today, target.measurements.at(-1)?.asOf ?? target.baselineDate));
  // No trend ("chưa đủ số liệu": fewer than two measurements a reporting period apart): no line is drawn.
  const trend = target.forecast.trend;
  const trendAt = (line: NonNullable<typeof trend>, iso: string) => line.intercept + line.slopePerDay * daysBetween(target.baselineDate, iso);
  const unit = target.measureUnit;
  const value = (v: number) => `${formatNumber(v, locale)}${unit === '%' ? '%' : ` ${unit}`}`;

  const described = t('chart.summary', {
    name: target.name,
    baseline: value(target.baselineValue),
    baselineDate: formatDate(target.baselineDate),
    target: value(target.targetValue),
    targetDate: formatDate(target.targetDate),
    count: target.measurements.length,
    latest: target.forecast.latestValue === null ? t('chart.noMeasurement') : value(target.forecast.latestValue),
    forecast: labels.forecast(target.forecast.class),
  });
  const summary = trend ? described : `${described} ${t('chart.noTrend')}`;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      grid: { left: 48, right: 24, top: 40, bottom: 40 },
      legend: { top: 0, textStyle: { color: '#1f2937' } },
      tooltip: {
        trigger: 'item',
        formatter: (params: { seriesName: string; value: [number, number] }) =>
          `${params.seriesName}<br/>${dayjs(params.value[0]).format('DD/MM/YYYY')}: <b>${value(params.value[1])}</b>`,
      },
      xAxis: {
        type: 'time',
        min: time(target.baselineDate),
        max: time(end),
        axisLabel: { color: '#374151', formatter: (v: number) => dayjs(v).format('MM/YYYY'), hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        name: unit,
        // Figures that cannot go below zero keep the axis at zero (a trend line may dip a little).
        min: (extent: { min: number }) =>
          Math.min(target.baselineValue, target.targetValue, ...target.measurements.map((m) => m.value)) >= 0 ? 0 : Math.floor(extent.min),
        nameTextStyle: { color: '#374151' },
        axisLabel: { color: '#374151', formatter: (v: number) => formatNumber(v, locale) },
      },
      series: [
        {
          name: t('chart.measurements'),
          type: 'line',
          color: COLORS.data,
          symbolSize: 8,
          data: target.measurements.map((m) => [time(m.asOf), m.value]),
          lineStyle: { width: 2 },
        },
        ...(trend
          ? [
              {
                name: t('chart.trend'),
                type: 'line',
                color: COLORS.trend,
                symbol: 'none',
                data: [
                  [time(target.baselineDate), trendAt(trend, target.baselineDate)],
                  [time(target.targetDate), trendAt(trend, target.targetDate)],
                ],
                lineStyle: { type: 'dashed', width: 2 },
              },
            ]
          : []),
        {
          name: t('chart.target'),
          type: 'line',
          color: COLORS.target,
          symbol: 'none',
          data: [
            [time(target.baselineDate), target.targetValue],
            [time(end), target.targetValue],
          ],
          lineStyle: { type: 'dotted', width: 2 },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { formatter: t('chart.targetDate', { date: formatDate(target.targetDate) }), color: COLORS.target },
            lineStyle: { color: COLORS.target, type: 'dotted' },
            data: [{ xAxis: time(target.targetDate) }],
          },
        },
        {
          name: t('chart.baseline'),
          type: 'scatter',
          color: COLORS.baseline,
          symbol: 'diamond',
          symbolSize: 10,
          data: [[time(target.baselineDate), target.baselineValue]],
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
    // The option depends on the target and the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, locale]);

  return (
    <>
      <div ref={ref} role="img" aria-label={summary} className="dondoc-chart" style={{ height }} />
      {trend ? null : (
        <p className="dondoc-muted dondoc-small dondoc-chart-note" aria-hidden>
          {t('chart.noTrend')}
        </p>
      )}
    </>
  );
}
