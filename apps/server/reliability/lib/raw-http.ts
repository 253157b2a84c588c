import { request } from 'node:http';

/** An answer read by node:http: its headers as sent (every Set-Cookie), its body as text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request with what `fetch` will not send as given: a `Host` (a proxy's, an attacker's), a
 * chosen loopback source address (`localAddress`, the client address the server sees), a body
 * without Content-Length (`chunked`).
 */
export function rawRequest(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array; localAddress?: string; chunked?: boolean } = {},
): Promise<RawAnswer> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        agent: false,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    if (options.chunked && options.body !== undefined) {
      // Several writes without a Content-Length: node sends the body chunked.
      const bytes = typeof options.body === 'string' ? new TextEncoder().encode(options.body) : options.body;
      for (let at = 0; at < bytes.length; at += 64 * 1024) req.write(bytes.subarray(at, at + 64 * 1024));
      req.end();
    } else req.end(options.body);
  });
}
