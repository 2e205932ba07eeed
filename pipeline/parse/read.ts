// Reads one article's bytes and decodes them, turning every way a file can be unusable into a
// clear per-file error (never a crash of the batch).
import fs from 'node:fs/promises';

export class InputError extends Error {
  constructor(public code: string, message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes bytes as UTF-8 text; throws InputError for binary, invalid UTF-8 or empty input. */
export function decodeArticle(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError('empty', `${file}: the file is empty`);
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) throw new InputError('binary', `${file}: this is a binary file (it holds NUL bytes), not a text article`);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new InputError('encoding', `${file}: not valid UTF-8 (first bad byte at offset ${bad}); save the file as UTF-8`);
  }
  if (!text.trim()) throw new InputError('empty', `${file}: the file holds only white space`);
  return text;
}

export async function readArticle(absPath: string, shownPath: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(absPath);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EACCES' ? 'permission denied' : e.code === 'ENOENT' ? 'no such file, or a broken link' : e.code === 'EISDIR' ? 'is a folder' : e.message;
    throw new InputError('unreadable', `${shownPath}: cannot read the file (${why})`);
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
