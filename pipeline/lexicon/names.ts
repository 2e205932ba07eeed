// The shared list of names (pipeline/lexicon/names.json): publications, news agencies, broadcasters,
// institutions and companies. Shared data, not a stage: the extract stage reads the publications from it
// (sources cited in attributions) and the check stage reads every name (spelling/name-casing).
import data from './names.json' with { type: 'json' };

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

function load(): NameEntry[] {
  const bad = (what: string) => new Error(`pipeline/lexicon/names.json: ${what}`);
  const groups = (data as { names?: unknown }).names;
  if (!groups || typeof groups !== 'object') throw bad('no "names" object of kind -> entries');
  const out: NameEntry[] = [];
  for (const [kind, list] of Object.entries(groups as Record<string, unknown>)) {
    if (!Array.isArray(list)) throw bad(`names["${kind}"] is not a list`);
    (list as RawEntry[]).forEach((e, i) => {
      const at = `names["${kind}"][${i}]`;
      if (typeof e === 'string') {
        if (!e.trim()) throw bad(`${at} is an empty name`);
        out.push({ kind, name: e, aliases: [], casing: true });
        return;
      }
      if (!e || typeof e !== 'object' || typeof e.name !== 'string' || !e.name.trim()) throw bad(`${at} is neither a name nor {name, aliases?, casing?}`);
      if (e.aliases !== undefined && (!Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string' || !a.trim()))) throw bad(`${at}.aliases must be a list of names`);
      if (e.casing !== undefined && typeof e.casing !== 'boolean') throw bad(`${at}.casing must be true or false`);
      out.push({ kind, name: e.name, aliases: e.aliases ?? [], casing: e.casing ?? true });
    });
  }
  return out;
}

/** Every entry, in file order (the order decides which entry keeps a spelling two entries share). */
export const NAME_ENTRIES: readonly NameEntry[] = load();
