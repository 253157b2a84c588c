import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { AppstoreOutlined, FileTextOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { FORECAST_CLASSES, TASK_STATUSES, type TaskStatus } from '@dondoc/core';
import { ErrorPanel, formatDate, formatRate, Section, useAccess, useDocumentTitle, useLocale, usePrinting, useSession, useT } from '@dondoc/ui';
import { modulePath } from '../routes.tsx';
import { core, type OverviewSummary } from '../core/client.ts';
import { perm } from '../core/access.ts';
import { coreKeys } from '../core/keys.ts';
import { useLabels } from '../core/labels.ts';
import { ForecastTag, ReportStateTag, TaskStatusTag } from '../core/tags.tsx';
import { LinkButton } from '../core/ui.tsx';
import { Loading } from '../components/Loading.tsx';
import { ModuleWidgets } from '../modules/ModuleWidgets.tsx';
import { currentPeriod, reportPath } from '../core/periods.ts';
import { unitNamer, useUnitDirectory } from './giving/units.ts';

/**
 * `/`: for coordinators the overview of every unit (counts by status, completion rate with
 * its formula, due in the quarter, extended, flagged for the briefing, a per-unit table,
 * targets by forecast) and the modules' overview widgets; for a unit its own
 * counts with links to its tasks and current report. Then the modules the user may open.
 */
export function HomePage() {
  const t = useT('shell');
  const { user, plugins } = useSession();
  const access = useAccess();
  useDocumentTitle(t('nav.home'));
  const coordinator = access.seesAllUnits && access.can(perm.overviewRead);
  // The modules' owning units by name, not by code (the directory every picker reads, kept 10 min).
  const unitName = unitNamer(useUnitDirectory(access.can(perm.tasksRead)).data);

  return (
    <div className="dondoc-page dondoc-page-wide">
      <Typography.Title level={1}>{t('home.greeting', { name: user.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.unit', { unit: user.unit?.name ?? t('layout.noUnit') })}</Typography.Paragraph>

      {coordinator ? (
        <CoordinatorOverview widgets={<ModuleWidgets plugins={plugins.filter((plugin) => plugin.status === 'ready' && plugin.entry)} />} />
      ) : access.can(perm.overviewRead) && access.unitCode ? (
        <UnitOverview />
      ) : null}

      <Typography.Title level={2}>{t('home.modulesTitle')}</Typography.Title>
      {plugins.length === 0 ? (
        <Empty description={t('home.noModules')} />
      ) : (
        <ul className="dondoc-module-cards">
          {plugins.map((plugin) => (
            <li key={plugin.id}>
              <Card className="dondoc-module-card" size="small">
                <Typography.Title level={3} className="dondoc-module-card-title">
                  <AppstoreOutlined aria-hidden /> <Link to={modulePath(plugin.id)}>{plugin.name}</Link>
                </Typography.Title>
                <Typography.Paragraph type="secondary" className="dondoc-module-card-meta">
                  {t('home.owner', { unit: unitName(plugin.unitCode) })} · {t('home.version', { version: plugin.version })}
                </Typography.Paragraph>
                {plugin.status !== 'ready' ? <Tag color="error">{t('home.failed')}</Tag> : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function useOverview() {
  return useQuery({ queryKey: coreKeys.overview(undefined), queryFn: () => core.overview.summary.query({}) });
}

function StatusCounts({ counts, linkBase }: { counts: Record<TaskStatus, number>; linkBase?: string }) {
  const t = useT('shell');
  return (
    <ul className="dondoc-count-list" aria-label={t('task.countsByStatus')}>
      {TASK_STATUSES.map((status) => (
        <li key={status}>
          {linkBase ? (
            <Link to={`${linkBase}trang-thai=${status}`} className="dondoc-count-link">
              <TaskStatusTag status={status} /> <strong>{counts[status]}</strong>
            </Link>
          ) : (
            <>
              <TaskStatusTag status={status} /> <strong>{counts[status]}</strong>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The headline figures: total, completion rate with its formula in words beside it, due in
 * the current quarter, extended, "quá hạn trên 3 lần đôn đốc" (a link to the briefing list
 * for those who may open it), and the as-of date.
 */
function Totals({ summary }: { summary: OverviewSummary }) {
  const t = useT('shell');
  const labels = useLabels();
  const access = useAccess();
  const { locale } = useLocale();
  const { totals, period } = summary;
  return (
    <dl className="dondoc-stats">
      <div>
        <dt>{t('overview.total')}</dt>
        <dd className="dondoc-stat-big">{totals.total}</dd>
      </div>
      <div className="dondoc-stat-wide">
        <dt>{t('overview.completionRate')}</dt>
        <dd>
          <span className="dondoc-stat-big">{formatRate(totals.completionRate, locale)}</span>
          <span className="dondoc-stat-formula">{t('overview.rateFormula')}</span>
        </dd>
      </div>
      <div>
        <dt>{t('overview.dueInPeriod', { period: labels.text(period.label) })}</dt>
        <dd className="dondoc-stat-big">{totals.dueInPeriod}</dd>
      </div>
      <div>
        <dt>{labels.flag('extended')}</dt>
        <dd className="dondoc-stat-big">{totals.extended}</dd>
      </div>
      <div>
        <dt>{labels.flag('leadership')}</dt>
        <dd>
          <span className={totals.flagged > 0 ? 'dondoc-stat-big dondoc-stat-alert' : 'dondoc-stat-big'}>{totals.flagged}</span>
          {access.can(perm.reportsReview) ? (
            <span className="dondoc-stat-formula">
              <Link to="/giao-ban">{t('overview.flaggedLink')}</Link>
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('overview.asOf')}</dt>
        <dd className="dondoc-stat-big">{formatDate(summary.asOf)}</dd>
      </div>
    </dl>
  );
}

function RateHelp({ summary }: { summary: OverviewSummary }) {
  const t = useT('shell');
  return (
    <Typography.Paragraph type="secondary" className="dondoc-small">
      {t('overview.rateHelp', { start: formatDate(summary.period.start), end: formatDate(summary.period.end) })}
    </Typography.Paragraph>
  );
}

/** Totals, targets, the modules' widgets (beside the targets they feed), then the per-unit table. */
function CoordinatorOverview({ widgets }: { widgets: ReactNode }) {
  const t = useT('shell');
  const labels = useLabels();
  const access = useAccess();
  const { locale } = useLocale();
  const overview = useOverview();
  const printing = usePrinting();
  // The modules' widgets do not wait for (or fail with) the core's figures.
  if (overview.isPending) {
    return (
      <>
        <Loading text={t('overview.loading')} />
        {widgets}
      </>
    );
  }
  if (overview.isError) {
    return (
      <>
        <ErrorPanel title={t('overview.loadFailed')} error={overview.error} onRetry={() => void overview.refetch()} />
        {widgets}
      </>
    );
  }
  const summary = overview.data;
  type UnitRow = OverviewSummary['units'][number];
  return (
    <>
      <Section title={t('overview.title')} extra={<Link to="/nhiem-vu">{t('overview.allTasks')}</Link>}>
        <Totals summary={summary} />
        <StatusCounts counts={summary.totals} linkBase="/nhiem-vu?" />
        <RateHelp summary={summary} />
      </Section>
      <Section title={t('overview.targetsTitle')} extra={<Link to="/chi-tieu">{t('overview.allTargets')}</Link>}>
        <ul className="dondoc-count-list" aria-label={t('targets.byForecast')}>
          {FORECAST_CLASSES.map((forecast) => (
            <li key={forecast}>
              <ForecastTag forecast={forecast} /> <strong>{summary.targets[forecast]}</strong>
            </li>
          ))}
        </ul>
      </Section>
      {widgets}
      <Section title={t('overview.unitsTitle', { count: summary.units.length })}>
        <Table<UnitRow>
          size="small"
          className="dondoc-unit-table"
          rowKey="code"
          dataSource={summary.units}
          // Printed: every unit on the page, the columns fitted to its width.
          pagination={printing ? false : { pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={printing ? undefined : { x: 1500 }}
          columns={[
            {
              title: t('report.unit'),
              dataIndex: 'name',
              fixed: 'left',
              width: 190,
              render: (name: string, row) => <Link to={`/nhiem-vu?don-vi=${row.code}`}>{name}</Link>,
              sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
            },
            {
              title: t('overview.totalShort'),
              dataIndex: 'total',
              width: 90,
              align: 'right',
              sorter: (a, b) => a.total - b.total,
            },
            {
              title: t('overview.completionRate'),
              dataIndex: 'completionRate',
              width: 130,
              align: 'right',
              defaultSortOrder: 'ascend',
              // Units with nothing done or overdue (no rate) come last either way.
              sorter: (a, b, order) => {
                const missing = order === 'descend' ? -Infinity : Infinity;
                return (a.completionRate ?? missing) - (b.completionRate ?? missing) || a.code.localeCompare(b.code);
              },
              render: (rate: number | null) => formatRate(rate, locale),
            },
            {
              title: t('overview.dueInPeriodShort'),
              dataIndex: 'dueInPeriod',
              width: 110,
              align: 'right',
              sorter: (a, b) => a.dueInPeriod - b.dueInPeriod,
            },
            {
              title: labels.flag('extended'),
              dataIndex: 'extended',
              width: 100,
              align: 'right',
              sorter: (a, b) => a.extended - b.extended,
            },
            {
              title: labels.flag('leadership'),
              dataIndex: 'flagged',
              width: 130,
              align: 'right',
              sorter: (a, b) => a.flagged - b.flagged,
              render: (flagged: number, row) =>
                flagged > 0 && access.can(perm.reportsReview) ? (
                  <Link to={`/giao-ban#don-vi-${row.code}`} aria-label={`${flagged} — ${labels.flag('leadership')} — ${row.name}`}>
                    <strong className="dondoc-stat-alert">{flagged}</strong>
                  </Link>
                ) : (
                  flagged
                ),
            },
            ...(['overdue', 'in_progress', 'done_on_time', 'done_late', 'continuous'] as const).map((status) => ({
              title: labels.status(status),
              key: status,
              width: 112,
              align: 'right' as const,
              render: (_: unknown, row: UnitRow) => row.counts[status],
              sorter: (a: UnitRow, b: UnitRow) => a.counts[status] - b.counts[status],
            })),
          ]}
        />
      </Section>
    </>
  );
}

function UnitOverview() {
  const t = useT('shell');
  const labels = useLabels();
  const access = useAccess();
  const overview = useOverview();
  const period = currentPeriod('quarter');
  const report = useQuery({
    queryKey: coreKeys.report(access.unitCode ?? '', period.id),
    queryFn: () => core.reports.get.query({ periodId: period.id }),
    enabled: access.can(perm.reportsRead) && !!access.unitCode,
  });
  return (
    <Section title={t('overview.unitTitle')}>
      {overview.isPending ? (
        <Loading text={t('overview.loading')} />
      ) : overview.isError ? (
        <ErrorPanel headingLevel={3} title={t('overview.loadFailed')} error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <Totals summary={overview.data} />
          <StatusCounts counts={overview.data.totals} linkBase="/nhiem-vu?" />
          <RateHelp summary={overview.data} />
        </>
      )}
      <Space wrap size="middle" className="dondoc-gap">
        {access.can(perm.tasksRead) ? (
          <LinkButton to="/nhiem-vu" icon={<UnorderedListOutlined aria-hidden />}>
            {t('overview.myTasks')}
          </LinkButton>
        ) : null}
        {access.can(perm.reportsRead) ? (
          <LinkButton to={reportPath(period.id)} type="primary" icon={<FileTextOutlined aria-hidden />}>
            {t('overview.currentReport', { period: labels.text(period.label) })}
          </LinkButton>
        ) : null}
        {report.data ? (
          <span>
            {t('overview.reportState')} <ReportStateTag state={report.data.report?.state ?? 'draft'} />
            {report.data.report ? null : <span className="dondoc-muted"> {t('report.notSaved')}</span>}
            {' · '}
            {t('overview.reportDue', { date: formatDate(report.data.period.dueDate) })}
          </span>
        ) : null}
      </Space>
    </Section>
  );
}
