import { describe, expect, it } from 'vitest';
import { accessOf, permissionsOf } from '../src/access.ts';
import { documentTitleOf } from '../src/documentTitle.ts';
import { formatBytes, formatNumber, formatPercent, formatRate } from '../src/numbers.ts';
import { contrastRatio, FORECAST_COLORS, TAG_COLORS } from '../src/palette.ts';
import { modulePath } from '../src/paths.ts';
import { base64Bytes } from '../src/download.ts';
import { isConflict } from '../src/versioned.tsx';
import { acceptedExtensions, spreadsheetContentMatches, spreadsheetProblem } from '../src/SpreadsheetImport.tsx';
import { missingKeys } from '../src/i18n.ts';
import { splitTexts } from '../src/texts.ts';
import { fromDayjs, hanoiDay, isAfterToday, toDayjs, todayIso } from '../src/dates.ts';
import { commonEn as commonEnForTest, commonVi } from '../src/locales/common.ts';

const user = (over: Partial<Parameters<typeof accessOf>[0]> = {}) => ({
  username: 'badinh',
  displayName: 'Quận Ba Đình',
  unit: { code: 'BADINH', name: 'Quận Ba Đình' },
  roles: ['unit_officer'],
  permissions: ['core.tasks:read', 'tai-chinh.units:write'],
  ...over,
});

describe('access from GET /api/auth/me', () => {
  it('answers what the user holds, for their own unit only', () => {
    const access = accessOf(user());
    expect(access.can('tai-chinh.units:write')).toBe(true);
    expect(access.can('core.reports:review')).toBe(false);
    expect(access.canAny(['core.reports:review', 'core.tasks:read'])).toBe(true);
    expect(access.canAny([])).toBe(false);
    expect(access.seesAllUnits).toBe(false);
    expect(access.isAdmin).toBe(false);
    expect(access.unitCode).toBe('BADINH');
    expect(access.actsFor('BADINH')).toBe(true);
    expect(access.actsFor('HOANKIEM')).toBe(false);
  });
  it('lets coordinators see every unit and admins act for every unit', () => {
    expect(accessOf(user({ roles: ['coordinator'] })).seesAllUnits).toBe(true);
    expect(accessOf(user({ roles: ['coordinator'] })).actsFor('HOANKIEM')).toBe(false);
    const admin = accessOf(user({ roles: ['admin'], unit: null }));
    expect(admin.seesAllUnits && admin.isAdmin && admin.actsFor('HOANKIEM')).toBe(true);
    expect(admin.unitCode).toBeNull();
    expect(accessOf(user({ unit: null })).actsFor('BADINH')).toBe(false);
  });
  it('ignores a missing or malformed permission list', () => {
    expect(permissionsOf({ permissions: undefined as unknown as string[] })).toEqual([]);
    expect(permissionsOf({ permissions: ['a:b', 3, null] as unknown as string[] })).toEqual(['a:b']);
  });
});

describe('formats', () => {
  it('writes numbers and percentages the way each language does, a dash for none', () => {
    expect(formatNumber(1234567.5, 'vi')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(2 / 3, 'vi')).toBe('0,67');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatPercent(12.5, 'vi')).toBe('12,5%');
    expect(formatPercent(2.6667, 'en')).toBe('2.67%');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatRate(0.875, 'vi')).toBe('87,5%');
    expect(formatRate(null, 'en')).toBe('—');
  });
  it('writes sizes in B, kB and MB', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(512 * 1024, 'vi')).toBe('512 kB');
    expect(formatBytes(1.5 * 1024 * 1024, 'vi')).toBe('1,5 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });
  it('names the tab "<page> — dondoc" and the module paths under /m/<id>/', () => {
    expect(documentTitleOf('Nhập danh sách từ tệp')).toBe('Nhập danh sách từ tệp — dondoc');
    expect(documentTitleOf(null)).toBe('dondoc');
    expect(modulePath('tai-chinh')).toBe('/m/tai-chinh/');
    expect(modulePath('tai-chinh', 'tong-hop')).toBe('/m/tai-chinh/tong-hop');
    expect(modulePath('tai-chinh', '/bao-cao')).toBe('/m/tai-chinh/bao-cao');
  });
  it('decodes a base64 download to its bytes', () => {
    expect([...base64Bytes(btoa('Hà'.normalize('NFC')))]).toEqual([...'Hà'].map((c) => c.charCodeAt(0)));
  });
});

describe('the status palette', () => {
  it('keeps white text and text on white at WCAG AA (4.5:1) in every colour', () => {
    for (const [name, color] of Object.entries({ ...TAG_COLORS, ...FORECAST_COLORS })) {
      expect(contrastRatio(color, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});

describe('conflicts', () => {
  it('recognises a stale write by its tRPC code only', () => {
    const error = Object.assign(new Error('Nguyễn Văn A đã sửa lúc 10:02'), { name: 'TRPCClientError', data: { code: 'CONFLICT' } });
    expect(isConflict(error)).toBe(true);
    expect(isConflict(Object.assign(new Error('x'), { name: 'TRPCClientError', data: { code: 'FORBIDDEN' } }))).toBe(false);
    expect(isConflict(new Error('CONFLICT'))).toBe(false);
    expect(isConflict(null)).toBe(false);
  });
});

describe('spreadsheet files', () => {
  it('takes the extensions of an accept list', () => {
    expect(acceptedExtensions('.xlsx, .CSV,text/csv')).toEqual(['xlsx', 'csv']);
  });
  it('refuses a file of another kind, an empty one and one too large, before sending', () => {
    expect(spreadsheetProblem({ name: 'don-vi.xlsx', size: 2000 })).toBeNull();
    expect(spreadsheetProblem({ name: 'don-vi.CSV', size: 2000 })).toBeNull();
    expect(spreadsheetProblem({ name: 'don-vi.pdf', size: 2000 })).toBe('type');
    expect(spreadsheetProblem({ name: 'don-vi.csv', size: 0 })).toBe('empty');
    expect(spreadsheetProblem({ name: 'don-vi.csv', size: 512 * 1024 + 1 })).toBe('size');
    expect(spreadsheetProblem({ name: 'don-vi.csv', size: 2000 }, '.csv', 1000)).toBe('size');
  });
  it('refuses a file whose content is not of its name’s kind (a pdf named .xlsx), by the sniffed kind', () => {
    expect(spreadsheetContentMatches('xlsx', 'don-vi.xlsx')).toBe(true);
    expect(spreadsheetContentMatches('csv', 'don-vi.CSV')).toBe(true);
    expect(spreadsheetContentMatches('pdf', 'don-vi.xlsx')).toBe(false);
    expect(spreadsheetContentMatches('xls', 'don-vi.xlsx')).toBe(false);
    expect(spreadsheetContentMatches('csv', 'don-vi.xlsx')).toBe(false);
  });
  it('has every text of the kit in both languages', () => {
    expect(missingKeys(commonVi, commonEnForTest)).toEqual([]);
    expect(Object.keys(commonVi.spreadsheet)).toContain('errorsTitle');
  });
});

describe('date pickers', () => {
  it('reads and writes calendar days without a time-zone shift', () => {
    expect(toDayjs('2025-03-31')?.format('DD/MM/YYYY')).toBe('31/03/2025');
    expect(toDayjs('2025-02-30')).toBeNull();
    expect(toDayjs(null)).toBeNull();
    expect(fromDayjs(toDayjs('2024-02-29'))).toBe('2024-02-29');
    expect(fromDayjs(null)).toBeNull();
  });
  it('counts days in Hà Nội time (UTC+7)', () => {
    expect(hanoiDay(Date.UTC(2025, 11, 31, 16, 59))).toBe('2025-12-31');
    expect(hanoiDay(Date.UTC(2025, 11, 31, 17, 0))).toBe('2026-01-01');
    expect(isAfterToday(toDayjs('2999-01-01')!)).toBe(true);
    expect(isAfterToday(toDayjs(todayIso())!)).toBe(false);
  });
});

describe('texts written as pairs', () => {
  it('splits them into the Vietnamese and English trees, with the same keys', () => {
    const { vi, en } = splitTexts({ import: { title: ['Nhập danh sách từ tệp', 'Import the register from a file'], sub: { ok: ['Đã ghi', 'Written'] } } });
    expect(vi).toEqual({ import: { title: 'Nhập danh sách từ tệp', sub: { ok: 'Đã ghi' } } });
    expect(en).toEqual({ import: { title: 'Import the register from a file', sub: { ok: 'Written' } } });
    expect(missingKeys(vi, en)).toEqual([]);
  });
});
