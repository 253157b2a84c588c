/**
 * `core.notices`: a module tells units something they must act on that is not a report or a task
 * (tttt: "your digital-transformation plan for 2026 is not approved yet") — a notification to each
 * unit, in both languages, with a link into the module's pages, audited. Once a unit, link and
 * Hà Nội day, as report reminders are: a second send the same day is skipped, not repeated.
 */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { listUnits } from '@dondoc/auth';
import { addDays } from '../../domain/index.ts';
import { fail } from '../errors.ts';
import { notifications } from '../schema.ts';
import { accessOf, assertCovers, assertModulePath, audit, authorOf, parse, write, type Bound } from './binding.ts';

const text = (max: number) => z.object({ vi: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const sendInput = z.object({
  unitCodes: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).min(1).max(500),
  title: text(300),
  body: text(2000),
  link: z.string().trim().min(1).max(500),
  permission: z.string().max(200).optional(),
});

export type SendNoticeInput = z.input<typeof sendInput>;

export interface SendNoticeResult {
  /** Units told now. */
  sent: string[];
  /** Units already told the same (same link, from this module) today. */
  skipped: Array<{ unitCode: string; reason: 'already_sent_today' }>;
}

/** Hà Nội midnight of `day` as an instant: the day's notices were created from it on. */
function startOfHanoiDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

export function moduleNotices(b: Bound) {
  return {
    /**
     * Sends a notice (kind `module_notice`) to each unit named, with a link inside the module's
     * pages (`/m/<moduleId>/…`; BAD_REQUEST outside it). Needs the caller's `permission` (default
     * `core.reminders:send`) over every unit named: FORBIDDEN otherwise.
     */
    async send(raw: SendNoticeInput): Promise<SendNoticeResult> {
      const input = parse(b, sendInput, raw);
      assertModulePath(b, input.link);
      const named = [...new Set(input.unitCodes)];
      const access = accessOf(b, input.permission, 'core.reminders:send');
      assertCovers(b, access, named);
      return write(b, undefined, async (tx) => {
        const known = new Set((await listUnits(tx)).map((u) => u.code));
        const unknown = named.filter((code) => !known.has(code));
        if (unknown.length > 0) fail('BAD_REQUEST', b.locale, { vi: `Không có đơn vị ${unknown.join(', ')}.`, en: `There is no unit ${unknown.join(', ')}.` });
        const today = b.today();
        const sentToday = await tx
          .select({ unitCode: notifications.unitCode })
          .from(notifications)
          .where(
            and(
              eq(notifications.kind, 'module_notice'),
              eq(notifications.link, input.link),
              inArray(notifications.unitCode, named),
              gte(notifications.createdAt, startOfHanoiDay(today)),
              lt(notifications.createdAt, startOfHanoiDay(addDays(today, 1))),
            ),
          );
        const already = new Set(sentToday.map((row) => row.unitCode));
        const result: SendNoticeResult = { sent: [], skipped: [] };
        for (const unitCode of named) {
          if (already.has(unitCode)) {
            result.skipped.push({ unitCode, reason: 'already_sent_today' });
            continue;
          }
          const [notice] = await tx
            .insert(notifications)
            .values({ unitCode, kind: 'module_notice', title: input.title.vi, titleEn: input.title.en, body: input.body.vi, bodyEn: input.body.en, link: input.link, actor: authorOf(b) })
            .returning({ id: notifications.id });
          await audit(b, tx, { action: 'core.notice.send', entity: 'core.notification', entityId: String(notice!.id), after: { unitCode, title: input.title.vi, link: input.link } });
          result.sent.push(unitCode);
        }
        return result;
      });
    },
  };
}
