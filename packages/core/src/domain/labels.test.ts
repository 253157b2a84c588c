import { describe, expect, it } from 'vitest';
import {
  CADENCES,
  CADENCE_LABELS,
  FORECAST_CLASSES,
  FORECAST_CLASS_LABELS,
  REPORT_STATES,
  REPORT_STATE_LABELS,
  TASK_FLAGS,
  TASK_FLAG_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  cadenceLabel,
  forecastClassLabel,
  isCadence,
  isForecastClass,
  isLocale,
  isReportState,
  isTaskFlag,
  isTaskStatus,
  periodLabel,
  reportStateLabel,
  taskFlagLabel,
  taskStatusLabel,
} from './labels.ts';

describe('labels', () => {
  it('has a Vietnamese and an English word for every id, and nothing more', () => {
    const pairs = [
      [TASK_STATUSES, TASK_STATUS_LABELS],
      [TASK_FLAGS, TASK_FLAG_LABELS],
      [FORECAST_CLASSES, FORECAST_CLASS_LABELS],
      [CADENCES, CADENCE_LABELS],
      [REPORT_STATES, REPORT_STATE_LABELS],
    ] as const;
    for (const [ids, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...ids].sort());
      for (const label of Object.values(labels) as { vi: string; en: string }[]) {
        expect(label.vi.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
    }
  });

  it('uses the words of DOMAIN.md for task statuses', () => {
    expect(TASK_STATUSES.map((s) => taskStatusLabel(s))).toEqual([
      'Chưa hoàn thành, trong hạn',
      'Chưa hoàn thành, quá hạn',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Thường xuyên',
    ]);
    expect(taskFlagLabel('no_progress_update')).toBe('Chưa cập nhật tiến độ');
    expect(taskStatusLabel('overdue', 'en')).toBe('Unfinished, overdue');
    expect(taskFlagLabel('leadership')).toBe('Quá hạn trên 3 lần đôn đốc');
  });

  it('names forecast classes, cadences and report states', () => {
    expect(FORECAST_CLASSES.map((c) => forecastClassLabel(c))).toEqual([
      'Đã đạt',
      'Đúng tiến độ',
      'Có nguy cơ không đạt',
      'Dự báo không đạt',
      'Chưa đủ số liệu',
    ]);
    expect(CADENCES.map((c) => cadenceLabel(c))).toEqual(['Tháng', 'Quý', '6 tháng', 'Năm']);
    expect(REPORT_STATES.map((s) => reportStateLabel(s))).toEqual(['Dự thảo', 'Đã trình lãnh đạo', 'Đã gửi', 'Đã tiếp nhận', 'Trả lại']);
    expect(forecastClassLabel('off_track', 'en')).toBe('Forecast to miss');
    expect(reportStateLabel('returned', 'en')).toBe('Returned');
  });

  it('guards ids', () => {
    expect(isTaskStatus('overdue')).toBe(true);
    expect(isTaskStatus('late')).toBe(false);
    expect(isTaskStatus(undefined)).toBe(false);
    expect(isTaskFlag('no_progress_update')).toBe(true);
    expect(isForecastClass('at_risk')).toBe(true);
    expect(isForecastClass('met ')).toBe(false);
    expect(isCadence('half')).toBe(true);
    expect(isCadence('week')).toBe(false);
    expect(isReportState('accepted')).toBe(true);
    expect(isReportState('approved')).toBe(false);
    expect(isLocale('vi')).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });

  it('names periods', () => {
    expect(periodLabel('month', 2024, 3)).toEqual({ vi: 'Tháng 3/2024', en: 'March 2024' });
    expect(periodLabel('quarter', 2024, 1)).toEqual({ vi: 'Quý I/2024', en: 'Q1 2024' });
    expect(periodLabel('quarter', 2023, 4).vi).toBe('Quý IV/2023');
    expect(periodLabel('half', 2024, 1)).toEqual({ vi: '6 tháng đầu năm 2024', en: 'First half of 2024' });
    expect(periodLabel('half', 2024, 2).vi).toBe('6 tháng cuối năm 2024');
    expect(periodLabel('year', 2024, 1)).toEqual({ vi: 'Năm 2024', en: 'Year 2024' });
    expect(() => periodLabel('month', 2024, 13)).toThrow(RangeError);
    expect(() => periodLabel('quarter', 2024, 0)).toThrow(RangeError);
    expect(() => periodLabel('half', 2024, 3)).toThrow(RangeError);
    expect(() => periodLabel('year', 2024, 2)).toThrow(RangeError);
  });
});
