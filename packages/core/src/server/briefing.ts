/**
 * The coordinators' briefing (giao ban): tasks "quá hạn trên 3 lần đôn đốc" — still overdue
 * after more than three reminders sent to their lead unit while overdue — by unit, and the
 * same list as an xlsx sheet to file with the briefing's minutes.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { listUnits, type Access } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import { daysBetween, formatDateVi, LEADERSHIP_REMINDER_THRESHOLD, type IsoDate } from '../domain/index.ts';
import { directives, tasks } from './schema.ts';
import { taskStatusIsSql } from './status-sql.ts';
import { activeTask, remindersWhileOverdueSql } from './tasks.ts';
import { tableWorkbook, type XlsxTable } from './xlsx.ts';

export interface FlaggedTask {
  id: string;
  code: string;
  title: string;
  directiveNumber: string;
  deadline: IsoDate;
  originalDeadline: IsoDate | null;
  daysOverdue: number;
  remindersWhileOverdue: number;
  lastReminderOn: IsoDate | null;
  progress: number;
}

export interface FlaggedUnit {
  code: string;
  name: string;
  tasks: FlaggedTask[];
}

export async function flaggedForBriefing(db: Queryable, access: Access, asOf: IsoDate): Promise<{ asOf: IsoDate; total: number; units: FlaggedUnit[] }> {
  if (!access.allowed) return { asOf, total: 0, units: [] };
  const overdueReminders = remindersWhileOverdueSql(asOf);
  const conditions = [eq(tasks.isParent, false), activeTask, taskStatusIsSql('overdue', asOf), sql`${overdueReminders} > ${LEADERSHIP_REMINDER_THRESHOLD}`];
  if (access.unitCodes !== 'all') conditions.push(inArray(tasks.leadUnitCode, access.unitCodes));
  const rows = await db
    .select({
      id: tasks.id,
      code: tasks.code,
      title: tasks.title,
      leadUnitCode: tasks.leadUnitCode,
      directiveNumber: directives.number,
      deadline: tasks.deadline,
      originalDeadline: tasks.originalDeadline,
      progress: tasks.progress,
      reminders: overdueReminders,
      lastReminderOn: sql<string | null>`(select max(((r."sent_at" at time zone 'UTC') + interval '7 hours')::date)::text from "core"."reminders" as r
        where r."task_id" = "core"."tasks"."id" and r."unit_code" = "core"."tasks"."lead_unit_code"
          and ((r."sent_at" at time zone 'UTC') + interval '7 hours')::date <= ${asOf}::date)`,
    })
    .from(tasks)
    .innerJoin(directives, eq(directives.id, tasks.directiveId))
    .where(and(...conditions))
    .orderBy(asc(tasks.code));
  // Units in the directory's order (UBND, departments, districts), as reports list them.
  const directory = await listUnits(db);
  const byUnit = new Map<string, FlaggedTask[]>();
  for (const row of rows) {
    const list = byUnit.get(row.leadUnitCode) ?? [];
    const deadline = row.deadline as IsoDate;
    list.push({
      id: row.id,
      code: row.code,
      title: row.title,
      directiveNumber: row.directiveNumber,
      deadline,
      originalDeadline: row.originalDeadline,
      daysOverdue: daysBetween(deadline, asOf),
      remindersWhileOverdue: Number(row.reminders),
      lastReminderOn: row.lastReminderOn,
      progress: row.progress,
    });
    byUnit.set(row.leadUnitCode, list);
  }
  const units = directory
    .filter((unit) => byUnit.has(unit.code))
    .map((unit) => ({ code: unit.code, name: unit.name, tasks: byUnit.get(unit.code) ?? [] }));
  return { asOf, total: rows.length, units };
}

/** The briefing list as a filed document: in Vietnamese whatever the interface language. */
export async function flaggedWorkbook(list: Awaited<ReturnType<typeof flaggedForBriefing>>, exportedBy: string): Promise<Buffer> {
  return tableWorkbook(flaggedTable(list, exportedBy));
}

/** The briefing list as a table (a sheet of the briefing's file and of the overview's). */
export function flaggedTable(list: Awaited<ReturnType<typeof flaggedForBriefing>>, exportedBy?: string): XlsxTable {
  const rows = list.units.flatMap((unit) =>
    unit.tasks.map((task, index) => [
      index === 0 ? unit.name : '',
      task.code,
      task.title,
      task.directiveNumber,
      formatDateVi(task.deadline),
      task.originalDeadline ? formatDateVi(task.originalDeadline) : '',
      task.daysOverdue,
      task.remindersWhileOverdue,
      task.lastReminderOn ? formatDateVi(task.lastReminderOn) : '',
      task.progress,
    ]),
  );
  return {
    sheetName: 'Giao ban',
    title: [
      'DANH SÁCH NHIỆM VỤ QUÁ HẠN TRÊN 3 LẦN ĐÔN ĐỐC',
      `Tính đến ngày ${formatDateVi(list.asOf)} — báo cáo lãnh đạo UBND Thành phố tại cuộc họp giao ban`,
      ...(exportedBy ? [`Người xuất: ${exportedBy}`] : []),
    ],
    columns: [
      { header: 'Đơn vị chủ trì', width: 28 },
      { header: 'Mã nhiệm vụ', width: 18 },
      { header: 'Nhiệm vụ', width: 50 },
      { header: 'Văn bản', width: 16 },
      { header: 'Thời hạn', width: 12 },
      { header: 'Thời hạn ban đầu (trước gia hạn)', width: 16 },
      { header: 'Số ngày quá hạn', width: 10, numFmt: '0' },
      { header: 'Số lần đôn đốc khi quá hạn', width: 12, numFmt: '0' },
      { header: 'Lần đôn đốc gần nhất', width: 14 },
      { header: 'Tiến độ (%)', width: 10, numFmt: '0' },
    ],
    rows,
    footer: [`Tổng cộng: ${list.total} nhiệm vụ của ${list.units.length} đơn vị.`],
  };
}
