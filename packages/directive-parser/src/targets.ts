/**
 * Numeric targets (chỉ tiêu): `ít nhất 20%`, `tối thiểu 20% đơn vị`, `không quá 5%`,
 * `100% hồ sơ`, `đạt 95%`. The comparison word gives the operator; a bare figure is `=`.
 */
import { fold } from './text.ts';

export interface TargetFinding {
  op: '>=' | '<=' | '=';
  value: number;
  unit: string;
  /** What is counted, as written after the figure (`TTHC nội bộ`, `chi phí tuân thủ`). */
  subject: string;
  phrase: string;
  source: string;
  confidence: number;
}

const AT_LEAST = /(it nhat|toi thieu|khong duoi|khong it hon|tren|dat tren|dat it nhat|tang it nhat|giam it nhat|phan dau dat)\s*$/;
const AT_MOST = /(toi da|khong qua|khong vuot qua|duoi|khong cao hon|thap hon)\s*$/;

const FIGURE = /(\d{1,3}(?:[.,]\d+)?)\s*(%|phan tram)/g;

/** Targets of one sentence. */
export function findTargets(sentence: string): TargetFinding[] {
  const folded = fold(sentence);
  const out: TargetFinding[] = [];
  for (const m of folded.matchAll(FIGURE)) {
    const value = Number(m[1]!.replace(',', '.'));
    if (!Number.isFinite(value) || value > 100) continue;
    const before = folded.slice(Math.max(0, m.index - 25), m.index);
    const op = AT_LEAST.test(before) ? '>=' : AT_MOST.test(before) ? '<=' : '=';
    const opWords = (op === '>=' ? AT_LEAST : op === '<=' ? AT_MOST : null)?.exec(before)?.[1] ?? '';
    const end = m.index + m[0].length;
    const subject = sentence
      .slice(end)
      .replace(/^\s+/, '')
      .split(/[,;.:()]|\s(?:và|theo|trong|đến|được|so với|tại|của|trên|thuộc)\s/u)[0]!
      .trim()
      .split(/\s+/)
      .slice(0, 6)
      .join(' ');
    // "tỷ lệ giải ngân không dưới 95%": what is counted comes before the figure.
    const counted = subject || sentence.slice(Math.max(0, m.index - 60), m.index - (opWords ? before.length - before.lastIndexOf(opWords) : 0)).split(/[,;:.]/).pop()!.trim().split(/\s+/).slice(-6).join(' ');
    const phraseStart = m.index - (opWords ? before.length - before.lastIndexOf(opWords) : 0);
    out.push({
      op,
      value,
      unit: '%',
      subject: counted,
      phrase: sentence.slice(Math.max(0, phraseStart), end + (subject ? 1 + subject.length : 0)).trim(),
      source: sentence,
      confidence: op === '=' ? 0.7 : 0.9,
    });
  }
  return out;
}
