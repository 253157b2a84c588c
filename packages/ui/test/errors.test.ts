import { describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { errorMessage } from '../src/errors.ts';
import { HttpError } from '../src/http.ts';

describe('errorMessage', () => {
  it("shows the server's message of a tRPC error", () => {
    const error = TRPCClientError.from({
      error: {
        message: 'Bạn không có quyền thực hiện thao tác này (fixture.items:write).',
        code: -32003,
        data: { code: 'FORBIDDEN', httpStatus: 403 },
      },
    });
    expect(errorMessage(error)).toBe('Bạn không có quyền thực hiện thao tác này (fixture.items:write).');
  });

  it('explains a network failure in Vietnamese', () => {
    expect(errorMessage(TRPCClientError.from(new TypeError('Failed to fetch')))).toMatch(/Không kết nối được/);
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/Không kết nối được/);
  });

  it('explains an answer that is not tRPC JSON', () => {
    expect(errorMessage(TRPCClientError.from(new SyntaxError('Unexpected token <')))).toMatch(/không đúng định dạng/);
  });

  it('keeps the message of an HTTP error and of a plain error', () => {
    expect(errorMessage(new HttpError(429, 'Bạn đã thử quá nhiều lần.'))).toBe('Bạn đã thử quá nhiều lần.');
    expect(errorMessage(new Error('Hỏng'))).toBe('Hỏng');
    expect(errorMessage(undefined)).toMatch(/không xác định/);
  });
});

describe('isUnauthorized', () => {
  it('recognizes a dead session from the API and from tRPC', async () => {
    const { isUnauthorized } = await import('../src/errors.ts');
    expect(isUnauthorized(new HttpError(401, 'x'))).toBe(true);
    expect(isUnauthorized(new HttpError(403, 'x'))).toBe(false);
    expect(
      isUnauthorized(TRPCClientError.from({ error: { message: 'x', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401 } } })),
    ).toBe(true);
    expect(isUnauthorized(new Error('x'))).toBe(false);
  });
});
