// Rules for problems with the input itself: unreadable files and malformed front matter.
import type { RuleMeta } from './types.js';

export const inputRuleMetas: RuleMeta[] = [
  {
    id: 'input/file-error',
    category: 'input',
    severity: 'error',
    stage: 'input',
    description: 'The file could not be read as a UTF-8 text article (unreadable, binary, invalid UTF-8 or empty).',
    docs: 'The article is skipped; the rest of the batch goes on. Fix the file (save it as UTF-8 text) or remove it from the input.',
  },
  {
    id: 'input/front-matter',
    category: 'input',
    severity: 'error',
    stage: 'input',
    description: 'The YAML front matter is malformed or has a field of the wrong type.',
    docs: 'Front matter sits between two `---` lines at the top of the file. `title` is text, `date` is YYYY-MM-DD, `words` is a list. The article is still checked.',
  },
];
