import autocannon from 'autocannon';
import { round } from './stats.ts';

export interface LoadPoint {
  connections: number;
  durationS: number;
  /** Responses received within the point. */
  requests: number;
  /**
   * Requests still unanswered when the point ended (one per busy connection). Each counts in
   * the percentiles with the time it had waited so far, a lower bound; a percentile that lands
   * on such a request is marked in `lowerBounds` (the true value is at least that).
   */
  unfinished: number;
  lowerBounds: Array<'p50' | 'p95' | 'p99'>;
  rps: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  maxMs: number | null;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  /** Default request (GET unless method says otherwise). */
  path?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Per-request set-up (e.g. the next draft report to submit). */
  setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
  /** Stop after this many requests in all (e.g. when the prepared drafts run out). */
  maxRequests?: number;
}

/**
 * autocannon against the server, with every response time kept (autocannon itself reports no
 * p95) and the requests left unanswered at the end counted as lower bounds, so that a slow
 * endpoint's percentiles are not computed from its few fast survivors.
 */
export function runLoad(options: LoadOptions): Promise<LoadPoint> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const lastDone = new Map<unknown, number>();
    let non2xx = 0;
    const started = performance.now();
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationS,
        ...(options.maxRequests ? { maxOverallRequests: Math.max(options.maxRequests, options.connections) } : {}),
        timeout: 30,
        requests: [
          {
            method: options.method ?? 'GET',
            path: options.path ?? '/',
            headers: options.headers ?? {},
            ...(options.body ? { body: options.body } : {}),
            ...(options.setupRequest ? { setupRequest: options.setupRequest as never } : {}),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const ended = performance.now();
        const seconds = (ended - started) / 1000;
        const completed = times.length;
        // Every connection has one request outstanding at the end (unless a request cap stopped it).
        const open = options.maxRequests && result.requests.sent >= options.maxRequests ? Math.max(0, result.requests.sent - completed) : options.connections;
        const waits = [...lastDone.values()].map((t) => ended - t);
        while (waits.length < options.connections) waits.push(ended - started);
        waits.sort((a, b) => b - a);
        const censored = waits.slice(0, Math.min(open, options.connections));
        const all = [...times.map((t) => ({ t, c: false })), ...censored.map((t) => ({ t, c: true }))].sort((a, b) => a.t - b.t);
        const at = (q: number) => all[Math.min(all.length, Math.max(1, Math.ceil(q * all.length))) - 1];
        const lowerBounds = (['p50', 'p95', 'p99'] as const).filter((name) => at(Number(name.slice(1)) / 100)?.c);
        times.sort((a, b) => a - b);
        resolve({
          connections: options.connections,
          durationS: round(seconds, 2)!,
          requests: completed,
          unfinished: censored.length,
          lowerBounds,
          rps: round((completed - non2xx) / seconds, 1),
          p50Ms: round(at(0.5)?.t ?? NaN, 2),
          p95Ms: round(at(0.95)?.t ?? NaN, 2),
          p99Ms: round(at(0.99)?.t ?? NaN, 2),
          meanMs: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), 2),
          maxMs: round(times.at(-1) ?? NaN, 2),
          non2xx,
          errors: result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      lastDone.set(client, performance.now());
      if (statusCode < 200 || statusCode > 299) non2xx += 1;
    });
  });
}
