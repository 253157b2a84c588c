import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { daysBetween, FORECAST_CLASSES, periodOf, SCORE_CLASS_LABELS, type ForecastClass } from '@dondoc/core';
import { ErrorPanel, formatDate, formatNumber, Section, todayIso, useAccess, useLocale, useT } from '@dondoc/ui';
import { Sparkline } from '@dondoc/ui/panels';
import { core, type TargetListItem } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { ForecastTag } from '../../core/tags.tsx';
import { Loading } from '../../components/Loading.tsx';
import { RemindButton } from '../tasks/RemindButton.tsx';

/** Rows a watch list shows before "Xem tất cả". */
const SHOWN = 8;

/** Targets in the order a coordinator looks at them: the misses first. */
const FORECAST_ORDER: readonly ForecastClass[] = ['off_track', 'at_risk', 'insufficient_data', 'on_track', 'met'];

export function byForecastSeverity(targets: readonly TargetListItem[]): TargetListItem[] {
  const rank = (c: ForecastClass) => FORECAST_ORDER.indexOf(c);
  return [...targets].sort((a, b) => rank(a.forecast.class) - rank(b.forecast.class) || a.code.localeCompare(b.code));
}

/**
 * The overview's watch lists, each loading on its own (a failing one shows its error, the rest
 * stay): overdue tasks with their reminders and the reminder button, tasks flagged for the
 * leadership, targets by forecast with their sparklines, index criteria forecast to miss, open
 * escalations, and (for coordinators) the units that have not submitted the quarter's report.
 * Every list is as of the page's date where the data has one.
 */
export function WatchLists({ asOf }: { asOf: string | undefined }) {
  const t = useT('shell');
  const access = useAccess();
  const day = asOf ?? todayIso();
  return (
    <section aria-labelledby="watch-title" data-testid="watch-lists">
      <Typography.Title level={2} id="watch-title">
        {t('watch.title')}
      </Typography.Title>
      <div className="dondoc-watch-grid">
        <OverdueWatch asOf={asOf} />
        <FlaggedWatch asOf={asOf} />
        {access.can(perm.targetsRead) ? <TargetsWatch asOf={asOf} /> : null}
        {access.can(perm.scorecardsRead) ? <ScorecardWatch /> : null}
        {access.can(perm.escalationsRead) ? <EscalationsWatch /> : null}
        {access.seesAllUnits && access.can(perm.reportsRead) ? <NotReportedWatch periodId={periodOf('quarter', day).id} /> : null}
      </div>
    </section>
  );
}

/** A watch list's frame: its title, its "see all" link, and its own loading and error states. */
function WatchSection<T>({ title, query, more, testId, children }: { title: (data: T) => string; query: UseQueryResult<T>; more?: string; testId: string; children: (data: T) => ReactNode }) {
  const t = useT('shell');
  if (query.isPending) return <Section title={t('common.loading')} level={3}><Loading text={t('common.loading')} /></Section>;
  if (query.isError) return <ErrorPanel headingLevel={3} title={t('watch.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Section title={title(query.data)} level={3} extra={more ? <Link to={more}>{t('watch.more')}</Link> : undefined}>
      <div data-testid={testId}>{children(query.data)}</div>
    </Section>
  );
}

function Empty() {
  const t = useT('shell');
  return <Typography.Text type="secondary">{t('watch.none')}</Typography.Text>;
}

function OverdueWatch({ asOf }: { asOf: string | undefined }) {
  const t = useT('shell');
  const day = asOf ?? todayIso();
  const query = useQuery({ queryKey: coreKeys.taskList({ status: 'overdue', asOf, limit: SHOWN }), queryFn: () => core.tasks.list.query({ status: 'overdue', asOf, limit: SHOWN }) });
  const more = `/nhiem-vu?trang-thai=overdue${asOf ? `&ngay=${asOf}` : ''}`;
  return (
    <WatchSection testId="watch-overdue" query={query} more={more} title={(data) => t('watch.overdue.title', { count: data.total ?? data.items.length })}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty />
        ) : (
          <ul className="dondoc-watch-list">
            {data.items.map((task) => (
              <li key={task.id}>
                <Link to={`/nhiem-vu/${task.id}`}>
                  {task.code} {task.title}
                </Link>
                <div className="dondoc-watch-meta">
                  <Space wrap size={[12, 4]}>
                    <span>{task.leadUnit.name}</span>
                    {task.deadline ? <span>{t('watch.overdue.deadline', { date: formatDate(task.deadline) })}, {t('watch.overdue.daysOverdue', { count: daysBetween(task.deadline, day) })}</span> : null}
                    <span data-testid={`reminders-${task.code}`}>{t('watch.overdue.reminders', { count: task.remindersWhileOverdue })}</span>
                    <RemindButton task={task} size="small" defaultMessage={t('watch.overdue.remindMessage', { code: task.code, date: task.deadline ? formatDate(task.deadline) : '' })} />
                  </Space>
                </div>
              </li>
            ))}
          </ul>
        )
      }
    </WatchSection>
  );
}

function FlaggedWatch({ asOf }: { asOf: string | undefined }) {
  const t = useT('shell');
  const query = useQuery({ queryKey: coreKeys.flagged(asOf), queryFn: () => core.tasks.flagged.query({ asOf }) });
  return (
    <WatchSection testId="watch-flagged" query={query} more={`/giao-ban${asOf ? `?ngay=${asOf}` : ''}`} title={(data) => t('watch.flagged.title', { count: data.total })}>
      {(data) => {
        const tasks = data.units.flatMap((unit) => unit.tasks.map((task) => ({ unit, task }))).slice(0, SHOWN);
        return tasks.length === 0 ? (
          <Empty />
        ) : (
          <ul className="dondoc-watch-list">
            {tasks.map(({ unit, task }) => (
              <li key={task.id}>
                <Link to={`/nhiem-vu/${task.id}`}>
                  {task.code} {task.title}
                </Link>
                <div className="dondoc-watch-meta">
                  {unit.name} · {t('watch.flagged.item', { days: task.daysOverdue, reminders: task.remindersWhileOverdue })}
                </div>
              </li>
            ))}
          </ul>
        );
      }}
    </WatchSection>
  );
}

function TargetsWatch({ asOf }: { asOf: string | undefined }) {
  const t = useT('shell');
  const labels = useLabels();
  const { locale } = useLocale();
  const query = useQuery({ queryKey: [...coreKeys.targets, 'watch', asOf ?? null], queryFn: () => core.targets.list.query({ asOf }) });
  const value = (target: TargetListItem, v: number | null) => (v === null ? t('watch.targets.noData') : `${formatNumber(v, locale)}${target.measureUnit === '%' ? '%' : ` ${target.measureUnit}`}`);
  return (
    <WatchSection testId="watch-targets" query={query} more="/chi-tieu" title={() => t('watch.targets.title')}>
      {(data) => {
        const counts = FORECAST_CLASSES.map((c) => [c, data.filter((target) => target.forecast.class === c).length] as const).filter(([, n]) => n > 0);
        return (
          <>
            <p className="dondoc-watch-meta">{counts.map(([c, n]) => `${labels.forecast(c)}: ${n}`).join(' · ')}</p>
            <ul className="dondoc-watch-list">
              {byForecastSeverity(data)
                .slice(0, SHOWN)
                .map((target) => (
                  <li key={target.code} className="dondoc-watch-target">
                    <Sparkline
                      points={target.trend}
                      target={target.targetValue}
                      label={t('watch.targets.sparkline', { name: target.code, latest: value(target, target.forecast.latestValue), target: value(target, target.targetValue) })}
                    />
                    <div>
                      <Link to={`/chi-tieu/${encodeURIComponent(target.code)}`}>
                        {target.code} {target.name}
                      </Link>
                      <div className="dondoc-watch-meta">
                        <ForecastTag forecast={target.forecast.class} /> {value(target, target.forecast.latestValue)} / {value(target, target.targetValue)}
                      </div>
                    </div>
                  </li>
                ))}
            </ul>
          </>
        );
      }}
    </WatchSection>
  );
}

function ScorecardWatch() {
  const t = useT('shell');
  const { locale } = useLocale();
  const access = useAccess();
  // The scorecards are read city-wide; a unit's user watches the criteria its unit owns.
  const query = useQuery({
    queryKey: [...coreKeys.scorecards, 'at-risk'],
    queryFn: () => core.scorecards.atRisk.query({}),
    select: (data) => (access.seesAllUnits ? data.items : data.items.filter((item) => item.ownerUnits.some((unit) => access.actsFor(unit.code)))),
  });
  return (
    <WatchSection testId="watch-scorecards" query={query} more="/chi-so" title={(items) => t('watch.scorecards.title', { count: items.length })}>
      {(items) =>
        items.length === 0 ? (
          <Empty />
        ) : (
          <ul className="dondoc-watch-list">
            {items.slice(0, SHOWN).map((item) => (
              <li key={item.nodeId}>
                <Link to={item.path}>
                  {item.scorecardName} · {item.code} {item.name}
                </Link>
                <div className="dondoc-watch-meta">
                  {[
                    `${SCORE_CLASS_LABELS[item.class][locale]}: ${t('watch.scorecards.item', { estimate: formatNumber(item.estimate, locale), target: formatNumber(item.target, locale) })}`,
                    item.ownerUnits.map((u) => u.name).join(', '),
                    item.escalationId ? t('watch.scorecards.escalated') : item.actions === 0 ? t('watch.scorecards.noAction') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </li>
            ))}
          </ul>
        )
      }
    </WatchSection>
  );
}

function EscalationsWatch() {
  const t = useT('shell');
  const query = useQuery({ queryKey: coreKeys.escalations('open'), queryFn: () => core.escalations.list.query({ state: 'open' }) });
  return (
    <WatchSection testId="watch-escalations" query={query} more="/dieu-phoi" title={(data) => t('watch.escalations.title', { count: data.length })}>
      {(data) =>
        data.length === 0 ? (
          <Empty />
        ) : (
          <ul className="dondoc-watch-list">
            {data.slice(0, SHOWN).map((escalation) => (
              <li key={escalation.id}>
                <Link to={escalation.link?.path ?? `/nhiem-vu/${escalation.task.id}`}>{escalation.link?.label ?? `${escalation.task.code} ${escalation.task.title}`}</Link>
                <div className="dondoc-watch-meta">
                  {escalation.unit.name} · {t('watch.escalations.since', { date: formatDate(escalation.createdAt.slice(0, 10)) })}
                </div>
                <Typography.Paragraph ellipsis={{ rows: 2 }} className="dondoc-watch-text">
                  {escalation.obstacle}
                </Typography.Paragraph>
              </li>
            ))}
          </ul>
        )
      }
    </WatchSection>
  );
}

function NotReportedWatch({ periodId }: { periodId: string }) {
  const t = useT('shell');
  const labels = useLabels();
  const query = useQuery({ queryKey: [...coreKeys.all, 'report-status', periodId, 'all'], queryFn: () => core.reports.status.query({ periodId }) });
  return (
    <WatchSection
      testId="watch-not-reported"
      query={query}
      more={`/bao-cao/tinh-hinh?ky=${periodId}`}
      title={(data) => t('watch.notReported.title', { period: data.period.label, count: data.counts.notSubmitted, units: data.counts.units })}
    >
      {(data) => {
        const missing = data.rows.filter((row) => row.state !== 'submitted' && row.state !== 'accepted');
        return (
          <>
            <p className="dondoc-watch-meta">{t('watch.notReported.due', { date: formatDate(data.period.dueDate) })}</p>
            {missing.length === 0 ? (
              <Typography.Text>{t('watch.notReported.all')}</Typography.Text>
            ) : (
              <ul className="dondoc-watch-list dondoc-watch-compact">
                {missing.slice(0, SHOWN * 2).map((row) => (
                  <li key={row.unit.code}>
                    {row.unit.name} · {row.state === 'none' ? t('followUp.none') : labels.reportState(row.state)}
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </WatchSection>
  );
}
