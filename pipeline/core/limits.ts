// The limits that keep one hostile or unlucky article from taking down a batch (issue 9; see
// docs/limits.md). Each is configurable in the config's "limits" block; the defaults let every
// real article through (the longest BBC article is 26 KB, the deepest Markdown nesting of real
// articles is a few levels) and stop what would exhaust a worker.
export interface Limits {
  /** Articles larger than this (bytes on disk) are refused at once with a per-file error. */
  maxArticleBytes: number;
  /** Markdown nested deeper than this (block quotes and lists, counted per line) is read as plain text, with an input/markdown-nesting item. */
  maxNestingDepth: number;
  /** Words longer than this get no spelling suggestions (they are still flagged). */
  maxSuggestWordLength: number;
  /** An article whose check takes longer than this (seconds, in a worker) becomes a per-file error. */
  articleTimeoutSeconds: number;
  /** The heap of each worker thread (MB); an article that needs more becomes a per-file error. */
  workerMemoryMB: number;
  /** Articles larger than this (bytes) are checked in a worker thread even in a small batch, so the deadline and the memory limit hold for them. */
  mainThreadMaxBytes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxArticleBytes: 16 * 1024 * 1024,
  maxNestingDepth: 64,
  maxSuggestWordLength: 40,
  articleTimeoutSeconds: 600,
  workerMemoryMB: 4096,
  mainThreadMaxBytes: 256 * 1024,
});

/** The limits with the configured ones applied over the defaults (unknown keys are rejected by the config schema). */
export function resolveLimits(configured: Partial<Limits> | undefined): Limits {
  return { ...DEFAULT_LIMITS, ...(configured ?? {}) };
}

/** The limits of an effective configuration (tests and old callers may build one without them). */
export function limitsOf(config: { limits?: Limits }): Limits {
  return config.limits ?? DEFAULT_LIMITS;
}

/** A limit's name as written in the config, for messages ("limits.maxArticleBytes"). */
export const limitName = (k: keyof Limits) => `limits.${k}`;

/** "16 MB", "300 KB", "12 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / 1024 / 1024).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} bytes`;
}
