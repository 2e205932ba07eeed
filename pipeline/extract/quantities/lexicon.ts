// The word knowledge of the quantity grammar, loaded once from pipeline/lexicon/quantities.json (schema:
// schemas/lexicon/quantities.schema.json) and turned into the sets and tables the extractors look words up in.
// Nothing here is a word list of its own: add words to the JSON file.
import { loadLexicon } from '../../lexicon/load.js';
import { dict } from '../../util/dict.js';
import type { Bound, Change } from './types.js';

interface Described<T> { description: string; values: T }
interface QuantitiesLexicon {
  lists: Record<string, { description: string; words: string[] }>;
  numbers: Record<string, Described<Record<string, number>>>;
  maps: Record<string, Described<Record<string, string>>>;
  multiplierVerbs: Described<Record<string, { factor: number; change?: Change }>>;
  qualifiers: { description: string; approximate: string[]; lower: string[]; upper: string[]; emphasis: string[] };
}

const L = loadLexicon<QuantitiesLexicon>('quantities');
const list = (name: string): ReadonlySet<string> => {
  const l = L.lists[name];
  if (!l) throw new Error(`lexicon/quantities.json: no list "${name}"`);
  return new Set(l.words);
};
const numbers = (name: string): Record<string, number> => {
  const n = L.numbers[name];
  if (!n) throw new Error(`lexicon/quantities.json: no number table "${name}"`);
  return dict(n.values);
};
const table = (name: string): ReadonlyMap<string, string> => {
  const m = L.maps[name];
  if (!m) throw new Error(`lexicon/quantities.json: no table "${name}"`);
  return new Map(Object.entries(m.values));
};

export interface Qual {
  words: string[];
  approximate?: boolean;
  bound?: Bound;
  /** "only", "just": kept as a qualifier but outside the claim's span. */
  emphasis?: boolean;
}
/** Hedges and bounds, longest first ("more than" before "more"). */
export const QUALS: Qual[] = [
  ...L.qualifiers.approximate.map((p) => ({ words: p.split(' '), approximate: true })),
  ...L.qualifiers.lower.map((p) => ({ words: p.split(' '), bound: 'lower' as Bound })),
  ...L.qualifiers.upper.map((p) => ({ words: p.split(' '), bound: 'upper' as Bound })),
  ...L.qualifiers.emphasis.map((p) => ({ words: p.split(' '), emphasis: true })),
].sort((a, b) => b.words.length - a.words.length);

export const MULT_VERB: Record<string, [number, Change | undefined]> = dict(
  Object.fromEntries(Object.entries(L.multiplierVerbs.values).map(([w, v]) => [w, [v.factor, v.change] as [number, Change | undefined]])),
);
export const MONTHS: ReadonlyMap<string, number> = new Map(Object.entries(numbers('months')));

export const UNITS_W = numbers('unitsW');
export const TENS_W = numbers('tensW');
export const SCALE_W = numbers('scaleW');
export const SCALE_SUFFIX = numbers('scaleSuffix');
export const VAGUE_W = numbers('vagueW');
export const DENOM_W = numbers('denomW');
export const MULT_VERB_S = list('multVerbS');
export const VERB_S_AFTER = list('verbSAfter');
export const FOLD_W = numbers('foldW');
export const UNIT_WORD = table('unitWord');
export const UNIT_SUFFIX = table('unitSuffix');
export const SQUARE_UNIT = table('squareUnit');
export const CUR_SYMBOL = table('curSymbol');
export const DOLLAR_PREFIX = table('dollarPrefix');
export const CUR_CODE = table('curCode');
export const CUR_WORD = table('curWord');
export const DOLLAR_ADJ = table('dollarAdj');
export const CURRENCY_NATION = table('currencyNation');
export const DOLLAR_ADJ2 = table('dollarAdj2');
export const INCREASE_NOUN = list('increaseNoun');
export const DECREASE_NOUN = list('decreaseNoun');
export const INCREASE_VERB = list('increaseVerb');
export const DECREASE_VERB = list('decreaseVerb');
export const COMPARATIVE_UP = list('comparativeUp');
export const COMPARATIVE_DOWN = list('comparativeDown');
export const LABEL_BEFORE = list('labelBefore');
export const FUNCTION_WORD = list('functionWord');
export const STREET = list('street');
export const SPORT = list('sport');
export const METRE_EVENT = list('metreEvent');
export const METRE_BEFORE = list('metreBefore');
export const DIMENSION = list('dimension');
export const METRE_CONTEXT = list('metreContext');
export const TIME_AFTER = list('timeAfter');
export const STOP = list('stop');
export const TIME_UNIT = list('timeUnit');
export const SUBJECT_SKIP = list('subjectSkip');
export const DETERMINER = list('determiner');
export const ANAPHOR_BEFORE = list('anaphorBefore');
export const PLURAL_IRREG = list('pluralIrreg');
export const CHANGE_AFTER_SKIP = list('changeAfterSkip');
export const ORDINAL_W = numbers('ordinalW');
export const PLACE_VERB = list('placeVerb');
export const RANK_NOUN = list('rankNoun');
export const RANK_MODIFIER = list('rankModifier');
export const RANK_COMPOUND = list('rankCompound');
export const COMPOUND_NOT = list('compoundNot');
export const FRACTION_PREP = list('fractionPrep');
export const ONE_BEFORE_NOT = list('oneBeforeNot');
export const ONE_AFTER_NOT = list('oneAfterNot');
export const QUANTITY_NOUN = list('quantityNoun');
export const MULTIPLE_NOUN = list('multipleNoun');
export const SCORE_NOUN = list('scoreNoun');
export const COUNTED_NOUN = list('countedNoun');
export const YEAR_BEFORE = list('yearBefore');
export const AGE_BEFORE = list('ageBefore');
/** The numberIdiom phrases, each split into its words. */
export const NUMBER_IDIOMS: readonly string[][] = [...list('numberIdiom')].map((p) => p.split('_'));
export const ROUND_SIZE = list('roundSize');
export const ROUND_BEFORE = list('roundBefore');
export const STATE_VERB = list('stateVerb');
export const PERSONAL_PRONOUN = list('personalPronoun');
export const RACE_DISTANCE = list('raceDistance');
