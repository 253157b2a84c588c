import { i18n } from './i18n.ts';
import { HttpError, statusMessage } from './http.ts';

interface TrpcLikeError extends Error {
  data?: { httpStatus?: number; code?: string } | null;
  meta?: { response?: { status?: number } };
  cause?: unknown;
}

function isTrpcClientError(error: unknown): error is TrpcLikeError {
  return error instanceof Error && error.name === 'TRPCClientError';
}

/** What browsers say when a fetch never reached the server (Chromium, Firefox, Safari). */
const networkFailure = /failed to fetch|networkerror|load failed|network request failed/i;

function isNetworkFailure(error: unknown): boolean {
  return error instanceof Error && networkFailure.test(error.message);
}

/**
 * The message to show a user for an error of a dondoc request: the server's own (localized)
 * text for tRPC and API errors, a clear sentence for network failures and unreadable answers.
 */
export function errorMessage(error: unknown): string {
  if (isTrpcClientError(error)) {
    if (isNetworkFailure(error) || isNetworkFailure(error.cause)) return i18n.t('error.network');
    if (!error.data) {
      // No tRPC error shape: the answer was not tRPC JSON (a proxy error page, a crash).
      const status = error.meta?.response?.status;
      return status ? statusMessage(status) : i18n.t('error.badResponse');
    }
    return error.message || (error.data.httpStatus ? statusMessage(error.data.httpStatus) : i18n.t('error.unknown'));
  }
  if (error instanceof HttpError) return error.message;
  if (isNetworkFailure(error)) return i18n.t('error.network');
  if (error instanceof Error) return error.message || i18n.t('error.unknown');
  if (typeof error === 'string' && error) return error;
  return i18n.t('error.unknown');
}

/** True when the server refused the request for lack of a (live) session: time to sign in again. */
export function isUnauthorized(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === 401;
  if (isTrpcClientError(error)) return error.data?.httpStatus === 401 || error.data?.code === 'UNAUTHORIZED';
  return false;
}
