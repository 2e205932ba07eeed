import { describe, expect, it } from 'vitest';
import { arithmetic, arithmeticFindings } from '../../pipeline/verify/arithmetic.js';
import { figuresOf } from '../../pipeline/verify/numbers.js';
import { extractClaims } from '../../pipeline/extract/index.js';
import { relateClaims } from '../../pipeline/extract/relations.js';
import { article, claimAt, runRule } from '../helpers/claims.js';

function check(text: string) {
  const a = article(text, 't.txt');
  return runRule(arithmetic, a, extractClaims(a));
}

describe('verification/arithmetic flags figures that do not add up', () => {
  const wrong: { text: string; span: string; says: RegExp; expected: string }[] = [
    { text: 'Sales rose from 80,000 to 96,000 units, a 25% jump.', span: '25%', says: /increase of 20%, not 25%/, expected: '20%' },
    { text: 'Of the 450 people surveyed, 90 said they would leave, nearly 30% of the sample.', span: 'nearly 30%', says: /90 of 450 is 20%, not nearly 30%/, expected: '20%' },
    { text: 'The port handled 1.2 million containers in 2024, up from 1 million the year before, a 25% increase.', span: '25%', says: /increase of 20%/, expected: '20%' },
    { text: 'The budget fell from £8 million to £6 million, a 40% cut.', span: '40%', says: /fall of 25%, not 40%/, expected: '25%' },
    { text: 'Membership rose from 40 to 90, doubling in a year.', span: 'doubling', says: /2\.25 times/, expected: '×2.25' },
    { text: 'Its staff tripled from 30 to 60.', span: 'tripled', says: /2 times the earlier figure, not 3 times/, expected: '×2' },
    { text: 'Unemployment rose from 4% to 5%, a rise of 2 percentage points.', span: '2 percentage points', says: /1 percentage point, not 2/, expected: '1 percentage point' },
    { text: 'Between 50 and 30 people attended the meeting.', span: '50 and 30', says: /range runs backwards/, expected: '30–50' },
    { text: 'Traffic will grow by 8-5% this year.', span: '8-5%', says: /range runs backwards/, expected: '5%–8' },
    { text: 'The party won 130% of voters in the district.', span: '130% of voters', says: /cannot exceed 100%/, expected: 'at most 100%' },
    { text: 'Of the 200 members, 250 voted for the motion.', span: '200 members, 250', says: /part is larger than the whole/, expected: 'at most 200' },
    { text: 'Only 90 of the 450 respondents, or about a third, agreed.', span: 'about a third', says: /20%, not about a third/, expected: '20%' },
    { text: 'Revenue increased to $1.5bn from $1.2bn, a rise of 40%.', span: '40%', says: /increase of 25%/, expected: '25%' },
    { text: 'Seven of the 12 trustees, or 80%, resigned.', span: '80%', says: /Seven of 12 is 58\.3%, not 80%/, expected: '58.3%' },
  ];
  for (const c of wrong) {
    it(c.text, () => {
      const r = check(c.text);
      expect(r.spans).toEqual([c.span]);
      expect(r.messages[0]).toMatch(c.says);
      const ev = r.problems[0].evidence![0];
      expect(ev.kind).toBe('computed');
      expect(ev.expected).toBe(c.expected);
      expect(r.problems[0].expected).toBe(c.expected);
    });
  }
});

describe('verification/arithmetic never flags correct statements', () => {
  const correct = [
    'The chain grew from 40 to 50 stores, a 25% increase.',
    'Sales rose 25% from 80,000 to 100,000 units.',
    'Profits fell 20% from $50m to $40m.',
    'Revenue increased to $1.5bn from $1.2bn, a rise of 25%.',
    'More than 18,000 runners took part, up from 15,000 last year, a 20% increase.',
    'Her takings doubled from £1,500 on a normal Sunday to £3,000.',
    'Attendance rose from 40 to 80, doubling in a year.',
    'The number of members nearly tripled from 30 to 85.',
    'Losses were halved from $500m to $250m.',
    'Of the 450 people surveyed, 90 said they would leave, or 20% of the sample.',
    '90 of the 450 respondents, or one in five, said yes.',
    'Prices rose by about 25% from $3.99 to $4.99.',
    'A ticket went up from £12 to £15, a 25% rise.',
    'Sales rose from 80,000 to 96,000 units, a 20% jump.',
    'Unemployment rose from 4% to 5%, a rise of one percentage point.',
    'Unemployment rose from 4% to 5%, a rise of 1 percentage point.',
    'The population grew from 1.13 million to 1.42 million, a rise of 26%.',
    'Traffic will grow by 5-8% this year, and 30–40% of trips are by car.',
    'Between 30 and 50 people attended the meeting.',
    'Seven of its 12 libraries will close.',
    'Debt reached 150% of GDP in 2023.',
    'Output rose from 2019 to 2024 by 30%.',
    'Two out of their 12 lead singers were Irish, while around a quarter of the choir\'s members were from Wales.',
    'A curfew between 2200 and 0700 applies.',
    'The number of apprentices rose 14,000 to 2.37 million.',
    'The operating margin was 38.2%, below the 39.5% expected by brokers and down from 40.1% in the second quarter.',
    'Savings at 9 out of 17 departments include cuts of 7.4% at Transport.',
    'The publisher expects between 400,000 and one million copies to be sold.',
    'Three of the 12 trustees, or a quarter, resigned.',
  ];
  it.each(correct)('%s', (text) => {
    expect(check(text).problems).toEqual([]);
  });
  it('has at least six correct phrasings of a change or share', () => expect(correct.length).toBeGreaterThanOrEqual(6));
});

describe('tolerance follows rounding and hedges', () => {
  const one = (text: string) => check(text).problems.length;
  it('allows a rounded percentage (24.6% stated as 25%)', () => expect(one('It rose from 1,000 to 1,246, a 25% increase.')).toBe(0));
  it('does not allow a plain 25% for 22%', () => expect(one('It rose from 1,000 to 1,220, a 25% increase.')).toBe(1));
  it('“about” widens it', () => expect(one('It rose from 1,000 to 1,230, an increase of about 25%.')).toBe(0));
  it('“nearly 30%” allows 28% but not 20%', () => {
    expect(one('Of the 100 people asked, 28 agreed, nearly 30% of the sample.')).toBe(0);
    expect(one('Of the 100 people asked, 20 agreed, nearly 30% of the sample.')).toBe(1);
  });
  it('“more than doubled” allows 2.5 times but “doubled” does not', () => {
    expect(one('Sales more than doubled from 40 to 100.')).toBe(0);
    expect(one('Sales doubled from 40 to 100.')).toBe(1);
  });
});

describe('evidence and claims', () => {
  it('attaches the evidence to the percentage claim and marks it contradicted', () => {
    const a = article('Sales rose from 80,000 to 96,000 units, a 25% jump.', 't.txt');
    const claims = [
      claimAt(a, '80,000', { kind: 'numeric', quantity: { value: 80000, unit: 'count', approximate: false, bound: 'exact' } }),
      claimAt(a, '25%', { kind: 'numeric', quantity: { value: 25, unit: 'percent', approximate: false, bound: 'exact', change: 'increase' } }),
      // The rule computes from the claims' figures only: the other end of the change is a claim too.
      claimAt(a, '96,000', { kind: 'numeric', quantity: { value: 96000, unit: 'count', approximate: false, bound: 'exact' } }),
    ];
    // The relations between them come from the extract stage, as in the pipeline.
    relateClaims(a, claims);
    expect(claims[1].relations).toEqual([{ type: 'change', base: { claim: claims[0].id }, result: { claim: claims[2].id } }]);
    const r = runRule(arithmetic, a, claims);
    expect(r.problems[0].claimId).toBe(claims[1].id);
    expect(claims[1].verdict).toBe('contradicted');
    expect(claims[1].evidence![0]).toMatchObject({ kind: 'computed', expected: '20%', actual: '25%' });
    expect(claims[1].evidence![0].message).toContain('(96,000 − 80,000) ÷ 80,000 = +20%');
    expect(claims[0].verdict).toBeUndefined();
  });
  it('adds evidence, but no item and no verdict, when the arithmetic checks out', () => {
    const a = article('The chain grew from 40 to 50 stores, a 25% increase.', 't.txt');
    const c = claimAt(a, '25%', { kind: 'numeric', quantity: { value: 25, unit: 'percent', approximate: false, bound: 'exact' } });
    const ends = ['40', '50'].map((n) => claimAt(a, n, { kind: 'numeric', quantity: { value: Number(n), unit: 'count', approximate: false, bound: 'exact' } }));
    relateClaims(a, [...ends, c]);
    expect(runRule(arithmetic, a, [...ends, c]).problems).toEqual([]);
    expect(c.verdict).toBeUndefined();
    expect(c.evidence![0].message).toContain('= +25%');
  });
  it('computes nothing from figures the extract stage related to nothing', () => {
    const a = article('Sales rose from 80,000 to 96,000 units, a 25% jump.', 't.txt');
    const claims = extractClaims(a).map((c) => ({ ...c, relations: undefined }));
    expect(runRule(arithmetic, a, claims).problems).toEqual([]);
  });
  it('reports a range the extractor read backwards', () => {
    const a = article('Estimates run from a low of 7 to a high of 3 units.', 't.txt');
    const c = claimAt(a, '7 to a high of 3', { kind: 'numeric', quantity: { low: 7, high: 3, unit: 'count', approximate: false, bound: 'exact' } });
    const r = runRule(arithmetic, a, [c]);
    expect(r.messages).toEqual(['The range runs backwards: its low end (7) is larger than its high end (3). Swap or correct the figures.']);
  });
  it('points at offsets in the original text of a Markdown article', () => {
    const a = article('# Title\n\nSales **rose** from 80,000 to 96,000 units, a 25% jump.\n', 't.md');
    const claims = extractClaims(a);
    const f = a.sentences.flatMap((s) => arithmeticFindings(a, claims, s.start, s.end));
    expect(f.filter((x) => x.wrong).map((x) => a.text.slice(x.start, x.end))).toEqual(['25%']);
  });
});

describe('figuresOf: the figures of the extracted numeric and year claims', () => {
  it('reads currency, scale, percent, hedges, rounding and years from the claims, not the text', () => {
    const a = article('It cost about £1.2bn, up 25% on 80,000 and more than 12,400 people; seven staff; 5km in 2:09:41 on 12 April, in 2024; thousands of fans; it doubled; a third of them; between 30 and 40%.', 't.txt');
    const f = extractClaims(a).flatMap(figuresOf);
    expect(f.map((x) => [x.text, x.value, x.currency ?? '', x.percent, x.hedge ?? ''])).toEqual([
      ['£1.2bn', 1.2e9, 'GBP', false, 'approx'],
      ['25%', 25, '', true, ''],
      ['80,000', 80000, '', false, ''],
      ['12,400', 12400, '', false, 'over'],
      ['seven', 7, '', false, ''],
      ['5km', 5, '', false, ''],
      ['2024', 2024, '', false, ''],
      ['30', 30, '', true, ''],
      ['40%', 40, '', true, ''],
    ]);
    expect(f[0].half).toBeCloseTo(0.012e9); // 1.2bn rounds to ±0.05bn, capped at 1%
    expect(f[0].scale).toBe(1e9);
    expect(f[3].half).toBe(50); // 12,400: ±50
    expect(f[4].word).toBe(true);
    expect(f[4].half).toBe(0);
    expect(f[5].unit).toBe('km');
    expect(f.map((x) => x.yearLike)).toEqual([false, false, false, false, false, false, true, false, false]);
    // The hedge is inside the claim's span but outside the figure's; "between" is neither.
    expect(f.map((x) => a.text.slice(x.hedgeStart, x.end))).toEqual(['about £1.2bn', '25%', '80,000', 'more than 12,400', 'seven', '5km', '2024', '30', '40%']);
  });
  it('keeps a backwards range as its two ends', () => {
    const a = article('Traffic will grow by 8-5% this year.', 't.txt');
    expect(extractClaims(a).flatMap(figuresOf).map((x) => [x.text, x.value, x.percent])).toEqual([['8', 8, true], ['5%', 5, true]]);
  });
});
