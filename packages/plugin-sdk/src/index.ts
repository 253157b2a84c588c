export { definePlugin, isPluginDefinition, PluginDefinitionError } from './plugin.ts';
export type { PluginDefinition, PluginContext, CoreApi, Logger } from './plugin.ts';
export { pluginManifestSchema, pluginIdSchema, permissionDeclarationSchema, targetDeclarationSchema, pluginSchemaName } from './manifest.ts';
export type { PluginManifest, TargetDeclaration } from './manifest.ts';
/** What a module's server code may name of the database and the accounts: types only, never a table. */
export type { Db, Queryable, Tx, DatabaseKind } from '@dondoc/db';
export type { Access, AuditEntry, PermissionDeclaration, SessionUser } from '@dondoc/auth';
export * from './domain.ts';
