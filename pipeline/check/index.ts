// The check stage's registry: every writing rule, one module each (see docs/rules.md).
import type { Rule } from '../core/types.js';
import { unknownWord } from './spelling/unknown-word.js';
import { nameCasing } from './spelling/name-casing.js';
import { mixedDialect } from './spelling/mixed-dialect.js';
import { rejectedWord } from './spelling/rejected-word.js';
import { fragment } from './clarity/fragment.js';
import { unclosedQuote } from './clarity/unclosed-quote.js';
import { longSentence } from './clarity/long-sentence.js';
import { vagueComparison } from './clarity/vague-comparison.js';
import { repeatedWord } from './grammar/repeated-word.js';
import { countryAsModifier } from './grammar/country-as-modifier.js';
import { loadedWord } from './style/loaded-word.js';
import { filler } from './style/filler.js';
import { vagueAttribution } from './sourcing/vague-attribution.js';

export const checkRules: Rule[] = [
  unknownWord,
  nameCasing,
  mixedDialect,
  rejectedWord,
  fragment,
  unclosedQuote,
  longSentence,
  vagueComparison,
  repeatedWord,
  countryAsModifier,
  loadedWord,
  filler,
  vagueAttribution,
];
