// Every rule of every stage declares its options as a closed JSON Schema and its messages by id.
import { describe, expect, it } from 'vitest';
import { allRuleMetas } from '../../pipeline/core/registry.js';
import { ruleOptionsProblem } from '../../pipeline/core/rule-options.js';

describe('rule metadata', () => {
  it.each(allRuleMetas().map((m) => [m.id, m] as const))('%s declares closed options and messages', (_id, m) => {
    expect(m.options).toMatchObject({ type: 'object', additionalProperties: false });
    expect(ruleOptionsProblem(m, {})).toBeUndefined();
    expect(ruleOptionsProblem(m, { noSuchOption: 1 })?.pointer).toBe('/noSuchOption');
    expect(Object.keys(m.messages).length).toBeGreaterThan(0);
    for (const [id, text] of Object.entries(m.messages)) {
      expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(text.length).toBeGreaterThan(0);
    }
  });
});
