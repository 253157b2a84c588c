import { TRPCError } from '@trpc/server';

/** The TRPCError a call fails with (fails the test if the call succeeds or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    if (error instanceof Error && error.name === 'TRPCError') return error as TRPCError;
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
