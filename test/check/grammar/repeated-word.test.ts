import { repeatedWord } from '../../../pipeline/check/grammar/repeated-word.js';
import { ruleCases } from '../../helpers/cases.js';

ruleCases(repeatedWord, {
  valid: [
    'The talks ended in a stalemate.',
    'She had had enough of the delays.',
    'He said that that was the wrong decision.',
    'The band Duran Duran played in Birmingham.',
    'The vote was close. Close enough for a recount.',
    'Prices rose, rose again, and then fell.',
    '“It was very very difficult,” she said of the talks.',
    '“We were in in the end,” he said, laughing.',
  ],
  invalid: [
    { text: 'The talks ended in in a stalemate.', excerpts: ['in in'], data: { word: 'in' }, suggestions: ['in'], output: 'The talks ended in a stalemate.' },
    { text: 'the the firm said profits fell.', excerpts: ['the the'], suggestions: ['the'], output: 'the firm said profits fell.' },
    { text: 'In in March the bank cut rates.', excerpts: ['In in'], data: { word: 'in' }, suggestions: ['In'], output: 'In March the bank cut rates.' },
    { text: 'The minister said the\nthe plan would go ahead.', excerpts: ['the\nthe'], output: 'The minister said the plan would go ahead.' },
    { text: 'Shares could could fall further, and and the bank agreed.', excerpts: ['could could', 'and and'], output: 'Shares could fall further, and and the bank agreed.' },
  ],
  markdown: '---\ntitle: in in the title\n---\n\nA sample with `in in` code.\n\n```\nthe the code block\n```\n\nSee https://example.com/in/in/page for more.\n',
});
