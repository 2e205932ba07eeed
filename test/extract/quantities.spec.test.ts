// The quantity grammar as a table (issue 12): test/extract/data/quantities.spec.json lists, for each
// sentence, every numeric claim the extract stage makes (text, in order) and the parts of its quantity
// that matter (kind, value or low/high, unit, approximate/bound, and the text of each span in `parts`).
// Negative cases list none, or only the figures the sentence does hold.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parseArticle } from '../../pipeline/parse/index.js';
import { extractNumeric } from '../../pipeline/extract/numeric.js';
import { validator } from '../../pipeline/validate/schemas.js';

interface Case { form: string; sentence: string; figures: ({ text: string } & Record<string, unknown>)[] }
const table = JSON.parse(fs.readFileSync(new URL('./data/quantities.spec.json', import.meta.url), 'utf8')) as { cases: Case[] };
const validClaim = validator('claim');

describe('quantity units', () => {
  it('the claim schema lists every unit the lexicon can give', () => {
    const lex = JSON.parse(fs.readFileSync(new URL('../../pipeline/lexicon/quantities.json', import.meta.url), 'utf8')) as { maps: Record<string, { values: Record<string, string> }> };
    const schema = JSON.parse(fs.readFileSync(new URL('../../schemas/claim.schema.json', import.meta.url), 'utf8')) as { $defs: { Quantity: { properties: { unit: { enum: string[] } } } } };
    const units = new Set(schema.$defs.Quantity.properties.unit.enum);
    for (const table of ['unitWord', 'unitSuffix', 'squareUnit']) for (const u of Object.values(lex.maps[table].values)) expect(units.has(u), `${table}: ${u}`).toBe(true);
  });
});

describe('quantity grammar table', () => {
  it('holds at least 60 forms, with negatives', () => {
    expect(table.cases.length).toBeGreaterThanOrEqual(60);
    expect(table.cases.filter((c) => c.form.startsWith('negative')).length).toBeGreaterThanOrEqual(15);
  });
  it.each(table.cases.map((c) => [c.form, c] as const))('%s', (_form, c) => {
    const article = parseArticle('t.txt', c.sentence);
    const claims = extractNumeric(article).filter((x) => x.kind === 'numeric');
    for (const x of claims) expect(validClaim(x), JSON.stringify(validClaim.errors)).toBe(true);
    expect(claims.map((x) => x.text)).toEqual(c.figures.map((f) => f.text));
    c.figures.forEach((f, i) => {
      const { text: _text, value, parts, ...rest } = f;
      const q = claims[i].quantity!;
      if (typeof value === 'number') expect(q.value).toBeCloseTo(value, 4);
      expect(q).toMatchObject(rest);
      // Parts are given as the text each part covers: the number without its hedge, a range's two ends.
      if (parts) {
        const got: Record<string, string> = {};
        for (const [name, span] of Object.entries(q.parts ?? {})) if (span) got[name] = c.sentence.slice(span.offset, span.endOffset);
        expect(got).toEqual(parts);
      }
    });
  });
});
