/** The tRPC error code of a failed request (`CONFLICT`, `FORBIDDEN`…), or null. */
export function trpcCode(error: unknown): string | null {
  if (!(error instanceof Error) || error.name !== 'TRPCClientError') return null;
  const data = (error as Error & { data?: { code?: unknown } | null }).data;
  return typeof data?.code === 'string' ? data.code : null;
}

/** A stale write: someone changed the row after it was read (the message names who). */
export function isConflict(error: unknown): boolean {
  return trpcCode(error) === 'CONFLICT';
}
