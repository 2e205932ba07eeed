// The shared result cache of distributed runs (issue 14): `copydesk run --queue URL --cache` keeps its
// entries in Redis instead of the cache folder, keyed exactly as the local cache is (run/cache.ts:
// content, shown path, effective configuration, dictionaries, copydesk's version and code), and
// authenticated the same way (an HMAC under the coordinator's cache key), so a second distributed run
// over an unchanged archive queues nothing. Entries expire after 30 days.
import type { Redis } from 'ioredis';
import type { EffectiveConfig, FileResult } from '../../core/types.js';
import { ResultCache } from '../cache.js';
import type { FoundFile } from '../files.js';
import { PREFIX } from './redis.js';

const KEEP_SECONDS = 30 * 24 * 3600;

export class SharedCache {
  readonly local = new ResultCache();
  private keys = new Map<string, string>();
  constructor(private readonly redis: Redis) {}

  private redisKey(key: string): string {
    return `${PREFIX}:cache:${key}`;
  }

  async get(file: FoundFile, config: EffectiveConfig): Promise<FileResult | undefined> {
    const key = this.local.key(file, config);
    if (!key) return undefined;
    this.keys.set(file.abs, key);
    return this.local.decode(key, await this.redis.get(this.redisKey(key)), file.path);
  }

  async set(file: FoundFile, config: EffectiveConfig, result: FileResult): Promise<void> {
    const key = this.keys.get(file.abs) ?? this.local.key(file, config);
    this.keys.delete(file.abs);
    if (!key) return;
    const text = this.local.encode(key, result);
    if (text) await this.redis.set(this.redisKey(key), text, 'EX', KEEP_SECONDS);
  }
}
