/** The permission keys of the task core the shell looks at (what the user may do: `useAccess()` of `@dondoc/ui`). */
export const perm = {
  tasksRead: 'core.tasks:read',
  tasksUpdate: 'core.tasks:update',
  tasksConfirm: 'core.tasks:confirm',
  targetsRead: 'core.targets:read',
  targetsRecord: 'core.targets:record',
  targetsBaseline: 'core.targets:baseline',
  reportsRead: 'core.reports:read',
  reportsWrite: 'core.reports:write',
  reportsSubmit: 'core.reports:submit',
  reportsReview: 'core.reports:review',
  escalationsRead: 'core.escalations:read',
  escalationsRespond: 'core.escalations:respond',
  remindersSend: 'core.reminders:send',
  notificationsRead: 'core.notifications:read',
  overviewRead: 'core.overview:read',
  directivesWrite: 'core.directives:write',
  extensionsRequest: 'core.extensions:request',
  extensionsDecide: 'core.extensions:decide',
  scorecardsRead: 'core.scorecards:read',
  scorecardsEstimate: 'core.scorecards:estimate',
  scorecardsEdit: 'core.scorecards:edit',
} as const;

// The layout (ShellLayout, SideNav, NotificationBell) still imports it from here.
export { useAccess } from '@dondoc/ui';
