/**
 * The one place where the domain's ids meet the users' words, in Vietnamese (the default)
 * and English. Code, database rows and API payloads carry the ids; screens, exports and
 * reports show these labels. Vietnamese wording follows DOMAIN.md ("How Vietnamese agencies
 * count tasks") and the usual wording of CCHC reports.
 */

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in both languages. */
export interface Label {
  vi: string;
  en: string;
}

// ---------------------------------------------------------------------------------------
// Ids

/** Status of a task as of a date (see `taskStatus` in status.ts). */
export const TASK_STATUSES = [
  'in_progress',
  'overdue',
  'done_on_time',
  'done_late',
  'continuous',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Flags shown beside a status. */
export const TASK_FLAGS = ['no_progress_update', 'leadership', 'extended', 'inferred'] as const;
export type TaskFlag = (typeof TASK_FLAGS)[number];

/** Forecast class of a numeric target (see `forecastTarget` in forecast.ts). */
export const FORECAST_CLASSES = ['met', 'on_track', 'at_risk', 'off_track', 'insufficient_data'] as const;
export type ForecastClass = (typeof FORECAST_CLASSES)[number];

/** Reporting cadences (Decree 09/2019/NĐ-CP). */
export const CADENCES = ['month', 'quarter', 'half', 'year'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Life of a periodic report. */
export const REPORT_STATES = ['draft', 'with_lead', 'submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Life of a directive given in the portal: drafted by a coordinator, then issued to the units. */
export const DIRECTIVE_STATES = ['draft', 'issued'] as const;
export type DirectiveState = (typeof DIRECTIVE_STATES)[number];

/** A request for a deadline extension (gia hạn). */
export const EXTENSION_STATES = ['pending', 'approved', 'declined'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** Groups of units a task can be given to at once (one parent, one child per unit). */
export const UNIT_GROUPS = ['departments', 'districts', 'all'] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

function isOneOf<T extends string>(ids: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (ids as readonly string[]).includes(value);
}

export const isLocale = (value: unknown): value is Locale => isOneOf(LOCALES, value);
export const isTaskStatus = (value: unknown): value is TaskStatus => isOneOf(TASK_STATUSES, value);
export const isTaskFlag = (value: unknown): value is TaskFlag => isOneOf(TASK_FLAGS, value);
export const isForecastClass = (value: unknown): value is ForecastClass =>
  isOneOf(FORECAST_CLASSES, value);
export const isCadence = (value: unknown): value is Cadence => isOneOf(CADENCES, value);
export const isReportState = (value: unknown): value is ReportState => isOneOf(REPORT_STATES, value);

// ---------------------------------------------------------------------------------------
// Words

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, Label>> = {
  in_progress: { vi: 'Chưa hoàn thành, trong hạn', en: 'Unfinished, within deadline' },
  overdue: { vi: 'Chưa hoàn thành, quá hạn', en: 'Unfinished, overdue' },
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Completed on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Completed late' },
  continuous: { vi: 'Thường xuyên', en: 'Continuous' },
};

export const TASK_FLAG_LABELS: Readonly<Record<TaskFlag, Label>> = {
  no_progress_update: { vi: 'Chưa cập nhật tiến độ', en: 'No progress update' },
  leadership: { vi: 'Quá hạn trên 3 lần đôn đốc', en: 'Overdue after more than 3 reminders' },
  extended: { vi: 'Đã gia hạn', en: 'Deadline extended' },
  inferred: { vi: 'Suy luận, văn bản không nêu', en: 'Inferred: not stated in the text' },
};

export const FORECAST_CLASS_LABELS: Readonly<Record<ForecastClass, Label>> = {
  met: { vi: 'Đã đạt', en: 'Met' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ không đạt', en: 'At risk of missing' },
  off_track: { vi: 'Dự báo không đạt', en: 'Forecast to miss' },
  insufficient_data: { vi: 'Chưa đủ số liệu', en: 'Not enough data' },
};

export const CADENCE_LABELS: Readonly<Record<Cadence, Label>> = {
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  half: { vi: '6 tháng', en: 'Six months' },
  year: { vi: 'Năm', en: 'Year' },
};

export const REPORT_STATE_LABELS: Readonly<Record<ReportState, Label>> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  with_lead: { vi: 'Đã trình lãnh đạo', en: 'With the unit lead' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  returned: { vi: 'Trả lại', en: 'Returned' },
};

export const DIRECTIVE_STATE_LABELS: Readonly<Record<DirectiveState, Label>> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
};

export const EXTENSION_STATE_LABELS: Readonly<Record<ExtensionState, Label>> = {
  pending: { vi: 'Chờ duyệt', en: 'Awaiting decision' },
  approved: { vi: 'Đã đồng ý gia hạn', en: 'Extension approved' },
  declined: { vi: 'Không đồng ý gia hạn', en: 'Extension declined' },
};

export const UNIT_GROUP_LABELS: Readonly<Record<UnitGroup, Label>> = {
  departments: { vi: 'Tất cả các sở, ban, ngành', en: 'Every department' },
  districts: { vi: 'Tất cả các quận, huyện, thị xã', en: 'Every district' },
  all: { vi: 'Tất cả các sở, ngành và quận, huyện, thị xã', en: 'Every department and district' },
};

export function taskStatusLabel(status: TaskStatus, locale: Locale = 'vi'): string {
  return TASK_STATUS_LABELS[status][locale];
}

export function taskFlagLabel(flag: TaskFlag, locale: Locale = 'vi'): string {
  return TASK_FLAG_LABELS[flag][locale];
}

export function forecastClassLabel(forecastClass: ForecastClass, locale: Locale = 'vi'): string {
  return FORECAST_CLASS_LABELS[forecastClass][locale];
}

export function cadenceLabel(cadence: Cadence, locale: Locale = 'vi'): string {
  return CADENCE_LABELS[cadence][locale];
}

export function reportStateLabel(state: ReportState, locale: Locale = 'vi'): string {
  return REPORT_STATE_LABELS[state][locale];
}

// ---------------------------------------------------------------------------------------
// Period names

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * The name of a reporting period, as reports title it:
 * month 3/2024 → "Tháng 3/2024" / "March 2024"; quarter 1 → "Quý I/2024" / "Q1 2024";
 * half 1 → "6 tháng đầu năm 2024" / "First half of 2024"; half 2 → "6 tháng cuối năm 2024";
 * year → "Năm 2024" / "Year 2024".
 * `index` is 1-12 for months, 1-4 for quarters, 1-2 for halves and 1 for the year.
 */
export function periodLabel(cadence: Cadence, year: number, index: number): Label {
  switch (cadence) {
    case 'month': {
      const en = EN_MONTHS[index - 1];
      if (!Number.isInteger(index) || en === undefined) throw new RangeError(`Month index 1-12: ${index}`);
      return { vi: `Tháng ${index}/${year}`, en: `${en} ${year}` };
    }
    case 'quarter': {
      const roman = ROMAN_QUARTERS[index - 1];
      if (!Number.isInteger(index) || roman === undefined) throw new RangeError(`Quarter index 1-4: ${index}`);
      return { vi: `Quý ${roman}/${year}`, en: `Q${index} ${year}` };
    }
    case 'half':
      if (index === 1) return { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` };
      if (index === 2) return { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` };
      throw new RangeError(`Half index 1-2: ${index}`);
    case 'year':
      if (index !== 1) throw new RangeError(`Year index must be 1: ${index}`);
      return { vi: `Năm ${year}`, en: `Year ${year}` };
  }
}
