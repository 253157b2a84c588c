import { createTRPCClient, httpBatchLink, httpLink, isNonJsonSerializable, splitLink, type TRPCClient } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { dondocHeaders, HttpError, refusalText, statusMessage } from './http.ts';
import { i18n } from './i18n.ts';

/** The tRPC endpoint of a module's router (`core` for the common task core). */
export function moduleTrpcUrl(pluginId: string): string {
  return `/api/trpc/${pluginId}`;
}

/**
 * A typed vanilla tRPC client for a module's router, at `/api/trpc/<pluginId>`. Type it with
 * `import type` of the module's own router, so no server code reaches the browser bundle:
 *
 * ```ts
 * import type { FixtureRouter } from '../server/router.ts';
 * const client = createModuleClient<FixtureRouter>('fixture');
 * await client.list.query();
 * ```
 * Every request carries the session cookie (same origin) and `x-dondoc-locale`, so the
 * server answers errors in the interface language. A `FormData` input (an upload procedure's,
 * see `uploadForm`) goes alone as multipart; everything else is batched as JSON.
 */
export function createModuleClient<TRouter extends AnyRouter>(pluginId: string): TRPCClient<TRouter> {
  // dondoc's routers use no transformer (plain JSON), hence the options of untyped links.
  const options = {
    url: moduleTrpcUrl(pluginId),
    headers: () => dondocHeaders(),
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, credentials: 'same-origin' }),
  };
  const link = splitLink<AnyRouter>({
    condition: (op) => isNonJsonSerializable(op.input),
    true: httpLink<AnyRouter>(options),
    false: httpBatchLink<AnyRouter>(options),
  });
  return createTRPCClient<TRouter>({ links: [link] });
}

/** The input of an upload procedure (`uploadProcedure` of @dondoc/trpc): the file, and the other fields as JSON. */
export function uploadForm(file: File, fields?: object): FormData {
  const form = new FormData();
  form.set('file', file);
  if (fields !== undefined) form.set('input', JSON.stringify(fields));
  return form;
}

/**
 * Calls an upload procedure (`/api/trpc/<moduleId>/<procedurePath>`) with XMLHttpRequest rather
 * than fetch, so that `onProgress` (0–1) follows the bytes sent. Same request as the tRPC
 * client's: a multipart POST on the same origin with the locale header. Resolves with the
 * procedure's answer; rejects with an `HttpError` carrying the server's refusal in the user's
 * language (the file's own problem when the input was refused: wrong kind, too large, empty).
 */
export function uploadWithProgress<T>(moduleId: string, procedurePath: string, formData: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${moduleTrpcUrl(moduleId)}/${procedurePath}`);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(dondocHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new Error(i18n.t('error.network')));
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy page or a crash
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object' && 'result' in body) {
        onProgress(1);
        resolve((body as { result: { data: T } }).result.data);
        return;
      }
      reject(new HttpError(xhr.status, refusalText(xhr.status, body) ?? statusMessage(xhr.status), body));
    };
    xhr.send(formData);
  });
}
