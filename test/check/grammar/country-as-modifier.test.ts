import { countryAsModifier } from '../../../pipeline/check/grammar/country-as-modifier.js';
import { ruleCases } from '../../helpers/cases.js';

ruleCases(countryAsModifier, {
  valid: [
    'The Russian technology market is growing.',
    'Russia’s technology market is growing.',
    'Russia\'s technology market is growing.',
    'In Russia technology is booming, officials said.',
    'In Russia last year, sales fell.',
    'Exports to China and India rose.',
    'The Iraq war cost billions.',
    'The Iran talks resumed in Geneva.',
    'The England team arrived in Cardiff, and the Wales squad trained.',
    'The New Zealand dollar fell.',
    'The Hong Kong government said so.',
    'She read the China Daily every morning.',
    'The firm moved from Germany to France in 2019.',
    'Many people in Bangladesh textiles account for most exports.',
    'The bird, a turkey chick, was sold.',
    'The Denmark midfielder signed a new deal.',
  ],
  invalid: [
    {
      text: 'Brazil’s grain traders turned to Russia fertiliser market after the drought.',
      excerpts: ['Russia'],
      data: { name: 'Russia', noun: 'fertiliser market', adjective: 'Russian', possessive: "Russia's" },
      suggestions: ['Russian', "Russia's"],
      output: 'Brazil’s grain traders turned to Russian fertiliser market after the drought.',
    },
    {
      text: 'Investors are betting on the Russia new energy services sector.',
      excerpts: ['Russia'],
      data: { noun: 'new energy services sector' },
      suggestions: ['Russian', "Russia's"],
      output: 'Investors are betting on the Russian new energy services sector.',
    },
    { text: 'Chinese firms and the Russia technology market grew.', excerpts: ['Russia'], output: 'Chinese firms and the Russian technology market grew.' },
    { text: 'The festival in the Belgium capital runs all week.', excerpts: ['Belgium'], suggestions: ['Belgian', "Belgium's"], output: 'The festival in the Belgian capital runs all week.' },
    { text: 'He joined the Japan car industry in 1990.', excerpts: ['Japan'], suggestions: ['Japanese', "Japan's"], output: 'He joined the Japanese car industry in 1990.' },
    { text: 'Investors fled the South Korea stock market.', excerpts: ['South Korea'], suggestions: ['South Korean', "South Korea's"], output: 'Investors fled the South Korean stock market.' },
  ],
  markdown: '---\ntitle: the Russia technology market\n---\n\nSee `the Russia technology market` and https://example.com/the-Russia-technology-market for more.\n\n```\nthe Russia technology market\n```\n',
});
