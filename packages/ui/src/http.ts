import { getLocale, i18n, LOCALE_HEADER } from './i18n.ts';

/** An HTTP answer outside 2xx from the dondoc API. `message` is user-facing. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

/** The user-facing text for an HTTP status when the server gave none. */
export function statusMessage(status: number): string {
  switch (status) {
    case 401:
      return i18n.t('error.unauthorized');
    case 403:
      return i18n.t('error.forbidden');
    case 404:
      return i18n.t('error.notFound');
    case 429:
      return i18n.t('error.tooManyRequests');
    default:
      return i18n.t('error.http', { status });
  }
}

/** Headers every dondoc request carries: the interface language. */
export function dondocHeaders(): Record<string, string> {
  return { [LOCALE_HEADER]: getLocale() };
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as a JSON body. */
  json?: unknown;
  signal?: AbortSignal;
}

/**
 * Fetches a dondoc API path on the same origin (session cookie included) with the locale
 * header, and returns the parsed JSON (undefined for 204). Throws `HttpError` outside 2xx,
 * with the server's `message`/`error` text when it sent one.
 */
export async function apiFetch<T = unknown>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...dondocHeaders() };
  if (request.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: request.method ?? (request.json === undefined ? 'GET' : 'POST'),
    headers,
    body: request.json === undefined ? undefined : JSON.stringify(request.json),
    credentials: 'same-origin',
    signal: request.signal,
  });
  const text = response.status === 204 ? '' : await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) throw new HttpError(response.status, refusalText(response.status, body) ?? statusMessage(response.status), body);
  return body as T;
}

/**
 * The server's explanation of a refusal, when it gave one: a refused input's field messages (a
 * tRPC input error: the file's own problem, say), else its `message` (`{ message }`, `{ error }`,
 * `{ error: { message } }`). Null for 401 and 429, which get our own wording.
 */
export function refusalText(status: number, body: unknown): string | null {
  if ([401, 429].includes(status) || !body || typeof body !== 'object') return null;
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (typeof message === 'string' && message) return message;
  if (typeof error === 'string' && error) return error;
  if (!error || typeof error !== 'object') return null;
  const { message: text, data } = error as { message?: unknown; data?: { fieldErrors?: Array<{ message?: unknown }> } };
  const fields = (data?.fieldErrors ?? []).map((field) => field.message).filter((m): m is string => typeof m === 'string' && m !== '');
  if (fields.length > 0) return fields.join(' ');
  return typeof text === 'string' && text ? text : null;
}
