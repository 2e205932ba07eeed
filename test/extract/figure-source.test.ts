// Issue 11: a figure points to its attribution record (attributionId, attributionInherited) and
// carries no copy of it; consumers read the source through sourceOf. Sentences are our own.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../pipeline/parse/index.js';
import { extractClaims } from '../../pipeline/extract/index.js';
import { claimsById, sourceOf, sourceRecordOf } from '../../pipeline/core/source.js';
import { validator } from '../../pipeline/validate/schemas.js';
import { slimClaim } from '../../pipeline/review/data.js';
import type { Claim } from '../../pipeline/core/types.js';

const validClaim = validator('claim');

function extract(text: string): { claims: Claim[]; figure: (t: string) => Claim } {
  const claims = extractClaims(parseArticle('figures.txt', text));
  for (const c of claims) expect(validClaim(c), `${JSON.stringify(c)}\n${JSON.stringify(validClaim.errors)}`).toBe(true);
  const figure = (t: string) => {
    const c = claims.find((x) => x.kind === 'numeric' && x.text.includes(t));
    if (!c) throw new Error(`no figure "${t}" in ${JSON.stringify(claims.map((x) => x.text))}`);
    return c;
  };
  return { claims, figure };
}

describe('a figure references the record its source comes from', () => {
  it('inside a quotation: the quote record\'s id, no attribution of its own', () => {
    const { claims, figure } = extract('Ilse Brand said: “We spent £4.5m on the roads this spring.”\n');
    const f = figure('£4.5m');
    const quote = claims.find((c) => c.kind === 'quote')!;
    expect(quote.attribution!.source).toBe('Ilse Brand');
    expect(f.attributionId).toBe(quote.id);
    expect(f.attribution).toBeUndefined();
    expect(f.attributionInherited).toBeUndefined();
    expect(sourceOf(f, claimsById(claims))!.source).toBe('Ilse Brand');
    expect(sourceRecordOf(f, claimsById(claims))).toBe(quote);
  });

  it('carried over from an earlier sentence of the paragraph: marked inherited, same record', () => {
    const { claims, figure } = extract('The harbour board said 450 berths were rented last year. Another 320 berths are on a waiting list.\n');
    const first = figure('450');
    const later = figure('320');
    expect(first.attributionId).toBeDefined();
    expect(first.attributionInherited).toBeUndefined();
    expect(later.attributionId).toBe(first.attributionId);
    expect(later.attributionInherited).toBe(true);
    expect(sourceOf(later, claimsById(claims))!.source).toMatch(/harbour board/);
    for (const c of claims) if (c.kind === 'numeric') expect(c.attribution).toBeUndefined();
  });

  it('no source in the paragraph: no reference at all', () => {
    const { claims, figure } = extract('The harbour board said the berths were full.\n\nA total of 750 boats visited in June.\n');
    const f = figure('750');
    expect(f.attributionId).toBeUndefined();
    expect(f.attributionInherited).toBeUndefined();
    expect(sourceOf(f, claimsById(claims))).toBeUndefined();
  });

  it('sourceOf: a record is its own source; a dangling or record-less reference is none', () => {
    const { claims, figure } = extract('Ilse Brand said: “We spent £4.5m on the roads this spring.”\n');
    const byId = claimsById(claims);
    const quote = claims.find((c) => c.kind === 'quote')!;
    expect(sourceOf(quote, byId)).toBe(quote.attribution);
    const f = figure('£4.5m');
    expect(sourceOf({ ...f, attributionId: 'c-000000000000' }, byId)).toBeUndefined();
    expect(sourceOf(f, new Map([[quote.id, { ...quote, attribution: undefined }]]))).toBeUndefined();
  });
});

describe('the claim schema keeps the reference a reference', () => {
  const { claims, figure } = extract('The harbour board said 450 berths were rented last year. Another 320 berths are on a waiting list.\n');
  const later = figure('320');
  it('a figure with both a reference and an attribution of its own is invalid', () => {
    const record = claims.find((c) => c.id === later.attributionId)!;
    expect(validClaim({ ...later, attribution: record.attribution })).toBe(false);
  });
  it('the inherited marker needs a reference', () => {
    const { attributionId: _id, ...rest } = later;
    expect(validClaim(rest)).toBe(false);
    expect(validClaim({ ...rest, attributionInherited: undefined })).toBe(true);
  });
});

describe('the review page data carries the reference', () => {
  it('slimClaim keeps attributionId and attributionInherited, and the page data validates', () => {
    const { claims, figure } = extract('The harbour board said 450 berths were rented last year. Another 320 berths are on a waiting list.\n');
    const page = claims.map(slimClaim);
    const later = page.find((c) => c.id === figure('320').id)!;
    expect(later).toMatchObject({ attributionId: figure('450').attributionId, attributionInherited: true });
    expect(later.attribution).toBeUndefined();
    expect(page.some((c) => c.id === later.attributionId && c.attribution)).toBe(true);
    const data = { version: 1, generated: '2026-01-01T00:00:00.000Z', readOnly: true, files: [{ path: 'figures.txt', words: 18, claimCount: page.length, claims: page, hasText: false }], items: [] };
    const v = validator('review-data');
    expect(v(data), JSON.stringify(v.errors)).toBe(true);
    // A reference that is not a claim id is refused by the page schema too.
    expect(v({ ...data, files: [{ ...data.files[0], claims: [{ ...later, attributionId: 'the harbour board' }] }] })).toBe(false);
  });
});
