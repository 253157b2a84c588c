import { sql } from 'drizzle-orm';
import { createTestDatabase, testBackends, type TestDatabase } from '@dondoc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authMigrations, listAudit, writeAudit, type SessionUser } from '../src/index.ts';
import { dbError } from './helpers.ts';

const actor: SessionUser = {
  id: '6f1c2f4e-6a4b-4d1e-9a43-0c6f1b1f7a11',
  username: 'stc',
  displayName: 'Lãnh đạo Sở Tài chính',
  unit: { code: 'STC', name: 'Sở Tài chính', kind: 'department' },
  roles: ['unit_lead'],
};

describe.each(testBackends)('audit log on %s', (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase(backend, [authMigrations]);
    await t.db.transaction(async (tx) => {
      await writeAudit(tx, {
        actor,
        requestId: 'req-1',
        entry: { action: 'create', entity: 'task', entityId: 'T1', after: { title: 'Rà soát TTHC' } },
      });
      await writeAudit(tx, {
        actor,
        requestId: 'req-2',
        entry: {
          action: 'update',
          entity: 'task',
          entityId: 'T1',
          before: { title: 'Rà soát TTHC' },
          after: { title: 'Rà soát thủ tục hành chính' },
        },
      });
      await writeAudit(tx, { actor: null, requestId: null, entry: { action: 'seed', entity: 'unit', entityId: 'STC' } });
    });
  });
  afterAll(async () => t?.close());

  it('writes one row per entry, with the actor copied, newest first', async () => {
    const rows = await listAudit(t.db, { entity: 'task', entityId: 'T1' });
    expect(rows.map((row) => row.action)).toEqual(['update', 'create']);
    expect(rows[0]).toMatchObject({
      actorId: actor.id,
      actorUsername: 'stc',
      requestId: 'req-2',
      before: { title: 'Rà soát TTHC' },
      after: { title: 'Rà soát thủ tục hành chính' },
    });
    expect(rows[1]?.before).toBeNull();
    expect(rows[0]?.at).toBeInstanceOf(Date);
  });

  it('filters and limits', async () => {
    expect(await listAudit(t.db, { entity: 'unit' })).toMatchObject([{ action: 'seed', actorId: null, actorUsername: null }]);
    expect(await listAudit(t.db, { limit: 1 })).toHaveLength(1);
    expect(await listAudit(t.db)).toHaveLength(3);
  });

  it('rolls back with the change it records', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await writeAudit(tx, { actor, requestId: 'req-3', entry: { action: 'delete', entity: 'task', entityId: 'T2' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await listAudit(t.db, { entityId: 'T2' })).toEqual([]);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    expect(await dbError(t.db.execute(sql`update auth.audit_log set action = 'tampered'`))).toMatch(/append-only/);
    expect(await dbError(t.db.execute(sql`delete from auth.audit_log where entity = 'task'`))).toMatch(/append-only/);
    expect(await dbError(t.db.execute(sql`truncate auth.audit_log`))).toMatch(/append-only/);
    expect(await listAudit(t.db)).toHaveLength(3);
    expect((await listAudit(t.db)).some((row) => row.action === 'tampered')).toBe(false);
  });
});
