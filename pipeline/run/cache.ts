// `--cache`: one entry per article under .copydesk-cache/, keyed by everything a result depends on:
// the file's content and shown path (ids include it), the effective configuration (configHash), the
// dictionaries (installed dictionary-en / dictionary-en-gb versions), copydesk's version and a hash of
// copydesk's own code. A second run over an unchanged archive re-checks nothing; a change to any key
// part misses and re-checks that file. Entries are written atomically; a damaged entry is a miss.
//
// Entries are authenticated (issue 12): each carries an HMAC-SHA256 of its key and result under a
// secret that lives in the user's cache folder ($XDG_CACHE_HOME/copydesk/cache-key, else
// ~/.cache/copydesk/cache-key; created on first use, mode 0600), never in the repository. An entry
// this machine did not write (a committed or forged .copydesk-cache/) fails the check and is a miss,
// so it cannot turn a failing article into a passing one.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { EffectiveConfig, FileResult } from '../core/types.js';
import type { FoundFile } from './files.js';
import { configHash } from './config.js';
import { digest } from '../util/hash.js';
import { VERSION } from '../util/version.js';
import { writeFileAtomic } from '../util/atomic.js';
import { schemasDir } from '../validate/schemas.js';
import { repoRootOf } from '../util/repo.js';

export const DEFAULT_CACHE_LOCATION = '.copydesk-cache';
/** Bump when the entry layout changes. */
export const CACHE_FORMAT = 4;
/** Longest URI-encoded file name kept in an entry's name (longer ones are never pruned by name, only with their folder). */
const MAX_NAME_IN_ENTRY = 120;

/** Where the cache's secret lives: the user's cache folder, outside every repository. */
export function cacheKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : process.platform === 'win32' && env.LOCALAPPDATA ? env.LOCALAPPDATA : path.join(os.homedir(), '.cache');
  return path.join(base, 'copydesk', 'cache-key');
}

/** The secret, created (32 random bytes, readable by the user only) on first use. */
function loadSecret(file: string): Buffer {
  try {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  } catch {
    // created below
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, secret.toString('hex') + '\n', { mode: 0o600 });
  try {
    // Another process may have made one meanwhile: keep the first.
    fs.linkSync(tmp, file);
  } catch {
    // exists already
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}

const require = createRequire(import.meta.url);
/** The pipeline folder (source or dist) this module runs from. */
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** name@version of each installed dictionary package ("name@missing" when absent). */
export function dictionaryIdentity(): string {
  return ['dictionary-en', 'dictionary-en-gb']
    .map((name) => {
      try {
        const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve(name)), 'package.json'), 'utf8')) as { version?: string };
        return `${name}@${pkg.version ?? '?'}`;
      } catch {
        return `${name}@missing`;
      }
    })
    .join(',');
}

let codeId: string | undefined;
/**
 * A hash of copydesk's own code and data (every .js/.ts/.json file of the pipeline folder this module
 * runs from, and of schemas/), so a rebuilt or edited copydesk never serves results of the old code, even at the same version.
 */
export function codeIdentity(): string {
  if (codeId) return codeId;
  const h = createHash('sha1');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts|json)$/.test(e.name)) h.update(path.relative(here, p)).update('\0').update(fs.readFileSync(p)).update('\0');
    }
  };
  walk(here);
  walk(schemasDir()); // the claim schema and the default policy schemas decide results too
  codeId = h.digest('hex').slice(0, 16);
  return codeId;
}

export interface CacheStats {
  hits: number;
  misses: number;
  writes: number;
  /** Entries whose MAC did not check out (not written by this machine). */
  forged?: number;
  /** Entries removed because their article no longer exists (prune()). */
  pruned?: number;
}

interface Entry {
  format: number;
  key: string;
  /** HMAC-SHA256 (hex) of key and payload under the machine's secret. */
  mac: string;
  /** The result as JSON text (the MAC covers exactly these bytes). */
  payload: string;
}

/** The first line of an entry file (then the payload and the outputs, raw). */
interface EntryHead {
  format: number;
  key: string;
  /** HMAC-SHA256 (hex) of key and payload. */
  mac: string;
  payloadBytes: number;
  /** HMAC-SHA256 (hex) of key + "\\0outputs" and the outputs (what the run writer stored; see outputsOf()). */
  outputsMac?: string;
}

function readEntryFile(raw: Buffer): { head: EntryHead; payload: Buffer; outputs?: Buffer } | undefined {
  const nl = raw.indexOf(10);
  if (nl < 0) return undefined;
  let head: EntryHead;
  try {
    head = JSON.parse(raw.subarray(0, nl).toString('utf8')) as EntryHead;
  } catch {
    return undefined;
  }
  if (!head || typeof head.key !== 'string' || typeof head.mac !== 'string' || !Number.isInteger(head.payloadBytes) || nl + 1 + head.payloadBytes > raw.length) return undefined;
  const end = nl + 1 + head.payloadBytes;
  return { head, payload: raw.subarray(nl + 1, end), outputs: end < raw.length ? raw.subarray(end) : undefined };
}

/**
 * What the run writer stored with a cache entry (issue 14): the pieces of the run's files this result
 * produced, under a digest of the editors' decisions applied to it, so a re-run over an unchanged
 * archive copies them instead of serialising every result again. `save` stores new pieces.
 */
export interface StoredOutputs {
  /** The pieces stored with the entry, when their MAC checks out. */
  stored?: { decisions: string; data: Buffer };
  save(decisions: string, data: Buffer): void;
}

const OUTPUTS = Symbol('copydesk.cache.outputs');

/** The stored-outputs handle of a result that came from (or went into) a ResultCache, else undefined. */
export function outputsOf(result: FileResult): StoredOutputs | undefined {
  return (result as { [OUTPUTS]?: StoredOutputs })[OUTPUTS];
}

function attachOutputs(result: FileResult, handle: StoredOutputs): void {
  Object.defineProperty(result, OUTPUTS, { value: handle, enumerable: false, configurable: true });
}

export interface ResultCacheOptions {
  /** Overrides the dictionary part of the key (tests). */
  dictionaries?: string;
  /** Overrides copydesk's version in the key (tests). */
  version?: string;
  /** Overrides where the secret lives (tests); default cacheKeyFile(). */
  keyFile?: string;
}

/** The per-file result cache runBatch takes as its `cache` option. */
export class ResultCache {
  readonly dir: string;
  readonly stats: CacheStats = { hits: 0, misses: 0, writes: 0 };
  private base: string;
  private configHashes = new WeakMap<EffectiveConfig, string>();
  /** Key computed by get() for each file, reused by set(). */
  private keys = new Map<string, string>();

  private secret: Buffer | undefined;
  private keyFile: string;

  constructor(location: string = DEFAULT_CACHE_LOCATION, options: ResultCacheOptions = {}) {
    this.dir = path.resolve(location);
    this.base = [CACHE_FORMAT, options.version ?? VERSION, codeIdentity(), options.dictionaries ?? dictionaryIdentity()].join('\0');
    this.keyFile = path.resolve(options.keyFile ?? cacheKeyFile());
  }

  /** The secret, or undefined when it cannot be had (then the cache neither trusts nor writes entries). */
  private mac(key: string, payload: string): string | undefined {
    if (!this.secret) {
      try {
        // A key inside the repository could be committed with the entries it signs.
        const repo = repoRootOf(process.cwd());
        if (fs.existsSync(path.join(repo, '.git')) && (this.keyFile + path.sep).startsWith(repo + path.sep)) throw new Error(`it is inside the repository ${repo}; set XDG_CACHE_HOME to a folder outside it`);
        this.secret = loadSecret(this.keyFile);
      } catch (err) {
        if (!this.warned) process.stderr.write(`copydesk: --cache is off: cannot read or create the cache key ${this.keyFile} (${(err as Error).message})\n`);
        this.warned = true;
        return undefined;
      }
    }
    return createHmac('sha256', this.secret).update(key).update('\0').update(payload).digest('hex');
  }
  private warned = false;

  /**
   * v2/<hash of the article's folder>_<hash of its path>[_<its file name, URI-encoded>].json; the folder
   * itself is named in dirs/<hash of the folder>, so prune() can tell deleted articles without reading entries.
   */
  private entryFile(file: FoundFile): string {
    const dir = path.dirname(file.abs);
    const dirHash = digest(dir, 12);
    if (!this.dirsWritten.has(dirHash)) {
      this.dirsWritten.add(dirHash);
      this.pendingDirs.set(dirHash, dir);
    }
    const name = encodeURIComponent(path.basename(file.abs)).replace(/_/g, '%5F');
    return path.join(this.dir, `v${CACHE_FORMAT}`, `${dirHash}_${digest(`${file.abs}\0${file.path}`)}${name.length <= MAX_NAME_IN_ENTRY ? `_${name}` : ''}.json`);
  }
  private dirsWritten = new Set<string>();
  /** Folders whose dirs/ file is still to be written (with the next entry written). */
  private pendingDirs = new Map<string, string>();

  /**
   * Removes the entries of articles that no longer exist (their folder is gone, or their file is no
   * longer in it); returns how many. One listing of the cache and one of each article folder: cheap
   * enough to run after every cached batch.
   */
  prune(): number {
    const entries = path.join(this.dir, `v${CACHE_FORMAT}`);
    // Entries of older layouts are never read again.
    try {
      for (const n of fs.readdirSync(this.dir)) if (/^v\d+$/.test(n) && n !== `v${CACHE_FORMAT}`) fs.rmSync(path.join(this.dir, n), { recursive: true, force: true });
    } catch {
      return 0;
    }
    let names: string[];
    try {
      names = fs.readdirSync(entries);
    } catch {
      return 0;
    }
    const byDir = new Map<string, string[]>();
    for (const n of names) {
      const m = /^([0-9a-f]+)_[0-9a-f]+(?:_([^_]*))?\.json$/.exec(n);
      if (!m) continue;
      const list = byDir.get(m[1]) ?? [];
      list.push(n);
      byDir.set(m[1], list);
    }
    let removed = 0;
    for (const [dirHash, list] of byDir) {
      let dir: string;
      try {
        dir = fs.readFileSync(path.join(this.dir, 'dirs', dirHash), 'utf8');
      } catch {
        continue; // folder unknown: keep its entries
      }
      let present: Set<string> | undefined;
      try {
        present = new Set(fs.readdirSync(dir));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as NodeJS.ErrnoException).code !== 'ENOTDIR') continue;
        present = undefined; // the folder is gone: every entry in it goes
      }
      let kept = 0;
      for (const n of list) {
        const enc = /_[0-9a-f]+_([^_]*)\.json$/.exec(n)?.[1];
        let base: string | undefined;
        try {
          base = enc === undefined ? undefined : decodeURIComponent(enc);
        } catch {
          base = undefined;
        }
        if (present && (base === undefined || present.has(base))) {
          kept++;
          continue;
        }
        fs.rmSync(path.join(entries, n), { force: true });
        removed++;
      }
      if (!kept) fs.rmSync(path.join(this.dir, 'dirs', dirHash), { force: true });
    }
    if (removed) this.stats.pruned = (this.stats.pruned ?? 0) + removed;
    return removed;
  }

  private configKey(config: EffectiveConfig): string {
    let h = this.configHashes.get(config);
    if (!h) {
      h = configHash(config);
      this.configHashes.set(config, h);
    }
    return h;
  }

  /** The full key of one file now, or undefined when it cannot be read (the check reports why). */
  key(file: FoundFile, config: EffectiveConfig): string | undefined {
    let content: Buffer;
    try {
      content = fs.readFileSync(file.abs);
    } catch {
      return undefined;
    }
    const contentHash = createHash('sha1').update(content).digest('hex');
    return digest(`${this.base}\0${this.configKey(config)}\0${file.path}\0${file.key}\0${contentHash}`, 40);
  }

  get(file: FoundFile, config: EffectiveConfig): FileResult | undefined {
    const key = this.key(file, config);
    this.keys.delete(file.abs);
    if (!key) {
      this.stats.misses++;
      return undefined;
    }
    this.keys.set(file.abs, key);
    const target = this.entryFile(file);
    let raw: Buffer | undefined;
    try {
      raw = fs.readFileSync(target);
    } catch {
      raw = undefined;
    }
    const entry = raw ? readEntryFile(raw) : undefined;
    let result: FileResult | undefined;
    if (entry && entry.head.format === CACHE_FORMAT && entry.head.key === key) {
      const want = this.macBytes(key, entry.payload);
      if (!want || want.length !== entry.head.mac.length || !timingSafeEqual(Buffer.from(want), Buffer.from(entry.head.mac))) this.stats.forged = (this.stats.forged ?? 0) + 1;
      else {
        try {
          result = JSON.parse(entry.payload.toString('utf8')) as FileResult;
        } catch {
          result = undefined;
        }
      }
    }
    if (!result || result.path !== file.path) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    const hit: FileResult = { ...result, cached: true };
    const e = entry!;
    let stored: StoredOutputs['stored'];
    if (e.outputs && typeof e.head.outputsMac === 'string') {
      const want = this.macBytes(`${key}\0outputs`, e.outputs);
      const sep = e.outputs.indexOf(10);
      if (want && want.length === e.head.outputsMac.length && timingSafeEqual(Buffer.from(want), Buffer.from(e.head.outputsMac)) && sep > 0) stored = { decisions: e.outputs.subarray(0, sep).toString('utf8'), data: e.outputs.subarray(sep + 1) };
    }
    attachOutputs(hit, { stored, save: (decisions, data) => this.writeEntry(target, key, e.head.mac, e.payload, Buffer.concat([Buffer.from(`${decisions}\n`), data])) });
    return hit;
  }

  /** The HMAC of key and bytes, or undefined without a secret. */
  private macBytes(key: string, bytes: Buffer): string | undefined {
    if (!this.mac(key, '')) return undefined; // loads the secret (or says why not)
    return createHmac('sha256', this.secret!).update(key).update('\0').update(bytes).digest('hex');
  }

  /**
   * An entry file: one JSON line (format, key, the payload's MAC and length, the outputs' MAC), then the
   * payload (the result as JSON) and the run writer's outputs as raw bytes, so a hit parses the result once.
   */
  private writeEntry(target: string, key: string, mac: string, payload: Buffer, outputs?: Buffer): void {
    const outputsMac = outputs ? this.macBytes(`${key}\0outputs`, outputs) : undefined;
    const head: EntryHead = { format: CACHE_FORMAT, key, mac, payloadBytes: payload.length, ...(outputs && outputsMac ? { outputsMac } : {}) };
    const parts = [Buffer.from(JSON.stringify(head) + '\n'), payload, ...(outputs && outputsMac ? [outputs] : [])];
    try {
      writeFileAtomic(target, Buffer.concat(parts));
    } catch {
      // a failed write costs only the reuse
    }
  }

  /** The entry's result when its MAC is right (written by this machine's copydesk), else undefined. */
  private verified(key: string, entry: Entry): FileResult | undefined {
    const want = this.mac(key, entry.payload);
    if (!want || want.length !== entry.mac.length || !timingSafeEqual(Buffer.from(want), Buffer.from(entry.mac))) {
      this.stats.forged = (this.stats.forged ?? 0) + 1;
      return undefined;
    }
    try {
      return JSON.parse(entry.payload) as FileResult;
    } catch {
      return undefined;
    }
  }

  /**
   * One entry as text (the same authenticated layout as a file entry), for a store other than the
   * cache folder (the shared cache of a distributed run in Redis, run/queue/shared-cache.ts).
   */
  encode(key: string, result: FileResult): string | undefined {
    if (result.error) return undefined;
    const { cached: _cached, ...fresh } = result;
    const payload = JSON.stringify(fresh);
    const mac = this.mac(key, payload);
    return mac ? JSON.stringify({ format: CACHE_FORMAT, key, mac, payload } satisfies Entry) : undefined;
  }

  /** The result an entry's text holds, when it is this key's, for this path, and its MAC is right. */
  decode(key: string, text: string | null | undefined, shownPath: string): FileResult | undefined {
    let entry: Entry | undefined;
    try {
      entry = text ? (JSON.parse(text) as Entry) : undefined;
    } catch {
      entry = undefined;
    }
    const result = entry && entry.format === CACHE_FORMAT && entry.key === key && typeof entry.payload === 'string' && typeof entry.mac === 'string' ? this.verified(key, entry) : undefined;
    if (!result || result.path !== shownPath) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    return { ...result, cached: true };
  }

  set(file: FoundFile, config: EffectiveConfig, result: FileResult): void {
    const key = this.keys.get(file.abs) ?? this.key(file, config);
    this.keys.delete(file.abs);
    if (!key || result.error) return;
    this.ensureDir();
    const { cached: _cached, ...fresh } = result;
    const payload = JSON.stringify(fresh);
    const mac = this.mac(key, payload);
    if (!mac) return;
    const target = this.entryFile(file);
    const bytes = Buffer.from(payload);
    this.writeEntry(target, key, mac, bytes);
    attachOutputs(result, { save: (decisions, data) => this.writeEntry(target, key, mac, bytes, Buffer.concat([Buffer.from(`${decisions}\n`), data])) });
    for (const [dirHash, dir] of this.pendingDirs) writeFileAtomic(path.join(this.dir, 'dirs', dirHash), dir);
    this.pendingDirs.clear();
    this.stats.writes++;
  }

  private ready = false;
  private ensureDir(): void {
    if (this.ready) return;
    fs.mkdirSync(path.join(this.dir, `v${CACHE_FORMAT}`), { recursive: true });
    // Keep the cache out of version control without asking anyone to edit .gitignore.
    const gi = path.join(this.dir, '.gitignore');
    if (!fs.existsSync(gi)) fs.writeFileSync(gi, '# Written by copydesk --cache\n*\n');
    this.ready = true;
  }
}
