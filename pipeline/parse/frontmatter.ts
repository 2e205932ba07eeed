// Front matter (YAML between --- fences): title, date, words, and copydesk: { disable, words }.
import { parse as parseYaml } from 'yaml';
import type { ArticleMeta, Problem } from '../core/types.js';
import { closest } from '../util/distance.js';
import { frontMatterMeta, unknownKeyMeta, inputProblem } from '../core/input-rules.js';

/** The front-matter keys copydesk reads; others belong to the site generator and are left alone. */
const TOP_KEYS = ['title', 'date', 'language', 'lang', 'words', 'copydesk'];
/** Keys of the `copydesk:` mapping. */
const COPYDESK_KEYS = ['disable', 'words', 'language'];
/** A top-level key this close to one of these is a slip for it ("wrods", "langauge", "disabel"). */
const NEAR_TOP = ['words', 'language', 'copydesk', 'disable'];
/** Languages copydesk checks, and the spellings of them it understands. */
const LANGUAGES: Record<string, 'en-US' | 'en-GB' | 'en'> = { 'en-us': 'en-US', 'en-gb': 'en-GB', 'en-uk': 'en-GB', en: 'en', 'en-any': 'en', british: 'en-GB', american: 'en-US' };

/** A front-matter or config language as one copydesk checks ("en_GB" -> en-GB), or undefined when it is none. */
export function knownLanguage(value: string): 'en-US' | 'en-GB' | 'en' | undefined {
  return LANGUAGES[value.trim().toLowerCase().replace('_', '-')];
}

export interface FrontMatter {
  meta: Partial<ArticleMeta>;
  problems: Problem[];
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string') return v.split(/[\s,]+/).filter(Boolean);
  return [];
}

function isoDate(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  return undefined;
}

/** Reads the YAML body of front matter found at [start, end) of the file; `valueStart` is where the YAML body begins. */
export function readFrontMatter(yamlText: string, start: number, end: number): FrontMatter {
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = parseYaml(yamlText, { prettyErrors: false });
  } catch (err) {
    problems.push(inputProblem(frontMatterMeta, 'notYaml', start, end, { error: (err as Error).message.split('\n')[0] }));
    return { meta: {}, problems };
  }
  if (data == null) return { meta: {}, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push(inputProblem(frontMatterMeta, 'notMapping', start, end));
    return { meta: {}, problems };
  }
  const fm = data as Record<string, unknown>;
  const meta: Partial<ArticleMeta> = {};
  if (typeof fm.title === 'string') meta.title = fm.title;
  const date = isoDate(fm.date);
  if (date) meta.date = date;
  else if (fm.date !== undefined) problems.push(inputProblem(frontMatterMeta, 'notDate', start, end, { date: JSON.stringify(String(fm.date)) }));
  const unknownKey = (key: string, where: string, candidates: string[], always: boolean) => {
    const near = closest(key, candidates, 2);
    if (!near && !always) return;
    const hint = near ? ` Did you mean “${key === 'disable' ? 'copydesk: {disable}' : near}”?` : '';
    const known = where ? COPYDESK_KEYS.map((k) => `copydesk.${k}`).join(', ') : TOP_KEYS.join(', ');
    problems.push(inputProblem(unknownKeyMeta, 'unknown', start, end, { where, key, hint, known }));
  };
  for (const key of Object.keys(fm)) if (!TOP_KEYS.includes(key)) unknownKey(key, '', NEAR_TOP, false);
  const language = (v: unknown) => {
    if (v === undefined) return;
    const lang = typeof v === 'string' ? knownLanguage(v) : undefined;
    if (lang) meta.language = lang;
    else problems.push(inputProblem(frontMatterMeta, 'unknownLanguage', start, end, { language: JSON.stringify(v) }));
  };
  language(fm.language ?? fm.lang);
  const words = strings(fm.words);
  const cd = fm.copydesk;
  const disable: string[] = [];
  if (cd && typeof cd === 'object' && !Array.isArray(cd)) {
    const c = cd as Record<string, unknown>;
    words.push(...strings(c.words));
    disable.push(...strings(c.disable));
    language(c.language);
    for (const key of Object.keys(c)) if (!COPYDESK_KEYS.includes(key)) unknownKey(key, 'copydesk.', COPYDESK_KEYS, true);
  } else if (cd !== undefined) {
    problems.push(inputProblem(frontMatterMeta, 'copydeskNotMapping', start, end));
  }
  meta.words = words;
  meta.disable = disable;
  meta.frontMatterSpan = { start, end };
  return { meta, problems };
}

// Lines end at LF, CR or CRLF.
const FENCE = /^---[ \t]*(?:\r\n?|\n)([\s\S]*?)(?:\r\n?|\n)(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/;

/** Front matter at the very top of a plain-text file. Returns the YAML body and where the block ends. */
export function detectFrontMatter(text: string): { yaml: string; end: number } | undefined {
  const m = FENCE.exec(text);
  if (!m) return undefined;
  return { yaml: m[1], end: m[0].length };
}
