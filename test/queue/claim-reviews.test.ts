// A claim review belongs to one article: the same sentence in two articles gives two claims with
// different ids, so reviewing one never marks the other; the id still survives edits elsewhere in
// its own article.
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../pipeline/core/article.js';
import { defaultConfig } from '../../pipeline/run/config.js';
import { applyClaimReviews } from '../../pipeline/queue/decisions.js';
import type { Decisions } from '../../pipeline/core/types.js';

const SENTENCE = 'The council will spend £4m on new bus lanes, its leader said.';
const claimsOf = (path: string, text: string, key?: string) => checkArticle({ path, text, ...(key ? { key } : {}) }, defaultConfig()).claims;
const figure = (claims: ReturnType<typeof claimsOf>) => claims.find((c) => c.kind === 'numeric')!;

describe('claim ids and reviews are per article', () => {
  it('the same sentence in two articles gives two different claim ids', () => {
    const a = figure(claimsOf('news/a.md', `# Buses\n\n${SENTENCE}\n`));
    const b = figure(claimsOf('news/b.md', `# Buses\n\n${SENTENCE}\n`));
    expect(a.text).toBe(b.text);
    expect(a.id).not.toBe(b.id);
  });

  it('the id is built from the repository key when there is one, not the shown path', () => {
    const shown = figure(claimsOf('a.md', `# Buses\n\n${SENTENCE}\n`, 'news/a.md'));
    const keyed = figure(claimsOf('news/a.md', `# Buses\n\n${SENTENCE}\n`));
    expect(shown.id).toBe(keyed.id);
  });

  it('the id survives an edit to another sentence of the same article', () => {
    const before = figure(claimsOf('news/a.md', `# Buses\n\n${SENTENCE}\n`));
    const after = figure(claimsOf('news/a.md', `# Buses and trams\n\nTrams were not discussed.\n\n${SENTENCE}\n`));
    expect(after.id).toBe(before.id);
  });

  it('a review of one article\'s claim is not applied to the same sentence in another', () => {
    const a = claimsOf('news/a.md', `# Buses\n\n${SENTENCE}\n`);
    const b = claimsOf('news/b.md', `# Buses\n\n${SENTENCE}\n`);
    const decisions: Decisions = { version: 1, decisions: {}, claims: { [figure(a).id]: { status: 'wrong', at: '2026-12-02T10:00:00.000Z' } } } as Decisions;
    applyClaimReviews(a, decisions);
    applyClaimReviews(b, decisions);
    expect(figure(a).review?.status).toBe('wrong');
    expect(figure(b).review).toBeUndefined();
  });
});
