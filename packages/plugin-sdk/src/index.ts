export { definePlugin, isPluginDefinition, PluginDefinitionError } from './plugin.ts';
export type { PluginDefinition, PluginContext, CoreApi, Logger } from './plugin.ts';
export { pluginManifestSchema, pluginIdSchema, permissionDeclarationSchema, pluginSchemaName } from './manifest.ts';
export type { PluginManifest } from './manifest.ts';
