import { vagueAttribution } from '../../../pipeline/check/sourcing/vague-attribution.js';
import { ruleCases } from '../../helpers/cases.js';

ruleCases(vagueAttribution, {
  valid: [
    'Analysts at Barclays believe the deal will collapse.',
    'Barclays analysts said the deal would collapse.',
    'The analysts said the figures were weak.',
    'Two experts told the BBC the bridge was safe.',
    'Experts such as Jane Smith argue otherwise.',
    '“Some observers say we are finished,” he said.',
    'The expert, Dr Jane Smith, said the bridge was safe.',
    'The meeting is thought unlikely to produce a deal.',
  ],
  invalid: [
    { text: 'Analysts believe the deal will collapse.', excerpts: ['Analysts believe'], messageId: 'unnamedGroup', data: { phrase: 'Analysts believe' } },
    { text: 'It is thought that the bank will cut rates.', excerpts: ['It is thought that'], messageId: 'noSource', data: { phrase: 'It is thought that' } },
    { text: 'The plan, some observers say, is doomed.', excerpts: ['some observers say'], messageId: 'unnamedGroup' },
    { text: 'Sources claim the minister will resign.', excerpts: ['Sources claim'], messageId: 'unnamedGroup' },
    { text: 'Piracy cost $7bn in 2003, according to analysts.', excerpts: ['according to analysts'], messageId: 'unnamedGroup', data: { phrase: 'according to analysts' } },
    { text: 'Critics argue the tax is unfair, and many experts warned against it.', excerpts: ['Critics argue', 'many experts warned'], messageId: ['noSource', 'unnamedGroup'] },
  ],
  markdown: '---\ntitle: Analysts believe\n---\n\nThe call `experts say` and https://example.com/critics-argue/.\n\n```\nsources claim\n```\n',
});
