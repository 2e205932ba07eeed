// The quantity grammar (issue 12), split by job after Microsoft Recognizers-Text: types.ts (a figure, a
// reference date), lexicon.ts (the word knowledge, loaded once from pipeline/lexicon/quantities.json),
// cursor.ts (the sentence being read), shapes.ts (token shapes), labels.ts (numbers that are not
// quantities), context.ts (hedges, change, subject), parsers/ (an amount's value: number.ts; what it
// measures: units.ts), extractors/ (one per family of forms: amount, range, number, ordinal, fraction, ratio, vague, date),
// scanner.ts (the dispatcher), and ../quantity-kind.ts (what kind of quantity, and which are statistics).
export type { Bound, Change, Figure, RefDate } from './types.js';
export { parseRefDate } from './types.js';
export { QuantityScanner } from './scanner.js';
export { clean } from './shapes.js';
