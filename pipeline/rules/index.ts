// The check stage's registry: every writing rule, one module each (see docs/rules.md).
import type { Rule } from '../types.js';

export const checkRules: Rule[] = [];
