import { describe, expect, it } from 'vitest';
import { conflictingFigures, nameVariant, editDistance } from '../../pipeline/verify/consistency.js';
import { extractClaims } from '../../pipeline/extract/index.js';
import { relateClaims } from '../../pipeline/extract/relations.js';
import type { Attribution, Claim, Quantity } from '../../pipeline/core/types.js';
import { article, claimAt, runRule } from '../helpers/claims.js';

const count = (value: number, extra: Partial<Quantity> = {}): Quantity => ({ value, unit: 'count', approximate: false, bound: 'exact', ...extra });

describe('consistency/conflicting-figures', () => {
  const text = 'The festival drew 12,400 visitors.\n\nOrganisers were pleased with the weather.\n\nIn the end, some 11,000 visitors attended.';
  it('flags the same quantity stated twice with different values, with the other sentence and its line', () => {
    const a = article(text);
    const claims = [
      claimAt(a, '12,400', { kind: 'numeric', quantity: count(12400), subject: 'visitors' }),
      claimAt(a, 'some 11,000', { kind: 'numeric', quantity: count(11000, { approximate: true, qualifier: 'some' }), subject: 'visitors' }),
    ];
    const r = runRule(conflictingFigures, a, claims);
    expect(r.spans).toEqual(['some 11,000']);
    expect(r.messages[0]).toBe('This figure conflicts with line 1: “some 11,000” here, “12,400” there, for the same visitors. Check which is right and use it in both places.');
    expect(r.problems[0].evidence![0]).toMatchObject({ kind: 'compared', line: 1, excerpt: 'The festival drew 12,400 visitors.', expected: '12,400' });
    expect(claims[1].evidence).toHaveLength(1);
  });

  it('works on the extractor\'s claims end to end', () => {
    const a = article(text);
    expect(runRule(conflictingFigures, a, extractClaims(a)).spans).toEqual(['some 11,000']);
  });

  const fine: [string, string, Quantity, string, Quantity, string?, string?][] = [
    ['a rounded repetition', '12,400', count(12400), 'about 12,000', count(12000, { approximate: true })],
    ['another subject', '12,400', count(12400), '11,000', count(11000), 'visitors', 'tickets'],
    ['values far apart (different sets)', '12,400', count(12400), '700', count(700)],
    ['small counts', '40', count(40), '35', count(35)],
    ['a change', '12,400', count(12400), '11,000', count(11000, { change: 'increase' })],
  ];
  it.each(fine)('does not flag %s', (_why, t1, q1, t2, q2, s1 = 'visitors', s2 = 'visitors') => {
    const a = article(`The festival drew ${t1} ${s1}. Later, ${t2} ${s2} came back.`);
    const claims = [claimAt(a, t1, { kind: 'numeric', quantity: q1, subject: s1 }), claimAt(a, t2, { kind: 'numeric', quantity: q2, subject: s2 })];
    expect(runRule(conflictingFigures, a, claims).problems).toEqual([]);
  });

  it.each([
    ['another year', 'The festival drew 12,400 visitors in 2024. It drew 11,000 visitors in 2023.'],
    ['a comparison', 'The festival drew 12,400 visitors. That was up from 11,000 visitors.'],
    ['a part', 'The festival drew 12,400 visitors. The fair drew 3,000 visitors including 11,000 visitors from abroad.'],
  ])('does not flag %s', (_why, t) => {
    const a = article(t);
    const claims: Claim[] = [];
    for (const m of t.matchAll(/\d[\d,]+/g)) {
      const n = Number(m[0].replace(/,/g, ''));
      claims.push(claimAt(a, m[0], { kind: 'numeric', quantity: count(n), subject: 'visitors' }));
    }
    // The context of each figure (another year, a comparison, a part) comes from the extract stage.
    relateClaims(a, claims);
    expect(runRule(conflictingFigures, a, claims).problems.filter((p) => /11,000/.test(a.text.slice(p.start, p.end)))).toEqual([]);
  });
});

describe('consistency/name-variant', () => {
  const person = (source: string, extra: Partial<Attribution> = {}): Attribution => ({ source, sourceType: 'person', cue: 'said', direct: false, inherited: false, ...extra });

  const flagged: [string, string, string][] = [
    ['“We will fight,” said Anna Kowalczyk, the union leader. Kowalcyzk added that talks would go on.', 'Kowalcyzk', 'Kowalczyk'],
    ['Jonas Weber chairs the residents’ association. Mr Webber added that the group would go to court.', 'Webber', 'Weber'],
    ['Anna Kowalczyk said the talks failed. Later, Anna Kowalcyzk said they might resume. Kowalczyk said so twice.', 'Kowalcyzk', 'Kowalczyk'],
    ['Professor Margaret Hallworth said the data were sound. Dr Hallsworth said more work was needed.', 'Hallsworth', 'Hallworth'],
  ];
  it.each(flagged)('%s', (text, variant, canon) => {
    const a = article(text);
    const r = runRule(nameVariant, a, extractClaims(a));
    expect(r.spans).toEqual([variant]);
    expect(r.messages[0]).toContain(`“${variant}” looks like another spelling of “${canon}”`);
    expect(r.problems[0].suggestions).toEqual([canon]);
    expect(r.problems[0].evidence![0].kind).toBe('compared');
  });

  it.each([
    ['two people with different first names', 'John Smith said the plan worked. Jane Smyth said it did not.'],
    ['names under five letters', 'Tom Lee said yes. Mr Lea said no.'],
    ['a place and a person', 'Maurice Greene said he would run in Greece next year.'],
    ['a demonym', 'Mr Putin said Russia would reply. Russian officials said nothing.'],
    ['a plural', 'Bob Bryan said the Bryans would play.'],
    ['different first letters', 'Anna Kowalczyk said yes. Mr Nowalczyk said no.'],
    ['one spelling throughout', 'Anna Kowalczyk said yes. Kowalczyk added more.'],
  ])('does not flag %s', (_why, text) => {
    const a = article(text);
    expect(runRule(nameVariant, a, extractClaims(a)).problems).toEqual([]);
  });

  it('flags one person given two different roles', () => {
    const a = article('Marta Kessler, chief executive of the port authority, said traffic rose. Marta Kessler, the port’s finance director, said costs fell.');
    const claims = [
      claimAt(a, 'said traffic rose', { kind: 'attribution', attribution: person('Marta Kessler', { role: 'chief executive of the port authority', sourceOffset: 0, sourceEndOffset: 13 }) }),
      claimAt(a, 'said costs fell', { kind: 'attribution', attribution: person('Marta Kessler', { role: 'the port’s finance director', sourceOffset: a.text.lastIndexOf('Marta'), sourceEndOffset: a.text.lastIndexOf('Marta') + 13 }) }),
    ];
    const r = runRule(nameVariant, a, claims);
    expect(r.messages).toEqual(['Marta Kessler is “the port’s finance director” here but “chief executive of the port authority” on line 1: one person should have one role. Check which is right.']);
    expect(r.spans).toEqual(['Marta Kessler']);
  });

  it.each([
    ['the same role in other words', 'chief executive of the port authority', 'the port authority’s CEO'],
    ['a shorter form', 'president of the Russian Asian Union', 'president'],
    ['something that is not a role', 'chief executive of the port authority', 'speaking after the meeting'],
  ])('does not flag %s', (_why, r1, r2) => {
    const a = article('Marta Kessler said one thing. Marta Kessler said another.');
    const second = a.text.lastIndexOf('Marta');
    const claims = [
      claimAt(a, 'said one thing', { kind: 'attribution', attribution: person('Marta Kessler', { role: r1, sourceOffset: 0, sourceEndOffset: 13 }) }),
      claimAt(a, 'said another', { kind: 'attribution', attribution: person('Marta Kessler', { role: r2, sourceOffset: second, sourceEndOffset: second + 13 }) }),
    ];
    expect(runRule(nameVariant, a, claims).problems).toEqual([]);
  });

  it('computes Damerau-Levenshtein distances', () => {
    expect(editDistance('kowalczyk', 'kowalcyzk')).toBe(1);
    expect(editDistance('weber', 'webber')).toBe(1);
    expect(editDistance('smith', 'smyth')).toBe(1);
    expect(editDistance('monteith', 'montieth')).toBe(1);
    expect(editDistance('abcdef', 'ghijkl', 2)).toBe(3);
  });
});
