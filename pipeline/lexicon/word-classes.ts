// Word classes asked of one place: lexicon/word-classes.json (class -> words and included classes),
// loaded once. A rule that needs a different cut adds a class there (composed from the small ones).
//   hasClass('the', 'determiner') -> true        wordsOf('month') -> {'january', ...}
import { loadLexicon } from './load.js';

interface WordClassesFile {
  classes: Record<string, { description: string; include?: string[]; words?: string[] }>;
}

let byClass: Map<string, ReadonlySet<string>> | undefined;

function classes(): Map<string, ReadonlySet<string>> {
  if (byClass) return byClass;
  const defs = loadLexicon<WordClassesFile>('word-classes').classes;
  const out = new Map<string, ReadonlySet<string>>();
  const resolve = (name: string, path: string[]): ReadonlySet<string> => {
    const done = out.get(name);
    if (done) return done;
    const def = defs[name];
    if (!def) throw new Error(`lexicon/word-classes.json: class "${path[path.length - 1]}" includes "${name}", which is not defined`);
    if (path.includes(name)) throw new Error(`lexicon/word-classes.json: classes include each other in a cycle (${[...path, name].join(' -> ')})`);
    const words = new Set(def.words ?? []);
    for (const inc of def.include ?? []) for (const w of resolve(inc, [...path, name])) words.add(w);
    out.set(name, words);
    return words;
  };
  for (const name of Object.keys(defs)) resolve(name, []);
  byClass = out;
  return out;
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
