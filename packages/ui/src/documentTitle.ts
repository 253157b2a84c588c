import { useEffect } from 'react';

/** The browser tab's title of a page: "<page> — dondoc" (just "dondoc" without one). */
export function documentTitleOf(title: string | null | undefined): string {
  return title ? `${title} — dondoc` : 'dondoc';
}

/** Sets the browser tab's title to "<page> — dondoc" while `title` is set. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = documentTitleOf(title);
  }, [title]);
}
