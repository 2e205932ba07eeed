import { longSentence } from '../../../pipeline/check/clarity/long-sentence.js';
import { resolveConfig } from '../../../pipeline/run/config.js';
import { ruleCases } from '../../helpers/cases.js';

const LONG =
  'It all started in 2023 when the regional water company, which had spent most of the previous decade cutting costs, raised its prices for households across the county while promising investors that dividends would keep rising for at least another five years.';
const TWENTY = 'The council approved the budget on Tuesday after a long debate about the cost of repairing roads and bridges.';

ruleCases(longSentence, {
  valid: [
    TWENTY,
    'The minister said: “We have spent most of the previous decade cutting costs and raising prices for households across the county, and we will keep doing what investors expect of us for at least another five years.”',
    'Backs: A Smith (Leeds), B Jones (Bath), C Brown (Sale), D White (Wasps), E Green (Bristol), F Black (Exeter), G Gray (Newcastle), H Hill (Harlequins), I Ford (Saracens), J Lane (Worcester), K Moss (Gloucester), L Reed (Leicester).',
    { text: LONG, options: { options: { max: 50 } } },
    // The retired top-level "longSentence" still sets the limit (as the rule option max).
    { text: LONG, options: { config: resolveConfig({ longSentence: 45 }, undefined) } },
  ],
  invalid: [
    { text: LONG, excerpts: ['It all started in 2023 when'], data: { words: 42, max: 35 } },
    { text: TWENTY, excerpts: ['The council approved the budget on'], options: { options: { max: 15 } } },
    { text: TWENTY, excerpts: ['The council approved the budget on'], data: { max: 12 }, options: { config: resolveConfig({ longSentence: 12 }, undefined) } },
  ],
  markdown: `---\nsummary: ${LONG}\n---\n\n\`\`\`\n${LONG}\n\`\`\`\n`,
});
