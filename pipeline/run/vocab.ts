// Vocabularies as files, after Vale: a folder holding accept.txt and/or reject.txt, one entry a line.
//   accept.txt   Aberdaron          a word the speller must accept (any case)
//                [Ll]lan\w+         a regular expression for whole words (case as written)
//   reject.txt   alright -> all right   always an error, with the preferred form
//                irregardless           always an error
// `#` starts a comment line. A line with regular-expression characters is a pattern, others are words.
// Loaded on the main thread when the configuration is resolved; workers receive the entries as data.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.js';
import type { Vocab, VocabEntry } from '../core/types.js';

export type { Vocab, VocabEntry };

const REGEX_CHARS = /[\\^$.*+?()[\]{}|]/;

function readList(file: string, kind: 'accept' | 'reject'): VocabEntry[] {
  if (!fs.existsSync(file)) return [];
  const out: VocabEntry[] = [];
  fs.readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const source = `${file}:${i + 1}`;
      let pattern = line;
      let replacement: string | undefined;
      const arrow = kind === 'reject' ? line.indexOf('->') : -1;
      if (arrow >= 0) {
        pattern = line.slice(0, arrow).trim();
        replacement = line.slice(arrow + 2).trim();
        if (!pattern || !replacement) throw new ConfigError(file, '', `line ${i + 1}: write "wrong -> right" (got ${JSON.stringify(line)})`);
      }
      const regex = REGEX_CHARS.test(pattern.replace(/^[\p{L}\p{M}\p{N}'’-]+$/u, ''));
      if (regex) {
        try {
          new RegExp(`^(?:${pattern})$`, 'u');
        } catch (err) {
          throw new ConfigError(file, '', `line ${i + 1}: not a valid regular expression: ${(err as Error).message}`);
        }
      }
      out.push({ pattern, ...(regex ? { regex } : {}), ...(replacement ? { replacement } : {}), source });
    });
  return out;
}

/** Reads one vocabulary folder; `configFile` and `where` name the config entry in errors. */
export function loadVocab(dir: string, configFile: string, where: string): Vocab {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) throw new ConfigError(configFile, where, `vocabulary folder ${dir} does not exist`);
  const accept = path.join(dir, 'accept.txt');
  const reject = path.join(dir, 'reject.txt');
  if (!fs.existsSync(accept) && !fs.existsSync(reject)) throw new ConfigError(configFile, where, `vocabulary folder ${dir} has neither accept.txt nor reject.txt`);
  return { accept: readList(accept, 'accept'), reject: readList(reject, 'reject') };
}
