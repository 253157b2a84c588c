import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCallerFactory, publicProcedure, router } from '../src/index.ts';
import { findBadText } from '../src/text.ts';

describe('findBadText', () => {
  it('finds a NUL or a lone surrogate in any value or key, at any depth, and lets real text through', () => {
    expect(findBadText({ a: ['ok', { b: 'x\u0000y' }] })).toEqual({ path: ['a', '1', 'b'], kind: 'nul' });
    expect(findBadText({ note: 'Kết quả \uD83D' })).toEqual({ path: ['note'], kind: 'surrogate' });
    expect(findBadText(['\uDE00'])).toEqual({ path: ['0'], kind: 'surrogate' });
    expect(findBadText({ ['k\u0000']: 1 })).toEqual({ path: ['k\u0000'], kind: 'nul' });
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(findBadText(deep)?.kind).toBe('nul');
    expect(findBadText({ text: 'Quận Ba Đình 😀 — Sở Tài chính', n: 1, on: null, list: [true] })).toBeNull();
  });
});

describe('every procedure', () => {
  const appRouter = router({ echo: publicProcedure.input(z.object({ text: z.string() })).query(({ input }) => input.text) });
  const caller = (locale: 'vi' | 'en') => createCallerFactory(appRouter)({ locale, requestId: 'r' } as never);

  it('refuses bad text with BAD_REQUEST in the caller’s language before its schema or handler', async () => {
    await expect(caller('vi').echo({ text: 'a\u0000b' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^Dữ liệu gửi lên có ký tự không hợp lệ \(ký tự NUL\).*\(trường text\)$/) });
    await expect(caller('en').echo({ text: '\uD800' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/lone surrogate.*\(field text\)$/) });
    await expect(caller('vi').echo({ text: 'Hà Nội 😀' })).resolves.toBe('Hà Nội 😀');
  });
});
