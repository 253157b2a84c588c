import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { isIsoDate, periodOf, TASK_STATUSES, unitsInRankedGroups, type TaskStatus } from '@dondoc/core';
import { downloadFile, errorMessage, ErrorPanel, formatDate, formatRate, fromDayjs, Section, todayIso, toDayjs, useAccess, useDocumentTitle, useLocale, useSession, useT } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { core, type OverviewSummary } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { Loading } from '../../components/Loading.tsx';
import { ModuleWidgets } from '../../modules/ModuleWidgets.tsx';
import { WatchLists } from './WatchLists.tsx';

// echarts is loaded with the charts only, after the matrix.
const OverviewCharts = lazy(() => import('./OverviewCharts.tsx'));

type UnitRow = OverviewSummary['units'][number];

/** A group with more units than this draws only the rows in view (a virtual table). */
const VIRTUAL_ROWS = 100;

/** The task list of a unit (and status) as of the page's date: where each cell of the matrix leads. */
export function matrixCellPath(unitCode: string, asOf: string | undefined, status?: TaskStatus): string {
  const params = new URLSearchParams({ 'don-vi': unitCode });
  if (status) params.set('trang-thai', status);
  if (asOf) params.set('ngay', asOf);
  return `/nhiem-vu?${params.toString()}`;
}

/** The period shortcuts of the date picker: today, this quarter's report date, last year's end. */
export function dateShortcuts(today: string): Array<{ key: 'today' | 'quarterReport' | 'lastYearEnd'; date: string }> {
  const year = Number(today.slice(0, 4));
  return [
    { key: 'today', date: today },
    { key: 'quarterReport', date: periodOf('quarter', today).dueDate },
    { key: 'lastYearEnd', date: `${year - 1}-12-31` },
  ];
}

/**
 * `/tong-quan`: every unit on one page as of any date (`?ngay=`, today by default): the
 * departments and the districts, each ranked by completion rate, a cell per status leading to
 * those tasks, extended and flagged tasks; the page's figures as xlsx and as the leadership's
 * report (.docx). A unit's user sees their own row only.
 */
export function OverviewPage() {
  const t = useT('shell');
  const labels = useLabels();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('ngay');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : undefined;
  // A unit's user sees their own unit's row only: the page is titled for it, not for the city.
  const access = useAccess();
  const { user, plugins } = useSession();
  const title = access.seesAllUnits ? t('cityOverview.title') : t('cityOverview.unitTitle', { unit: user.unit?.name ?? t('layout.noUnit') });
  useDocumentTitle(title);

  const overview = useQuery({ queryKey: coreKeys.overview(asOf), queryFn: () => core.overview.summary.query({ asOf }), placeholderData: keepPreviousData });
  const download = useMutation({
    mutationFn: (format: 'xlsx' | 'docx') => core.overview.export.query({ asOf, format }),
    onSuccess: (file) => {
      downloadFile(file);
      void message.success(t('cityOverview.downloaded', { name: file.fileName }));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const setAsOf = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value && value !== todayIso()) next.set('ngay', value);
      else next.delete('ngay');
      return next;
    });

  const columns: TableColumnsType<UnitRow> = [
    { title: t('cityOverview.rank'), dataIndex: 'rank', width: 70, align: 'right', render: (rank: number | null) => rank ?? '—' },
    { title: t('report.unit'), dataIndex: 'name', width: 220, fixed: 'left', render: (name: string, row) => <Link to={matrixCellPath(row.code, asOf)}>{name}</Link> },
    ...TASK_STATUSES.map((status) => ({
      title: labels.status(status),
      key: status,
      width: 120,
      align: 'right' as const,
      render: (_: unknown, row: UnitRow) => (
        <Link to={matrixCellPath(row.code, asOf, status)} aria-label={`${row.name}: ${labels.status(status)} ${row.counts[status]}`} data-testid={`cell-${row.code}-${status}`}>
          {row.counts[status]}
        </Link>
      ),
    })),
    { title: t('overview.totalShort'), dataIndex: 'total', width: 80, align: 'right' },
    { title: t('overview.completionRate'), dataIndex: 'completionRate', width: 110, align: 'right', render: (rate: number | null) => formatRate(rate, locale) },
    { title: t('overview.dueInPeriodShort'), dataIndex: 'dueInPeriod', width: 100, align: 'right' },
    { title: labels.flag('extended'), dataIndex: 'extended', width: 90, align: 'right' },
    { title: labels.flag('leadership'), dataIndex: 'flagged', width: 120, align: 'right' },
  ];

  return (
    <div className="dondoc-page dondoc-page-wide">
      <Typography.Title level={1}>{title}</Typography.Title>
      <Typography.Paragraph type="secondary">{access.seesAllUnits ? t('cityOverview.intro') : t('cityOverview.unitIntro')}</Typography.Paragraph>
      <div className="dondoc-filters" role="group" aria-label={t('cityOverview.options')}>
        <Form layout="vertical" component={false}>
          <Form.Item label={t('overview.asOf')} htmlFor="overview-asof">
            <DateField id="overview-asof" value={toDayjs(asOf)} placeholder={t('tasks.today')} onChange={(value) => setAsOf(value && value.isValid() ? fromDayjs(value) : null)} />
          </Form.Item>
          <Form.Item label={t('cityOverview.shortcuts')}>
            <Space wrap>
              {dateShortcuts(todayIso()).map((shortcut) => (
                <Button key={shortcut.key} onClick={() => setAsOf(shortcut.date)} aria-pressed={(asOf ?? todayIso()) === shortcut.date}>
                  {t(`cityOverview.${shortcut.key}`, { date: formatDate(shortcut.date) })}
                </Button>
              ))}
            </Space>
          </Form.Item>
          <Form.Item label={t('cityOverview.files')}>
            <Space wrap>
              <Button icon={<DownloadOutlined aria-hidden />} loading={download.isPending && download.variables === 'xlsx'} disabled={!overview.data} onClick={() => download.mutate('xlsx')}>
                {t('cityOverview.xlsx')}
              </Button>
              <Button icon={<DownloadOutlined aria-hidden />} loading={download.isPending && download.variables === 'docx'} disabled={!overview.data} onClick={() => download.mutate('docx')}>
                {t('cityOverview.docx')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </div>
      {overview.isPending ? (
        <Loading text={t('overview.loading')} />
      ) : overview.isError ? (
        <ErrorPanel title={t('overview.loadFailed')} error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <p className="dondoc-list-meta" role="status" aria-live="polite" data-testid="overview-asof">
            {overview.isFetching ? t('common.loading') : t('cityOverview.summary', { date: formatDate(overview.data.asOf), total: overview.data.totals.total, rate: formatRate(overview.data.totals.completionRate, locale) })}
          </p>
          {unitsInRankedGroups(overview.data.units).map(({ kind, units: rows }) => (
            <Section key={kind} title={t(`cityOverview.group.${kind}`, { count: rows.length })}>
              <Table<UnitRow>
                size="small"
                rowKey="code"
                dataSource={rows}
                columns={columns}
                pagination={false}
                // Hundreds of units (a city's communes): only the rows in view are drawn.
                virtual={rows.length > VIRTUAL_ROWS}
                scroll={rows.length > VIRTUAL_ROWS ? { x: 1400, y: 600 } : { x: 1400 }}
                data-testid={`matrix-${kind}`}
              />
            </Section>
          ))}
        </>
      )}
      {/* What lies below the matrix asks the server once the matrix is in: its figures come first. */}
      {overview.data ? (
        <>
          <WatchLists asOf={asOf} />
          <Suspense fallback={<Loading text={t('common.loading')} />}>
            <OverviewCharts summary={overview.data} asOf={asOf} />
          </Suspense>
          <ModuleWidgets plugins={plugins.filter((plugin) => plugin.status === 'ready' && plugin.entry)} />
        </>
      ) : null}
    </div>
  );
}
