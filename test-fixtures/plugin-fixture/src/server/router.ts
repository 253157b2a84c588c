import { z } from 'zod';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { assertUnitAccess, localized, permissionProcedure, router, TRPCError, uploadProcedure } from '@dondoc/trpc';
import { items } from './schema.ts';

const readItems = permissionProcedure('fixture.items:read');
const writeItems = permissionProcedure('fixture.items:write');

/** The fixture module's router: one query, one guarded mutation, one spreadsheet upload. */
export const fixtureRouter = router({
  list: readItems.query(async ({ ctx }) => {
    const where = ctx.access.allowed && ctx.access.unitCodes !== 'all' ? inArray(items.unitCode, ctx.access.unitCodes) : undefined;
    return ctx.db.select().from(items).where(where).orderBy(desc(items.id)).limit(100);
  }),
  add: writeItems.input(z.object({ title: z.string().trim().min(1).max(200) })).mutation(async ({ ctx, input }) => {
    const unitCode = ctx.user.unit?.code;
    if (!unitCode) throw new TRPCError({ code: 'BAD_REQUEST', message: localized({ vi: 'Tài khoản không thuộc đơn vị nào.', en: 'Your account belongs to no unit.' }) });
    return ctx.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(items)
        .values({ unitCode, title: input.title, createdBy: ctx.user.username })
        .returning();
      if (!created) throw new Error('insert returned nothing');
      await ctx.audit(tx, { action: 'fixture.items.add', entity: 'fixture.item', entityId: String(created.id), after: created });
      return created;
    });
  }),
  // The id column is a Postgres integer: a larger number would be the database's error, a 500.
  get: readItems.input(z.object({ id: z.number().int().min(1).max(2_147_483_647) })).query(async ({ ctx, input }) => {
    const [row] = await ctx.db.select().from(items).where(and(eq(items.id, input.id)));
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: localized({ vi: 'Không tìm thấy mục này.', en: 'Item not found.' }) });
    // Another unit's item is not the caller's to read (the authorization matrix found this missing).
    assertUnitAccess(ctx, row.unitCode);
    return row;
  }),
  /** Takes a spreadsheet (declared `upload: 'spreadsheet'`) and answers what it received. */
  import: uploadProcedure(writeItems, 'spreadsheet', z.object({ note: z.string().max(200).optional() })).mutation(({ input }) => ({
    name: input.file.name,
    size: input.file.size,
    note: input.note ?? null,
  })),
});

export type FixtureRouter = typeof fixtureRouter;
