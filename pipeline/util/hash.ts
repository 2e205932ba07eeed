import { createHash } from 'node:crypto';

/** Short hex digest used for stable ids and cache keys. */
export function digest(input: string, length = 16): string {
  return createHash('sha1').update(input).digest('hex').slice(0, length);
}
