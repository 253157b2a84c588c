/**
 * Headers set on an answer already made (`setAnswerHeaders`, used by every request's security
 * headers): set in place where the answer's headers can change, so a large JSON body stays the
 * string it was (no copy into a stream); on an answer whose headers are immutable (a redirect),
 * set on a copy, so no header is lost either way.
 */
import { Hono, type Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { setAnswerHeaders } from '../src/http/security.ts';

function appWith(route: (c: Context) => Response | Promise<Response>) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    setAnswerHeaders(c, { 'x-request-id': 'r-1', 'x-frame-options': 'DENY' });
  });
  app.get('/', route);
  return app;
}

describe('setAnswerHeaders', () => {
  it('sets the headers on a JSON answer, whose body arrives whole', async () => {
    const units = Array.from({ length: 600 }, (_, i) => ({ code: `X${i}`, name: 'Phường Đống Đa' }));
    const response = await appWith((c) => c.json({ units })).request('/');
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as { units: unknown[] }).units).toHaveLength(600);
  });

  it('sets them on a redirect, whose headers are immutable, keeping its status and location', async () => {
    const response = await appWith(() => Response.redirect('http://localhost/dang-nhap', 302)).request('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost/dang-nhap');
    expect(response.headers.get('x-request-id')).toBe('r-1');
  });
});
