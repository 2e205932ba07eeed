// spelling/rejected-word: a word a vocabulary's reject.txt lists (config `vocab`, after Vale): always
// an error, with the preferred form when the line says `wrong -> right`.
import type { Rule } from '../../core/types.js';
import { compileVocab } from './vocab.js';
import { NO_OPTIONS } from '../../core/rule-options.js';

function recase(replacement: string, like: string): string {
  if (like === like.toUpperCase() && like.length > 1 && replacement.toLowerCase() === replacement) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(like) && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

export const rejectedWord: Rule = {
  meta: {
    id: 'spelling/rejected-word',
    category: 'spelling',
    severity: 'error',
    stage: 'check',
    description: 'A word the newsroom’s vocabulary rejects (reject.txt), with its preferred form.',
    docs: [
      'Vocabularies are folders named in the config’s `vocab` (after Vale’s): `accept.txt` lists words the speller always accepts, `reject.txt` words that are always errors, one a line, either a word (any case) or a regular expression for a whole word; `wrong -> right` gives the preferred form, which becomes the suggestion (and what `--fix` writes). Text inside quotations is checked too: a house spelling applies everywhere.',
    ].join('\n'),
    examples: {
      configNote: 'a vocabulary whose reject.txt holds `alright -> all right`',
      config: { vocab: { accept: [], reject: [{ pattern: 'alright', replacement: 'all right', source: 'styles/vocab/newsroom/reject.txt:1' }] } },
      valid: ['It will be all right, he said.'],
      invalid: [{ text: 'It will be alright, he said.', excerpt: 'alright', output: 'It will be all right, he said.' }],
    },
    options: NO_OPTIONS,
    messages: {
      rejected: '“{{word}}” is rejected by the house vocabulary ({{source}}): write “{{right}}”.',
      rejectedNoReplacement: '“{{word}}” is rejected by the house vocabulary ({{source}}): rephrase.',
    },
  },
  check(ctx) {
    const vocab = compileVocab(ctx.config.vocab);
    if (!ctx.config.vocab?.reject.length) return;
    for (const t of ctx.article.tokens) {
      if (t.kind !== 'word') continue;
      const entry = vocab.rejects(t.text);
      if (!entry) continue;
      const source = entry.source.replace(/^.*[/\\]([^/\\]+[/\\][^/\\]+:\d+)$/, '$1');
      const right = entry.replacement && recase(entry.replacement, t.text);
      ctx.report({
        start: t.start,
        end: t.end,
        ...(right ? { messageId: 'rejected', data: { word: t.text, source, right } } : { messageId: 'rejectedNoReplacement', data: { word: t.text, source } }),
        suggestions: right ? [right] : [],
      });
    }
  },
};
