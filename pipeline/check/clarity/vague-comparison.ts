// clarity/vague-comparison: an intensified comparative of amount or rate ("much slower growth",
// "far deeper", "significantly higher") in a sentence with no figure, so readers cannot tell how much.
// "A figure" is what the extract stage found: a numeric claim in the sentence (ctx.claims), so the rule
// never re-detects numbers. A date (2024, 3 March) is not a figure, and neither is a number the
// extractor does not count as a quantity ("the two firms"). Words: lexicon/check/vague-comparisons.json.
import type { Claim, Rule } from '../../core/types.js';
import { PhraseMatcher, adjacent, loadData } from '../prose-helpers.js';
import { NO_OPTIONS } from '../../core/rule-options.js';
import { isStatistic } from '../../extract/quantity-kind.js';

const data = loadData<{ intensifiers: string[]; comparatives: string[] }>('vague-comparisons');
const intensifiers = new PhraseMatcher<true>(data.intensifiers.map((w) => [w, true]));
const comparatives = new PhraseMatcher<true>(data.comparatives.map((w) => [w, true]));

/** Indexes of the sentences that state a figure (hold a numeric claim that is a statistic, not "the two firms"). */
function sentencesWithFigures(claims: readonly Claim[]): Set<number> {
  return new Set(claims.filter((c) => c.kind === 'numeric' && c.quantity && isStatistic(c.quantity)).map((c) => c.sentenceIndex));
}

export const vagueComparison: Rule = {
  meta: {
    id: 'clarity/vague-comparison',
    category: 'clarity',
    severity: 'warning',
    stage: 'check',
    description: 'An intensified comparison with no figure ("much slower growth", "far deeper"): say how much.',
    docs: 'Flags an intensifier (much, far, significantly, considerably…) before a comparative of amount or rate (higher, slower, deeper, fewer…) in a sentence that gives no figure. A figure is a numeric claim the extract stage found in the sentence (a percentage, a sum, a count, a ratio such as "twice"); a date or a year is not one, nor a number that only counts what is compared ("the two firms"). Give the number, or drop the intensifier.',
    options: NO_OPTIONS,
    messages: {
      vague: 'Vague comparison: “{{phrase}}” gives no figure, so readers cannot tell how much. Give the number (or the rate) it compares, or drop the intensifier.',
    },
    examples: {
      valid: ['Sales were much higher, at 12% up on the year.', '“Growth will be far higher,” the governor said.'],
      invalid: [
        { text: 'Exports saw much slower growth last year.', excerpt: 'much slower' },
        { text: 'The two firms are in a far deeper partnership.', excerpt: 'far deeper' },
      ],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const tokens = article.tokens;
    let figures: Set<number> | undefined;
    for (let si = 0; si < article.sentences.length; si++) {
      const s = article.sentences[si];
      for (let i = s.firstToken; i < s.lastToken; i++) {
        const t = tokens[i];
        if (t.kind !== 'word' || t.quoted) continue;
        const m = intensifiers.at(article, i, s.lastToken);
        if (!m) continue;
        const j = m.last + 1;
        if (j >= s.lastToken || tokens[j].kind !== 'word' || tokens[j].quoted || !adjacent(article, tokens[m.last], tokens[j])) continue;
        const c = comparatives.at(article, j, s.lastToken);
        if (!c) continue;
        figures ??= sentencesWithFigures(ctx.claims);
        if (figures.has(si)) break;
        const phrase = article.text.slice(t.start, tokens[c.last].end);
        ctx.report({
          start: t.start,
          end: tokens[c.last].end,
          messageId: 'vague',
          data: { phrase },
        });
        i = c.last;
      }
    }
  },
};
