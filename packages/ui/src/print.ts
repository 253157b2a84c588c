import { useSyncExternalStore } from 'react';

/**
 * True while the page is being printed (or shown as print media): lists that page or scroll on
 * screen show every row at full width then, so that a printed A4 page holds the whole list.
 * Follows `matchMedia('print')`, which the browser switches for printing (and print emulation).
 */
export function usePrinting(): boolean {
  return useSyncExternalStore(subscribe, printing, () => false);
}

function printing(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('print').matches;
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia('print');
  query.addEventListener('change', onChange);
  // Some browsers tell printing only through these events.
  window.addEventListener('beforeprint', onChange);
  window.addEventListener('afterprint', onChange);
  return () => {
    query.removeEventListener('change', onChange);
    window.removeEventListener('beforeprint', onChange);
    window.removeEventListener('afterprint', onChange);
  };
}
