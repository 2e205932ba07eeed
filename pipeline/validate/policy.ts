// Editorial policy as JSON Schemas applied to each claim. (Placeholder until the policy stage lands.)
import type { Rule } from '../types.js';

export const policyRules: Rule[] = [];
