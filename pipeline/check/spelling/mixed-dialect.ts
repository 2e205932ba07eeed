// spelling/mixed-dialect: an article whose spelling mixes British and American English (colour and
// center, organise and program...). One item per article, at the first word of the dialect it uses
// less (or that its language is not), listing those words. The words are parse/dialect.ts's evidence.
import type { Rule } from '../../core/types.js';
import { articleLanguage } from '../../core/language.js';
import { OXFORD, type Dialect } from '../../parse/dialect.js';
import { NO_OPTIONS } from '../../core/rule-options.js';

const SHOWN = 8;

export const mixedDialect: Rule = {
  meta: {
    id: 'spelling/mixed-dialect',
    category: 'spelling',
    severity: 'warning',
    stage: 'check',
    description: 'The article mixes British and American spellings (colour and center): pick one.',
    docs: [
      'Counts the words in common use that only one of the en-GB and en-US dictionaries accepts (colour/color, centre/center, programme, defence/defense, travelled/traveled, -ise/-ize). When an article has words of both, one item lists the words of the dialect it uses less — or, when its language is configured or set in front matter, the words that are not of that language — at the first of them.',
      'Oxford spelling (-ize in a British article) is British and not counted as mixing. Capitalised words are names (Labor Party, Kennedy Center) and never count.',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      mixed: 'The article mixes dialects: it is spelt in {{main}} ({{own}}) but also uses {{other}} spellings: {{shown}}. Use one; set "language" in the configuration or the front matter to say which.',
    },
    examples: {
      valid: ['The colour of the new theatre pleased the council.', 'The color of the new theater pleased the council.', 'The centre organized a programme of talks.'],
      invalid: [{ text: 'The colour of the new theater pleased the council.', excerpt: 'theater' }],
    },
  },
  check(ctx) {
    const { article } = ctx;
    const lang = articleLanguage(article, ctx.config);
    const { words } = article.dialect;
    const gb = words['en-GB'];
    // In a British article, -ize is Oxford spelling, not American.
    const us = lang.language === 'en-US' ? words['en-US'] : words['en-US'].filter((w) => !OXFORD.test(w.word));
    if (!gb.length || !us.length) return;
    const count = (list: typeof gb) => list.reduce((n, w) => n + w.count, 0);
    const main: Dialect = lang.language !== 'en' ? lang.language : count(gb) >= count(us) ? 'en-GB' : 'en-US';
    const other = main === 'en-GB' ? us : gb;
    const own = main === 'en-GB' ? gb : us;
    const first = other.reduce((a, b) => (b.start < a.start ? b : a));
    const list = other.map((w) => w.word);
    const shown = list.slice(0, SHOWN).join(', ') + (list.length > SHOWN ? ` and ${list.length - SHOWN} more` : '');
    const otherName = main === 'en-GB' ? 'en-US' : 'en-GB';
    ctx.report({
      start: first.start,
      end: first.end,
      messageId: 'mixed',
      data: { main, own: own.slice(0, 3).map((w) => w.word).join(', '), other: otherName, shown },
    });
  },
};
