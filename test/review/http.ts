// Plain HTTP for the review server tests: the path is sent exactly as given (no normalisation).
import http from 'node:http';
import type { RunningReview } from '../../pipeline/review/server.js';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') resolve({ status: -1, headers: {}, body: err.code });
      else reject(err);
    });
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** Headers of a proper write from the page of `review` (token, same origin). */
export function writeHeaders(review: Pick<RunningReview, 'port' | 'token'>, extra: Record<string, string> = {}): Record<string, string> {
  return {
    Origin: `http://127.0.0.1:${review.port}`,
    'Sec-Fetch-Site': 'same-origin',
    'X-Copydesk-Token': review.token,
    'Content-Type': 'application/json',
    ...extra,
  };
}

export function postJson(review: Pick<RunningReview, 'port' | 'token'>, path: string, body: unknown, headers = writeHeaders(review)): Promise<Reply> {
  return request(review.port, { method: 'POST', path, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
