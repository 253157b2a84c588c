import { describe, expect, it } from 'vitest';
import { claimReload, isChunkLoadError, RELOAD_GUARD_MS, type ReloadMemory } from '../src/modules/staleChunks.ts';

function memory(): ReloadMemory & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('isChunkLoadError', () => {
  it('knows what each browser says when a chunk cannot be fetched', () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: https://x/plugins/van-phong/assets/Page-abc.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: https://x/a.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for /assets/x.css'))).toBe(true);
    expect(isChunkLoadError(Object.assign(new Error('Loading chunk 12 failed.'), { name: 'ChunkLoadError' }))).toBe(true);
  });
  it('looks through the causes (the shell wraps a failed module load)', () => {
    const wrapped = new Error('Không tải được mô-đun', { cause: new TypeError('Failed to fetch dynamically imported module: /x.js') });
    expect(isChunkLoadError(wrapped)).toBe(true);
  });
  it('leaves a module’s own bugs to the error panel', () => {
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false);
    expect(isChunkLoadError(new Error('Failed to fetch'))).toBe(false);
    expect(isChunkLoadError(null)).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module: /x.js')).toBe(true);
  });
});

describe('claimReload', () => {
  it('reloads a page once, then shows the error if it fails again soon', () => {
    const store = memory();
    expect(claimReload(store, '/m/van-phong/', 1_000)).toBe(true);
    expect(claimReload(store, '/m/van-phong/', 1_000 + 5_000)).toBe(false);
    expect(claimReload(store, '/m/van-phong/', 1_000 + RELOAD_GUARD_MS - 1)).toBe(false);
  });
  it('allows another reload later, or on another page', () => {
    const store = memory();
    expect(claimReload(store, '/m/van-phong/', 1_000)).toBe(true);
    expect(claimReload(store, '/m/tttt/', 2_000)).toBe(true);
    expect(claimReload(store, '/m/tttt/', 2_000 + RELOAD_GUARD_MS)).toBe(true);
  });
  it('treats unreadable memory as none, and a clock gone backwards as a new start', () => {
    const store = memory();
    store.values.set('dondoc:stale-chunk-reload', '{not json');
    expect(claimReload(store, '/', 10_000)).toBe(true);
    expect(claimReload(store, '/', 5_000)).toBe(true);
  });
});
