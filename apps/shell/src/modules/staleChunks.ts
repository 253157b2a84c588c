/**
 * After an upgrade, a page opened before it may ask for a chunk that is no longer served, or
 * a network hiccup may drop one. Such an error is not the module's fault: the page reloads once
 * (fresh manifests and entries, which are served no-cache) and, if the same page fails again
 * soon after, the error panel shows instead, so a broken deployment never loops.
 */

/** What browsers and bundlers say when a script chunk cannot be fetched or evaluated as a module. */
const CHUNK_ERROR_PATTERNS = [
  /Failed to fetch dynamically imported module/i, // Chromium
  /error loading dynamically imported module/i, // Firefox
  /Importing a module script failed/i, // Safari
  /Unable to preload CSS/i, // vite's preload helper
  /Loading (CSS )?chunk \S+ failed/i, // webpack-style runtimes
];

/** True when `error` (or one of its causes) says a code chunk could not be loaded. */
export function isChunkLoadError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof Error || (typeof current === 'object' && 'message' in current)) {
      const { name, message } = current as { name?: unknown; message?: unknown };
      if (name === 'ChunkLoadError') return true;
      if (typeof message === 'string' && CHUNK_ERROR_PATTERNS.some((pattern) => pattern.test(message))) return true;
      current = (current as { cause?: unknown }).cause;
    } else {
      return typeof current === 'string' && CHUNK_ERROR_PATTERNS.some((pattern) => pattern.test(current as string));
    }
  }
  return false;
}

/** The part of `sessionStorage` this needs. */
export interface ReloadMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const MEMORY_KEY = 'dondoc:stale-chunk-reload';
/** A second failure of the same page within this time is not reloaded again. */
export const RELOAD_GUARD_MS = 2 * 60 * 1000;

function readMemory(memory: ReloadMemory): { path?: unknown; at?: unknown } | null {
  try {
    const value: unknown = JSON.parse(memory.getItem(MEMORY_KEY) ?? 'null');
    return value && typeof value === 'object' ? (value as { path?: unknown; at?: unknown }) : null;
  } catch {
    return null; // unreadable memory: treat as none
  }
}

/**
 * Whether the page at `path` may reload now for a failed chunk; remembers the reload when it
 * may. Once per page per RELOAD_GUARD_MS: a failure right after such a reload is shown.
 */
export function claimReload(memory: ReloadMemory, path: string, now: number): boolean {
  const last = readMemory(memory);
  if (last && last.path === path && typeof last.at === 'number' && now - last.at >= 0 && now - last.at < RELOAD_GUARD_MS) return false;
  memory.setItem(MEMORY_KEY, JSON.stringify({ path, at: now }));
  return true;
}

let reloadPending = false;

/** True once this page has started reloading for a failed chunk (what fails after that is its echo). */
export function isReloadPending(): boolean {
  return reloadPending;
}

/**
 * Reloads the page once when `error` is a failed chunk; returns whether it did. Storage that
 * cannot be used (private mode, blocked) means no reload: better an error panel than a loop.
 */
export function reloadOnceForStaleChunk(error: unknown): boolean {
  if (!isChunkLoadError(error)) return false;
  let allowed = false;
  try {
    allowed = claimReload(window.sessionStorage, window.location.pathname + window.location.search, Date.now());
  } catch {
    return false;
  }
  if (allowed) {
    reloadPending = true;
    console.warn('[dondoc] a code chunk failed to load; reloading the page once', error);
    window.location.reload();
  }
  return allowed;
}
