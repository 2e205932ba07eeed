import { loadedWord } from '../../../pipeline/check/style/loaded-word.js';
import { ruleCases } from '../../helpers/cases.js';

ruleCases(loadedWord, {
  valid: [
    'Requests rose by 18% in 2024.',
    '“It was a shocking result,” the manager said.',
    'He called the verdict "outrageous" and vowed to appeal.',
    'The sign was clearly visible from the road.',
    'Television pictures clearly showed the foul.',
    'The findings surprised analysts at the bank.',
  ],
  invalid: [
    { text: 'In 2024, a surprising 18% increase in requests.', excerpts: ['surprising'], data: { word: 'surprising' } },
    { text: 'If sanctions continue, it will definitely shake the market.', excerpts: ['definitely'] },
    { text: 'Obviously, the plan failed. It was essentially a tax.', excerpts: ['Obviously', 'essentially'] },
    { text: 'The minister clearly misled parliament, and the result was shocking.', excerpts: ['clearly', 'shocking'] },
    { text: 'Of course, the bank denied it.', excerpts: ['Of course'] },
  ],
  markdown: '---\ntitle: A surprising result\n---\n\nThe flag `--definitely` is set, see https://example.com/shocking-news.\n\n```\nobviously code\n```\n',
});
