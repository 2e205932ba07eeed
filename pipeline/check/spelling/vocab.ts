// The configured vocabularies (run/vocab.ts loads them) compiled once per worker: accepted words and
// patterns the speller never flags, and rejected ones spelling/rejected-word always flags.
import type { Vocab, VocabEntry } from '../../core/types.js';

export interface CompiledVocab {
  /** True when the word (as written) is accepted by a vocabulary. */
  accepts(word: string): boolean;
  /** The reject.txt entry the word matches, if any. */
  rejects(word: string): VocabEntry | undefined;
}

const NONE: CompiledVocab = { accepts: () => false, rejects: () => undefined };
const compiled = new Map<string, CompiledVocab>();

const norm = (w: string) => w.replace(/’/g, "'").toLowerCase();

function compileList(entries: VocabEntry[]) {
  const words = new Map<string, VocabEntry>();
  const patterns: { re: RegExp; entry: VocabEntry }[] = [];
  for (const e of entries) {
    if (e.regex) patterns.push({ re: new RegExp(`^(?:${e.pattern})$`, 'u'), entry: e });
    else if (!words.has(norm(e.pattern))) words.set(norm(e.pattern), e);
  }
  return (word: string): VocabEntry | undefined => words.get(norm(word)) ?? patterns.find((p) => p.re.test(word))?.entry;
}

export function compileVocab(vocab: Vocab | undefined): CompiledVocab {
  if (!vocab) return NONE;
  const key = JSON.stringify(vocab);
  let c = compiled.get(key);
  if (!c) {
    const accept = compileList(vocab.accept);
    const reject = compileList(vocab.reject);
    c = { accepts: (w) => accept(w) !== undefined, rejects: reject };
    compiled.set(key, c);
  }
  return c;
}
