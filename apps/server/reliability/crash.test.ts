/**
 * Crash safety (issue 10, suite property 4): the real server process under a write load of a
 * few concurrent clients — Quận Ba Đình's lead updating its tasks (`core.tasks.update`), the
 * Văn phòng recording measurements of its targets (`core.targets.record`) — is killed with
 * SIGKILL while requests are in flight, and restarted on the same data, `CRASH_CYCLES` times
 * (default 10). After each kill:
 * - the server starts again, cleanly (no error in its output), and sessions made before the
 *   kill still work;
 * - every write acknowledged before the kill is there: each task holds its last acknowledged
 *   version (or a later one whose answer the kill swallowed), the audit log has each
 *   acknowledged version exactly once with the acknowledged value, each acknowledged
 *   measurement is stored with its value and audited;
 * - every btree index checks clean with amcheck (`bt_index_check(…, heapallindexed)`).
 * PGlite: the data directory is kept across restarts; the checks run on a byte copy taken right
 * after the kill (PGlite is one process: the test cannot open the directory while the restarted
 * server holds it), with PGlite's amcheck extension. Postgres: a database created for the test
 * and dropped after it, checked directly after each restart.
 *
 * Knobs: `CRASH_CYCLES` (default 10), `CRASH_LOAD_MS` (the longest a cycle's load runs before
 * the kill, default 2500; the kill comes at a random moment in its second half), `CRASH_TRACE=1`
 * (prints when each phase of a cycle ends).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@dondoc/db/testing';
import {
  checkIndexes,
  createPostgresDatabase,
  emptyConfig,
  errorLines,
  httpClient,
  openPgliteDir,
  openPostgres,
  signIn,
  startServerProcess,
  type HttpClient,
  type ServerProcess,
  type Sql,
} from './lib/processes.ts';

const CYCLES = Math.max(1, Number(process.env.CRASH_CYCLES ?? 10));
const LOAD_MS = Math.max(600, Number(process.env.CRASH_LOAD_MS ?? 2500));
const TASK_CLIENTS = 3;
const TARGET_CLIENTS = 2;
const TARGET_CODES = ['2458-CT1', '2458-CT2'];

interface TaskAck {
  id: string;
  version: number;
  progress: number;
  cycle: number;
}
interface MeasurementAck {
  code: string;
  asOf: string;
  value: number;
  cycle: number;
}

const random = (n: number) => Math.floor(Math.random() * n);
const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(testBackends)('crash safety on %s', (backend) => {
  let configPath: string;
  let dataDir: string | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  let server: ServerProcess | undefined;
  const scratch: string[] = [];

  beforeAll(async () => {
    configPath = await emptyConfig();
    if (backend === 'postgres') database = await createPostgresDatabase(process.env.TEST_DATABASE_URL!, 'dondoc_crash');
    else {
      dataDir = join(await mkdtemp(join(tmpdir(), 'dondoc-crash-')), 'data');
      scratch.push(join(dataDir, '..'));
    }
  });
  afterAll(async () => {
    await server?.kill9();
    await database?.drop();
    for (const dir of scratch) await rm(dir, { recursive: true, force: true });
  });

  const start = () => startServerProcess({ configPath, ...(database ? { databaseUrl: database.url } : { dataDir: dataDir! }) });

  it(`kill -9 during writes, ${CYCLES} times: every acknowledged write survives, the server restarts cleanly, indexes check clean`, { timeout: 120_000 + CYCLES * 30_000 }, async () => {
    server = await start();
    const lead = await signIn(server.url, 'badinh');
    const listed = await lead.query<{ items: Array<{ id: string; code: string; version: number; completedOn: string | null }> }>('core', 'tasks.list', { unitCode: 'Q001', limit: 200 });
    expect(listed.status).toBe(200);
    // Unfinished tasks only: the demo data completes some, and a completed task's progress stays 100 (another is BAD_REQUEST).
    const unfinished = listed.data!.items.filter((t) => !t.completedOn);
    const taskIds = unfinished.map((t) => t.id);
    expect(taskIds.length, 'Quận Ba Đình has unfinished tasks to update').toBeGreaterThan(0);
    const known = new Map(unfinished.map((t) => [t.id, t.version]));

    const taskAcks: TaskAck[] = [];
    const measurementAcks: MeasurementAck[] = [];
    let nextDay = 0;
    const figures = { kills: 0, inFlightAtKill: 0, conflicts: 0, unexpected: [] as string[], indexesChecked: 0, restartsClean: 0, sessionsSurvived: 0 };
    let previousSessions: HttpClient[] = [];

    const t0 = Date.now();
    const mark = (what: string) => process.env.CRASH_TRACE && console.log(`[crash ${backend}] ${what} at ${Date.now() - t0} ms`);
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      mark(`cycle ${cycle}`);
      const running = server!;
      const leads = await Promise.all(Array.from({ length: TASK_CLIENTS }, () => signIn(running.url, 'badinh')));
      const office = await Promise.all(Array.from({ length: TARGET_CLIENTS }, () => signIn(running.url, 'vp')));
      let inFlight = 0;
      let killed = false;
      /** Sends one write; answers null when the process died under it (unacknowledged). */
      const send = async <T>(client: HttpClient, path: string, input: unknown) => {
        inFlight += 1;
        try {
          return await client.mutate<T>('core', path, input);
        } catch (error) {
          if (!killed) figures.unexpected.push(`${path}: ${(error as Error).message}`);
          return null;
        } finally {
          inFlight -= 1;
        }
      };
      const taskClient = async (client: HttpClient) => {
        while (!killed) {
          const id = taskIds[random(taskIds.length)]!;
          const progress = random(100);
          const answer = await send<{ id: string; version: number; progress: number }>(client, 'tasks.update', { id, version: known.get(id)!, progress, note: `chu kỳ ${cycle}` });
          if (!answer) return;
          if (answer.status === 200) {
            taskAcks.push({ id, version: answer.data!.version, progress: answer.data!.progress, cycle });
            known.set(id, Math.max(known.get(id)!, answer.data!.version));
          } else if (answer.code === 'CONFLICT') {
            figures.conflicts += 1;
            const fresh = await client.query<{ version: number }>('core', 'tasks.get', { id }).catch(() => null);
            const version = fresh?.data?.version;
            if (version) known.set(id, version);
          } else figures.unexpected.push(`tasks.update answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        }
      };
      const targetClient = async (client: HttpClient) => {
        while (!killed) {
          const code = TARGET_CODES[random(TARGET_CODES.length)]!;
          const asOf = day(nextDay++);
          const value = random(10_000) / 100;
          const answer = await send<{ value: number; asOf: string }>(client, 'targets.record', { code, value, asOf, note: `chu kỳ ${cycle}` });
          if (!answer) return;
          if (answer.status === 200) measurementAcks.push({ code, asOf: answer.data!.asOf, value: answer.data!.value, cycle });
          else figures.unexpected.push(`targets.record answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        }
      };
      mark('signed in');
      const load = Promise.all([...leads.map(taskClient), ...office.map(targetClient)]);
      // The kill comes at a random moment of the load's second half, with writes in flight.
      await new Promise((r) => setTimeout(r, LOAD_MS / 2 + random(LOAD_MS / 2)));
      figures.inFlightAtKill += inFlight;
      killed = true;
      await running.kill9();
      figures.kills += 1;
      await load;

      // PGlite: a copy of the directory as the kill left it, to check while the server restarts on the original.
      const copy = dataDir ? join(dataDir, '..', `after-kill-${cycle}`) : undefined;
      if (copy) await cp(dataDir!, copy, { recursive: true });
      mark('killed, copied');
      // The restart and the checks of the copy run side by side (Postgres: the checks after the restart).
      const checks = async () => {
        const sql: Sql = copy ? await openPgliteDir(copy) : openPostgres(database!.url);
        try {
          await verifyAcknowledged(sql, taskAcks, measurementAcks, cycle);
          mark('verified');
          const indexes = await checkIndexes(sql);
          mark('amchecked');
          expect(indexes.failed, `cycle ${cycle}: btree indexes failing amcheck`).toEqual([]);
          expect(indexes.checked).toBeGreaterThan(50);
          figures.indexesChecked = indexes.checked;
        } finally {
          await sql.close();
          if (copy) await rm(copy, { recursive: true, force: true });
        }
      };
      const [restart, checked] = await Promise.allSettled([start(), copy ? checks() : Promise.resolve()]);
      if (restart.status === 'fulfilled') server = restart.value;
      else throw restart.reason;
      if (checked.status === 'rejected') throw checked.reason;
      const restarted = restart.value;
      mark('restarted');
      // Starts cleanly: it answers, signs in, nothing at error level in its output.
      expect(errorLines(restarted.output()), `cycle ${cycle}: the restarted server's output`).toEqual([]);
      const check = await signIn(restarted.url, 'badinh');
      expect((await check.query('core', 'tasks.list', { unitCode: 'Q001', limit: 1 })).status).toBe(200);
      figures.restartsClean += 1;
      // Sessions are rows too: the ones made before the kill still work.
      for (const session of [...previousSessions, ...leads]) {
        const me = await httpClient(restarted.url, session.cookie).fetch('/api/auth/me');
        expect(me.status, `cycle ${cycle}: a session made before the kill`).toBe(200);
        figures.sessionsSurvived += 1;
      }
      previousSessions = [leads[0]!];
      if (!copy) await checks();
    }

    // The last restart's state, through the server: each task holds its last acknowledged write (or a later one).
    const reader = await signIn(server!.url, 'badinh');
    for (const id of taskIds) {
      const last = taskAcks.filter((a) => a.id === id).sort((a, b) => b.version - a.version)[0];
      if (!last) continue;
      const task = (await reader.query<{ version: number; progress: number }>('core', 'tasks.get', { id })).data!;
      expect(task.version, `task ${id}: version after the last restart`).toBeGreaterThanOrEqual(last.version);
      if (task.version === last.version) expect(task.progress).toBe(last.progress);
    }
    expect(await server!.stop(), 'the server stops cleanly on SIGTERM after the last restart').toBe(0);
    server = undefined;

    const acknowledged = taskAcks.length + measurementAcks.length;
    console.log(
      `[crash ${backend}] kills survived ${figures.kills}/${CYCLES}, clean restarts ${figures.restartsClean}; writes acknowledged ${acknowledged} ` +
        `(${taskAcks.length} task updates, ${measurementAcks.length} measurements), found ${acknowledged}; in flight at the kills ${figures.inFlightAtKill}; ` +
        `conflicts ${figures.conflicts}; sessions surviving a kill ${figures.sessionsSurvived}; btree indexes checked clean each cycle ${figures.indexesChecked}`,
    );
    expect(figures.unexpected).toEqual([]);
    expect(figures.kills).toBe(CYCLES);
    expect(taskAcks.length, 'task updates acknowledged').toBeGreaterThan(CYCLES);
    expect(measurementAcks.length, 'measurements acknowledged').toBeGreaterThan(CYCLES);
    expect(figures.inFlightAtKill, 'writes were in flight when the process was killed').toBeGreaterThan(0);
  });
});

/** Every acknowledged write is in the rows and in the audit log; no version was written twice. */
async function verifyAcknowledged(sql: Sql, taskAcks: TaskAck[], measurementAcks: MeasurementAck[], cycle: number): Promise<void> {
  const ids = [...new Set(taskAcks.map((a) => a.id))];
  const rows = new Map(
    (await sql.query<{ id: string; version: number; progress: number }>('select id::text as id, version, progress from core.tasks where id::text = any($1::text[])', [ids])).map((r) => [
      r.id,
      r,
    ]),
  );
  const audited = await sql.query<{ id: string; version: number; progress: number }>(
    `select entity_id as id, (after->>'version')::int as version, (after->>'progress')::int as progress
       from auth.audit_log where action = 'core.task.update' and entity_id = any($1::text[])`,
    [ids],
  );
  const auditedKey = new Map<string, number[]>();
  for (const a of audited) auditedKey.set(`${a.id}@${a.version}`, [...(auditedKey.get(`${a.id}@${a.version}`) ?? []), a.progress]);
  const twice = [...auditedKey].filter(([, values]) => values.length > 1).map(([key]) => key);
  expect(twice, `cycle ${cycle}: task versions audited more than once (a write lost, then its version written again)`).toEqual([]);

  const missing: string[] = [];
  const lastById = new Map<string, TaskAck>();
  for (const ack of taskAcks) {
    const values = auditedKey.get(`${ack.id}@${ack.version}`);
    if (!values || values[0] !== ack.progress) missing.push(`task ${ack.id} v${ack.version} = ${ack.progress} (cycle ${ack.cycle}); audited: ${JSON.stringify(values ?? null)}`);
    if ((lastById.get(ack.id)?.version ?? 0) < ack.version) lastById.set(ack.id, ack);
  }
  for (const [id, last] of lastById) {
    const row = rows.get(id);
    if (!row || row.version < last.version || (row.version === last.version && row.progress !== last.progress)) {
      missing.push(`task ${id}: last acknowledged v${last.version} = ${last.progress}, row holds ${row ? `v${row.version} = ${row.progress}` : 'nothing'}`);
    }
  }

  const measured = await sql.query<{ code: string; as_of: string; value: number }>(
    `select t.code, m.as_of::text as as_of, m.value from core.measurements m join core.targets t on t.id = m.target_id
      where m.source = 'manual' and m.as_of < date '2020-01-01' and t.code = any($1::text[])`,
    [TARGET_CODES],
  );
  const measuredAt = new Map(measured.map((m) => [`${m.code}@${m.as_of}`, Number(m.value)]));
  const recorded = await sql.query<{ code: string; as_of: string; value: number }>(
    `select t.code, a.after->>'asOf' as as_of, (a.after->>'value')::float8 as value from auth.audit_log a join core.targets t on t.id::text = a.entity_id
      where a.action = 'core.target.record' and t.code = any($1::text[])`,
    [TARGET_CODES],
  );
  const recordedAt = new Map(recorded.map((m) => [`${m.code}@${m.as_of}`, Number(m.value)]));
  for (const ack of measurementAcks) {
    const key = `${ack.code}@${ack.asOf}`;
    if (measuredAt.get(key) !== ack.value) missing.push(`measurement ${key} = ${ack.value} (cycle ${ack.cycle}): stored ${measuredAt.get(key) ?? 'nothing'}`);
    if (recordedAt.get(key) !== ack.value) missing.push(`measurement ${key} = ${ack.value} (cycle ${ack.cycle}): audited ${recordedAt.get(key) ?? 'nothing'}`);
  }
  expect(missing.slice(0, 20), `cycle ${cycle}: acknowledged writes missing after the restart (${missing.length})`).toEqual([]);
}
