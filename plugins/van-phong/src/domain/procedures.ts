/**
 * The procedure catalogue (danh mục TTHC) and its publication on the National Database on
 * administrative procedures (Cơ sở dữ liệu quốc gia về TTHC), directive 2458 §2 first duty:
 * the Văn phòng publishes every procedure the Chairman's decisions announce.
 */
import { daysBetween, type IsoDate } from '@dondoc/plugin-sdk/web';

export const PROCEDURE_LEVELS = ['city', 'district', 'commune'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];
/** `external`: for citizens and businesses; `internal`: between state agencies (TTHC nội bộ). */
export const PROCEDURE_KINDS = ['external', 'internal'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];
export const ONLINE_SERVICES = ['full', 'partial', 'none'] as const;
export type OnlineService = (typeof ONLINE_SERVICES)[number];

export const MAX_CODE_LENGTH = 40;
export const MAX_NAME_LENGTH = 500;
export const MAX_TEXT_LENGTH = 1000;
/** Compliance cost is counted in thousand đồng a year; a bound that keeps sums exact in a double. */
export const MAX_COST = 1_000_000_000_000;

export interface PublicationFacts {
  code: string;
  ownerUnitCode: string;
  /** Date of the announcing decision (quyết định công bố), or null when not announced yet. */
  announcedOn: IsoDate | null;
  /** Date it was published on the National Database, or null. */
  publishedOn: IsoDate | null;
}

export interface BacklogItem {
  code: string;
  ownerUnitCode: string;
  announcedOn: IsoDate;
  /** Whole days from the announcement to `asOf`. */
  daysWaited: number;
}

export interface BacklogByUnit {
  ownerUnitCode: string;
  count: number;
  /** The longest wait among the unit's items. */
  longestWait: number;
}

export interface PublicationBacklog {
  asOf: IsoDate;
  /** Longest wait first, then by code. */
  items: BacklogItem[];
  /** Most waiting first, then by longest wait, then by unit code. */
  byUnit: BacklogByUnit[];
}

/**
 * Announced but not yet published as of `asOf`: announced on or before `asOf`, and not published,
 * or published only after `asOf` (so a past date answers what was waiting then). A procedure
 * announced after `asOf` is not counted yet.
 */
export function publicationBacklog(procedures: readonly PublicationFacts[], asOf: IsoDate): PublicationBacklog {
  const items: BacklogItem[] = [];
  for (const procedure of procedures) {
    if (procedure.announcedOn === null || procedure.announcedOn > asOf) continue;
    if (procedure.publishedOn !== null && procedure.publishedOn <= asOf) continue;
    items.push({ code: procedure.code, ownerUnitCode: procedure.ownerUnitCode, announcedOn: procedure.announcedOn, daysWaited: daysBetween(procedure.announcedOn, asOf) });
  }
  items.sort((a, b) => b.daysWaited - a.daysWaited || a.code.localeCompare(b.code));
  const units = new Map<string, BacklogByUnit>();
  for (const item of items) {
    const unit = units.get(item.ownerUnitCode) ?? { ownerUnitCode: item.ownerUnitCode, count: 0, longestWait: 0 };
    unit.count += 1;
    unit.longestWait = Math.max(unit.longestWait, item.daysWaited);
    units.set(item.ownerUnitCode, unit);
  }
  const byUnit = [...units.values()].sort((a, b) => b.count - a.count || b.longestWait - a.longestWait || a.ownerUnitCode.localeCompare(b.ownerUnitCode));
  return { asOf, items, byUnit };
}

/** A publication date may not come before the announcement, nor exist without one. */
export function publicationProblem(announcedOn: IsoDate | null, publishedOn: IsoDate | null): { vi: string; en: string } | null {
  if (publishedOn === null) return null;
  if (announcedOn === null) return { vi: 'Chưa có quyết định công bố thì chưa thể đăng tải.', en: 'A procedure cannot be published before it is announced.' };
  if (publishedOn < announcedOn) return { vi: 'Ngày đăng tải không được trước ngày công bố.', en: 'The publication date cannot be before the announcement.' };
  return null;
}
