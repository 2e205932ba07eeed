// spelling/rejected-word: a word a vocabulary's reject.txt lists (config `vocab`, after Vale): always
// an error, with the preferred form when the line says `wrong -> right`.
import type { Rule } from '../../core/types.js';
import { compileVocab } from './vocab.js';

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
      '',
      'Flags (with `alright -> all right` in reject.txt): "It will be alright, he said." -> "all right"',
      '',
      'Not flagged: words no reject.txt lists.',
    ].join('\n'),
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
        message: right ? `“${t.text}” is rejected by the house vocabulary (${source}): write “${right}”.` : `“${t.text}” is rejected by the house vocabulary (${source}): rephrase.`,
        suggestions: right ? [right] : [],
      });
    }
  },
};
