/**
 * Dates and deadlines as Vietnamese administrative documents write them (Decree 30/2020/NĐ-CP
 * and common practice): `ngày 08 tháng 8 năm 2023`, `13/7/2023`, `trong tháng 9 năm 2023`,
 * `trước ngày 31/3/2011`, `đến năm 2025`, `Quý III/2023`, `6 tháng đầu năm 2024`, and the
 * words that make a task continuous (`thường xuyên`, `định kỳ`, `hằng năm`).
 */
import { fold } from './text.ts';

export type IsoDate = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar day as `YYYY-MM-DD`, or null (31/02, month 13, a year outside 1945-2100). */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1945 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const endOfMonth = (year: number, month: number) => isoDate(year, month, lastDayOfMonth(year, month));

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** `ngày 08 tháng 8 năm 2023` or `08/8/2023` (or `08-8-2023`, `08.8.2023`) anywhere in a folded text. */
const DATE_WORDS = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/;
const DATE_NUMERIC = /(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;

/** The first full date in a text. */
export function findDate(text: string): { date: IsoDate; index: number } | null {
  const folded = fold(text);
  const candidates = [DATE_WORDS.exec(folded), DATE_NUMERIC.exec(folded)].filter((m): m is RegExpExecArray => m !== null);
  candidates.sort((a, b) => a.index - b.index);
  for (const m of candidates) {
    const date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (date) return { date, index: m.index };
  }
  return null;
}

export interface DeadlineFinding {
  date: IsoDate;
  /** The words that gave it, as written (folded). */
  phrase: string;
  /** 0–1: a completion word next to it (`hoàn thành`, `thời hạn`) raises it; a bare `trong năm` lowers it. */
  confidence: number;
  index: number;
}

interface DeadlineRule {
  re: RegExp;
  toDate(m: RegExpExecArray, year: number | null): IsoDate | null;
  confidence: number;
}

const yearOf = (m: RegExpExecArray, group: number, fallback: number | null) => (m[group] ? Number(m[group]) : fallback);

/** Ordered from the most to the least precise; all run on folded text. */
const DEADLINE_RULES: DeadlineRule[] = [
  {
    // trước ngày 31/3/2011, chậm nhất ngày 15/12, hoàn thành trước 30/6/2024, xong trước ngày 20 tháng 10 năm 2023
    re: /\b(?:truoc|cham nhat(?: la)?|han chot|khong muon hon|den|hoan thanh|xong)(?: ngay)?\s+(\d{1,2})\s*(?:[/.-]|\s*thang\s*)(\d{1,2})(?:\s*(?:[/.-]|\s*nam\s*)(\d{4}))?(?![\d/])/g,
    toDate: (m, year) => {
      const y = yearOf(m, 3, year);
      return y === null ? null : isoDate(y, Number(m[2]), Number(m[1]));
    },
    confidence: 0.9,
  },
  {
    // trong tháng 9 năm 2023, trong tháng 9/2023, hoàn thành tháng 10 năm 2023, trước tháng 12
    re: /\b(?:trong|truoc|den|cuoi|het|hoan thanh(?: trong)?|xong(?: trong)?)\s+thang\s*(\d{1,2})(?:\s*(?:\/|nam)\s*(\d{4}))?(?![\d/])/g,
    toDate: (m, year) => {
      const y = yearOf(m, 2, year);
      const month = Number(m[1]);
      if (y === null) return null;
      // "trước tháng 12" means before the month starts: its day before.
      return /^truoc/.test(m[0]) ? lastDayBefore(y, month) : endOfMonth(y, month);
    },
    confidence: 0.9,
  },
  {
    // quý III/2023, trong quý 3 năm 2023, trước quý IV năm 2024
    re: /(?:\b(?:trong|truoc|den|het|cuoi|hoan thanh(?: trong)?)\s+)?\bquy\s*(iv|i{1,3}|[1-4])(?![a-z\d])(?:\s*(?:\/|nam)\s*(\d{4}))?(?![\d/])/g,
    toDate: (m, year) => {
      const y = yearOf(m, 2, year);
      const quarter = ROMAN[m[1]!] ?? Number(m[1]);
      if (y === null) return null;
      return /^truoc/.test(m[0]) ? lastDayBefore(y, quarter * 3 - 2) : endOfMonth(y, quarter * 3);
    },
    confidence: 0.85,
  },
  {
    // 6 tháng đầu năm 2024 → 30/6; 5 tháng cuối năm 2023 → 31/12; 9 tháng năm 2023 → 30/9
    re: /\b(\d{1,2})\s+thang\s+(dau|cuoi)?\s*nam\s+(\d{4})/g,
    toDate: (m) => {
      const months = Number(m[1]);
      const year = Number(m[3]);
      if (months < 1 || months > 12) return null;
      return m[2] === 'cuoi' ? endOfMonth(year, 12) : endOfMonth(year, months);
    },
    confidence: 0.8,
  },
  {
    // đến năm 2025, đến hết năm 2025, trước năm 2026 (→ 31/12/2025), trong năm 2023, cuối năm 2023
    re: /\b(den het|den cuoi|den|truoc|trong|cuoi|het|hoan thanh(?: trong)?(?: nam)?)\s+nam\s+(\d{4})(?![\d/-])/g,
    toDate: (m) => {
      const year = Number(m[2]);
      return m[1] === 'truoc' ? isoDate(year - 1, 12, 31) : isoDate(year, 12, 31);
    },
    confidence: 0.75,
  },
];

function lastDayBefore(year: number, month: number): IsoDate | null {
  return month === 1 ? isoDate(year - 1, 12, 31) : endOfMonth(year, month - 1);
}

/** Words saying the date is when the work must be done, not when something happened. */
const COMPLETION_WORDS = /(hoan thanh|thoi han|thoi gian hoan thanh|thoi gian thuc hien|xong|cham nhat|truoc ngay|bao cao truoc|dam bao|phan dau)/;

/**
 * Every deadline a sentence gives. `year` fills in a date written without its year (the
 * directive's own year). Overlapping matches keep the most precise.
 */
export function findDeadlines(sentence: string, year: number | null): DeadlineFinding[] {
  const folded = fold(sentence);
  const found: DeadlineFinding[] = [];
  const taken: Array<[number, number]> = [];
  for (const rule of DEADLINE_RULES) {
    rule.re.lastIndex = 0;
    for (const m of folded.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      // A date of a document ("Kế hoạch số 286/KH-UBND ngày 14/12/2021") is not a deadline.
      if (/(?:so|\/[a-z-]+)\s*(?:ngay)?\s*$/.test(folded.slice(Math.max(0, start - 30), start)) && !/^(truoc|cham|han|den|hoan|xong|trong)/.test(m[0].trim())) continue;
      // "giai đoạn 2021-2025" is a period, not a deadline.
      if (/giai doan\s*$/.test(folded.slice(Math.max(0, start - 12), start))) continue;
      // "trước ngày 15/12 hằng năm": a date that comes back every year is a period, not a deadline.
      if (!/\d{4}/.test(m[0]) && /^\s*,?\s*(?:cua\s+)?(?:hang|moi)\s+(?:nam|quy|thang)\b/.test(folded.slice(end, end + 20))) continue;
      const date = rule.toDate(m as RegExpExecArray, year);
      if (!date) continue;
      const near = folded.slice(Math.max(0, start - 40), end + 10);
      let confidence = rule.confidence;
      if (COMPLETION_WORDS.test(near)) confidence = Math.min(0.95, confidence + 0.1);
      if (/^\s*trong\s+nam/.test(m[0])) confidence = Math.min(confidence, 0.6);
      found.push({ date, phrase: m[0].trim(), confidence: round2(confidence), index: start });
      taken.push([start, end]);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const CONTINUOUS = /(thuong xuyen|dinh ky|hang nam|hang quy|hang thang|hang tuan|hang ngay|lien tuc)/;

/** Whether a sentence makes the task continuous (reported every period, no single deadline). */
export function findContinuous(sentence: string): string | null {
  const m = CONTINUOUS.exec(fold(sentence));
  return m ? m[1]! : null;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
