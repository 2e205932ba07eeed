// The verify stage's registry: checks that compute or compare (arithmetic, consistency, facts).
// They give claims verdicts and evidence through ctx.judge() (core/verdict.ts applies them).
import type { Rule } from '../core/types.js';
import { arithmetic } from './arithmetic.js';
import { facts } from './facts.js';
import { conflictingFigures, nameVariant } from './consistency.js';
import { pointsAsPercent } from './points-as-percent.js';
import { splitShare } from './split-share.js';

export const verifyRules: Rule[] = [arithmetic, pointsAsPercent, splitShare, facts, conflictingFigures, nameVariant];
