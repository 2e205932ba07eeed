// The verify stage's registry: checks that compute or compare (arithmetic, consistency, facts).
// They may set `verdict` and `evidence` on claims.
import type { Rule } from '../types.js';

export const verifyRules: Rule[] = [];
