// grammar/repeated-word: the same word twice in a row ("in in"), case-insensitive, across line
// breaks, not across punctuation or markup. "had had", "that that" and a few fixed doublings are
// allowed (lexicon/check/repeated-words.json). Names doubled in capitals (Duran Duran) are left alone.
import type { Rule } from '../../core/types.js';
import { adjacent, loadData, norm } from '../prose-helpers.js';
import { NO_OPTIONS } from '../../core/rule-options.js';

const ALLOWED = new Set(Object.keys(loadData<{ allowed: Record<string, string> }>('repeated-words').allowed));
const CAPITALISED = /^\p{Lu}/u;

export const repeatedWord: Rule = {
  meta: {
    id: 'grammar/repeated-word',
    category: 'grammar',
    severity: 'warning',
    stage: 'check',
    description: 'The same word twice in a row ("in in"), usually left over from an edit.',
    docs: 'Finds a word repeated with only spaces or a line break between, ignoring case. Allowed: "had had", "that that" and a few fixed doublings (lexicon/check/repeated-words.json); a name doubled in capitals mid-sentence (Duran Duran); words inside quotations. The suggestion keeps one of the two.',
    options: NO_OPTIONS,
    messages: {
      repeated: 'The word “{{word}}” is repeated: delete one “{{word}}”.',
    },
    examples: {
      valid: ['She had had enough.', 'He said that that was wrong.'],
      invalid: [{ text: 'The talks ended in in a stalemate.', excerpt: 'in in', output: 'The talks ended in a stalemate.' }],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const tokens = article.tokens;
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1];
      const b = tokens[i];
      if (a.kind !== 'word' || b.kind !== 'word' || a.sentence !== b.sentence || a.quoted || b.quoted) continue;
      const w = norm(b.text);
      if (w !== norm(a.text) || ALLOWED.has(w) || !adjacent(article, a, b)) continue;
      // Both capitalised: a name (Duran Duran, Sirhan Sirhan), not a slip.
      if (CAPITALISED.test(a.text) && CAPITALISED.test(b.text)) continue;
      ctx.report({
        start: a.start,
        end: b.end,
        messageId: 'repeated',
        data: { word: b.text },
        suggestions: [a.text],
      });
    }
  },
};
