// sourcing/vague-attribution: a claim credited to no one in particular: "analysts believe",
// "some observers", "it is thought that", "according to experts". A group that is named ("analysts
// at Barclays", "Barclays analysts") or refers back to a named source ("the analysts", "two experts")
// is fine. Word lists: lexicon/check/vague-attribution.json.
import type { Article, Rule, Token } from '../../core/types.js';
import { PhraseMatcher, adjacent, loadData, norm, perList, LIST_OPTIONS } from '../prose-helpers.js';

interface Data {
  groups: string[];
  verbs: string[];
  quantifiers: string[];
  vaguePeople: string[];
  impersonal: string[];
  namedAfter: string[];
  specificBefore: string[];
}
const data = loadData<Data>('vague-attribution');
// The lists, with the config's `add` (groups) and `remove` (from any list) options applied, built once per distinct options.
const listsFor = perList((list) => {
  // Removing a word drops the phrases built on it too ("critics" takes "critics argue" with it).
  const keep = (words: string[]) => words.filter((w) => !list.remove.has(norm(w)) && !norm(w).split(/\s+/).some((x) => list.remove.has(x))).map((w): [string, true] => [w, true]);
  const groupWords = [...data.groups, ...list.add];
  return {
    groups: new PhraseMatcher<true>(keep(groupWords)),
    verbs: new PhraseMatcher<true>(keep(data.verbs)),
    quantifiers: new PhraseMatcher<true>(keep(data.quantifiers)),
    people: new PhraseMatcher<true>(keep([...data.vaguePeople, ...groupWords])),
    impersonal: new PhraseMatcher<true>(keep(data.impersonal)),
  };
});
const according = new PhraseMatcher<true>([['according to', true]]);
const namedAfter = new Set(data.namedAfter.map(norm));
const specificBefore = new Set(data.specificBefore.map(norm));
const CAPITALISED = /^\p{Lu}/u;

/** The word token right after index i in the same sentence, with only spaces between (or undefined). */
function nextWord(article: Article, i: number, end: number): number | undefined {
  const j = i + 1;
  if (j >= end) return undefined;
  const t = article.tokens[j];
  return t.kind === 'word' && !t.quoted && adjacent(article, article.tokens[i], t) ? j : undefined;
}

/** True when what follows a group names it: "analysts at Barclays", "experts such as", "critics, including". */
function namedAfterGroup(article: Article, last: number, end: number): boolean {
  let j = last + 1;
  if (j < end && article.tokens[j].text === ',') j++;
  const t: Token | undefined = article.tokens[j];
  if (!t || j >= end || t.kind !== 'word') return false;
  return namedAfter.has(norm(t.text)) || CAPITALISED.test(t.text);
}

export const vagueAttribution: Rule = {
  meta: {
    id: 'sourcing/vague-attribution',
    category: 'sourcing',
    severity: 'warning',
    stage: 'check',
    // The policy rule reports the attributions the extractor classed as vague or anonymous; this
    // rule keeps the phrasings it did not claim.
    yieldsTo: ['sourcing/anonymous-source'],
    description: 'A vague attribution that names no source: "analysts believe", "some observers", "it is thought that".',
    docs: 'Readers need to know who says so. Flags a loose group as the source of a claim ("analysts believe", "critics argue", "sources claim"), a group made vaguer by a quantifier ("some observers", "many experts"), an impersonal passive ("it is thought that", "it is widely believed") and "according to experts". Name the source, or say how many and who they are. A group that is named ("analysts at Barclays", "Barclays analysts") or refers back to a named one ("the analysts") is fine, and so are words inside quotations. Options: `add` (more loose groups, e.g. "insiders") and `remove` (words or phrases to drop from any of the lists), e.g. `["warning", {"add": ["insiders"], "remove": ["critics"]}]`.',
    options: LIST_OPTIONS,
    messages: {
      noSource: 'Vague attribution: “{{phrase}}” gives the claim no source at all. Name the source (a person or an organisation), or say who they are and how many.',
      unnamedGroup: 'Vague attribution: “{{phrase}}” credits the claim to an unnamed group. Name the source (a person or an organisation), or say who they are and how many.',
    },
    examples: {
      valid: ['Analysts at Barclays believe the deal will collapse.', 'Barclays analysts said the deal would collapse.', 'The analysts said the figures were weak.'],
      invalid: [
        { text: 'Analysts believe the deal will collapse.', excerpt: 'Analysts believe' },
        { text: 'It is thought that the bank will cut rates.', excerpt: 'It is thought that' },
      ],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const tokens = article.tokens;
    const { groups, verbs, quantifiers, people, impersonal } = listsFor(ctx.options);
    const flag = (first: number, last: number, messageId: 'noSource' | 'unnamedGroup') =>
      ctx.report({ start: tokens[first].start, end: tokens[last].end, messageId, data: { phrase: article.text.slice(tokens[first].start, tokens[last].end) } });
    for (const s of article.sentences) {
      const end = s.lastToken;
      for (let i = s.firstToken; i < end; i++) {
        const t = tokens[i];
        if (t.kind !== 'word' || t.quoted) continue;
        const prev = i > s.firstToken ? tokens[i - 1] : undefined;
        const prevWord = prev && prev.kind === 'word' && adjacent(article, prev, t) ? prev : undefined;
        // It is thought that…, some say…
        const imp = impersonal.at(article, i, end);
        if (imp) {
          flag(i, imp.last, 'noSource');
          i = imp.last;
          continue;
        }
        // according to (some) experts
        const acc = according.at(article, i, end);
        if (acc) {
          let j = nextWord(article, acc.last, end);
          const q = j !== undefined ? quantifiers.at(article, j, end) : undefined;
          if (q) j = nextWord(article, q.last, end);
          const g = j !== undefined ? people.at(article, j, end) : undefined;
          if (g && !namedAfterGroup(article, g.last, end)) {
            flag(i, g.last, 'unnamedGroup');
            i = g.last;
          }
          continue;
        }
        // some observers, many analysts (the group's verb, if any, joins the span)
        const q = quantifiers.at(article, i, end);
        if (q && !(prevWord && specificBefore.has(norm(prevWord.text)))) {
          const j = nextWord(article, q.last, end);
          const g = j !== undefined ? groups.at(article, j, end) : undefined;
          if (g && !namedAfterGroup(article, g.last, end)) {
            const k = nextWord(article, g.last, end);
            const v = k !== undefined ? verbs.at(article, k, end) : undefined;
            const last = v ? v.last : g.last;
            flag(i, last, 'unnamedGroup');
            i = last;
            continue;
          }
        }
        // analysts believe, sources claim (a bare group as the subject)
        const g = groups.at(article, i, end);
        if (g && !(prevWord && (specificBefore.has(norm(prevWord.text)) || CAPITALISED.test(prevWord.text) || /['’]s?$/.test(prevWord.text)))) {
          const k = nextWord(article, g.last, end);
          const v = k !== undefined ? verbs.at(article, k, end) : undefined;
          if (v) {
            flag(i, v.last, 'unnamedGroup');
            i = v.last;
          }
        }
      }
    }
  },
};
