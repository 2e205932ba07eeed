// The Redis side of the distributed run (issue 14): the queue URL, connection options, the names of
// the queue and of the keys a run keeps (its configurations), and the errors a lost Redis gives.
import { Redis, type RedisOptions } from 'ioredis';
import { UsageError } from '../../util/errors.js';

/** The BullMQ queue every coordinator and worker shares; runs are told apart by the run id in job ids. */
export const QUEUE_NAME = 'articles';
/** The key prefix of everything copydesk keeps in Redis (BullMQ's keys too). */
export const PREFIX = 'copydesk';
/** How long a run's jobs, results and configurations stay in Redis (a run can be resumed meanwhile). */
export const KEEP_SECONDS = 7 * 24 * 3600;

export function configKey(run: string, hash: string): string {
  return `${PREFIX}:run:${run}:config:${hash}`;
}

/** Redis unreachable or lost: the message names the URL; the CLI exits 2. */
export class QueueError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'QueueError';
  }
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** redis://[user:password@]HOST:PORT[/DB] (rediss:// for TLS) -> ioredis options. */
export function connectionOptions(url: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`--queue needs a Redis URL such as redis://localhost:6379/0, not "${url}"`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new UsageError(`--queue needs a redis:// URL (redis://HOST:PORT[/DB]), not "${url}"`);
  const db = u.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new UsageError(`--queue ${url}: the database after the port must be a number (redis://HOST:PORT/DB)`);
  return {
    host: u.hostname || 'localhost',
    port: u.port ? Number(u.port) : 6379,
    db: db ? Number(db) : 0,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ requires it: commands wait for a reconnection instead of failing.
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
}

/** Connects once, without retrying, and pings: a clear error naming the URL when Redis is not there. */
export async function assertReachable(url: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis({ ...connectionOptions(url), lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, enableOfflineQueue: false });
  let first: Error | undefined;
  client.on('error', (err: Error) => void (first ??= err));
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const why = first ?? (err as Error);
    throw new QueueError(`cannot reach Redis at ${shownUrl(url)} (${(why as NodeJS.ErrnoException).code ?? why.message}); is redis-server running there?`);
  } finally {
    client.disconnect();
  }
}

/** Resolves after `ms`, or with the promise's value if it settles first (closing a client whose Redis is gone). */
export async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p.catch(() => undefined), new Promise<undefined>((r) => void (timer = setTimeout(() => r(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
