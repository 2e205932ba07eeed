// The shared list of names (pipeline/lexicon/names.json): publications, news agencies, broadcasters,
// institutions and companies. Shared data, not a stage: the extract stage reads the publications from it
// (sources cited in attributions) and the check stage reads every name (spelling/name-casing).
import { loadLexicon } from './load.js';

/** One name: its canonical spelling and casing, other spellings, and its kind (the group it sits in). */
export interface NameEntry {
  /** The group key: publication, news agency, broadcaster, institution, company. */
  kind: string;
  /** Canonical spelling and casing. */
  name: string;
  /** Other spellings of the same name (each correctly cased). */
  aliases: string[];
  /** false: spelling/name-casing skips the entry (its spellings are ordinary words: Time, Dawn). */
  casing: boolean;
}

/** The kinds whose names are publications cited as sources. */
export const PUBLICATION_KINDS: ReadonlySet<string> = new Set(['publication', 'news agency', 'broadcaster']);

type RawEntry = string | { name: string; aliases?: string[]; casing?: boolean };

/** names.json, checked by schemas/lexicon/names.schema.json when it loads. */
function load(): NameEntry[] {
  const { names } = loadLexicon<{ names: Record<string, RawEntry[]> }>('names');
  return Object.entries(names).flatMap(([kind, list]) =>
    list.map((e) => (typeof e === 'string' ? { kind, name: e, aliases: [], casing: true } : { kind, name: e.name, aliases: e.aliases ?? [], casing: e.casing ?? true })),
  );
}

/** Every entry, in file order (the order decides which entry keeps a spelling two entries share). */
export const NAME_ENTRIES: readonly NameEntry[] = load();
