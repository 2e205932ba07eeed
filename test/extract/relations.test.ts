// The relations the extract stage records between the figures of a sentence (pipeline/extract/relations.ts),
// which the verify rules compute from instead of reading the prose.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../pipeline/extract/index.js';
import { validator } from '../../pipeline/validate/schemas.js';
import type { Claim } from '../../pipeline/core/types.js';
import { article } from '../helpers/claims.js';

function claims(text: string) {
  const cs = extractClaims(article(text, 't.txt'));
  const at = (t: string) => {
    const c = cs.find((x) => x.text === t);
    if (!c) throw new Error(`no claim "${t}" in ${cs.map((x) => x.text).join(' | ')}`);
    return c;
  };
  const id = (t: string) => at(t).id;
  return { cs, at, id };
}

describe('relations between figures', () => {
  it('records a change on its stated percentage, with the base and the result', () => {
    const { at, id } = claims('The jobless rate climbed from 31% to 40%, a rise of 9 percent.');
    expect(at('9 percent').relations).toEqual([{ type: 'change', base: { claim: id('31%') }, result: { claim: id('40%') } }]);
    expect(at('31%').relations).toBeUndefined();
  });
  it('reads "to Y from X" and "Y, up from X" in the order of the change', () => {
    const { at, id } = claims('Revenue increased to $1.5bn from $1.2bn, a rise of 25%.');
    expect(at('25%').relations).toEqual([{ type: 'change', base: { claim: id('$1.2bn') }, result: { claim: id('$1.5bn') } }]);
  });
  it('records a multiple stated with both ends on the multiple', () => {
    const { at, id } = claims('Membership rose from 40 to 90, doubling in a year.');
    expect(at('doubling').relations).toEqual([{ type: 'change', base: { claim: id('40') }, result: { claim: id('90') } }]);
  });
  it('records a part, its whole and a share in one phrase', () => {
    const { at, id } = claims('Only 90 of the 450 respondents, or about a third, agreed.');
    expect(at('90').relations).toEqual([{ type: 'part', part: { claim: id('90') }, whole: { claim: id('450') } }]);
    expect(at('about a third').relations).toEqual([{ type: 'share', part: { claim: id('90') }, whole: { claim: id('450') }, clauses: 'same' }]);
  });
  it('records "Of the 300 schools, 45 …" as one phrase', () => {
    const { at, id } = claims('Of the 300 schools, 45 closed early, about 25% of them.');
    expect(at('about 25%').relations).toEqual([{ type: 'share', part: { claim: id('45') }, whole: { claim: id('300') }, clauses: 'same' }]);
  });
  it('relates a part in a later clause to the whole it refers back to', () => {
    const { at, id } = claims('The trust runs 300 schools, and 45 of them closed early, about 25%.');
    expect(at('about 25%').relations).toEqual([{ type: 'share', part: { claim: id('45') }, whole: { claim: id('300') }, clauses: 'split' }]);
  });
  it('does not relate counts in two clauses when nothing refers back', () => {
    const { cs } = claims('The trust runs 300 schools, and 45 closed early, with 25% of pupils sent home.');
    expect(cs.filter((c) => c.relations)).toEqual([]);
  });
  it('does not read a change as a share', () => {
    const { cs } = claims('The trust runs 300 schools, and 45 of them closed early, up 25% on last year.');
    expect(cs.filter((c) => c.relations)).toEqual([]);
  });
  it('records ranges: two claims ("between 50 and 30") and the two ends of one ("8-5%")', () => {
    const two = claims('Between 50 and 30 people attended the meeting.');
    expect(two.at('50').relations).toEqual([{ type: 'range', low: { claim: two.id('50') }, high: { claim: two.id('30') } }]);
    const one = claims('Traffic will grow by 8-5% this year.');
    expect(one.at('8-5%').relations).toEqual([{ type: 'range', low: { claim: one.id('8-5%'), end: 'low' }, high: { claim: one.id('8-5%'), end: 'high' } }]);
  });
  it('does not read clock times as a range', () => {
    expect(claims('A curfew between 2200 and 0700 applies.').cs.filter((c) => c.relations)).toEqual([]);
  });
});

describe('the context of a figure', () => {
  it('records a percentage of a whole group, with its span', () => {
    const { at } = claims('The mayor won 130% of all voters in the district.');
    expect(at('130%').context?.ofWhole).toMatchObject({ text: '130% of all voters' });
  });
  it('records no whole for a percentage of a quantity', () => {
    expect(claims('Debt reached 150% of GDP in 2023.').at('150%').context?.ofWhole).toBeUndefined();
  });
  it.each([
    ['The fair drew 12,400 visitors, up from 11,000 visitors.', '11,000', 'change'],
    ['The fair drew more than 12,400 visitors than the show did.', 'more than 12,400', 'comparison'],
    ['Organisers expect 12,400 visitors next spring.', '12,400', 'time'],
    ['The target is 12,400 visitors.', '12,400', 'projection'],
    ['The fair drew 12,400 visitors per day.', '12,400', 'rate'],
    ['The fair drew 12,400 visitors, including 3,000 children.', '3,000', 'part'],
  ])('%s: %s is a %s', (text, figure, cue) => {
    expect(claims(text).at(figure).context?.cues).toContain(cue);
  });
  it('records no cue for a plain total, and the sentence\'s time words', () => {
    const { at } = claims('The festival drew 12,400 visitors in 2024.');
    expect(at('12,400').context?.cues).toBeUndefined();
    expect(at('12,400').context?.times).toEqual(['2024']);
  });
  it('keeps every claim valid against claim.schema.json', () => {
    const validate = validator('claim');
    const { cs } = claims('The trust runs 300 schools, and 45 of them closed early, about 25%, up from 31% to 40%, a rise of 9 percent, between 50 and 30 of them; 130% of voters.');
    const valid = (c: Claim): boolean => validate(c) as boolean;
    const bad = cs.filter((c) => !valid(c));
    expect(bad.map((c) => [c.text, validate.errors])).toEqual([]);
    expect(cs.some((c) => c.relations?.length)).toBe(true);
  });
});
