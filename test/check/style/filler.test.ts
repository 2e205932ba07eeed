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
    {
      text: 'It’s worth noting that in 2022, the council lifted its ban.',
      excerpts: ['It’s worth noting that in'],
      data: { phrase: 'It’s worth noting that' },
      suggestions: ['In'],
      output: 'In 2022, the council lifted its ban.',
    },
    { text: "It's worth noting that in 2022, the council lifted its ban.", excerpts: ["It's worth noting that in"], suggestions: ['In'], output: 'In 2022, the council lifted its ban.' },
    // A phrase set off by commas goes with both commas (the old fix left "Labour, disagreed.").
    { text: 'Labour, needless to say, disagreed.', excerpts: [', needless to say,'], data: { phrase: 'needless to say' }, suggestions: [''], output: 'Labour disagreed.' },
    { text: 'The plan failed, needless to say.', excerpts: [', needless to say'], output: 'The plan failed.' },
    { text: 'Needless to say, the plan failed.', excerpts: ['Needless to say, the'], suggestions: ['The'], output: 'The plan failed.' },
    { text: 'The bank, it is important to note, cut rates.', excerpts: [', it is important to note,'], suggestions: [''], output: 'The bank cut rates.' },
    { text: 'Shares fell. It should be noted that Apple did not comment.', excerpts: ['It should be noted that '], suggestions: [''], output: 'Shares fell. Apple did not comment.' },
    // A phrase that leads into a clause keeps the comma before it (no run-on "fell Apple").
    { text: 'Shares fell, it should be noted that Apple did not comment.', excerpts: ['it should be noted that '], output: 'Shares fell, Apple did not comment.' },
  ],
  markdown: "---\ntitle: it's worth noting that\n---\n\nRun `needless to say` here.\n\n```\nit is important to note that\n```\n",
});
