// The check stage's registry: every writing rule, one module each (see docs/rules.md).
import type { Rule } from '../types.js';
import { unknownWord } from './spelling/unknown-word.js';
import { nameCasing } from './spelling/name-casing.js';

export const checkRules: Rule[] = [
  unknownWord,
  nameCasing,
];
