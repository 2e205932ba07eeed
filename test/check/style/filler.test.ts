import { filler } from '../../../pipeline/check/style/filler.js';
import { ruleCases } from '../../helpers/cases.js';

ruleCases(filler, {
  valid: [
    'The point is worth noting.',
    '“It is worth noting that we won,” she said.',
    'It is important to fund the schools, the minister said.',
    'It is worth noting though that the game is slow.',
  ],
  invalid: [
    { text: 'It’s worth noting that in 2022, the council lifted its ban.', excerpts: ['It’s worth noting that in'], suggestions: ['In'], message: /filler: delete it/ },
    { text: "It's worth noting that in 2022, the council lifted its ban.", excerpts: ["It's worth noting that in"], suggestions: ['In'] },
    { text: 'Labour, needless to say, disagreed.', excerpts: ['needless to say, '], suggestions: [''] },
    { text: 'Needless to say, the plan failed.', excerpts: ['Needless to say, the'], suggestions: ['The'] },
    { text: 'The bank, it is important to note, cut rates.', excerpts: ['it is important to note, '], suggestions: [''] },
    { text: 'Shares fell. It should be noted that Apple did not comment.', excerpts: ['It should be noted that '], suggestions: [''] },
  ],
  markdown: "---\ntitle: it's worth noting that\n---\n\nRun `needless to say` here.\n\n```\nit is important to note that\n```\n",
});
