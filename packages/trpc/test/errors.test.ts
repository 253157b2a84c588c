/**
 * Errors in the caller's language only: texts given in both languages (`localized`), zod's own
 * default messages, and the helpers that throw (`fail`, `notFound`, `conflict`).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { TRPCError } from '@trpc/server';
import {
  conflict,
  createCallerFactory,
  fail,
  localized,
  notFound,
  parseLocalized,
  publicProcedure,
  resolveLocalized,
  router,
  type Context,
  type Locale,
} from '../src/index.ts';

const appRouter = router({
  save: publicProcedure
    .input(
      z.object({
        group: z.number().int().max(4, localized({ vi: 'Nhóm phải là 1-4', en: 'The group must be 1-4' })),
        name: z.string().min(1),
      }),
    )
    .mutation(({ input }) => input),
  missing: publicProcedure.query(({ ctx }) => notFound(ctx.locale, { vi: 'đơn vị', en: 'Unit' })),
  stale: publicProcedure.input(z.object({ who: z.string().nullable() })).mutation(({ ctx, input }) => conflict(ctx.locale, input.who)),
  refused: publicProcedure.mutation(({ ctx }) => fail('BAD_REQUEST', ctx.locale, { vi: 'Không được.', en: 'Not allowed.' })),
  tokenMessage: publicProcedure.query(() => {
    throw new TRPCError({ code: 'BAD_REQUEST', message: localized({ vi: 'Sai kỳ báo cáo.', en: 'Wrong period.' }) });
  }),
});

const createCaller = createCallerFactory(appRouter);

function contextFor(locale: Locale): Context {
  return { locale, requestId: 'req-1', user: null, sessionId: null, services: {} } as unknown as Context;
}

/** What an HTTP client would receive: the error as the server's errorFormatter shapes it. */
async function shapeOf(locale: Locale, call: (caller: ReturnType<typeof createCaller>) => Promise<unknown>) {
  const ctx = contextFor(locale);
  try {
    await call(createCaller(ctx));
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return getErrorShape({ config: appRouter._def._config, error, type: 'mutation', path: 'x', input: undefined, ctx });
  }
  throw new Error('expected the call to fail');
}

describe('field errors in the caller’s language only', () => {
  it('gives an English caller only the English text of a localized message', async () => {
    const shape = await shapeOf('en', (c) => c.save({ group: 7, name: 'A' }));
    expect(shape.message).toBe('Some fields are not valid. Check the marked fields.');
    expect(shape.data).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: [{ path: ['group'], message: 'The group must be 1-4' }] });
  });

  it('gives a Vietnamese caller only the Vietnamese text', async () => {
    const shape = await shapeOf('vi', (c) => c.save({ group: 7, name: 'A' }));
    expect(shape.message).toBe('Dữ liệu nhập chưa hợp lệ. Hãy kiểm tra các trường được đánh dấu.');
    expect(shape.data).toMatchObject({ fieldErrors: [{ path: ['group'], message: 'Nhóm phải là 1-4' }] });
  });

  it("answers zod's own default messages in the caller's language", async () => {
    const vi = await shapeOf('vi', (c) => c.save({ group: 2, name: '' }));
    const en = await shapeOf('en', (c) => c.save({ group: 2, name: '' }));
    const viMessage = (vi.data as { fieldErrors: Array<{ message: string }> }).fieldErrors[0]!.message;
    const enMessage = (en.data as { fieldErrors: Array<{ message: string }> }).fieldErrors[0]!.message;
    expect(viMessage).toMatch(/^Quá nhỏ/);
    expect(enMessage).toMatch(/^Too small/);
    expect(viMessage).not.toMatch(/Too small|\u2063/);
    expect(enMessage).not.toMatch(/Quá nhỏ|\u2063/);
    const missing = await shapeOf('en', (c) => c.save({ group: 2 } as never));
    expect((missing.data as { fieldErrors: Array<{ path: string[]; message: string }> }).fieldErrors).toEqual([
      { path: ['name'], message: 'Invalid input: expected string, received undefined' },
    ]);
  });

  it('resolves a localized TRPCError message too', async () => {
    expect((await shapeOf('en', (c) => c.tokenMessage())).message).toBe('Wrong period.');
    expect((await shapeOf('vi', (c) => c.tokenMessage())).message).toBe('Sai kỳ báo cáo.');
  });
});

describe('fail, notFound, conflict', () => {
  it('throw in the caller’s language with the right code', async () => {
    const notFoundVi = await shapeOf('vi', (c) => c.missing());
    expect([notFoundVi.data.code, notFoundVi.message]).toEqual(['NOT_FOUND', 'Không tìm thấy đơn vị.']);
    expect((await shapeOf('en', (c) => c.missing())).message).toBe('Unit not found.');
    expect((await shapeOf('en', (c) => c.refused())).message).toBe('Not allowed.');
    expect((await shapeOf('vi', (c) => c.refused())).message).toBe('Không được.');
  });

  it('CONFLICT names who changed the row, or someone else', async () => {
    const named = await shapeOf('vi', (c) => c.stale({ who: 'stc.cv' }));
    expect([named.data.code, named.message]).toEqual(['CONFLICT', 'Dữ liệu đã được stc.cv thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.']);
    expect((await shapeOf('vi', (c) => c.stale({ who: null }))).message).toMatch(/^Dữ liệu đã được người khác thay đổi/);
    expect((await shapeOf('en', (c) => c.stale({ who: null }))).message).toBe('Someone else changed this after you opened it. Reload and try again.');
  });
});

describe('localized tokens', () => {
  it('read as "vi (en)" when shown raw, and round-trip', () => {
    const token = localized({ vi: 'Năm (phải) từ 2022', en: 'Year (must be) 2022+' });
    expect(token.replaceAll('\u2063', '')).toBe('Năm (phải) từ 2022 (Year (must be) 2022+)');
    expect(parseLocalized(token)).toEqual({ vi: 'Năm (phải) từ 2022', en: 'Year (must be) 2022+' });
    expect(resolveLocalized(token, 'en')).toBe('Year (must be) 2022+');
    expect(resolveLocalized('plain text', 'vi')).toBe('plain text');
    expect(parseLocalized('plain (text)')).toBeNull();
  });
});
