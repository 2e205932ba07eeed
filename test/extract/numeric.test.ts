// The quantity grammar: sentence -> numeric and date claims (span text and normalised quantity).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../../pipeline/parse/index.js';
import { extractNumeric } from '../../pipeline/extract/numeric.js';
import { validator } from '../../pipeline/validate/schemas.js';
import type { Claim } from '../../pipeline/core/types.js';

const validClaim = validator('claim');

function claimsOf(text: string, referenceDate?: string, file = 'x.txt'): Claim[] {
  const article = parseArticle(file, text);
  const claims = extractNumeric(article, { referenceDate });
  for (const c of claims) {
    expect(validClaim(c), `${c.text}: ${JSON.stringify(validClaim.errors)}`).toBe(true);
    expect(article.text.slice(c.offset, c.endOffset)).toBe(c.text);
  }
  return claims;
}

const numeric = (text: string, ref?: string) => claimsOf(text, ref).filter((c) => c.kind === 'numeric');

type Q = Record<string, unknown>;
const exact = { approximate: false, bound: 'exact' };

// [sentence, span, quantity (partial match), subject?]
const POSITIVE: [string, string, Q, string?][] = [
  // percentages and points
  ['Turnout reached 18% in the poll.', '18%', { value: 18, unit: 'percent', ...exact }],
  ['Turnout reached 18 per cent in the poll.', '18 per cent', { value: 18, unit: 'percent' }],
  ['Support stood at 41 percent among the young.', '41 percent', { value: 41, unit: 'percent' }],
  ['The party lost three percentage points overnight.', 'three percentage points', { value: 3, unit: 'percentage-point', change: 'decrease' }],
  ['Shoppers saw a 25% rise in prices at the tills.', '25%', { value: 25, unit: 'percent', change: 'increase' }, 'prices'],
  ['Nearly 62% of tenants said they could not pay.', 'Nearly 62%', { value: 62, unit: 'percent', approximate: true, qualifier: 'Nearly' }, 'tenants'],
  // money with currency and scale
  ['Exports were worth $310.5 billion that year.', '$310.5 billion', { value: 310500000000, unit: 'currency', currency: 'USD' }],
  ['The council spent £3.5m on the bypass.', '£3.5m', { value: 3500000, unit: 'currency', currency: 'GBP' }],
  ['The insurer booked a charge of $1.13bn for the storm.', '$1.13bn', { value: 1130000000, currency: 'USD' }],
  ['She paid €40,000 for the sculpture.', '€40,000', { value: 40000, currency: 'EUR' }],
  ['The region received 5 million euros in aid.', '5 million euros', { value: 5000000, unit: 'currency', currency: 'EUR' }],
  ['The metro line cost Rs 500 crore to build.', 'Rs 500 crore', { value: 5000000000, currency: 'INR' }],
  ['The merger was valued at ¥1.2 trillion by analysts.', '¥1.2 trillion', { value: 1200000000000, currency: 'JPY' }],
  ['Quarterly profit was HK$327m on higher fees.', 'HK$327m', { value: 327000000, currency: 'HKD' }],
  ['A cup of tea now costs 95p at the station.', '95p', { value: 95, currency: 'GBP', minor: true }],
  // small counts in words are figures too (issue 12): "the two nations", "two of them"
  ['The two nations signed a trade deal.', 'two', { value: 2, unit: 'count' }],
  ['Two of them stayed behind after the match.', 'Two', { value: 2, unit: 'count' }],
  ['The board approved a £12m deal with the builder.', '£12m', { value: 12000000, currency: 'GBP' }, 'deal'],
  // counts and units
  ['The gallery drew 12,400 visitors over the holiday.', '12,400', { value: 12400, unit: 'count', ...exact }, 'visitors'],
  ['Storms cut power to 3.2 million people across the coast.', '3.2 million', { value: 3200000, unit: 'count' }, 'people'],
  ['The new path is 5km long.', '5km', { value: 5, unit: 'km' }],
  ['It was 28C in the shade by noon.', '28C', { value: 28, unit: 'C' }],
  ['The lorry shed 40 tonnes of gravel on the road.', '40 tonnes', { value: 40, unit: 'tonnes' }],
  ['Police recruited two hundred and fifty officers for the summit.', 'two hundred and fifty', { value: 250, unit: 'count' }, 'officers'],
  ['Some 40 charities have signed the letter.', 'Some 40', { value: 40, approximate: true, bound: 'exact', qualifier: 'Some' }, 'charities'],
  ['Thousands of commuters were stranded at the station.', 'Thousands', { value: 1000, bound: 'lower', approximate: true }, 'commuters'],
  ['Half a million tickets were sold within a day.', 'Half a million', { value: 500000, unit: 'count' }, 'tickets'],
  // a glued "m": metres in a length, height or distance; millions before a counted noun, after a currency or a change
  ['The junior champion managed 1.74m in the high jump.', '1.74m', { value: 1.74, unit: 'm', ...exact }],
  ['Her longest leap of the day measured 6.43m.', '6.43m', { value: 6.43, unit: 'm' }],
  ['He cleared 5.20m at his third attempt.', '5.20m', { value: 5.2, unit: 'm' }],
  ['Her last throw of 61.2m won the javelin title.', '61.2m', { value: 61.2, unit: 'm' }],
  ['The new sea wall will be 4m high along the front.', '4m', { value: 4, unit: 'm' }],
  ['The charity reached 1.8m people last winter.', '1.8m', { value: 1800000, unit: 'count' }, 'people'],
  ['The club spent £1.8m on its new stand.', '£1.8m', { value: 1800000, unit: 'currency', currency: 'GBP' }],
  ['The developer paid $3.2m for the plot.', '$3.2m', { value: 3200000, unit: 'currency', currency: 'USD' }],
  ['The app now has 3.2m users in Europe.', '3.2m', { value: 3200000, unit: 'count' }, 'users'],
  ['A court told the firm to pay 1.47m yuan in damages.', '1.47m yuan', { value: 1470000, unit: 'currency', currency: 'CNY' }],
  ['Subscriptions rose to 1.25m in the spring.', '1.25m', { value: 1250000, unit: 'count' }],
  ['The star now earns 2.25m a year from the deal.', '2.25m', { value: 2250000, unit: 'count' }],
  // a number word before a stated whole is the part: "seven of the 12"
  ['Seven of the 12 trustees resigned in March.', 'Seven', { value: 7, unit: 'count', ...exact }],
  ['Two out of their 12 strikers were injured.', 'Two', { value: 2, unit: 'count' }],
  // ranges
  ['Only 30-40% of the old software has been replaced.', '30-40%', { low: 30, high: 40, unit: 'percent', qualifier: 'Only' }],
  ['Analysts expect 30–40% of branches to close.', '30–40%', { low: 30, high: 40, unit: 'percent' }],
  ['Forecasts put the shortfall at 5% to 8% of the budget.', '5% to 8%', { low: 5, high: 8, unit: 'percent' }],
  ['The clinic hired between 30 and 40 staff in the spring.', 'between 30 and 40', { low: 30, high: 40, unit: 'count' }, 'staff'],
  ['The repairs will cost £3-4bn over the decade.', '£3-4bn', { low: 3000000000, high: 4000000000, currency: 'GBP' }],
  ['The site could house 3 to 4 million records.', '3 to 4 million', { low: 3000000, high: 4000000, unit: 'count' }, 'records'],
  // a pair with a unit or a currency is never a score: stated backwards, it is kept as a range (low > high) for verification
  ['Rents may climb by 9-6% in the city this year.', '9-6%', { low: 9, high: 6, unit: 'percent' }],
  ['The stadium roof will cost £7-5m to mend.', '£7-5m', { low: 7000000, high: 5000000, unit: 'currency', currency: 'GBP' }],
  // multiples
  ['Chinese firms made twice as many requests as their rivals.', 'twice as many', { value: 2, unit: 'ratio' }, 'requests'],
  ['Membership of the club doubled after the campaign.', 'doubled', { value: 2, unit: 'ratio', change: 'increase' }],
  ['Costs tripled while the output quadrupled in a year.', 'tripled', { value: 3, unit: 'ratio' }],
  ['Demand is three times as high as supply.', 'three times as high', { value: 3, unit: 'ratio' }],
  ['The fund grew 10-fold in a decade.', '10-fold', { value: 10, unit: 'ratio', change: 'increase' }],
  ['Sales more than doubled to a record.', 'more than doubled', { value: 2, unit: 'ratio', bound: 'lower' }],
  ['The fare halves from £4 to £2 after dark.', 'halves', { value: 0.5, unit: 'ratio', change: 'decrease' }],
  ['Output triples in a decade at the plant.', 'triples', { value: 3, unit: 'ratio', change: 'increase' }],
  ['The council plans to halve its spending on roads.', 'halve', { value: 0.5, unit: 'ratio' }],
  // fractions
  ['The app took over half of all downloads.', 'over half', { value: 0.5, unit: 'fraction', bound: 'lower', qualifier: 'over' }, 'downloads'],
  ['Two-thirds of voters backed the plan.', 'Two-thirds', { unit: 'fraction' }, 'voters'],
  ['A quarter of the homes lack heating.', 'A quarter', { value: 0.25, unit: 'fraction' }, 'homes'],
  ['One in four adults in the town smokes.', 'One in four', { value: 0.25, unit: 'fraction' }, 'adults'],
  ['Seven out of ten landlords agreed.', 'Seven out of ten', { value: 0.7, unit: 'fraction' }, 'landlords'],
  ['Nearly half the budget went on salaries.', 'Nearly half', { value: 0.5, unit: 'fraction', approximate: true }],
  // a fraction set off as an aside restates a share without "of"
  ['Only 90 of the 450 members, or about a third, voted.', 'about a third', { value: expect.closeTo(1 / 3, 9), unit: 'fraction', approximate: true }],
  ['Three of the 12 judges (a quarter) dissented.', 'a quarter', { value: 0.25, unit: 'fraction' }],
  ['Of the 40 stalls, 20, or half, were empty.', 'half', { value: 0.5, unit: 'fraction' }],
  // bounds and hedges
  ['About 200 residents attended the meeting.', 'About 200', { value: 200, approximate: true, bound: 'exact', qualifier: 'About' }, 'residents'],
  ['More than 1,000 jobs were lost at the plant.', 'More than 1,000', { value: 1000, bound: 'lower', qualifier: 'More than' }, 'jobs'],
  ['At least 40 people were hurt in the crush.', 'At least 40', { value: 40, bound: 'lower' }, 'people'],
  ['Up to 500 homes could be built on the site.', 'Up to 500', { value: 500, bound: 'upper', qualifier: 'Up to' }, 'homes'],
  ['Fewer than 20 schools replied to the survey.', 'Fewer than 20', { value: 20, bound: 'upper' }, 'schools'],
  ['As many as 3,000 fans were turned away.', 'As many as 3,000', { value: 3000, bound: 'upper' }, 'fans'],
  ['Only 12 teams entered the cup.', '12', { value: 12, bound: 'exact', qualifier: 'Only' }, 'teams'],
  ['More than 2000 people signed the petition.', 'More than 2000', { value: 2000, unit: 'count', bound: 'lower' }, 'people'],
];

// [sentence, span, date]
const DATES: [string, string, Q, string?][] = [
  ['The bridge opened in 2024 after long delays.', '2024', { year: 2024 }],
  ['The plant opened on March 3, 2024 after a strike.', 'March 3, 2024', { year: 2024, month: 3, day: 3, iso: '2024-03-03' }],
  ['The law took effect on 3 March 2024 in Wales.', '3 March 2024', { year: 2024, month: 3, day: 3 }],
  ['The talks began in June 2023 in Geneva.', 'June 2023', { year: 2023, month: 6, iso: '2023-06' }],
  ['Sales fell last year across the chain.', 'last year', { year: 2024, relative: true }, '2025-06-15'],
  ['The shop will reopen next month after repairs.', 'next month', { year: 2025, month: 7, relative: true }, '2025-06-15'],
  ['The mill closed three years ago.', 'three years ago', { year: 2022, relative: true }, '2025-06-15'],
  ['Turnover rose in the 2023-24 season.', '2023-24', { year: 2023 }],
];

// Sentences that must give no numeric claim.
const NEGATIVE: string[] = [
  'Call the news desk on 020 7946 0958 for details.',
  'Ring +44 20 7946 0958 before noon.',
  'The detective lived at 221B Baker Street in the novel.',
  'The prime minister returned to 10 Downing Street on Friday.',
  'The home side won 2-1 after extra time.',
  'They suffered a 1-3 defeat on the road.',
  'The reference is ISBN 978-0-306-40615-7 in the catalogue.',
  'The meeting starts at 3pm sharp.',
  'We met at 10.30am and left at 15:00.',
  'She went out in the 2nd round of the contest.',
  'He is the world No. 1 in the rankings.',
  'It is one of the best films of the decade.',
  'One day he hopes to return home.',
  'No one knew the answer to the question.',
  'The rules are set out in section 3.2 of the act.',
  'The app moved to version 2.3.1 on Tuesday.',
  'Fans flocked to Euro 2024 in Germany.',
  'The BBC Radio 4 programme aired at night.',
  'He was arrested twice for the offence.',
  'The team led at the end of the first half.',
  'She spent half an hour on the phone.',
  'It was a third term for the mayor.',
  'Profits fell in the third quarter.',
  'The 1990s were a boom time for the town.',
  'The shop is open 24/7 for the public.',
  'He won a 5G contract for the firm.',
  'Growth is forecast two quarters ahead.',
  'She won the mixed doubles in Paris.',
  'It was a game of two halves for the club.',
  'The doubles final was played on Sunday.',
  'She teamed up with her sister for the French Open doubles, and won.',
  'The club sold a third, older stand to a developer.',
];

describe('extractNumeric: positive forms', () => {
  it.each(POSITIVE)('%s', (sentence, span, quantity, subject) => {
    const claims = numeric(sentence);
    const c = claims.find((x) => x.text === span);
    expect(c, `spans found: ${claims.map((x) => JSON.stringify(x.text)).join(', ')}`).toBeDefined();
    expect(c!.kind).toBe('numeric');
    expect(c!.quantity).toMatchObject(quantity);
    if (typeof quantity.value === 'number') expect(c!.quantity!.value).toBeCloseTo(quantity.value, 6);
    if (subject !== undefined) expect(c!.subject).toBe(subject);
  });

  it('reads two-thirds as 2/3', () => {
    expect(numeric('Two-thirds of voters backed the plan.')[0].quantity!.value).toBeCloseTo(2 / 3, 9);
  });

  it('"from X to Y" is two figures, not a range, and the first borrows the unit', () => {
    const claims = numeric('The fare was raised from 5 to 8% last year.');
    expect(claims.map((c) => c.text)).toEqual(['5', '8%']);
    expect(claims[0].quantity).toMatchObject({ value: 5, unit: 'percent' });
    expect(claims[1].quantity).toMatchObject({ value: 8, unit: 'percent' });
    const money = numeric('The charge rose from £2.50 to £4 a night.');
    expect(money.map((c) => [c.text, c.quantity!.value])).toEqual([['£2.50', 2.5], ['£4', 4]]);
  });

  it('keeps figures apart in a list of conversions', () => {
    const claims = numeric('It cost HK$327m (US$42m; £22m) in total.');
    expect(claims.map((c) => [c.text, c.quantity!.currency, c.quantity!.value])).toEqual([
      ['HK$327m', 'HKD', 327000000],
      ['US$42m', 'USD', 42000000],
      ['£22m', 'GBP', 22000000],
    ]);
  });

  it('sets change from a verb before the figure, but not for "rose to"', () => {
    expect(numeric('Prices rose 4% in May.')[0].quantity!.change).toBe('increase');
    expect(numeric('Exports fell by 2.5% in the spring.')[0].quantity!.change).toBe('decrease');
    expect(numeric('Inflation rose to 4% in the spring.')[0].quantity!.change).toBeUndefined();
  });
});

describe('extractNumeric: dates', () => {
  it.each(DATES)('%s', (sentence, span, date, ref) => {
    const claims = claimsOf(sentence, ref);
    const c = claims.find((x) => x.text === span);
    expect(c, `spans found: ${claims.map((x) => JSON.stringify(x.text)).join(', ')}`).toBeDefined();
    expect(c!.kind).toBe('date');
    expect(c!.date).toMatchObject(date);
    expect(claims.filter((x) => x.kind === 'numeric')).toEqual([]);
  });

  it('skips relative dates without a reference date', () => {
    expect(claimsOf('Sales fell last year and will recover next month.')).toEqual([]);
  });

  it('a four-digit year is a date, not a count', () => {
    const claims = claimsOf('In 2019, a 7% fall followed.');
    expect(claims.map((c) => [c.kind, c.text])).toEqual([
      ['date', '2019'],
      ['numeric', '7%'],
    ]);
  });
});

describe('extractNumeric: negative cases', () => {
  it.each(NEGATIVE)('%s', (sentence) => {
    expect(numeric(sentence).map((c) => c.text)).toEqual([]);
  });
});

describe('extractNumeric: offsets', () => {
  it('spans point into the original Markdown, after markup', () => {
    const text = '---\ntitle: T\ndate: 2025-01-10\n---\n\n# Budget\n\nThe **council** spent £3.5m, about 18% more than [last year](https://example.com).\n';
    const article = parseArticle('x.md', text);
    const claims = extractNumeric(article, { referenceDate: article.meta.date });
    for (const c of claims) expect(text.slice(c.offset, c.endOffset)).toBe(c.text);
    expect(claims.map((c) => c.text)).toEqual(['£3.5m', 'about 18%', 'last year']);
    expect(claims[2].date).toMatchObject({ year: 2024, relative: true });
    expect(claims[1].line).toBe(8);
  });
});

// The example article, read from ../shared (never copied into the repository).
const here = path.dirname(fileURLToPath(import.meta.url));
const examplePath = path.resolve(here, '../../../shared/corpus/china-russia-tech.txt');
const haveExample = fs.existsSync(examplePath);

describe('extractNumeric: example article', () => {
  if (!haveExample && process.env.CI === 'true') {
    it('needs ../shared/corpus/china-russia-tech.txt', () => {
      throw new Error(`example article missing at ${examplePath}: CI must provide ../shared`);
    });
    return;
  }
  it.skipIf(!haveExample)('yields the five gold figures', () => {
    const text = fs.readFileSync(examplePath, 'utf8');
    const article = parseArticle(examplePath, text);
    const claims = extractNumeric(article, { referenceDate: article.meta.date });
    const get = (span: string) => {
      const c = claims.find((x) => x.text === span && x.kind === 'numeric');
      expect(c, `no claim "${span}" among ${claims.map((x) => x.text).join(' | ')}`).toBeDefined();
      return c!.quantity!;
    };
    expect(get('18%')).toMatchObject({ value: 18, unit: 'percent' });
    expect(get('twice as many')).toMatchObject({ value: 2, unit: 'ratio' });
    expect(get('over half')).toMatchObject({ value: 0.5, unit: 'fraction', bound: 'lower' });
    expect(get('30-40%')).toMatchObject({ low: 30, high: 40, unit: 'percent' });
    expect(get('$244.8 billion')).toMatchObject({ value: 244800000000, unit: 'currency', currency: 'USD' });
    for (const c of claims) expect(validClaim(c)).toBe(true);
  });
});
