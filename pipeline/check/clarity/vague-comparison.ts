// clarity/vague-comparison: an intensified comparative of amount or rate ("much slower growth",
// "far deeper", "significantly higher") in a sentence with no figure, so readers cannot tell how much.
// A year (2024) is not a figure; a percentage, a sum or any other number is. Words:
// lexicon/check/vague-comparisons.json.
import type { Article, Rule, Sentence } from '../../core/types.js';
import { PhraseMatcher, adjacent, loadData } from '../prose-helpers.js';

const data = loadData<{ intensifiers: string[]; comparatives: string[] }>('vague-comparisons');
const intensifiers = new PhraseMatcher<true>(data.intensifiers.map((w) => [w, true]));
const comparatives = new PhraseMatcher<true>(data.comparatives.map((w) => [w, true]));
const YEAR = /^(1[89]|20)\d\d(s)?$/;
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion trillion half third quarter twice double triple treble dozen dozens hundreds thousands millions billions percent'.split(' '),
);

function hasFigure(article: Article, s: Sentence): boolean {
  for (let i = s.firstToken; i < s.lastToken; i++) {
    const t = article.tokens[i];
    if (t.kind === 'number' && !YEAR.test(t.text)) return true;
    if (t.kind === 'word' && NUMBER_WORDS.has(t.text.toLowerCase())) return true;
    if (t.kind === 'symbol' && /[%$£€¥]/.test(t.text)) return true;
  }
  return false;
}

export const vagueComparison: Rule = {
  meta: {
    id: 'clarity/vague-comparison',
    category: 'clarity',
    severity: 'warning',
    stage: 'check',
    description: 'An intensified comparison with no figure ("much slower growth", "far deeper"): say how much.',
    docs: [
      'Flags an intensifier (much, far, significantly, considerably…) before a comparative of amount or rate (higher, slower, deeper, fewer…) in a sentence that gives no figure. A year is not a figure. Give the number, or drop the intensifier.',
      '',
      'Flags: "Exports saw much slower growth last year." -> give the growth rate; "The two firms are in a far deeper partnership." -> say what changed.',
      '',
      'Not flagged: "Sales were much higher, at 12% up on the year." (a figure); "far higher" inside a quotation.',
    ].join('\n'),
  },
  check(ctx) {
    const { article } = ctx;
    const tokens = article.tokens;
    for (const s of article.sentences) {
      let figure: boolean | undefined;
      for (let i = s.firstToken; i < s.lastToken; i++) {
        const t = tokens[i];
        if (t.kind !== 'word' || t.quoted) continue;
        const m = intensifiers.at(article, i, s.lastToken);
        if (!m) continue;
        const j = m.last + 1;
        if (j >= s.lastToken || tokens[j].kind !== 'word' || tokens[j].quoted || !adjacent(article, tokens[m.last], tokens[j])) continue;
        const c = comparatives.at(article, j, s.lastToken);
        if (!c) continue;
        figure ??= hasFigure(article, s);
        if (figure) break;
        const phrase = article.text.slice(t.start, tokens[c.last].end);
        ctx.report({
          start: t.start,
          end: tokens[c.last].end,
          message: `Vague comparison: “${phrase}” gives no figure, so readers cannot tell how much. Give the number (or the rate) it compares, or drop the intensifier.`,
        });
        i = c.last;
      }
    }
  },
};
