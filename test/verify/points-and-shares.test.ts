import { describe, expect, it } from 'vitest';
import { pointsAsPercent } from '../../pipeline/verify/points-as-percent.js';
import { splitShare } from '../../pipeline/verify/split-share.js';
import { arithmetic } from '../../pipeline/verify/arithmetic.js';
import { extractClaims } from '../../pipeline/extract/index.js';
import type { Rule } from '../../pipeline/core/types.js';
import { article, runRule } from '../helpers/claims.js';

function check(rule: Rule, text: string) {
  const a = article(text, 't.txt');
  return runRule(rule, a, extractClaims(a));
}

describe('verification/points-as-percent', () => {
  it.each([
    ['The jobless rate climbed from 31% to 40%, a rise of 9 percent.', '9 percent', '9 percentage points', /increase of 9 percentage points \(29% in relative terms\)/],
    ['Its market share fell from 12% to 10%, a drop of 2%.', '2%', '2 percentage points', /fall of 2 percentage points \(16\.7% in relative terms\)/],
    ['Support for the plan went up 5% from 20% to 25%.', '5%', '5 percentage points', /increase of 5 percentage points \(25% in relative terms\)/],
  ])('flags %s', (text, span, expected, says) => {
    const r = check(pointsAsPercent, text);
    expect(r.spans).toEqual([span]);
    expect(r.messages[0]).toMatch(says);
    expect(r.problems[0].expected).toBe(expected);
    expect(r.problems[0].evidence![0].kind).toBe('computed');
  });
  it.each([
    'The jobless rate climbed from 31% to 40%, a rise of 9 percentage points.',
    'Turnout grew from 40% to 50%, a 25% rise.',
    'The council cut its budget from £8m to £6m, a 25% cut.',
    'Sales rose from 80,000 to 96,000 units, a 20% jump.',
    // 50% to 75% up 50%: the relative change, stated right.
    'Coverage rose from 50% to 75%, a 50% increase.',
    // A wrong figure that is neither reading is arithmetic's.
    'The jobless rate climbed from 31% to 40%, a rise of 60 percent.',
  ])('does not flag %s', (text) => {
    expect(check(pointsAsPercent, text).problems).toEqual([]);
  });
  it('leaves the points reading to this rule and the wrong figure to arithmetic', () => {
    expect(check(arithmetic, 'The jobless rate climbed from 31% to 40%, a rise of 9 percent.').problems).toEqual([]);
    expect(check(arithmetic, 'The jobless rate climbed from 31% to 40%, a rise of 60 percent.').spans).toEqual(['60 percent']);
  });
});

describe('verification/split-share', () => {
  it.each([
    ['The trust runs 300 schools, and 45 of them closed early, about 25%.', 'about 25%', /45 of 300 \(the whole is set earlier in the sentence\) is 15%, not about 25%/],
    ['The district has 300 schools; 45 closed early, about 25% of them.', 'about 25%', /45 of 300 .* is 15%, not about 25%/],
    ['The airline flew 1,200 routes last year, but 300 of those made a loss, or 40%.', '40%', /300 of 1,200 .* is 25%, not 40%/],
  ])('flags %s', (text, span, says) => {
    const r = check(splitShare, text);
    expect(r.spans).toEqual([span]);
    expect(r.messages[0]).toMatch(says);
    expect(r.problems[0].evidence![0].kind).toBe('computed');
  });
  it.each([
    'The trust runs 300 schools, and 45 of them closed early, about 15%.',
    'The district has 300 schools; 45 closed early, some 15% of them.',
    'The airline flew 1,200 routes last year, but 300 of those made a loss, or a quarter.',
    // No reference back to the whole: two counts and a percentage of something else.
    'The trust runs 300 schools, and 45 closed early, with 25% of pupils sent home.',
    // A change, not a share.
    'The trust runs 300 schools, and 45 of them closed early, up 25% on last year.',
    // One phrase: arithmetic's, not this rule's.
    'Of the 300 schools, 45 closed early, about 25% of them.',
  ])('does not flag %s', (text) => {
    expect(check(splitShare, text).problems).toEqual([]);
  });
  it('marks the share contradicted, with the computation as evidence', () => {
    const a = article('The trust runs 300 schools, and 45 of them closed early, about 25%.', 't.txt');
    const claims = extractClaims(a);
    runRule(splitShare, a, claims);
    const share = claims.find((c) => c.text === 'about 25%')!;
    expect(share.verdict).toBe('contradicted');
    expect(share.evidence![0]).toMatchObject({ kind: 'computed', expected: '15%', actual: 'about 25%' });
  });
});
