import { listUsersWithRole } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import type { LocalizedText } from '@dondoc/trpc';
import { notifications } from './schema.ts';

export interface CoordinatorNotice {
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  /** Path in the portal of the item waiting, e.g. `/bao-cao?ky=…&don-vi=…`. */
  link: string;
  /** The username of who caused it. */
  actor: string | null;
}

/**
 * Tells the coordinators that something waits for them (a report submitted, an escalation
 * raised, an extension asked for): one notification, in both languages, to every unit an
 * active coordinator belongs to (the UBND and the Văn phòng in the demo). In the caller's
 * transaction, so the notice commits with what it announces. Answers the units told.
 */
export async function notifyCoordinators(tx: Queryable, notice: CoordinatorNotice): Promise<string[]> {
  const unitCodes = [...new Set((await listUsersWithRole(tx, 'coordinator')).flatMap((user) => (user.unitCode ? [user.unitCode] : [])))].sort();
  if (unitCodes.length === 0) return [];
  await tx.insert(notifications).values(
    unitCodes.map((unitCode) => ({
      unitCode,
      kind: notice.kind,
      title: notice.title.vi,
      titleEn: notice.title.en,
      body: notice.body.vi,
      bodyEn: notice.body.en,
      link: notice.link,
      actor: notice.actor,
    })),
  );
  return unitCodes;
}

/** The coordinators' notice of an escalation raised by a unit (from its report or a module's page). */
export function notifyEscalation(
  tx: Queryable,
  escalation: { taskId: string; taskCode: string; unitName: string; obstacle: string; actor: string | null },
): Promise<string[]> {
  return notifyCoordinators(tx, {
    kind: 'escalation_opened',
    title: {
      vi: `${escalation.unitName} kiến nghị vượt thẩm quyền về nhiệm vụ ${escalation.taskCode}`,
      en: `${escalation.unitName} raised an obstacle beyond its authority on task ${escalation.taskCode}`,
    },
    body: { vi: escalation.obstacle, en: escalation.obstacle },
    link: `/nhiem-vu/${escalation.taskId}`,
    actor: escalation.actor,
  });
}
