// Which English an article is spelt in, from its own words: counts the words in common use that only
// one of the en-GB and en-US dictionaries accepts (colour/color, centre/center, programme, organise/
// organize, travelled/traveled, defence/defense...; lexicon/dialect-words.json, generated from the
// dictionaries). Only lower-case words count (a capital is often a name: Labor Party, Kennedy Center).
// -ize/-yze forms count half for en-US: Oxford spelling is British too.
import type { Token } from '../core/types.js';
import { loadLexicon } from '../lexicon/load.js';

export type Dialect = 'en-GB' | 'en-US';

export interface DialectEvidence {
  /** The dialect the spelling points to, or undefined when there is no evidence or it is split evenly. */
  dialect?: Dialect;
  /** 0..1: the share of the evidence for `dialect`, discounted when there is little of it (n / (n + 1)). */
  confidence: number;
  /** The dialect-specific words found, each with its offsets (first occurrence) and count. */
  words: Record<Dialect, { word: string; start: number; end: number; count: number }[]>;
}

/** Oxford spelling: British dictionaries list -ise, but -ize (and -yze) is British usage too. */
export const OXFORD = /(?:iz(e|es|ed|ing|ation|ations|er|ers|able)|yz(e|es|ed|ing|er|ers))$/;

/** Below this, the evidence decides nothing (the article is checked with both dictionaries). */
export const MIN_CONFIDENCE = 0.5;

let sets: Record<Dialect, Set<string>> | undefined;
function dialectSets(): Record<Dialect, Set<string>> {
  if (!sets) {
    const data = loadLexicon<Record<Dialect, string[]>>('dialect-words');
    sets = { 'en-GB': new Set(data['en-GB']), 'en-US': new Set(data['en-US']) };
  }
  return sets;
}

export function detectDialect(tokens: readonly Token[]): DialectEvidence {
  const { 'en-GB': gb, 'en-US': us } = dialectSets();
  const found: Record<Dialect, Map<string, { word: string; start: number; end: number; count: number }>> = { 'en-GB': new Map(), 'en-US': new Map() };
  let g = 0;
  let u = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const w = t.text;
    const c = w.charCodeAt(0);
    if (c < 97 || c > 122 || w.length < 3) continue; // lower-case words only
    const dialect: Dialect | undefined = gb.has(w) ? 'en-GB' : us.has(w) ? 'en-US' : undefined;
    if (!dialect) continue;
    if (dialect === 'en-GB') g++;
    else u += OXFORD.test(w) ? 0.5 : 1;
    const seen = found[dialect].get(w);
    if (seen) seen.count++;
    else found[dialect].set(w, { word: w, start: t.start, end: t.end, count: 1 });
  }
  const n = g + u;
  const words = { 'en-GB': [...found['en-GB'].values()], 'en-US': [...found['en-US'].values()] };
  const confidence = Math.round((Math.max(g, u) / (n + 1)) * 100) / 100;
  // One word of evidence is enough (colour: 0.5); a lone Oxford -ize (0.33) or an even split is not.
  if (n === 0 || g === u || confidence < MIN_CONFIDENCE) return { confidence, words };
  return { dialect: g > u ? 'en-GB' : 'en-US', confidence, words };
}
