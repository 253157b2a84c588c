import type { ComponentType } from 'react';

/** A text in both interface languages. */
export interface LocalizedText {
  vi: string;
  en: string;
}

export interface PluginRoute {
  /** Path below `/m/<id>/`, e.g. `''` or `units/:id`. */
  path: string;
  Component: ComponentType;
}

export interface PluginNavItem {
  path: string;
  label: LocalizedText;
  /** Shown only to users who hold this permission. */
  permission?: string;
}

export interface PluginUIDefinition {
  id: string;
  routes: PluginRoute[];
  nav: PluginNavItem[];
  /** A card for the coordinators' overview page. */
  overviewWidget?: ComponentType;
}

/** Declares a department plugin's web side; `src/web/plugin.tsx` default-exports it, exposed as `./plugin`. */
export function definePluginUI(definition: PluginUIDefinition): PluginUIDefinition {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(definition.id)) {
    throw new Error(`Invalid plugin UI id "${definition.id}": ids are kebab-case`);
  }
  if (definition.routes.length === 0) throw new Error(`Plugin UI "${definition.id}" has no routes`);
  return definition;
}

/** The tRPC endpoint of a plugin's router. */
export function pluginTrpcUrl(id: string): string {
  return `/api/trpc/${id}`;
}

/** The core's browser-safe domain helpers and labels (dates, periods, cadences, forecast classes). */
export * from './domain.ts';

/** Numbers as Vietnamese forms write them (the kit's, browser-safe): `1.234.567,5` → 1234567.5. */
export { parseVietnameseNumber } from '@dondoc/kit/numbers';
/** What a file is by its bytes (the kit's, browser-safe), for `SpreadsheetImport`'s `sniff`: a file is refused before it is sent. */
export { sniffFile } from '@dondoc/kit/sniff';
