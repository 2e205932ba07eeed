import { fragment } from '../../../pipeline/check/clarity/fragment.js';
import { ruleCases } from '../../helpers/cases.js';

const FRAGMENT = 'In 2023, a remarkable 12% rise in requests from retailers hoping to expand, including three times as many from German firms as from French ones.';

ruleCases(fragment, {
  valid: [
    'In 2023, requests from retailers hoping to expand rose by 12%, with three times as many from German firms as from French firms.',
    'The firm operates under a licence from the regulator in Brussels.',
    'Sales jumped by 8% in the three months to December, the company said.',
    'Shares in the bank fell sharply in early trading on Monday morning.',
    'The film follows the ups and downs of her long career in politics.',
    'Keep an eye on our technology pages for daily updates on the story.',
    'The Lib Dems plan to oppose the bill in the Lords on Thursday afternoon.',
    'Not any more.',
    'Why the change of plan after so many months of careful talks?',
    '“A great day for the club and for every single fan who travelled,” he said.',
    '“A great day for the club and for every single fan who travelled to the ground.”',
    'Backs: Smith (Leeds), Jones (Bath), Brown (Sale), White (Wasps), Green (Bristol).',
    { text: '# A heading with no verb at all in it for the reader\n\nThe text below it has one.', options: { path: 'a.md' } },
    { text: '- A list item with no verb in it, made by an editor in a hurry\n- another one', options: { path: 'a.md' } },
    { text: '> A blockquote with no verb in it, made by an editor in a hurry.', options: { path: 'a.md' } },
    'MOSCOW, 3 March - Officials from both countries met on Tuesday to discuss trade.',
  ],
  invalid: [
    { text: FRAGMENT, excerpts: ['In 2023, a remarkable 12% rise'], data: { words: 'In 2023, a remarkable 12% rise' } },
    { text: 'Profits were flat. A sharp fall in sales across all of the group’s markets in the south, especially in Spain.', excerpts: ['A sharp fall in sales across'] },
    { text: 'Critical time for the club with regard to the future of its captain.', excerpts: ['Critical time for the club with'] },
  ],
  markdown: `---\nsummary: ${FRAGMENT}\n---\n\n\`\`\`\n${FRAGMENT}\n\`\`\`\n`,
});
