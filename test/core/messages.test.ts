import { describe, expect, it } from 'vitest';
import { placeholders, renderMessage } from '../../pipeline/core/messages.js';

const meta = { id: 'style/x', messages: { twice: '“{{word}}” twice, {{ n }} times.' } };

describe('rule messages by id', () => {
  it('fill the placeholders from the data', () => {
    expect(renderMessage(meta, 'twice', { word: 'in', n: 2 })).toBe('“in” twice, 2 times.');
    expect(placeholders(meta.messages.twice)).toEqual(['word', 'n']);
  });
  it('throw on an undeclared id or missing data (a bug in the rule)', () => {
    expect(() => renderMessage(meta, 'thrice', {})).toThrow(/style\/x reported the message id "thrice"/);
    expect(() => renderMessage(meta, 'twice', { word: 'in' })).toThrow(/needs data\.n/);
  });
});
