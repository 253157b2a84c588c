/** `years.*`: a unit's year — its classification (group, A, B, investment flag) and its planned group. */
import { router } from '@dondoc/trpc';
import type { AutonomyGroup } from '../../domain/index.ts';
import { clearYearInput, yearInput } from '../inputs.ts';
import { managingUnitDirectory } from '../register.ts';
import { clearYear, oneUnitView, openYear, putYear } from '../service.ts';
import { write } from './procedures.ts';

export const yearsRouter = router({
  save: write.input(yearInput).mutation(async ({ ctx, input }) => {
    // Read through the core API before the transaction: PGlite has one connection, so a
    // query outside the open transaction would wait for it forever.
    const directory = await managingUnitDirectory(ctx.services.core);
    await ctx.db.transaction(async (tx) => {
      const { unit, existing } = await openYear(ctx, tx, directory, input.unitId, input.year);
      const values = { ...input, autonomyGroup: input.group as AutonomyGroup | null, plannedGroup: input.plannedGroup as AutonomyGroup | null };
      const { autonomyGroup, revenueA, spendingB, investmentCovered, plannedGroup } = values;
      await putYear(ctx, tx, { unitId: unit.id, year: input.year, existing, version: input.version, action: 'save' }, { autonomyGroup, revenueA, spendingB, investmentCovered, plannedGroup });
    });
    return oneUnitView(ctx, input.unitId);
  }),

  /** Clears a unit's year (classification and plan). */
  clear: write.input(clearYearInput).mutation(async ({ ctx, input }) => {
    const directory = await managingUnitDirectory(ctx.services.core);
    await ctx.db.transaction((tx) => clearYear(ctx, tx, directory, input));
    return oneUnitView(ctx, input.unitId);
  }),
});
