import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@dondoc/db/testing';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './helpers.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    error?: { code: string; message: string; retryAfterSeconds?: number; triesBeforeDelay?: number; nextDelaySeconds?: number };
    user?: { username: string };
  };
}

/** POST /api/auth/login from a given loopback address (the server sees it as the client's address). */
function signInFrom(url: string, from: string, username: string, password: string, locale = 'vi'): Promise<Answer> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/auth/login`,
      {
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'accept-language': locale },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Answer['body'] }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(testBackends)('sign-in throttling through the server on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server?.close());

  it('signs in 8 parallel correct logins of one user, all with 200', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => signInFrom(server.url, '127.0.0.1', 'ubnd', DEMO_PASSWORD)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
  });

  it('a stranger guessing ubnd’s password gets 401, then 429 with Retry-After; ubnd at their usual address still signs in', async () => {
    expect((await signInFrom(server.url, '127.0.0.1', 'ubnd', DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const answer = await signInFrom(server.url, '127.0.0.2', 'ubnd', `guess-${i}`);
      expect(answer.status).toBe(401);
      expect(answer.body.error?.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
      // What the sign-in page warns with: wrong passwords left before a wait, the wait, and a wait already running.
      expect(answer.body.error).toMatchObject(
        i < 4 ? { triesBeforeDelay: 4 - i, nextDelaySeconds: 1, retryAfterSeconds: 0 } : { triesBeforeDelay: 0, nextDelaySeconds: 2, retryAfterSeconds: 1 },
      );
    }
    const throttled = await signInFrom(server.url, '127.0.0.2', 'ubnd', DEMO_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(throttled.body.error).toMatchObject({
      code: 'throttled',
      message: 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau ít phút.',
      retryAfterSeconds: Number(throttled.headers['retry-after']),
    });
    const english = await signInFrom(server.url, '127.0.0.2', 'ubnd', DEMO_PASSWORD, 'en');
    expect(english.status).toBe(429);
    expect(english.body.error?.message).toBe('Too many sign-in attempts. Please try again in a few minutes.');

    const owner = await signInFrom(server.url, '127.0.0.1', 'ubnd', DEMO_PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body.user?.username).toBe('ubnd');
  });

  it('31 failures from an office’s address do not lock out who signs in there', async () => {
    const office = '127.0.0.3';
    expect((await signInFrom(server.url, office, 'vp', DEMO_PASSWORD)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await signInFrom(server.url, office, `nguoi-la-${i}`, 'guess')).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses[30]).toBe(429);
    expect((await signInFrom(server.url, office, 'vp', DEMO_PASSWORD)).status).toBe(200);
  }, 60_000);
});
