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
  description: 'The file could not be read as a UTF-8 text article (unreadable, binary, invalid UTF-8 or empty).',
  docs: 'The article is skipped; the rest of the batch goes on. Fix the file (save it as UTF-8 text) or remove it from the input.',
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
  },
};

export const inputRuleMetas: RuleMeta[] = [fileErrorMeta, frontMatterMeta];

/** A problem of an input rule at [start, end), with its message rendered. */
export function inputProblem(meta: RuleMeta, messageId: string, start: number, end: number, data?: MessageData): Problem {
  return { rule: meta.id, start, end, messageId, ...(data ? { data } : {}), message: renderMessage(meta, messageId, data) };
}
