// Edits the review page can make to an article or a word list: apply a suggestion, add a word to the
// project's word list (the config file that governs the article, or the article's front matter), turn
// a rule off for one article (front matter `copydesk.disable`). Pure text transforms plus the config
// file writer; the server checks that the article has not changed since the run before calling them.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, isMap, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import type { Item } from '../core/types.js';
import { detectFrontMatter } from '../parse/frontmatter.js';
import { findConfigFile } from '../run/config.js';
import { writeFileAtomic } from '../util/atomic.js';

export class EditError extends Error {}

/** The text with the item's span replaced by the suggestion. */
export function applySuggestion(text: string, item: Pick<Item, 'offset' | 'endOffset' | 'excerpt'>, suggestion: string): string {
  if (item.offset < 0 || item.endOffset > text.length || item.endOffset < item.offset) throw new EditError('the item’s position is outside the article');
  const current = text.slice(item.offset, item.endOffset);
  if (item.excerpt && current !== item.excerpt && !item.excerpt.startsWith(current)) throw new EditError(`the article no longer reads “${item.excerpt}” there`);
  return text.slice(0, item.offset) + suggestion + text.slice(item.endOffset);
}

/** A word that may go into a word list: one token of letters, digits, apostrophes, hyphens and dots. */
export function checkWord(word: string): string {
  const w = word.trim();
  if (!w || w.length > 64 || !/^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.\-]*$/u.test(w)) throw new EditError(`“${word.slice(0, 80)}” is not a single word (letters, digits, apostrophes, hyphens)`);
  return w;
}

/**
 * Adds `value` to a list in the article's front matter: `copydesk.words` or `copydesk.disable` (a
 * top-level `words` list is used when the article already has one). Creates the front matter when
 * the article has none. Comments and the other keys are kept.
 */
export function addToFrontMatter(text: string, key: 'words' | 'disable', value: string): { text: string; added: boolean } {
  const fm = detectFrontMatter(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!fm) {
    const yaml = `copydesk:${eol}  ${key}:${eol}    - ${JSON.stringify(value)}${eol}`;
    return { text: `---${eol}${yaml}---${eol}${text}`, added: true };
  }
  const doc = parseDocument(fm.yaml);
  if (doc.errors.length) throw new EditError(`the front matter is not valid YAML (${doc.errors[0].message.split('\n')[0]}): fix it first`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new EditError('the front matter is not a YAML mapping: fix it first');
  const list = (k: unknown[]): YAMLSeq | undefined => {
    const node = doc.getIn(k, true);
    if (node === undefined) return undefined;
    if (isSeq(node)) return node;
    throw new EditError(`front matter ${k.join('.')} is not a list: make it one (- item lines)`);
  };
  const path0 = key === 'words' && doc.has('words') ? ['words'] : ['copydesk', key];
  const seq = list(path0);
  const have = seq ? seq.items.map((n) => String((n as { value?: unknown }).value ?? n)) : [];
  if (have.includes(value)) return { text, added: false };
  if (seq) seq.add(doc.createNode(value));
  else {
    if (doc.contents === null) doc.contents = new YAMLMap() as never;
    const cd = doc.get('copydesk', true);
    if (cd !== undefined && !isMap(cd)) throw new EditError('front matter copydesk is not a mapping: fix it first');
    doc.setIn(path0, doc.createNode([value]));
  }
  let yaml = doc.toString({ lineWidth: 0 });
  if (yaml.endsWith('\n')) yaml = yaml.slice(0, -1);
  if (eol === '\r\n') yaml = yaml.replace(/\r?\n/g, '\r\n');
  return { text: `---${eol}${yaml}${eol}---${eol}${text.slice(fm.end)}`, added: true };
}

/**
 * Adds a word to the `words` of the config file that governs `articleFile` (found the way
 * `copydesk run` finds it), or creates `copydesk.config.json` in `fallbackDir` when there is none.
 * Returns the file written and whether the word was new.
 */
export function addWordToConfig(articleFile: string, word: string, fallbackDir: string, configFile?: string): { file: string; added: boolean } {
  const file = configFile ? path.resolve(configFile) : findConfigFile(path.dirname(articleFile)) ?? path.join(fallbackDir, 'copydesk.config.json');
  if (/\.ya?ml$/i.test(file)) throw new EditError(`${file} is YAML: add the word there by hand`);
  let data: Record<string, unknown> = {};
  let raw = '';
  if (fs.existsSync(file)) {
    raw = fs.readFileSync(file, 'utf8');
    try {
      data = JSON.parse(raw) as Record<string, unknown>;
    } catch (err) {
      throw new EditError(`${file} is not valid JSON (${(err as Error).message}): fix it first`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new EditError(`${file} is not a JSON object: fix it first`);
  }
  const holder = path.basename(file) === 'package.json' ? ((data.copydesk ??= {}) as Record<string, unknown>) : data;
  if (!holder || typeof holder !== 'object' || Array.isArray(holder)) throw new EditError(`${file}: "copydesk" is not an object`);
  const words = (holder.words ??= []) as unknown;
  if (!Array.isArray(words)) throw new EditError(`${file}: "words" is not a list`);
  if (words.includes(word)) return { file, added: false };
  words.push(word);
  const indent = /^\{\r?\n([ \t]+)"/.exec(raw)?.[1] ?? '  ';
  writeFileAtomic(file, JSON.stringify(data, null, indent) + '\n', { throughSymlink: true, keepMode: true });
  return { file, added: true };
}
