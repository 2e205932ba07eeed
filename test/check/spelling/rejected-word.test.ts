// spelling/rejected-word: words a vocabulary's reject.txt lists are errors, with the preferred form.
import { rejectedWord } from '../../../pipeline/check/spelling/rejected-word.js';
import { defaultConfig } from '../../../pipeline/run/config.js';
import { ruleCases } from '../../helpers/cases.js';

const withVocab = { config: { ...defaultConfig(), ...rejectedWord.meta.examples!.config } };

ruleCases(rejectedWord, {
  valid: ['It will be alright, with no vocabulary configured.', { text: 'The plan is all right by the council.', options: withVocab }],
  invalid: [{ text: 'Alright, the council said.', excerpts: ['Alright'], messageId: 'rejected', data: { word: 'Alright', right: 'All right' }, suggestions: ['All right'], output: 'All right, the council said.', options: withVocab }],
  markdown: '---\ntitle: alright\n---\n\n# Roads\n\nThe plan is `alright` and <https://alright.example/> and fine.\n',
});
