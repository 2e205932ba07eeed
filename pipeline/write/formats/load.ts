// `--format NAME` or `--format ./path/to/formatter.js`: a built-in formatter, or a module whose default
// export (or module.exports) is a function of the report and the context returning text (ESLint's
// custom formatters take the results the same way). It may be async.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report } from '../../core/types.js';
import type { FormatContext, Formatter } from './index.js';
import { UsageError } from '../../util/errors.js';

export type AnyFormatter = (report: Report, ctx: FormatContext) => string | Promise<string>;

/** The built-in formatters, each imported when asked for (sarif's rule list loads every rule module). */
const BUILTIN: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  rdjsonl: async () => (await import('./rdjsonl.js')).rdjsonl,
};
/** The built-in formats' names (the keys of formatters in index.ts). */
export const FORMAT_NAMES = Object.keys(BUILTIN);

export async function loadFormatter(name: string, cwd = process.cwd()): Promise<AnyFormatter> {
  if (Object.hasOwn(BUILTIN, name)) return BUILTIN[name]();
  const looksLikePath = /[/\\]/.test(name) || /\.[cm]?js$/.test(name);
  if (!looksLikePath) throw new UsageError(`--format must be ${FORMAT_NAMES.join(', ')}, or a path to a formatter module (./my-formatter.js); unknown format "${name}"`);
  const file = path.resolve(cwd, name);
  if (!fs.existsSync(file)) throw new UsageError(`formatter ${file} does not exist`);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (err) {
    throw new UsageError(`cannot load the formatter ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const fn = typeof mod.default === 'function' ? mod.default : typeof (mod as unknown) === 'function' ? mod : undefined;
  if (typeof fn !== 'function') throw new UsageError(`the formatter ${file} must export a function (export default function (report, context) { return text; })`);
  return async (report, ctx) => {
    const out = await (fn as AnyFormatter)(report, ctx);
    return typeof out === 'string' ? out : out === undefined || out === null ? '' : String(out);
  };
}
