/**
 * City-scale data for benchmarks (`pnpm dondoc seed:scale`): units, directives, parent and
 * child tasks with coordinators, quarterly reports and their lines, targets with measurements,
 * unit-lead accounts and (optionally) draft reports ready to submit. Deterministic: the same
 * `--seed` and `--as-of` give the same rows, ids included.
 *
 * It writes the core and auth tables through their drizzle schema objects, with multi-row
 * INSERTs in batches, inside one transaction (all or nothing).
 */
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '@dondoc/db';
import { hashPassword, listUnits, seedDemoDirectory, units as unitsTable, upsertUnits, users, type NewUnit } from '@dondoc/auth';
import { coreTables, searchTextOf } from '@dondoc/core/server';
import {
  addDays,
  CADENCES,
  compareDates,
  maxDate,
  daysBetween,
  makePeriod,
  nextPeriod,
  periodForData,
  periodOf,
  previousPeriod,
  taskStatus,
  TASK_STATUSES,
  type Cadence,
  type IsoDate,
  type Period,
  type TaskStatus,
} from '@dondoc/core';

const { directives, tasks, taskCoordinators, reports, reportItems, targets, measurements } = coreTables;

export interface ScaleOptions {
  /** Units that carry tasks; the directory is topped up with communes (`X00001`…) to reach it. */
  units: number;
  /** Task rows in total: parents, their per-unit children and single-unit tasks. */
  tasks: number;
  /** Report lines (`report_items`: one task in one unit's quarterly report), spread over the reports. */
  reports: number;
  /** Measurements, spread over targets (about 48 monthly values each). */
  measurements: number;
  seed: number;
  /** The date statuses are made relative to (default: today in Hà Nội). */
  asOf: IsoDate;
  /** Unit-lead accounts `lead.<unit code>` (password {@link SCALE_PASSWORD}) for load tests. Default: one per 10 units. */
  accounts?: number;
  /** Draft monthly reports, complete and ready to submit, for the units with an account. Default 0. */
  drafts?: number;
  /** Progress callback (the CLI draws a bar on stderr). */
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ScaleResult {
  seed: number;
  asOf: IsoDate;
  units: { total: number; created: number; withTasks: number };
  directives: number;
  tasks: { total: number; parents: number; leaves: number; coordinators: number };
  /** Leaf tasks by status as of `asOf` (what `overview.summary` counts for a coordinator). */
  statusCounts: Record<TaskStatus, number>;
  reports: { headers: number; items: number; drafts: number; draftItems: number };
  targets: number;
  measurements: number;
  accounts: string[];
  password: string;
  /** A few handles for load tests. */
  samples: { busiestUnit: string; targetCode: string; draftIds: string[] };
  ms: number;
}

export const SCALE_PASSWORD = 'dondoc-bench';

// ---------------------------------------------------------------- deterministic randomness

/** sfc32, seeded through splitmix32: fast, and the same numbers on every machine. */
export function createRandom(seed: number) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    uuid: () => {
      const hex: string[] = [];
      for (let i = 0; i < 16; i++) hex.push(int(0, 255).toString(16).padStart(2, '0'));
      hex[6] = `4${hex[6]!.slice(1)}`;
      hex[8] = ((parseInt(hex[8]!, 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
      const h = hex.join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
type Random = ReturnType<typeof createRandom>;

// ---------------------------------------------------------------- words

const communeWords = ['An', 'Bình', 'Cát', 'Đông', 'Hòa', 'Khánh', 'Lạc', 'Minh', 'Ngọc', 'Phú', 'Quang', 'Sơn', 'Tân', 'Thạch', 'Thanh', 'Trung', 'Văn', 'Vĩnh', 'Xuân', 'Yên', 'Đại', 'Hồng', 'Kim', 'Liên'];
const actions = [
  'Rà soát, đơn giản hóa thủ tục hành chính',
  'Triển khai mô hình một cửa hiện đại',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'Nâng cao chỉ số hài lòng SIPAS',
  'Thực hiện kế hoạch khắc phục chỉ số PAR INDEX',
  'Cải thiện chỉ số PCI',
  'Nâng cao chỉ số PAPI',
  'Đẩy mạnh ủy quyền giải quyết thủ tục hành chính',
  'Tái cấu trúc quy trình dịch vụ công trực tuyến toàn trình',
  'Kiểm tra công vụ, siết chặt kỷ luật, kỷ cương hành chính',
  'Tuyên truyền về cải cách hành chính',
  'Thực hiện tự chủ tài chính của đơn vị sự nghiệp công lập',
  'Xây dựng kế hoạch chuyển đổi số',
  'Kết nối cơ sở dữ liệu quốc gia về dân cư',
];
const fields = ['đất đai', 'xây dựng', 'hộ tịch', 'đăng ký kinh doanh', 'giáo dục', 'y tế', 'giao thông', 'môi trường', 'lao động', 'văn hóa', 'tư pháp', 'tài chính', 'đầu tư', 'nội vụ'];

// ---------------------------------------------------------------- helpers

const day = (date: IsoDate, offset: number) => addDays(date, offset);

function between(rng: Random, from: IsoDate, to: IsoDate): IsoDate {
  const span = daysBetween(from, to);
  return span <= 0 ? from : day(from, rng.int(0, span));
}

async function insertBatches<T>(
  db: Queryable,
  table: Parameters<Queryable['insert']>[0],
  rows: T[],
  batch: number,
  onProgress: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    await db.insert(table).values(rows.slice(i, i + batch) as never);
    onProgress(Math.min(rows.length, i + batch));
  }
}

type TaskRow = typeof tasks.$inferInsert & { id: string };

interface ClausePlan {
  deadline: IsoDate | null;
  continuous: boolean;
  cadence: Cadence | null;
  kind: 'past' | 'current' | 'future' | 'continuous';
}

// ---------------------------------------------------------------- the generator

export async function seedScale(db: Db, options: ScaleOptions): Promise<ScaleResult> {
  const started = performance.now();
  const rng = createRandom(options.seed);
  const progress = options.onProgress ?? (() => {});
  const asOf = options.asOf;
  // Tasks due within the current quarter's data window, and later ones.
  const periodEnd = maxDate(periodForData('quarter', asOf).windowEnd, asOf);
  const tag = `B${options.seed}`;

  const [already] = await db.select({ id: directives.id }).from(directives).where(sql`${directives.number} like ${`%/UBND-${tag}`}`).limit(1);
  if (already) throw new Error(`scale data of seed ${options.seed} is already in this database (directives */UBND-${tag}); use another --seed or a fresh database`);

  // Units: the Hà Nội directory (UBND, departments, districts, demo accounts), then communes.
  progress('units', 0, options.units);
  const demo = await seedDemoDirectory(db);
  let directory = await listUnits(db);
  const districts = directory.filter((u) => u.kind === 'district' && /^Q\d{3}$/.test(u.code));
  const extraCount = Math.max(0, options.units - directory.length);
  const communes: NewUnit[] = [];
  for (let i = 1; i <= extraCount; i++) {
    const district = districts[(i - 1) % Math.max(1, districts.length)];
    const name = `${rng.chance(0.45) ? 'Phường' : 'Xã'} ${rng.pick(communeWords)} ${rng.pick(communeWords)} ${i}`;
    // The auth schema knows three kinds of unit; a commune or ward is filed with the local level.
    communes.push({ code: `X${String(i).padStart(5, '0')}`, name: district ? `${name} (${district.name})` : name, kind: 'district', sortOrder: 1000 + i });
  }
  let unitsCreated = demo.unitsCreated;
  for (let i = 0; i < communes.length; i += 500) unitsCreated += (await upsertUnits(db, communes.slice(i, i + 500))).created;
  directory = await listUnits(db);
  progress('units', options.units, options.units);

  const leaders = directory.filter((u) => u.kind !== 'ubnd');
  const taskUnits = leaders.slice(0, Math.max(1, Math.min(options.units, leaders.length))).map((u) => u.code);
  const departments = directory.filter((u) => u.kind === 'department').map((u) => u.code);
  const bigUnits = taskUnits.filter((code) => !code.startsWith('X'));

  // Directives: several, issued over the years before asOf.
  const directiveCount = Math.max(2, Math.min(24, Math.round(options.tasks / 8000)));
  const firstIssued = day(asOf, -365 * 3 - 200);
  const directiveRows = Array.from({ length: directiveCount }, (_, i) => {
    const issuedOn = day(firstIssued, Math.floor(((365 * 3 + 80) * i) / directiveCount) + rng.int(0, 20));
    const number = `${1000 + i * 37 + rng.int(0, 30)}/UBND-${tag}`;
    return {
      id: rng.uuid(),
      number,
      issuedOn,
      issuer: 'UBND Thành phố Hà Nội',
      subject: `Văn bản chỉ đạo số ${number} về ${rng.pick(actions).toLowerCase()} (dữ liệu thử tải)`,
      fullText: `# ${number}\n\nDữ liệu sinh tự động cho đo hiệu năng (seed ${options.seed}).`,
    };
  });

  const planClause = (issuedOn: IsoDate): ClausePlan => {
    const r = rng.next();
    const pastFrom = day(issuedOn, 30);
    const pastTo = day(asOf, -1);
    if (r < 0.14) return { deadline: null, continuous: true, cadence: rng.pick(CADENCES), kind: 'continuous' };
    if (r < 0.76 && compareDates(pastFrom, pastTo) <= 0) return { deadline: between(rng, pastFrom, pastTo), continuous: false, cadence: null, kind: 'past' };
    if (r < 0.85) return { deadline: between(rng, asOf, periodEnd), continuous: false, cadence: null, kind: 'current' };
    return { deadline: between(rng, day(periodEnd, 1), day(periodEnd, 400)), continuous: false, cadence: null, kind: 'future' };
  };

  /** One leaf task's completion, drawn to give Hà Nội's mix (about 3% overdue). */
  const complete = (plan: ClausePlan, issuedOn: IsoDate): { completedOn: IsoDate | null; late: boolean } => {
    if (plan.kind === 'continuous') return { completedOn: null, late: false };
    const deadline = plan.deadline!;
    if (plan.kind === 'past') {
      const r = rng.next();
      if (r < 0.842) return { completedOn: between(rng, compareDates(issuedOn, day(deadline, -90)) > 0 ? issuedOn : day(deadline, -90), deadline), late: false };
      if (r < 0.95 && compareDates(day(deadline, 1), asOf) <= 0) return { completedOn: between(rng, day(deadline, 1), compareDates(day(deadline, 120), asOf) < 0 ? day(deadline, 120) : asOf), late: true };
      return { completedOn: null, late: false };
    }
    const earlyChance = plan.kind === 'current' ? 0.3 : 0.08;
    if (rng.chance(earlyChance) && compareDates(issuedOn, asOf) <= 0) return { completedOn: between(rng, compareDates(issuedOn, day(asOf, -60)) > 0 ? issuedOn : day(asOf, -60), asOf), late: false };
    return { completedOn: null, late: false };
  };

  const taskRows: TaskRow[] = [];
  const coordinatorRows: Array<{ taskId: string; unitCode: string }> = [];
  const statusCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const leavesByUnit = new Map<string, TaskRow[]>();
  let parents = 0;

  const leaf = (row: Omit<TaskRow, 'progress' | 'lastProgressOn' | 'result'>, plan: ClausePlan, issuedOn: IsoDate): TaskRow => {
    const { completedOn } = complete(plan, issuedOn);
    const done = completedOn !== null;
    const stale = rng.chance(0.22);
    const lastProgressOn = done ? completedOn : stale ? (rng.chance(0.5) ? null : between(rng, issuedOn, day(asOf, -100))) : between(rng, day(asOf, -45), asOf);
    const full: TaskRow = {
      ...row,
      completedOn,
      progress: done ? 100 : rng.int(0, 9) * 10,
      result: done ? 'Đã hoàn thành, báo cáo kết quả về UBND Thành phố.' : null,
      lastProgressOn: lastProgressOn && compareDates(lastProgressOn, issuedOn) < 0 ? issuedOn : lastProgressOn,
    };
    statusCounts[taskStatus({ deadline: full.deadline ?? null, continuous: full.continuous ?? false, completedOn }, asOf)] += 1;
    const list = leavesByUnit.get(row.leadUnitCode) ?? [];
    list.push(full);
    leavesByUnit.set(row.leadUnitCode, list);
    return full;
  };

  progress('tasks', 0, options.tasks);
  let clauseNo = 0;
  let standalone = 0;
  while (taskRows.length < options.tasks) {
    const remaining = options.tasks - taskRows.length;
    const directive = directiveRows[clauseNo % directiveCount]!;
    clauseNo += 1;
    const clause = `${1 + (Math.floor(clauseNo / directiveCount) % 9)}.${1 + Math.floor(clauseNo / directiveCount / 9)}`;
    const code = `${tag}-D${String(directiveRows.indexOf(directive) + 1).padStart(2, '0')}-${String(clauseNo).padStart(5, '0')}`;
    const title = `${rng.pick(actions)} lĩnh vực ${rng.pick(fields)}`;
    const content = `${title}; báo cáo kết quả về UBND Thành phố (qua Sở Nội vụ) theo định kỳ. Khoản ${clause}.`;
    const plan = planClause(directive.issuedOn);
    const base = { directiveId: directive.id, clause, title, content, deadline: plan.deadline, continuous: plan.continuous, cadence: plan.cadence };
    // About a third of the rows are tasks of one unit; the rest, children of tasks for many units.
    if (remaining >= 3 && standalone >= 0.35 * taskRows.length) {
      // A task for many units: one parent, one child per unit (like §1 of directive 2458).
      const r = rng.next();
      let members: string[];
      if (r < 0.2) members = taskUnits;
      else if (r < 0.55) members = bigUnits.length > 0 ? bigUnits : taskUnits;
      else {
        const size = Math.min(taskUnits.length, rng.int(10, 60));
        const start = rng.int(0, Math.max(0, taskUnits.length - size));
        members = taskUnits.slice(start, start + size);
      }
      members = members.slice(0, remaining - 1);
      if (members.length === 0) continue;
      const parentId = rng.uuid();
      const parentLead = rng.chance(0.5) ? 'UBND' : rng.pick(departments.length > 0 ? departments : taskUnits);
      taskRows.push({ ...base, id: parentId, code, leadUnitCode: parentLead, isParent: true, progress: 0, searchText: searchTextOf(code, title, content) });
      parents += 1;
      for (const unit of members) {
        const childCode = `${code}-${unit}`;
        taskRows.push(leaf({ ...base, id: rng.uuid(), code: childCode, parentId, leadUnitCode: unit, searchText: searchTextOf(childCode, title, content) }, plan, directive.issuedOn));
      }
    } else {
      // A task for one unit, departments and districts more often than communes.
      const lead = rng.chance(0.7) && bigUnits.length > 0 ? rng.pick(bigUnits) : rng.pick(taskUnits);
      const id = rng.uuid();
      taskRows.push(leaf({ ...base, id, code, leadUnitCode: lead, searchText: searchTextOf(code, title, content) }, plan, directive.issuedOn));
      standalone += 1;
      if (rng.chance(0.4)) {
        const coordinators = new Set<string>();
        const n = rng.int(1, 3);
        for (let k = 0; k < n * 3 && coordinators.size < n; k++) {
          const unit = rng.chance(0.6) && bigUnits.length > 0 ? rng.pick(bigUnits) : rng.pick(taskUnits);
          if (unit !== lead) coordinators.add(unit);
        }
        for (const unitCode of coordinators) coordinatorRows.push({ taskId: id, unitCode });
      }
    }
  }

  // Reports: one per unit and quarter, lines for some of the unit's tasks.
  const quarters: Period[] = [];
  for (let p = periodOf('quarter', directiveRows[0]!.issuedOn); compareDates(p.windowStart, asOf) <= 0; p = nextPeriod(p)) quarters.push(p);
  const reportUnits = taskUnits.filter((code) => (leavesByUnit.get(code)?.length ?? 0) > 0);
  const slots: Array<{ unit: string; period: Period }> = [];
  for (const period of [...quarters].reverse()) for (const unit of reportUnits) slots.push({ unit, period });
  const headerCount = Math.min(slots.length, options.reports);
  const usedSlots = slots.slice(0, headerCount);
  const reportRows: Array<typeof reports.$inferInsert> = [];
  const itemRows: Array<typeof reportItems.$inferInsert> = [];
  const capacity = usedSlots.reduce((sum, slot) => sum + (leavesByUnit.get(slot.unit)?.length ?? 0), 0);
  let owed = Math.min(options.reports, capacity);
  const current = periodForData('quarter', asOf);
  usedSlots.forEach((slot, i) => {
    const unitTasks = leavesByUnit.get(slot.unit) ?? [];
    const fair = Math.ceil(owed / (headerCount - i));
    const count = Math.min(unitTasks.length, fair, owed);
    owed -= count;
    const isCurrent = slot.period.id === current.id;
    const r = rng.next();
    const state = isCurrent ? (r < 0.5 ? 'draft' : r < 0.9 ? 'submitted' : 'accepted') : r < 0.85 ? 'accepted' : r < 0.93 ? 'submitted' : r < 0.98 ? 'returned' : 'draft';
    const id = rng.uuid();
    const submittedAt = state === 'draft' ? null : new Date(`${slot.period.dueDate}T09:00:00+07:00`);
    reportRows.push({
      id,
      unitCode: slot.unit,
      cadence: 'quarter',
      periodId: slot.period.id,
      state,
      submittedAt,
      submittedBy: submittedAt ? `lead.${slot.unit.toLowerCase()}` : null,
      reviewedAt: state === 'accepted' || state === 'returned' ? new Date(`${day(slot.period.dueDate, 5)}T09:00:00+07:00`) : null,
      reviewedBy: state === 'accepted' || state === 'returned' ? 'ubnd' : null,
      returnReason: state === 'returned' ? 'Bổ sung số liệu minh chứng.' : null,
      updatedBy: `lead.${slot.unit.toLowerCase()}`,
    });
    const start = rng.int(0, Math.max(0, unitTasks.length - 1));
    for (let k = 0; k < count; k++) {
      const task = unitTasks[(start + k) % unitTasks.length]!;
      const obstacle = rng.chance(0.1);
      itemRows.push({
        reportId: id,
        taskId: task.id,
        progress: rng.int(0, 10) * 10,
        result: rng.chance(0.6) ? 'Đã triển khai theo kế hoạch.' : null,
        obstacles: obstacle ? 'Thiếu nhân lực, kinh phí thực hiện.' : null,
        proposals: obstacle && rng.chance(0.5) ? 'Đề nghị UBND Thành phố bổ sung kinh phí.' : null,
        beyondAuthority: obstacle && rng.chance(0.2),
      });
    }
  });

  // Accounts for load tests: a unit lead for every tenth unit (or as asked).
  const accountCount = Math.min(taskUnits.length, options.accounts ?? Math.ceil(taskUnits.length / 10));
  const stride = Math.max(1, Math.floor(taskUnits.length / Math.max(1, accountCount)));
  const accountUnits = Array.from({ length: accountCount }, (_, i) => taskUnits[(i * stride) % taskUnits.length]!);
  const existingUsers = new Set((await db.select({ username: users.username }).from(users)).map((u) => u.username));
  const accounts = accountUnits.map((code) => ({ username: `lead.${code.toLowerCase()}`, unitCode: code })).filter((a) => !existingUsers.has(a.username));

  // Drafts ready to submit: monthly reports after asOf's year, every covered task answered.
  const draftRows: Array<typeof reports.$inferInsert> = [];
  const draftItems: Array<typeof reportItems.$inferInsert> = [];
  const draftIds: string[] = [];
  const drafts = options.drafts ?? 0;
  if (drafts > 0 && accountUnits.length > 0) {
    const firstYear = Number(asOf.slice(0, 4)) + 1;
    for (let i = 0; i < drafts; i++) {
      const unit = accountUnits[i % accountUnits.length]!;
      const n = Math.floor(i / accountUnits.length);
      const period = makePeriod('month', firstYear + Math.floor(n / 12), (n % 12) + 1);
      const id = rng.uuid();
      draftIds.push(id);
      draftRows.push({ id, unitCode: unit, cadence: 'month', periodId: period.id, state: 'draft', updatedBy: `lead.${unit.toLowerCase()}` });
      for (const task of leavesByUnit.get(unit) ?? []) {
        if (task.completedOn && compareDates(task.completedOn, period.windowStart) < 0) continue;
        draftItems.push({ reportId: id, taskId: task.id, progress: task.completedOn ? 100 : Math.min(100, (task.progress ?? 0) + 10), result: 'Tiếp tục triển khai.', obstacles: null, proposals: null, beyondAuthority: false });
      }
    }
  }

  // Targets with monthly measurements drifting toward (or away from) their goal.
  const targetCount = options.measurements > 0 ? Math.max(1, Math.ceil(options.measurements / 48)) : 0;
  const targetRows: Array<typeof targets.$inferInsert & { id: string }> = [];
  const measurementRows: Array<typeof measurements.$inferInsert> = [];
  // The latest month whose data window has closed by asOf.
  let lastMonth = periodForData('month', asOf);
  while (compareDates(lastMonth.windowEnd, asOf) > 0) lastMonth = previousPeriod(lastMonth);
  for (let t = 0; t < targetCount; t++) {
    const n = Math.floor(options.measurements / targetCount) + (t < options.measurements % targetCount ? 1 : 0);
    const up = rng.chance(0.75);
    const baselineValue = up ? rng.int(20, 70) : rng.int(30, 80);
    const targetValue = up ? baselineValue + rng.int(10, 30) : Math.max(0, baselineValue - rng.int(10, 25));
    let first = lastMonth;
    for (let k = 1; k < n; k++) first = previousPeriod(first);
    const baselineDate = day(first.windowEnd, -30);
    const drawn = day(asOf, rng.int(-60, 700));
    const targetDate = compareDates(drawn, baselineDate) < 0 ? day(baselineDate, 365) : drawn;
    const pace = rng.pick([1.15, 1, 0.9, 0.75, 0.5]);
    const id = rng.uuid();
    const code = `${tag}-CT${String(t + 1).padStart(4, '0')}`;
    targetRows.push({
      id,
      code,
      name: `${rng.pick(['Tỷ lệ hồ sơ trực tuyến toàn trình', 'Tỷ lệ đơn vị tự chủ tài chính', 'Chỉ số hài lòng SIPAS', 'Tỷ lệ hồ sơ giải quyết quá hạn', 'Điểm thành phần PCI', 'Tỷ lệ số hóa kết quả giải quyết TTHC'])} (${code})`,
      measureUnit: '%',
      direction: up ? 'at_least' : 'at_most',
      baselineValue,
      baselineDate,
      targetValue,
      targetDate,
      ownerUnitCode: rng.pick(bigUnits.length > 0 ? bigUnits : taskUnits),
      source: 'manual',
      directiveId: rng.pick(directiveRows).id,
    });
    const total = daysBetween(baselineDate, targetDate) || 1;
    let period = first;
    for (let k = 0; k < n; k++) {
      const progressShare = Math.min(1.2, (daysBetween(baselineDate, period.windowEnd) / total) * pace);
      const value = Math.round((baselineValue + (targetValue - baselineValue) * progressShare + (rng.next() - 0.5) * 3) * 10) / 10;
      measurementRows.push({ targetId: id, value, asOf: period.windowEnd, source: 'manual', author: `lead.${String(targetRows.at(-1)!.ownerUnitCode).toLowerCase()}`, note: null });
      period = nextPeriod(period);
    }
  }

  const passwordHash = accounts.length > 0 ? await hashPassword(SCALE_PASSWORD) : '';
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await tx.insert(directives).values(directiveRows);
    await insertBatches(tx, tasks, taskRows, 1000, (n) => progress('tasks', n, taskRows.length));
    await insertBatches(tx, taskCoordinators, coordinatorRows, 5000, (n) => progress('coordinators', n, coordinatorRows.length));
    await insertBatches(tx, reports, reportRows, 2000, (n) => progress('reports', n, reportRows.length));
    await insertBatches(tx, reportItems, itemRows, 5000, (n) => progress('report lines', n, itemRows.length));
    await insertBatches(tx, targets, targetRows, 1000, (n) => progress('targets', n, targetRows.length));
    await insertBatches(tx, measurements, measurementRows, 5000, (n) => progress('measurements', n, measurementRows.length));
    if (accounts.length > 0) {
      await tx.insert(users).values(accounts.map((a) => ({ username: a.username, displayName: `Lãnh đạo ${a.unitCode} (thử tải)`, unitCode: a.unitCode, roles: ['unit_lead' as const], passwordHash })));
    }
    await insertBatches(tx, reports, draftRows, 2000, (n) => progress('drafts', n, draftRows.length));
    await insertBatches(tx, reportItems, draftItems, 5000, (n) => progress('draft lines', n, draftItems.length));
  });
  progress('analyze', 0, 1);
  for (const table of [unitsTable, users, directives, tasks, taskCoordinators, reports, reportItems, targets, measurements]) {
    await db.execute(sql`analyze ${table}`);
  }
  // The overview's kept counts were rewritten by every batch of tasks (the trigger of core
  // migration 0010): vacuumed as a bulk load is, so that reads meet live rows, not the dead ones.
  await db.execute(sql`vacuum analyze core.task_status_events, core.task_unit_totals, core.task_status_snapshot`);
  progress('analyze', 1, 1);

  const busiest = [...leavesByUnit.entries()].filter(([code]) => code !== 'UBND').sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
  return {
    seed: options.seed,
    asOf,
    units: { total: directory.length, created: unitsCreated, withTasks: taskUnits.length },
    directives: directiveRows.length,
    tasks: { total: taskRows.length, parents, leaves: taskRows.length - parents, coordinators: coordinatorRows.length },
    statusCounts,
    reports: { headers: reportRows.length, items: itemRows.length, drafts: draftRows.length, draftItems: draftItems.length },
    targets: targetRows.length,
    measurements: measurementRows.length,
    accounts: accountUnits.map((code) => `lead.${code.toLowerCase()}`),
    password: SCALE_PASSWORD,
    samples: { busiestUnit: busiest?.[0] ?? taskUnits[0]!, targetCode: targetRows[0]?.code ?? '', draftIds },
    ms: Math.round(performance.now() - started),
  };
}

// ---------------------------------------------------------------- command line

export interface ScaleArgs {
  units: number;
  tasks: number;
  reports: number;
  measurements: number;
  seed: number;
  asOf?: IsoDate | undefined;
  accounts?: number | undefined;
  drafts?: number | undefined;
}

/** `--units 600 --tasks 100000 --reports 300000 --measurements 50000 --seed 1 [--as-of YYYY-MM-DD] [--accounts N] [--drafts N]` */
export function parseScaleArgs(argv: string[]): ScaleArgs {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument "${arg}"`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    values[m[1]!] = value;
  }
  const known = ['units', 'tasks', 'reports', 'measurements', 'seed', 'as-of', 'accounts', 'drafts'];
  for (const key of Object.keys(values)) if (!known.includes(key)) throw new Error(`unknown option --${key} (known: ${known.map((k) => `--${k}`).join(' ')})`);
  const int = (key: string, fallback: number | undefined, min: number) => {
    const raw = values[key];
    if (raw === undefined) {
      if (fallback === undefined) return undefined;
      return fallback;
    }
    const n = Number(raw.replaceAll('_', ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${key} must be an integer ≥ ${min} (got "${raw}")`);
    return n;
  };
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of must be YYYY-MM-DD (got "${asOf}")`);
  return {
    units: int('units', 600, 1)!,
    tasks: int('tasks', 100_000, 1)!,
    reports: int('reports', 300_000, 0)!,
    measurements: int('measurements', 50_000, 0)!,
    seed: int('seed', 1, 0)!,
    asOf,
    accounts: int('accounts', undefined, 0),
    drafts: int('drafts', undefined, 0),
  };
}

/** A progress bar on stderr: redrawn in place on a terminal, a line per quarter otherwise. */
export function stderrProgress(): (phase: string, done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  const started = performance.now();
  let lastPhase = '';
  let lastQuarter = -1;
  let lastDraw = 0;
  return (phase, done, total) => {
    const share = total > 0 ? done / total : 1;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `${phase.padEnd(13)} [${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${String(Math.round(share * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${seconds}s`;
    if (tty) {
      const now = performance.now();
      if (phase === lastPhase && done < total && now - lastDraw < 100) return;
      lastDraw = now;
      if (phase !== lastPhase && lastPhase !== '') process.stderr.write('\n');
      process.stderr.write(`\r${line}`);
      if (phase === 'analyze' && done === total) process.stderr.write('\n');
    } else {
      const quarter = Math.floor(share * 4);
      if (phase !== lastPhase || quarter !== lastQuarter) process.stderr.write(`${line}\n`);
      lastQuarter = quarter;
    }
    lastPhase = phase;
  };
}
