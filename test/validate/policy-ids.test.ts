// A user's policy schema is kept apart from copydesk's own schemas: one that takes the $id of a
// copydesk schema is a configuration error, and copydesk's validators are never replaced.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../pipeline/run/config.js';
import { validator } from '../../pipeline/validate/schemas.js';
import { compilePolicy } from '../../pipeline/validate/policy.js';
import { tempDir, writeTree } from '../helpers/ci.js';

const policy = (id?: string) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  ...(id ? { $id: id } : {}),
  'x-copydesk': { rule: 'sourcing/house-rule', severity: 'warning' },
  if: { required: ['kind'], properties: { kind: { const: 'quote' } } },
  then: { required: ['attribution'] },
});

describe('user policy schemas and copydesk schema ids', () => {
  it('a policy whose $id is copydesk’s decisions schema id is an error naming the policy file', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { policies: ['p.json'] }, 'p.json': policy('https://copydesk.dev/schemas/decisions.schema.json') });
    expect(() => new ConfigResolver().forFile(path.join(dir, 'a.md'))).toThrow(new RegExp(`${path.join(dir, 'p.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: policy schema has "\\$id": "https://copydesk.dev/schemas/decisions.schema.json", the id of one of copydesk's own schemas`));
  });
  it('the decisions validator still rejects garbage after a user policy compiled (even one that $refs copydesk schemas)', () => {
    compilePolicy('/tmp/user.json', { ...policy('https://newsroom.example/policy.json'), then: { $ref: 'https://copydesk.dev/schemas/claim.schema.json' } });
    expect(validator('decisions')({ version: 99, decisions: 'garbage' })).toBe(false);
  });
  it('a policy with its own $id (or none) loads', () => {
    const dir = writeTree(tempDir(), { 'copydesk.config.json': { policies: ['p.json', 'q.json'] }, 'p.json': policy('https://newsroom.example/p.json'), 'q.json': policy() });
    expect(new ConfigResolver().forFile(path.join(dir, 'a.md')).effective.policies).toHaveLength(2);
  });
});
