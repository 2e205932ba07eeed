// `--format NAME` or `--format ./path/to/formatter.js`: a built-in formatter, or a module whose default
// export (or module.exports) is a function of the report and the context returning text (ESLint's
// custom formatters take the results the same way). It may be async.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report } from '../../core/types.js';
import { formatters, type FormatContext } from './index.js';
import { UsageError } from '../../util/errors.js';

export type AnyFormatter = (report: Report, ctx: FormatContext) => string | Promise<string>;

export async function loadFormatter(name: string, cwd = process.cwd()): Promise<AnyFormatter> {
  if (Object.hasOwn(formatters, name)) return formatters[name];
  const looksLikePath = /[/\\]/.test(name) || /\.[cm]?js$/.test(name);
  if (!looksLikePath) throw new UsageError(`--format must be ${Object.keys(formatters).join(', ')}, or a path to a formatter module (./my-formatter.js); unknown format "${name}"`);
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
