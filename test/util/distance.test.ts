// pipeline/util/distance: restricted Damerau-Levenshtein (optimal string alignment) with an optional bound.
import { describe, expect, it } from 'vitest';
import { damerau } from '../../pipeline/util/distance.js';

describe('damerau', () => {
  it.each<[a: string, b: string, expected: number, what: string]>([
    // [a, b, expected, case]
    ['receive', 'receive', 0, 'identical'],
    ['', '', 0, 'both empty'],
    ['', 'abc', 3, 'empty a: every character inserted'],
    ['abc', '', 3, 'empty b: every character deleted'],
    ['cover', 'covery', 1, 'insert'],
    ['covery', 'cover', 1, 'delete'],
    ['smith', 'smyth', 1, 'substitute'],
    ['recieve', 'receive', 1, 'transposition'],
    ['ab', 'ba', 1, 'transposition of the whole string'],
    ['kitten', 'sitting', 3, 'two substitutions and an insert'],
    ['ca', 'abc', 3, 'restricted: no edit inside a transposed pair (full Damerau gives 2)'],
    ['abcdef', 'ghijkl', 6, 'nothing in common'],
  ])('%s -> %s = %i (%s)', (a, b, expected) => {
    expect(damerau(a, b)).toBe(expected);
    expect(damerau(b, a)).toBe(expected);
  });

  it.each<[a: string, b: string, max: number, expected: number, what: string]>([
    // [a, b, max, expected, case]
    ['abcdef', 'ghijkl', 2, 3, 'exceeded: max + 1'],
    ['kitten', 'sitting', 2, 3, 'exceeded by one: max + 1'],
    ['kitten', 'sitting', 3, 3, 'equal to max: exact'],
    ['recieve', 'receive', 1, 1, 'within max: exact'],
    ['a', 'abcdefgh', 3, 4, 'length difference alone exceeds max'],
    ['same', 'same', 0, 0, 'max 0, identical'],
    ['same', 'sane', 0, 1, 'max 0, one edit'],
    ['', 'ab', 5, 2, 'empty string within max'],
  ])('%s -> %s with max %i = %i (%s)', (a, b, max, expected) => {
    expect(damerau(a, b, max)).toBe(expected);
  });

  it('gives the same distance after a longer string grew the shared rows', () => {
    const long = 'x'.repeat(200);
    expect(damerau(long, long + 'y')).toBe(1);
    expect(damerau('monteith', 'montieth')).toBe(1);
  });
});
