export { definePlugin, isPluginDefinition, PluginDefinitionError } from './plugin.ts';
export type { PluginDefinition, PluginContext, CoreApi, Logger } from './plugin.ts';
/** The shapes of the core API's (`ctx.services.core`) inputs and answers, for a module's own signatures. */
export type {
  CoreLogger,
  ClauseTask,
  ModuleTaskItem,
  OpenTaskInput,
  TaskLink,
  TaskLinkInput,
  TaskListOptions,
  TaskProgressInput,
  PeriodReports,
  SubmittedReport,
  FrozenReport,
  MissingReport,
  RemindResult,
  RaiseEscalationInput,
  SendNoticeInput,
  SendNoticeResult,
  MeasurementInput,
  SaveEstimateInput,
  UpdateNodeInput,
  AddNodeInput,
  RemoveNodeInput,
  ListScorecardsInput,
  ImportSheetInput,
  RankingInput,
  ScorecardsApi,
  UseTargetInput,
} from '@dondoc/core/server';
export { pluginManifestSchema, pluginIdSchema, permissionDeclarationSchema, targetDeclarationSchema, pluginSchemaName } from './manifest.ts';
export type { PluginManifest, TargetDeclaration } from './manifest.ts';
/** What a module's server code may name of the database and the accounts: types only, never a table. */
/** The rule a share recorded on a target must follow (numerator ÷ denominator × 100, two decimals, half away from zero): the core checks the value by it. */
export { ratioPercent } from '@dondoc/core/server';
export type { Db, Queryable, Tx, DatabaseKind } from '@dondoc/db';
/** Rows of a raw SQL query on either backend (PGlite answers `{ rows }`, postgres.js an array). */
export { insertMany, queryRows } from '@dondoc/db';
export type { Access, AuditEntry, PermissionDeclaration, SessionUser } from '@dondoc/auth';
export * from './domain.ts';
/** The server kit (files, spreadsheet import with a dry run, xlsx export, versioned writes) and the localized errors. */
export * from '@dondoc/kit';
export { conflict, fail, localized, notFound, resolveLocalized } from '@dondoc/trpc';
export type { LocalizedText } from '@dondoc/trpc';
