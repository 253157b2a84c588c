/**
 * The core's domain rules and labels a module may use: dates in Hà Nội time, reporting
 * periods, cadences, forecast classes, task statuses and their labels, index scorecards' roll-up. Pure functions and
 * constants from the browser-safe root entry of `@dondoc/core` (never `@dondoc/core/server`,
 * never a table), so both `@dondoc/plugin-sdk` and `@dondoc/plugin-sdk/web` re-export them.
 */
export {
  // Dates
  HANOI_UTC_OFFSET_MINUTES,
  addDays,
  compareDates,
  daysBetween,
  endOfMonth,
  formatDateVi,
  hanoiDateOf,
  isAfter,
  isBefore,
  isIsoDate,
  isSameDate,
  makeIsoDate,
  maxDate,
  minDate,
  parseIsoDate,
  // Labels and enumerations
  CADENCES,
  CADENCE_LABELS,
  FORECAST_CLASSES,
  FORECAST_CLASS_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  cadenceLabel,
  forecastClassLabel,
  isCadence,
  isForecastClass,
  isTaskStatus,
  periodLabel,
  taskStatusLabel,
  // Periods
  isPeriodId,
  makePeriod,
  nextPeriod,
  periodById,
  periodContains,
  periodOf,
  periodsBetween,
  previousPeriod,
  // Search
  matchesSearch,
  normalizeForSearch,
  // Index scorecards
  INDEX_METHODS,
  SCORECARD_INDICES,
  SCORE_CLASSES,
  SCORE_CLASS_LABELS,
  formatIndexScore,
  formatScore,
  isScorecardIndex,
  levelLabel,
  pathToIndex,
  rankUnits,
  rollUpScorecard,
  scoreClass,
} from '@dondoc/core';
export type { Cadence, ForecastClass, IndexMethod, IsoDate, Label, Period, RankedUnit, RolledNode, ScoreClass, ScoreNodeInput, ScorecardIndex, TaskStatus, UnitScore } from '@dondoc/core';
