/**
 * The authorization matrix's table: for every procedure of every router (the core's, each
 * installed module's), the permission it is declared under and a sample input aimed at
 * ANOTHER unit's rows (Quận Ba Đình's task, report, register unit…), plus the fixtures those
 * inputs point at. `authorization.test.ts` walks the routers at test time and fails on any
 * procedure missing here: a module that lands later adds its own rows to this table. The
 * department modules that came after tai-chinh keep theirs in lib/modules/<id>.ts (`samples`,
 * and `build`, which makes Ba Đình's rows through the module's API).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { BA_DINH_UNIT_CODE, createUser } from '@dondoc/auth';
import { DEMO_PASSWORD, type TestServer } from '../../test/helpers.ts';
import * as khdt from './modules/khdt.ts';
import * as noiVu from './modules/noi-vu.ts';
import * as tttt from './modules/tttt.ts';
import * as vanPhong from './modules/van-phong.ts';
import { BD, dataOf, rows, upload, versioned, type Row, type UploadSample } from './matrix-kit.ts';

export { dataOf, upload, type UploadSample };

/** The department modules the matrix and the fuzzer install (their server entries are `plugins/<id>/src/server/plugin.ts`). */
export const MODULES = ['tai-chinh', 'van-phong', 'tttt', 'khdt', 'noi-vu'] as const;

/** The lead of each module's owning unit (`moduleOwner`); a module not named here is owned by STC (`ROLE_USERS.moduleOwner`). */
export const MODULE_OWNER: Record<string, string> = { 'van-phong': 'vp', tttt: 'stttt', khdt: 'skhdt', 'noi-vu': 'snv' };

/** The kinds of caller every procedure is called as. */
export const ROLES = ['anonymous', 'officerOther', 'leadOther', 'moduleOwner', 'rowUnit', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The account that plays each role (`rowUnit` and `moduleOwner` may be overridden per module or procedure). */
export const ROLE_USERS: Record<Exclude<Role, 'anonymous'>, string> = {
  /** An officer of Sở Xây dựng (created by the test: the demo has no officer outside STC). */
  officerOther: 'sxd.cv',
  leadOther: 'sxd',
  /** The module's owning unit (STC for tai-chinh and the fixture); the core has none. */
  moduleOwner: 'stc',
  /** The unit whose rows the inputs aim at: Quận Ba Đình. */
  rowUnit: 'badinh',
  coordinator: 'ubnd',
  admin: 'admin',
};

/** The lead account of each unit that has one in the demo (the owner of a target, say). */
export const LEAD_OF_UNIT: Record<string, string> = { STC: 'stc', SNV: 'snv', STTTT: 'stttt', SKHDT: 'skhdt', VP: 'vp', [BA_DINH_UNIT_CODE]: 'badinh' };


export interface Sample {
  /** The permission the procedure is declared under (`permissionProcedure(key)`); null: public. */
  permission: string | null;
  /** The unit whose rows the input aims at; undefined: rows of no one unit (directives, targets list…). */
  unit?: (fx: Fixtures) => string;
  /**
   * What a caller whose scope misses `unit` gets: `row` — refused (403 or 404); `list` — a
   * list filtered to its scope (200 allowed, without any of that unit's rows).
   */
  outOfScope?: 'row' | 'list';
  /** The account of `unit` when it is not the module's row unit (a target's owner unit). */
  rowUser?: (fx: Fixtures) => string;
  input?: (fx: Fixtures) => unknown;
  upload?: (fx: Fixtures) => UploadSample;
}

export interface Fixtures {
  /** Active leaf tasks led by Ba Đình alone (no coordinating unit): `task` for reads and updates, `spare` for edit and cancel. */
  task: { id: string; version: number };
  spare: { id: string; version: number };
  /** A draft directive of the UBND, another to discard, a draft task of the first. */
  draft: { id: string; version: number };
  discardable: { id: string; version: number };
  draftTask: { id: string; version: number };
  /** Ba Đình's report of this quarter (draft), its evidence file and an extension it asked. */
  period: string;
  report: { id: string; version: number };
  evidenceId: string;
  extensionId: string;
  escalationId: string;
  /** A manual target and its owner unit (not Ba Đình: targets belong to departments). */
  target: { code: string; ownerUnitCode: string; version: number };
  /** Sở Nội vụ's PAR INDEX scorecard: its root, a leaf Sở Nội vụ estimates, and a leaf to remove. */
  scorecard: { id: string; ownerUnitCode: string; root: { id: string; version: number }; leaf: { id: string; version: number; estimate: number }; spare: { id: string; version: number } };
  /** Ba Đình's units in the tai-chinh register, the first's latest year, an approved year if any. */
  fin: { unit: { id: string; version: number }; spare: { id: string; version: number }; year: { year: number; version: number }; approval: { year: number; version: number } };
  /** An item of the fixture module added by Ba Đình. */
  itemId: number;
  /** Ba Đình's rows in the department modules. */
  vanPhong: vanPhong.VanPhongFixtures;
  tttt: tttt.TtttFixtures;
  khdt: khdt.KhdtFixtures;
  noiVu: noiVu.NoiVuFixtures;
  /** Ids of Ba Đình's rows per module: none may appear in an answer to a caller who may not read Ba Đình's rows there. */
  secrets: Record<string, string[]>;
  today: string;
}

/** The unit coordinating Ba Đình's first task (no caller of the matrix belongs to it). */
const COORDINATING_UNIT = 'SKHDT';
const png = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
const pngFile = { name: 'minh-chung.png', type: 'image/png', bytes: png };
/** A directive's text, as the import page uploads it. */
const directiveTextFile = {
  name: 'van-ban.md',
  type: 'text/markdown',
  bytes: new TextEncoder().encode('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\nSố: 903/UBND-KT\n\nHà Nội, ngày 15 tháng 10 năm 2026\n\nV/v kiểm thử phân quyền\n\n1. Giao Sở Nội vụ chủ trì tổng hợp, báo cáo trước ngày 31/12/2026.\n'),
};
const csvFile = {
  name: 'don-vi.csv',
  type: 'text/csv',
  bytes: new TextEncoder().encode('Tên đơn vị,Lĩnh vực\nTrường Mầm non Kiểm thử,Giáo dục\n'),
};

const scorecardCsv = { name: 'bang-diem.csv', type: 'text/csv', bytes: new TextEncoder().encode('Mã,Mã cấp trên,Tên,Đơn vị phụ trách (mã)\nPAR,,PAR INDEX,SNV\n') };

/** Per module, the permission under which a caller may read Ba Đình's rows (and so know their ids). */
export const READ_PERMISSION: Record<string, string> = { core: 'core.tasks:read', 'tai-chinh': 'tai-chinh.units:read', fixture: 'fixture.items:read', 'van-phong': 'van-phong.records:read', tttt: 'tttt.plans:read', khdt: 'khdt.schemes:read', 'noi-vu': 'noi-vu.inspections:read' };

/** The table: module → procedure path → sample. */
export const matrix: Record<string, Record<string, Sample>> = {
  core: {
    'directives.list': { permission: 'core.tasks:read' },
    'directives.get': { permission: 'core.tasks:read', input: (fx) => ({ id: fx.draft.id }) },
    'directives.create': {
      permission: 'core.directives:write',
      input: (fx) => ({ number: '901/UBND-KT', issuedOn: fx.today, issuer: 'UBND Thành phố Hà Nội', subject: 'Văn bản kiểm thử phân quyền' }),
    },
    'directives.update': {
      permission: 'core.directives:write',
      input: (fx) => ({ id: fx.draft.id, version: fx.draft.version, number: '900/UBND-KT', issuedOn: fx.today, issuer: 'UBND Thành phố Hà Nội', subject: 'Sửa trích yếu' }),
    },
    'directives.attach': { permission: 'core.directives:write', upload: (fx) => ({ fields: { directiveId: fx.draft.id }, file: pngFile }) },
    'directives.discard': { permission: 'core.directives:write', input: (fx) => fx.discardable },
    'directives.saveTask': {
      permission: 'core.directives:write',
      input: (fx) => ({ directiveId: fx.draft.id, clause: '2', title: 'Nhiệm vụ thêm', assignees: { kind: 'units', unitCodes: [BD()] }, deadline: '2027-06-30' }),
    },
    'directives.removeTask': { permission: 'core.directives:write', input: (fx) => fx.draftTask },
    'directives.issue': { permission: 'core.directives:write', input: (fx) => fx.draft },
    'directives.read': { permission: 'core.directives:write', upload: () => ({ fields: {}, file: directiveTextFile }) },
    'directives.importDraft': {
      permission: 'core.directives:write',
      input: (fx) => ({ directive: { number: '902/UBND-KT', issuedOn: fx.today, issuer: 'UBND Thành phố Hà Nội', subject: 'Văn bản nhập từ tệp kiểm thử phân quyền' }, tasks: [] }),
    },

    'extensions.list': { permission: 'core.tasks:read', unit: BD, outOfScope: 'list', input: (fx) => ({ taskId: fx.task.id }) },
    'extensions.request': {
      permission: 'core.extensions:request',
      unit: BD,
      input: (fx) => ({ taskId: fx.task.id, reason: 'Cần thêm thời gian', proposedDeadline: '2027-12-31' }),
    },
    'extensions.decide': { permission: 'core.extensions:decide', unit: BD, input: (fx) => ({ id: fx.extensionId, decision: 'approve' }) },

    'tasks.edit': { permission: 'core.directives:write', unit: BD, input: (fx) => ({ ...fx.spare, reason: 'Điều chỉnh', title: 'Tên mới' }) },
    'tasks.cancel': { permission: 'core.directives:write', unit: BD, input: (fx) => ({ ...fx.spare, reason: 'Không còn phù hợp' }) },
    'tasks.list': { permission: 'core.tasks:read', unit: BD, outOfScope: 'list', input: () => ({ unitCode: BD(), limit: 200 }) },
    'tasks.get': { permission: 'core.tasks:read', unit: BD, input: (fx) => ({ id: fx.task.id }) },
    'tasks.links': { permission: 'core.tasks:read', unit: BD, input: (fx) => ({ id: fx.task.id }) },
    'tasks.update': { permission: 'core.tasks:update', unit: BD, input: (fx) => ({ ...fx.task, progress: 40, note: 'Đang triển khai' }) },
    'tasks.decideCompletion': { permission: 'core.tasks:confirm', unit: BD, input: (fx) => ({ ...fx.task, decision: 'return', note: 'Bổ sung minh chứng' }) },
    'tasks.attachResult': { permission: 'core.tasks:update', unit: BD, upload: (fx) => ({ fields: { taskId: fx.task.id }, file: pngFile }) },
    'tasks.flagged': { permission: 'core.tasks:read', unit: BD, outOfScope: 'list' },
    'tasks.flaggedExport': { permission: 'core.tasks:read', unit: BD, outOfScope: 'list' },

    'scorecards.list': { permission: 'core.scorecards:read' },
    'scorecards.get': { permission: 'core.scorecards:read', input: (fx) => ({ id: fx.scorecard.id }) },
    'scorecards.ranking': { permission: 'core.scorecards:read', input: () => ({ year: 2023, kind: 'district' }) },
    'scorecards.atRisk': { permission: 'core.scorecards:read', input: () => ({ year: 2023 }) },
    'scorecards.history': { permission: 'core.scorecards:read', input: (fx) => ({ nodeId: fx.scorecard.leaf.id }) },
    'scorecards.saveEstimate': {
      permission: 'core.scorecards:estimate',
      unit: (fx) => fx.scorecard.ownerUnitCode,
      rowUser: (fx) => LEAD_OF_UNIT[fx.scorecard.ownerUnitCode]!,
      input: (fx) => ({ nodeId: fx.scorecard.leaf.id, version: fx.scorecard.leaf.version, value: fx.scorecard.leaf.estimate, evidence: 'Kiểm thử phân quyền' }),
    },
    'scorecards.updateNode': {
      permission: 'core.scorecards:edit',
      unit: (fx) => fx.scorecard.ownerUnitCode,
      rowUser: (fx) => LEAD_OF_UNIT[fx.scorecard.ownerUnitCode]!,
      input: (fx) => ({ id: fx.scorecard.leaf.id, version: fx.scorecard.leaf.version, margin: 0.5 }),
    },
    'scorecards.addNode': {
      permission: 'core.scorecards:edit',
      unit: (fx) => fx.scorecard.ownerUnitCode,
      rowUser: (fx) => LEAD_OF_UNIT[fx.scorecard.ownerUnitCode]!,
      input: (fx) => ({ scorecardId: fx.scorecard.id, parentId: fx.scorecard.root.id, code: '99', name: 'Tiêu chí kiểm thử' }),
    },
    'scorecards.export': { permission: 'core.scorecards:read', input: (fx) => ({ id: fx.scorecard.id }) },
    'scorecards.import': {
      permission: 'core.scorecards:edit',
      unit: (fx) => fx.scorecard.ownerUnitCode,
      rowUser: (fx) => LEAD_OF_UNIT[fx.scorecard.ownerUnitCode]!,
      upload: (fx) => ({ fields: { id: fx.scorecard.id, dryRun: true }, file: scorecardCsv }),
    },
    'scorecards.removeNode': {
      permission: 'core.scorecards:edit',
      unit: (fx) => fx.scorecard.ownerUnitCode,
      rowUser: (fx) => LEAD_OF_UNIT[fx.scorecard.ownerUnitCode]!,
      input: (fx) => fx.scorecard.spare,
    },

    'targets.list': { permission: 'core.targets:read' },
    'targets.get': { permission: 'core.targets:read', input: (fx) => ({ code: fx.target.code }) },
    'targets.record': {
      permission: 'core.targets:record',
      unit: (fx) => fx.target.ownerUnitCode,
      rowUser: (fx) => LEAD_OF_UNIT[fx.target.ownerUnitCode]!,
      input: (fx) => ({ code: fx.target.code, value: 12.5, asOf: fx.today }),
    },
    'targets.setBaseline': {
      permission: 'core.targets:baseline',
      unit: (fx) => fx.target.ownerUnitCode,
      rowUser: (fx) => LEAD_OF_UNIT[fx.target.ownerUnitCode]!,
      input: (fx) => ({ code: fx.target.code, version: fx.target.version, baselineValue: 1, baselineDate: '2023-01-01' }),
    },

    'reports.list': { permission: 'core.reports:read', unit: BD, outOfScope: 'list' },
    'reports.get': { permission: 'core.reports:read', unit: BD, input: (fx) => ({ unitCode: BD(), periodId: fx.period }) },
    'reports.version': { permission: 'core.reports:read', unit: BD, input: (fx) => ({ reportId: fx.report.id, number: 1 }) },
    'reports.save': {
      permission: 'core.reports:write',
      unit: BD,
      input: (fx) => ({ unitCode: BD(), periodId: fx.period, version: fx.report.version, items: [{ taskId: fx.task.id, progress: 50, result: 'Đã làm' }] }),
    },
    'reports.submit': { permission: 'core.reports:submit', unit: BD, input: (fx) => fx.report },
    'reports.review': { permission: 'core.reports:review', unit: BD, input: (fx) => ({ ...fx.report, decision: 'return', reason: 'Bổ sung số liệu' }) },
    'reports.sendToLead': { permission: 'core.reports:write', unit: BD, input: (fx) => ({ ...fx.report, note: 'Kính trình lãnh đạo' }) },
    'reports.returnToOfficer': { permission: 'core.reports:submit', unit: BD, input: (fx) => ({ ...fx.report, note: 'Bổ sung số liệu' }) },
    'reports.status': { permission: 'core.reports:read', unit: BD, outOfScope: 'list', input: (fx) => ({ periodId: fx.period, kind: 'district' }) },
    'reports.remind': { permission: 'core.reminders:send', unit: BD, input: (fx) => ({ periodId: fx.period, unitCodes: [BD()] }) },
    'reports.attach': { permission: 'core.reports:write', unit: BD, upload: (fx) => ({ fields: { reportId: fx.report.id }, file: pngFile }) },
    'reports.evidence': { permission: 'core.reports:read', unit: BD, input: (fx) => ({ id: fx.evidenceId }) },

    'escalations.list': { permission: 'core.escalations:read', unit: BD, outOfScope: 'list' },
    'escalations.respond': { permission: 'core.escalations:respond', unit: BD, input: (fx) => ({ id: fx.escalationId, response: 'Đã xem xét' }) },
    'escalations.giveTask': {
      permission: 'core.directives:write',
      unit: BD,
      input: (fx) => ({ escalationId: fx.escalationId, number: '902/UBND-KT', issuedOn: fx.today, leadUnitCode: 'SNV', title: 'Nhiệm vụ từ ý kiến trả lời', deadline: '2027-06-30' }),
    },
    'reminders.send': { permission: 'core.reminders:send', unit: BD, input: (fx) => ({ taskId: fx.task.id, unitCode: COORDINATING_UNIT, message: 'Đề nghị khẩn trương' }) },
    'notifications.list': { permission: 'core.notifications:read', unit: BD, outOfScope: 'list' },
    'notifications.markRead': { permission: 'core.notifications:read', unit: BD, outOfScope: 'list', input: () => ({ ids: [1, 2, 3] }) },
    'units.list': { permission: 'core.tasks:read' },
    // Counts only (no rows): a coordinator's count covers Ba Đình's waiting reports; anyone else is refused.
    'coordination.waiting': { permission: 'core.reports:review', unit: BD, outOfScope: 'list' },
    'overview.summary': { permission: 'core.overview:read', unit: BD, outOfScope: 'list' },
    'overview.trend': { permission: 'core.overview:read', unit: BD, outOfScope: 'list' },
    'overview.export': { permission: 'core.overview:read', unit: BD, outOfScope: 'list', input: () => ({ format: 'xlsx' }) },
  },

  'tai-chinh': {
    access: { permission: 'tai-chinh.units:read' },
    'units.list': { permission: 'tai-chinh.units:read', unit: BD, outOfScope: 'row', input: () => ({ managingUnitCode: BD() }) },
    'units.get': { permission: 'tai-chinh.units:read', unit: BD, input: (fx) => ({ id: fx.fin.unit.id }) },
    'units.create': { permission: 'tai-chinh.units:write', unit: BD, input: () => ({ managingUnitCode: BD(), name: 'Trường Tiểu học Kiểm thử', sector: 'Giáo dục' }) },
    'units.update': { permission: 'tai-chinh.units:write', unit: BD, input: (fx) => ({ ...fx.fin.unit, name: 'Trường Mầm non Hoa Sen (sửa)', sector: 'Giáo dục' }) },
    'units.remove': { permission: 'tai-chinh.units:write', unit: BD, input: (fx) => fx.fin.spare },
    'units.template': { permission: 'tai-chinh.units:read' },
    'units.import': { permission: 'tai-chinh.units:write', unit: BD, upload: () => ({ fields: { managingUnitCode: BD(), dryRun: true }, file: csvFile }) },
    'years.save': {
      permission: 'tai-chinh.units:write',
      unit: BD,
      input: (fx) => ({ unitId: fx.fin.unit.id, year: fx.fin.year.year, version: fx.fin.year.version, group: null, revenueA: null, spendingB: null, plannedGroup: 2 }),
    },
    'years.clear': { permission: 'tai-chinh.units:write', unit: BD, input: (fx) => ({ unitId: fx.fin.unit.id, ...fx.fin.year }) },
    'consolidation.summary': { permission: 'tai-chinh.units:read', unit: BD, outOfScope: 'list', input: () => ({}) },
    'consolidation.target': { permission: 'tai-chinh.units:read' },
    'consolidation.approve': { permission: 'tai-chinh.classification:approve', unit: BD, input: (fx) => ({ year: fx.fin.year.year, managingUnitCodes: [BD()] }) },
    'consolidation.reopen': {
      permission: 'tai-chinh.classification:approve',
      unit: BD,
      input: (fx) => ({ year: fx.fin.approval.year, managingUnitCode: BD(), version: fx.fin.approval.version, note: 'Rà soát lại' }),
    },
    'reports.export': { permission: 'tai-chinh.reports:export', unit: BD, outOfScope: 'list', input: () => ({ periodId: '2024-Y' }) },
  },

  fixture: {
    list: { permission: 'fixture.items:read', unit: BD, outOfScope: 'list' },
    add: { permission: 'fixture.items:write', input: () => ({ title: 'Mục kiểm thử' }) },
    get: { permission: 'fixture.items:read', unit: BD, input: (fx) => ({ id: fx.itemId }) },
    import: { permission: 'fixture.items:write', upload: () => ({ fields: { note: 'thử' }, file: csvFile }) },
  },

  'van-phong': vanPhong.samples,
  tttt: tttt.samples,
  khdt: khdt.samples,
  'noi-vu': noiVu.samples,
};

/** Creates and looks up the rows the samples aim at (and the officer of another unit). */
export async function buildFixtures(server: TestServer): Promise<Fixtures> {
  const db = server.runtime.database.db;
  await createUser(db, { username: ROLE_USERS.officerOther, displayName: 'Chuyên viên Sở Xây dựng', unitCode: 'SXD', roles: ['officer'], password: DEMO_PASSWORD });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const period = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  const ubnd = await server.signIn('ubnd');
  const badinh = await server.signIn('badinh');

  const directive = { number: '900/UBND-KT', issuedOn: today, issuer: 'UBND Thành phố Hà Nội', subject: 'Văn bản kiểm thử phân quyền' };
  const draft = versioned(await dataOf<Row>(await ubnd.mutate('core', 'directives.create', directive), 'directives.create'), 'draft');
  const discardable = versioned(
    await dataOf<Row>(await ubnd.mutate('core', 'directives.create', { ...directive, number: '899/UBND-KT' }), 'directives.create'),
    'draft to discard',
  );
  const savedTask = await dataOf<Row>(
    await ubnd.mutate('core', 'directives.saveTask', { directiveId: draft.id, clause: '1', title: 'Nhiệm vụ thử', assignees: { kind: 'units', unitCodes: [BA_DINH_UNIT_CODE] }, deadline: '2027-06-30' }),
    'directives.saveTask',
  );
  const [draftTaskRow] = await rows(server, sql`select id, version from core.task_drafts where directive_id = ${draft.id}`);
  const draftTask = versioned(draftTaskRow ?? savedTask, 'draft task');
  // Two tasks of Ba Đình alone, given by a directive the UBND issues here.
  const given = versioned(await dataOf<Row>(await ubnd.mutate('core', 'directives.create', { ...directive, number: '898/UBND-KT' }), 'directives.create'), 'directive to issue');
  for (const clause of ['1', '2']) {
    await dataOf(
      await ubnd.mutate('core', 'directives.saveTask', { directiveId: given.id, clause, title: `Nhiệm vụ ${clause} của Ba Đình`, assignees: { kind: 'units', unitCodes: [BA_DINH_UNIT_CODE] }, deadline: '2027-06-30',
        // The first has a coordinating unit, for Ba Đình (its lead) to remind.
        coordinatorUnitCodes: clause === '1' ? [COORDINATING_UNIT] : [] }),
      'directives.saveTask',
    );
  }
  const [givenRow] = await rows(server, sql`select id, version from core.directives where id = ${given.id}`);
  await dataOf(await ubnd.mutate('core', 'directives.issue', versioned(givenRow, 'directive to issue')), 'directives.issue');
  const taskRows = await rows(server, sql`select id, version from core.tasks where directive_id = ${given.id} and lead_unit_code = ${BA_DINH_UNIT_CODE} and not is_parent order by clause`);
  const task = versioned(taskRows[0], 'a task of Ba Đình');
  const spare = versioned(taskRows[1], 'a second task of Ba Đình');
  const [draftRow] = await rows(server, sql`select id, version from core.directives where id = ${draft.id}`);
  Object.assign(draft, versioned(draftRow, 'draft'));

  const saved = await dataOf<Row>(await badinh.mutate('core', 'reports.save', { periodId: period, version: null, items: [] }), 'reports.save');
  const [reportRow] = await rows(server, sql`select id, version from core.reports where unit_code = ${BA_DINH_UNIT_CODE} and period_id = ${period}`);
  const report = versioned(reportRow ?? saved, 'report of Ba Đình');
  const evidence = await dataOf<Row>(await upload(badinh, 'core', 'reports.attach', { fields: { reportId: report.id }, file: pngFile }), 'reports.attach');
  const extension = await dataOf<Row>(
    await badinh.mutate('core', 'extensions.request', { taskId: task.id, reason: 'Vướng mặt bằng', proposedDeadline: '2027-09-30' }),
    'extensions.request',
  );
  const [escalationRow] = await rows(server, sql`select id from core.escalations where unit_code = ${BA_DINH_UNIT_CODE} limit 1`);
  const owners = Object.keys(LEAD_OF_UNIT).filter((code) => code !== BA_DINH_UNIT_CODE);
  const [targetRow] = await rows(
    server,
    // A manual one when there is one left (the modules adopt the 2458 targets of their units as they load).
    sql`select code, owner_unit_code, version from core.targets where owner_unit_code in (${sql.join(owners.map((o) => sql`${o}`), sql`, `)}) order by source = 'manual' desc, code limit 1`,
  );
  if (!targetRow) throw new Error('fixture missing: a target owned by a unit with a demo lead');

  const [card] = await rows(server, sql`select id, owner_unit_code from core.scorecards where index_kind = 'par_index' order by year desc limit 1`);
  if (!card) throw new Error('fixture missing: the PAR INDEX scorecard');
  const cardNodes = await rows(server, sql`select id, code, version, estimate from core.scorecard_nodes where scorecard_id = ${card.id} and code in ('PAR', '4', '3.4')`);
  const cardNode = (code: string) => {
    const row = cardNodes.find((n) => n.code === code);
    if (!row) throw new Error(`fixture missing: PAR INDEX node ${code}`);
    return { id: String(row.id), version: Number(row.version), estimate: Number(row.estimate) };
  };

  const finUnits = await rows(server, sql`select id, version from tai_chinh.service_units where managing_unit_code = ${BA_DINH_UNIT_CODE} order by name`);
  const finUnit = versioned(finUnits[0], 'a register unit of Ba Đình');
  const [yearRow] = await rows(server, sql`select year, version from tai_chinh.unit_years where unit_id = ${finUnit.id} order by year desc limit 1`);
  const [approvalRow] = await rows(server, sql`select year, version from tai_chinh.year_approvals where managing_unit_code = ${BA_DINH_UNIT_CODE} order by year limit 1`);
  const item = await dataOf<Row>(await badinh.mutate('fixture', 'add', { title: 'Mục của Ba Đình' }), 'fixture.add');

  const core = [task.id, spare.id, report.id, String(evidence.id), String(extension.id)];
  if (escalationRow) core.push(String(escalationRow.id));
  const vp = await vanPhong.build(server);
  const it = await tttt.build(server);
  const kh = await khdt.build(server);
  const nv = await noiVu.build(server, String(card.id));
  const secrets = { core, 'tai-chinh': finUnits.map((row) => String(row.id)), fixture: [], 'van-phong': vp.secrets, tttt: it.secrets, khdt: kh.secrets, 'noi-vu': nv.secrets };
  return {
    task,
    spare,
    draft,
    discardable,
    draftTask,
    period,
    report,
    evidenceId: String(evidence.id),
    extensionId: String(extension.id),
    escalationId: escalationRow ? String(escalationRow.id) : randomUUID(),
    target: { code: String(targetRow.code), ownerUnitCode: String(targetRow.owner_unit_code), version: Number(targetRow.version) },
    scorecard: {
      id: String(card.id),
      ownerUnitCode: String(card.owner_unit_code),
      root: { id: cardNode('PAR').id, version: cardNode('PAR').version },
      leaf: cardNode('4'),
      spare: { id: cardNode('3.4').id, version: cardNode('3.4').version },
    },
    fin: {
      unit: finUnit,
      spare: versioned(finUnits[1], 'a second register unit of Ba Đình'),
      year: { year: Number(yearRow?.year ?? 2025), version: Number(yearRow?.version ?? 1) },
      // None approved yet: the year `consolidation.approve` approves just before `reopen` is called.
      approval: { year: Number(approvalRow?.year ?? yearRow?.year ?? 2025), version: Number(approvalRow?.version ?? 1) },
    },
    itemId: Number(item.id),
    vanPhong: vp.fixtures,
    tttt: it.fixtures,
    khdt: kh.fixtures,
    noiVu: nv.fixtures,
    secrets,
    today,
  };
}
