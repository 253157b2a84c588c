/** The one-stop-shop model's milestones and their progress. */
import { router } from '@dondoc/trpc';
import { createMilestoneInput, listInput, removeInput, updateMilestoneInput } from '../inputs.ts';
import { createMilestone, listMilestones, removeMilestone, updateMilestone } from '../service/milestones.ts';
import { milestonesWrite, read } from './procedures.ts';

export const milestonesRouter = router({
  list: read.input(listInput).query(({ ctx, input }) => listMilestones(ctx, input)),
  create: milestonesWrite.input(createMilestoneInput).mutation(({ ctx, input }) => createMilestone(ctx, input)),
  update: milestonesWrite.input(updateMilestoneInput).mutation(({ ctx, input }) => updateMilestone(ctx, input)),
  remove: milestonesWrite.input(removeInput).mutation(({ ctx, input }) => removeMilestone(ctx, input)),
});
