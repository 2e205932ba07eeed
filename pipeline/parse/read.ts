// Reads one article's bytes and decodes them, turning every way a file can be unusable into a
// clear per-file error (never a crash of the batch).
import fs from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import { DEFAULT_LIMITS, formatBytes, limitName } from '../core/limits.js';

export class InputError extends Error {
  constructor(public code: string, message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });

/**
 * Decodes bytes as text: UTF-8 (a BOM is dropped), or UTF-16 when the file opens with a UTF-16
 * byte-order mark; throws InputError for binary, invalid or empty input, naming UTF-16 without a
 * BOM as such. Offsets are UTF-16 code units of the decoded text, as everywhere.
 */
export function decodeArticle(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError('empty', `${file}: the file is empty`);
  let text: string;
  const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (bom16) {
    const le = bytes[0] === 0xff;
    try {
      text = (le ? utf16le : utf16be).decode(bytes);
    } catch {
      throw new InputError('encoding', `${file}: not valid UTF-16 (${le ? 'little' : 'big'}-endian, by its byte-order mark); save the file as UTF-8`);
    }
  } else {
    const probe = bytes.subarray(0, 8000);
    if (probe.includes(0)) {
      if (looksLikeUtf16(probe)) throw new InputError('encoding', `${file}: this looks like UTF-16 text without a byte-order mark; save the file as UTF-8 (or as UTF-16 with a byte-order mark)`);
      throw new InputError('binary', `${file}: this is a binary file (it holds NUL bytes), not a text article`);
    }
    try {
      text = decoder.decode(bytes);
    } catch {
      const bad = firstInvalidUtf8(bytes);
      throw new InputError('encoding', `${file}: not valid UTF-8 (first bad byte at offset ${bad}); save the file as UTF-8`);
    }
  }
  if (!text.trim()) throw new InputError('empty', `${file}: the file holds only white space`);
  return text;
}

/** Mostly ASCII text in UTF-16: every other byte is NUL. */
function looksLikeUtf16(b: Uint8Array): boolean {
  if (b.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 0) (i % 2 ? odd++ : even++);
  const half = b.length / 2;
  return (odd > half * 0.6 && even < half * 0.05) || (even > half * 0.6 && odd < half * 0.05);
}

export function tooLargeMessage(shownPath: string, size: number, max: number): string {
  return `${shownPath}: the file is ${formatBytes(size)}, larger than ${limitName('maxArticleBytes')} (${formatBytes(max)}); it was not read. Split the article, or raise the limit in the configuration`;
}

export interface ReadOptions {
  /** Refuse larger files at once (limits.maxArticleBytes). */
  maxBytes?: number;
}

/**
 * Reads one article. The file is opened without blocking (a FIFO would block a plain read forever)
 * and must be a regular file; one over the size limit is refused before a byte is read.
 */
export async function readArticle(absPath: string, shownPath: string, options: ReadOptions = {}): Promise<string> {
  let bytes: Uint8Array;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(absPath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = await handle.stat();
    if (!st.isFile()) throw new InputError('not-a-file', `${shownPath}: this is a ${st.isDirectory() ? 'folder' : st.isFIFO() ? 'FIFO (named pipe)' : 'special file'}, not a text file; it was not read`);
    const max = options.maxBytes ?? DEFAULT_LIMITS.maxArticleBytes;
    if (st.size > max) throw new InputError('too-large', tooLargeMessage(shownPath, st.size, max));
    bytes = await handle.readFile();
  } catch (err) {
    if (err instanceof InputError) throw err;
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EACCES' ? 'permission denied' : e.code === 'ENOENT' ? 'no such file, or a broken link' : e.code === 'EISDIR' ? 'is a folder' : e.code === 'ELOOP' ? 'a symbolic link loop' : e.message;
    throw new InputError('unreadable', `${shownPath}: cannot read the file (${why})`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
  return decodeArticle(bytes, shownPath);
}

/** Offset of the first byte that breaks UTF-8, by the standard's byte ranges. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}
