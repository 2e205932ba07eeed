// Atomic writes: write a temporary file beside the target, then rename over it, so a reader never
// sees half a file and a crash never leaves one behind.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicOptions {
  /**
   * When `file` is a symbolic link, replace the file it points to and keep the link (a decisions
   * file, an article or a word list kept elsewhere). Off for outputs: a link planted in the output
   * folder is replaced, never written through.
   */
  throughSymlink?: boolean;
  /** Keep the permissions of the file being replaced (articles, config files). */
  keepMode?: boolean;
}

/** The file a write should replace: a symbolic link's target (followed to the end), else `file`. */
export function writeTarget(file: string): string {
  let cur = path.resolve(file);
  for (let i = 0; i < 40; i++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(cur);
    } catch {
      return cur; // does not exist (yet): create it here
    }
    if (!st.isSymbolicLink()) return cur;
    cur = path.resolve(path.dirname(cur), fs.readlinkSync(cur));
  }
  throw new Error(`${file}: too many levels of symbolic links`);
}

export function writeFileAtomic(file: string, data: string | Uint8Array, opts: AtomicOptions = {}): void {
  if (opts.throughSymlink) file = writeTarget(file);
  let mode: number | undefined;
  if (opts.keepMode) {
    try {
      mode = fs.statSync(file).mode & 0o7777;
    } catch {
      mode = undefined;
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, data, mode === undefined ? undefined : { mode });
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

export function writeJsonAtomic(file: string, data: unknown, opts: AtomicOptions = {}): void {
  writeFileAtomic(file, JSON.stringify(data, null, 2) + '\n', opts);
}

/** The same, without blocking the event loop (used while workers are busy, so they are fed on time). */
export async function writeFileAtomicAsync(file: string, data: string | Uint8Array): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}
