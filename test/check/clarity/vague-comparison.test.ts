import { vagueComparison } from '../../../pipeline/check/clarity/vague-comparison.js';
import { ruleCases } from '../../helpers/cases.js';

ruleCases(vagueComparison, {
  valid: [
    'Trade was worth $244.8bn in 2024, with much slower growth than before.',
    'Sales were significantly higher, at 12% up on the year.',
    'Growth was far slower than half the forecast.',
    '“Growth will be much slower,” the governor said.',
    'The new plan is much more ambitious.',
    'The team played much better after the break.',
    // A figure is a numeric claim of the sentence: a ratio counts.
    'Growth was much slower than twice the rate.',
  ],
  invalid: [
    { text: 'Exports saw much slower growth in 2024.', excerpts: ['much slower'], data: { phrase: 'much slower' } },
    { text: 'It is now in a far deeper partnership.', excerpts: ['far deeper'] },
    { text: 'Costs were significantly higher than expected, and profits considerably lower.', excerpts: ['significantly higher', 'considerably lower'] },
    { text: 'The new phones are much more expensive.', excerpts: ['much more expensive'] },
    // A date is not a figure, and neither is a number that only counts what is compared.
    { text: 'Sales on 3 March were much higher.', excerpts: ['much higher'] },
    { text: 'The three partners now have a far deeper alliance.', excerpts: ['far deeper'] },
  ],
  markdown: '---\ntitle: much slower growth\n---\n\nUse `far deeper` in code.\n\n```\nsignificantly higher\n```\n',
});
