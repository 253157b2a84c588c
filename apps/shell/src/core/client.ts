import { createModuleClient } from '@dondoc/ui';
import type { CoreRouter } from '@dondoc/core/server';

/**
 * The typed client of the task core (`/api/trpc/core`). Only the router's TYPE comes from
 * `@dondoc/core/server`: no server code reaches the browser bundle.
 */
export const core = createModuleClient<CoreRouter>('core');

type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export type TaskList = Out<typeof core.tasks.list.query>;
export type TaskListItem = TaskList['items'][number];
export type TaskDetail = Out<typeof core.tasks.get.query>;
export type TargetListItem = Out<typeof core.targets.list.query>[number];
export type TargetDetail = Out<typeof core.targets.get.query>;
export type ScorecardListItem = Out<typeof core.scorecards.list.query>[number];
export type ScorecardDetail = Out<typeof core.scorecards.get.query>;
export type ReportView = Out<typeof core.reports.get.query>;
export type ReportListItem = Out<typeof core.reports.list.query>[number];
export type ReportStatusRow = Out<typeof core.reports.status.query>['rows'][number];
export type EscalationItem = Out<typeof core.escalations.list.query>[number];
export type NotificationItem = Out<typeof core.notifications.list.query>[number];
export type OverviewSummary = Out<typeof core.overview.summary.query>;
export type DirectiveItem = Out<typeof core.directives.list.query>[number];
