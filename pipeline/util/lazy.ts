// The heavy parts of checking (compromise's model, nspell and its Hunspell dictionaries), loaded on
// first use rather than when a module is imported (issue 14): a run or lint whose articles all come
// from the cache never needs them, and pays nothing for them. Both are loaded with require() (their
// CommonJS builds), so callers stay synchronous.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Compromise = typeof import('compromise').default;
let nlpModule: Compromise | undefined;
/** compromise (its CommonJS build), loaded on the first call. */
export function compromise(): Compromise {
  nlpModule ??= require('compromise') as Compromise;
  return nlpModule;
}

type NSpell = typeof import('nspell');
let nspellModule: NSpell | undefined;
/** nspell, loaded on the first call. */
export function nspell(): NSpell {
  nspellModule ??= require('nspell') as NSpell;
  return nspellModule;
}

/** A Hunspell dictionary package's index.aff and index.dic (dictionary-en, dictionary-en-gb), read on demand. */
export function hunspellDictionary(name: 'dictionary-en' | 'dictionary-en-gb'): { aff: Buffer; dic: Buffer } {
  // The packages are ESM with top-level await (they read both files on import); read the files ourselves.
  const dir = path.dirname(require.resolve(name));
  return { aff: fs.readFileSync(path.join(dir, 'index.aff')), dic: fs.readFileSync(path.join(dir, 'index.dic')) };
}
