import { useMemo } from 'react';
import {
  cadenceLabel,
  forecastClassLabel,
  isForecastClass,
  isReportState,
  isTaskStatus,
  reportStateLabel,
  taskFlagLabel,
  taskStatusLabel,
  type Cadence,
  type Label,
  type TaskFlag,
} from '@dondoc/core';
import { useLocale, type Locale } from '@dondoc/ui';

/**
 * The domain's words (labels.ts of @dondoc/core, the ONE mapping of ids to words) in the
 * interface language. Unknown ids are shown as they are rather than hidden.
 */
export function labelsFor(locale: Locale) {
  return {
    locale,
    status: (id: string) => (isTaskStatus(id) ? taskStatusLabel(id, locale) : id),
    noProgressUpdate: () => taskFlagLabel('no_progress_update', locale),
    /** "Chưa cập nhật tiến độ", "Quá hạn trên 3 lần đôn đốc", "Đã gia hạn", "Suy luận, văn bản không nêu". */
    flag: (id: TaskFlag) => taskFlagLabel(id, locale),
    /** The short form of a flag, for a small tag: its words before the first comma or colon ("Suy luận"). */
    flagShort: (id: TaskFlag) => taskFlagLabel(id, locale).split(/[,:]/)[0]!.trim(),
    forecast: (id: string) => (isForecastClass(id) ? forecastClassLabel(id, locale) : id),
    cadence: (id: Cadence) => cadenceLabel(id, locale),
    reportState: (id: string) => (isReportState(id) ? reportStateLabel(id, locale) : id),
    text: (label: Label) => label[locale],
  };
}

export type Labels = ReturnType<typeof labelsFor>;

export function useLabels(): Labels {
  const { locale } = useLocale();
  return useMemo(() => labelsFor(locale), [locale]);
}
