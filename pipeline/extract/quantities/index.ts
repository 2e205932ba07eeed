// The quantity grammar (issue 12): types.ts (a figure, a reference date), lexicon.ts (the word
// knowledge, from pipeline/lexicon/quantities.json), scanner.ts (the extractors and parsers), and
// ../quantity-kind.ts (what kind of quantity, and which are statistics).
export type { Bound, Change, Figure, RefDate } from './types.js';
export { parseRefDate } from './types.js';
export { QuantityScanner, clean } from './scanner.js';
