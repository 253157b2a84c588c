/** react-query keys of the task core's data; everything under `['core']` is refreshed after a change. */
export const coreKeys = {
  all: ['core'] as const,
  taskList: (filters: object) => ['core', 'tasks', filters] as const,
  task: (id: string, asOf: string | undefined) => ['core', 'task', id, asOf ?? null] as const,
  directives: ['core', 'directives'] as const,
  directive: (id: string) => ['core', 'directive', id] as const,
  extensions: (filter: { state?: string; taskId?: string }) => ['core', 'extensions', filter] as const,
  units: ['core', 'units'] as const,
  targets: ['core', 'targets'] as const,
  target: (code: string) => ['core', 'target', code] as const,
  report: (unitCode: string, periodId: string) => ['core', 'report', unitCode, periodId] as const,
  reports: (state: string | undefined) => ['core', 'reports', state ?? null] as const,
  escalations: (state: string | undefined) => ['core', 'escalations', state ?? null] as const,
  notifications: ['core', 'notifications'] as const,
  overview: (asOf: string | undefined) => ['core', 'overview', asOf ?? null] as const,
  flagged: (asOf: string | undefined) => ['core', 'flagged', asOf ?? null] as const,
  reportVersion: (reportId: string, number: number) => ['core', 'report-version', reportId, number] as const,
};
