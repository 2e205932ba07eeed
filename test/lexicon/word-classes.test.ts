import { describe, expect, it } from 'vitest';
import { hasClass, wordsOf } from '../../pipeline/lexicon/word-classes.js';
import { loadLexicon } from '../../pipeline/lexicon/load.js';

describe('word classes', () => {
  it('answers membership in any case, with curly apostrophes', () => {
    expect(hasClass('The', 'determiner')).toBe(true);
    expect(hasClass('n’t', 'contraction-suffix')).toBe(true);
    expect(hasClass('table', 'determiner')).toBe(false);
  });
  it('a class holds the words of the classes it includes', () => {
    const det = wordsOf('determiner');
    for (const inc of ['article', 'possessive-determiner', 'demonstrative', 'quantifying-determiner']) for (const w of wordsOf(inc)) expect(det.has(w), `${w} (${inc})`).toBe(true);
    expect(wordsOf('preposition').has('of')).toBe(true); // from preposition-simple
    expect(wordsOf('preposition').has('despite')).toBe(true); // its own
    expect(wordsOf('preposition-simple').has('despite')).toBe(false);
  });
  it('every class says what it is for', () => {
    const { classes } = loadLexicon<{ classes: Record<string, { description: string }> }>('word-classes');
    for (const [name, c] of Object.entries(classes)) expect(c.description.length, name).toBeGreaterThan(5);
  });
  it('throws on a class that does not exist (a typo in code)', () => {
    expect(() => wordsOf('determiners')).toThrow(/no class "determiners"/);
  });
});
