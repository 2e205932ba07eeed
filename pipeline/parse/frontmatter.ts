// Front matter (YAML between --- fences): title, date, words, and copydesk: { disable, words }.
import { parse as parseYaml } from 'yaml';
import type { ArticleMeta, Problem } from '../core/types.js';
import { frontMatterMeta, inputProblem } from '../core/input-rules.js';

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
  if (typeof fm.language === 'string' || typeof fm.lang === 'string') meta.language = String(fm.language ?? fm.lang);
  const words = strings(fm.words);
  const cd = fm.copydesk;
  const disable: string[] = [];
  if (cd && typeof cd === 'object' && !Array.isArray(cd)) {
    const c = cd as Record<string, unknown>;
    words.push(...strings(c.words));
    disable.push(...strings(c.disable));
  }
  meta.words = words;
  meta.disable = disable;
  return { meta, problems };
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Front matter at the very top of a plain-text file. Returns the YAML body and where the block ends. */
export function detectFrontMatter(text: string): { yaml: string; end: number } | undefined {
  const m = FENCE.exec(text);
  if (!m) return undefined;
  return { yaml: m[1], end: m[0].length };
}
