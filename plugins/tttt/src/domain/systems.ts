/**
 * The city's information system for administrative procedures (Hệ thống thông tin giải quyết
 * TTHC), pure rules: its features still to complete, its connections to the national population
 * database and other systems, their incidents, and its security findings (directive 2458, §4).
 * Dates are ISO (yyyy-mm-dd), instants ISO timestamps; "today" is Hà Nội's, given by the caller.
 */
import { daysBetween } from '@dondoc/plugin-sdk/web';

export const FEATURE_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

export const CONNECTION_STATUSES = ['planned', 'testing', 'live', 'broken'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const CONNECTION_KINDS = ['population', 'sector', 'ministry'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Security levels (cấp độ) of Decree 85/2016/NĐ-CP, 1 (lowest) to 5. */
export const SECURITY_LEVELS = [1, 2, 3, 4, 5] as const;

/** The default number of days without a successful exchange after which a connection is flagged; Sở TT&TT sets its own. */
export const DEFAULT_STALE_AFTER_DAYS = 7;

/** A deadline is missed once its day has passed and the work is not done: due today is not overdue. */
export function isOverdue(deadline: string | null, done: boolean, today: string): boolean {
  return !done && deadline !== null && deadline < today;
}

export interface FeatureFacts {
  status: FeatureStatus;
  deadline: string | null;
}

export interface FeatureCounts {
  total: number;
  done: number;
  open: number;
  overdue: number;
}

export function countFeatures(features: readonly FeatureFacts[], today: string): FeatureCounts {
  const done = features.filter((f) => f.status === 'done').length;
  const overdue = features.filter((f) => isOverdue(f.deadline, f.status === 'done', today)).length;
  return { total: features.length, done, open: features.length - done, overdue };
}

export interface ConnectionFacts {
  status: ConnectionStatus;
  /** The date of the last successful data exchange (null: never). */
  lastSuccessOn: string | null;
}

/**
 * A connection is stale when it is meant to exchange data (live, or broken: it was live) and has
 * had no successful exchange for more than `staleAfterDays` days (never: stale). Planned and
 * testing connections are not expected to exchange yet and are never stale.
 */
export function isStale(connection: ConnectionFacts, today: string, staleAfterDays: number): boolean {
  if (connection.status !== 'live' && connection.status !== 'broken') return false;
  if (connection.lastSuccessOn === null) return true;
  return daysBetween(connection.lastSuccessOn, today) > staleAfterDays;
}

export interface ConnectionCounts {
  total: number;
  byStatus: Record<ConnectionStatus, number>;
  stale: number;
}

export function countConnections(connections: readonly ConnectionFacts[], today: string, staleAfterDays: number): ConnectionCounts {
  const byStatus = Object.fromEntries(CONNECTION_STATUSES.map((s) => [s, 0])) as Record<ConnectionStatus, number>;
  for (const c of connections) byStatus[c.status] += 1;
  return { total: connections.length, byStatus, stale: connections.filter((c) => isStale(c, today, staleAfterDays)).length };
}

/**
 * How long an incident lasted, in whole minutes (rounded down): from its start to its end, or to
 * `now` while it is still open. An end before the start is refused (null) rather than negative.
 */
export function incidentMinutes(startedAt: string, endedAt: string | null, now: string): number | null {
  const start = Date.parse(startedAt);
  const end = Date.parse(endedAt ?? now);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  return Math.floor((end - start) / 60_000);
}

/** "2 ngày 3 giờ 5 phút" / "2 d 3 h 5 min": an incident's duration as a reader counts it. */
export function formatMinutes(minutes: number, locale: 'vi' | 'en'): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const units = locale === 'vi' ? ['ngày', 'giờ', 'phút'] : ['d', 'h', 'min'];
  const parts = [days, hours, mins].map((n, i) => (n > 0 ? `${n} ${units[i]}` : null)).filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : `0 ${units[2]}`;
}

export interface FindingFacts {
  severity: Severity;
  deadline: string;
  /** The date it was fixed (null: still open). */
  resolvedOn: string | null;
}

export interface FindingCounts {
  open: number;
  overdue: number;
  /** Open findings per severity. */
  openBySeverity: Record<Severity, number>;
}

export function countFindings(findings: readonly FindingFacts[], today: string): FindingCounts {
  const open = findings.filter((f) => f.resolvedOn === null);
  const openBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of open) openBySeverity[f.severity] += 1;
  return { open: open.length, overdue: open.filter((f) => isOverdue(f.deadline, false, today)).length, openBySeverity };
}

/**
 * When the next security assessment is due: Circular 12/2022/TT-BTTTT asks a level 3 or higher
 * system to be assessed every year and a level 1-2 one every two years. Null when never assessed
 * (due now, as `assessmentOverdue` says).
 */
export function nextAssessmentDue(level: number, lastAssessedOn: string | null): string | null {
  if (lastAssessedOn === null) return null;
  const years = level >= 3 ? 1 : 2;
  return `${Number(lastAssessedOn.slice(0, 4)) + years}${lastAssessedOn.slice(4)}`;
}

export function assessmentOverdue(level: number, lastAssessedOn: string | null, today: string): boolean {
  const due = nextAssessmentDue(level, lastAssessedOn);
  return due === null || due < today;
}
