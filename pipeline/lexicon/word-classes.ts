// Word classes asked of one place: lexicon/word-classes.json (class -> words), loaded once.
//   hasClass('the', 'determiner') -> true        wordsOf('month') -> ['january', ...]
import { loadLexicon } from './load.js';

interface WordClassesFile {
  classes: Record<string, { description?: string; words: string[] }>;
}

let byClass: Map<string, ReadonlySet<string>> | undefined;

function classes(): Map<string, ReadonlySet<string>> {
  if (byClass) return byClass;
  const data = loadLexicon<WordClassesFile>('word-classes');
  byClass = new Map(Object.entries(data.classes).map(([name, c]) => [name, new Set(c.words)]));
  return byClass;
}

/** The words of one class (lower case); throws on a class the lexicon does not define (a typo in code). */
export function wordsOf(cls: string): ReadonlySet<string> {
  const set = classes().get(cls);
  if (!set) throw new Error(`lexicon/word-classes.json has no class "${cls}"`);
  return set;
}

/** True when `word` (any case; ’ read as ') belongs to the class. */
export function hasClass(word: string, cls: string): boolean {
  return wordsOf(cls).has(word.toLowerCase().replace(/’/g, "'"));
}
