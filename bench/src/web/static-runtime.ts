/**
 * Stands in for `@module-federation/runtime` in the bench's single-bundle build of the shell:
 * the department module is imported statically (the `virtual:dondoc-bench-module` id is the
 * module's `src/web/plugin.tsx`, chosen by vite.single.config.ts), so `loadRemote` only hands
 * it over. The shell's own code (modules/federation.ts and the rest) is built unchanged.
 */
// @ts-expect-error: resolved by the bench's vite plugin
import * as benchModule from 'virtual:dondoc-bench-module';

export function init(): void {}
export function registerRemotes(): void {}
export function registerShared(): void {}
export async function preloadRemote(): Promise<void> {}
export async function loadRemote<T>(_id: string): Promise<T> {
  return benchModule as T;
}
