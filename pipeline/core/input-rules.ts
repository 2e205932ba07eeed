// Rules for problems with the input itself: unreadable files and malformed front matter. They run in
// the parse stage and the worker, not as Rule modules, so they build their problems with inputProblem().
import type { MessageData, Problem, RuleMeta } from './types.js';
import { renderMessage } from './messages.js';
import { NO_OPTIONS } from './rule-options.js';

export const fileErrorMeta: RuleMeta = {
  id: 'input/file-error',
  category: 'input',
  severity: 'error',
  stage: 'input',
  description: 'The file could not be checked: unreadable, binary, not UTF-8 or UTF-16 text, empty, not a regular file (a FIFO, a broken link), or over a limit (size, time, memory).',
  docs: 'The article is skipped; the rest of the batch goes on. Fix the file (save it as UTF-8 text) or remove it from the input. A file over one of the limits in docs/limits.md (`limits.maxArticleBytes`, `limits.articleTimeoutSeconds`, `limits.workerMemoryMB`) is named with the limit it exceeded.',
  options: NO_OPTIONS,
  messages: { unreadable: '{{reason}}' },
};

export const frontMatterMeta: RuleMeta = {
  id: 'input/front-matter',
  category: 'input',
  severity: 'error',
  stage: 'input',
  description: 'The YAML front matter is malformed or has a field of the wrong type.',
  docs: 'Front matter sits between two `---` lines at the top of the file. `title` is text, `date` is YYYY-MM-DD, `words` is a list. The article is still checked.',
  options: NO_OPTIONS,
  messages: {
    notYaml: 'Front matter is not valid YAML: {{error}}. Fix the YAML between the --- lines.',
    notMapping: 'Front matter must be a YAML mapping (key: value lines). Fix the YAML between the --- lines.',
    notDate: 'Front matter date {{date}} is not a date: write it as YYYY-MM-DD.',
    unknownLanguage: 'Front matter language {{language}} is not one copydesk checks: write en-US, en-GB or en (both); the configured language is used instead.',
    copydeskNotMapping: 'Front matter copydesk must be a mapping (copydesk: {disable: [...], words: [...]}).',
  },
};

export const unknownDirectiveMeta: RuleMeta = {
  id: 'input/unknown-directive',
  category: 'input',
  severity: 'warning',
  stage: 'input',
  description: 'A `copydesk-` comment (or plain-text line) that is not a directive, so it disables nothing.',
  docs: 'Directives are `copydesk-disable`, `copydesk-enable`, `copydesk-disable-line`, `copydesk-disable-next-line` and `copydesk-disable-file`. A misspelt one (`<!-- copydesk-disable-nextline spelling -->`) is reported with the directive it most likely meant, and disables nothing, so no error is hidden by a typo.',
  options: NO_OPTIONS,
  messages: { unknown: '{{text}}' },
};

export const unknownRuleMeta: RuleMeta = {
  id: 'input/unknown-rule',
  category: 'input',
  severity: 'warning',
  stage: 'input',
  description: 'A directive or front-matter `copydesk.disable` names something that is no rule id or category.',
  docs: 'Names are rule ids (`spelling/unknown-word`), categories (`spelling`) or `all`; `copydesk rules` lists the ids, and policy rules declared by the configured policy schemas count too. An unknown name disables nothing; the item says which known name is closest.',
  options: NO_OPTIONS,
  messages: { unknown: '{{text}}' },
};

export const unknownKeyMeta: RuleMeta = {
  id: 'input/unknown-key',
  category: 'input',
  severity: 'warning',
  stage: 'input',
  description: 'A front-matter key copydesk does not read, that looks like a slip for one it does (`wrods:`, `copydesk: {disabel: ...}`).',
  docs: 'copydesk reads `title`, `date`, `language` (or `lang`), `words` and `copydesk: {disable, words, language}`. Any key inside `copydesk:` that is not one of those is reported; other top-level keys belong to the site generator and are reported only when they are one or two edits from a key copydesk reads.',
  options: NO_OPTIONS,
  messages: { unknown: 'Front matter {{where}}“{{key}}” is not a key copydesk reads, so it has no effect.{{hint}} copydesk reads {{known}}.' },
};

export const unusedDirectiveMeta: RuleMeta = {
  id: 'input/unused-directive',
  category: 'input',
  severity: 'error',
  stage: 'input',
  description: 'A disable directive that suppressed no problem (reported only with --report-unused-disable-directives).',
  docs: 'As ESLint does: with `--report-unused-disable-directives` (or the config\'s `reportUnusedDisableDirectives`), each rule a directive names that reported nothing where the directive applies is an item, and so is a directive that names no rule and suppressed nothing. Remove the directive, or the rule name, once the text it excused has been fixed. `--report-unused-disable-directives-severity warning` makes them warnings.',
  options: NO_OPTIONS,
  messages: { unused: 'Unused copydesk-{{kind}} directive: {{what}}. Remove it (or the part that names the rule).' },
};

export const skippedMeta: RuleMeta = {
  id: 'input/skipped',
  category: 'input',
  severity: 'warning',
  stage: 'input',
  description: 'A path copydesk left out on purpose: a symbolic link out of the folders named on the command line, a link loop, an unreadable folder, a folder with no articles.',
  docs: 'Nothing is skipped without a word. A symbolic link that leads outside the folders named on the command line is not followed unless `--follow-symlinks` is given (so a link cannot pull a file from elsewhere into the output); a link that loops back to a folder that holds it is not followed; a folder that cannot be read is named, since its articles were not checked; a folder named on the command line that holds no articles (for example a folder called `x.md`) is named too.',
  options: NO_OPTIONS,
  messages: { skipped: '{{reason}}' },
};

export const markdownNestingMeta: RuleMeta = {
  id: 'input/markdown-nesting',
  category: 'input',
  severity: 'warning',
  stage: 'input',
  description: 'The Markdown nests block quotes and lists deeper than the limit, so the file was checked as plain text.',
  docs: 'Markdown nested deeper than `limits.maxNestingDepth` (default 64 levels of `>` and list items, counted per line) costs the parser time that grows with depth times length and can overflow its stack, so such a file is read as plain text instead: every word is still checked, but markup is read as prose. Flatten the nesting, or raise the limit in the configuration (docs/limits.md).',
  options: NO_OPTIONS,
  messages: { tooDeep: '{{why}}: the file was checked as plain text, so its markup is read as prose. Flatten the nesting, or raise limits.maxNestingDepth in the configuration.' },
};

export const inputRuleMetas: RuleMeta[] = [fileErrorMeta, frontMatterMeta, unknownDirectiveMeta, unknownRuleMeta, unknownKeyMeta, unusedDirectiveMeta, skippedMeta, markdownNestingMeta];

/** A problem of an input rule at [start, end), with its message rendered. */
export function inputProblem(meta: RuleMeta, messageId: string, start: number, end: number, data?: MessageData): Problem {
  return { rule: meta.id, start, end, messageId, ...(data ? { data } : {}), message: renderMessage(meta, messageId, data) };
}
