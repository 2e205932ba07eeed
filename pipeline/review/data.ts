// What the review page shows: the run's files (title, claims, error) and queue items, plus each
// article's text. `copydesk run` copies every article's text into <out>/articles/ so the review
// server never has to read outside the output folder (and the page still works when the sources
// move), and embeds the same data in the static <out>/report.html.
import fs from 'node:fs';
import path from 'node:path';
import type { Claim, FileResult, Item } from '../core/types.js';
import type { PageClaim, ReviewFile, RuleDoc } from '../core/schema-types.js';
import { ruleMeta } from '../core/registry.js';
import { examplesMarkdown } from '../core/rule-docs.js';
import { digest } from '../util/hash.js';
import { decodeArticle } from '../parse/read.js';
import { writeFileAtomic } from '../util/atomic.js';

// The page's data shapes are generated from schemas/review-data.schema.json.
export type { ReviewData, ReviewFile, RuleDoc } from '../core/schema-types.js';

export const ARTICLES_DIR = 'articles';

/**
 * <out>/articles/<article path>.json for articles under the cwd (extension kept, so a.md and a.txt
 * do not collide); articles elsewhere go to articles/external/<hash>-<base name>.json.
 */
export function articleTextFile(outDir: string, articlePath: string): string {
  const external = articlePath.startsWith('/') || articlePath.startsWith('..') || /^[A-Za-z]:/.test(articlePath);
  const rel = external ? `external/${digest(articlePath, 8)}-${path.basename(articlePath)}` : articlePath;
  return path.join(outDir, ARTICLES_DIR, rel + '.json');
}

/**
 * Reads each article's text again (the worker read it, but results carry no text) and writes it
 * to <out>/articles/. Returns the texts by path; files that cannot be read any more are left out.
 */
export function writeArticleTexts(outDir: string, results: FileResult[], cwd = process.cwd(), reuseFrom?: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const r of results) {
    if (r.error || r.skipped) continue; // never read a path the finder skipped (a link out of the named folders)
    let text: string;
    try {
      text = decodeArticle(fs.readFileSync(path.resolve(cwd, r.path)), r.path);
    } catch {
      continue; // moved or changed since the check: the page shows the items without the text
    }
    texts.set(r.path, text);
    const file = articleTextFile(outDir, r.path);
    const json = JSON.stringify({ path: r.path, text }) + '\n';
    if (sameContent(file, json)) continue; // re-runs over an unchanged archive write nothing
    // A run staged in a fresh folder links the previous run's unchanged texts instead of writing them.
    const previous = reuseFrom ? articleTextFile(reuseFrom, r.path) : undefined;
    if (previous && sameContent(previous, json) && linked(previous, file)) continue;
    writeFileAtomic(file, json);
  }
  return texts;
}

/**
 * A claim without what the page never shows (its sentence index, end positions). The page has the
 * article's text, so a sentence it needs is `text.slice(sentenceOffset, sentenceEndOffset)`.
 */
export function slimClaim(c: Claim): PageClaim {
  const { sentenceIndex: _i, endLine: _l, endColumn: _c, ...rest } = c;
  return rest as PageClaim;
}

function linked(from: string, to: string): boolean {
  try {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.linkSync(from, to);
    return true;
  } catch {
    return false; // no hard links here: write the file
  }
}

function sameContent(file: string, data: string): boolean {
  try {
    return fs.statSync(file).size === Buffer.byteLength(data) && fs.readFileSync(file, 'utf8') === data;
  } catch {
    return false;
  }
}

export function reviewFiles(results: Array<Pick<FileResult, 'path' | 'words' | 'claims' | 'title' | 'date' | 'error'>>, texts?: Map<string, string>): ReviewFile[] {
  return results.map((r) => {
    const f: ReviewFile = { path: r.path, words: r.words, claimCount: r.claims.length, hasText: !!texts?.has(r.path) };
    if (r.title) f.title = r.title;
    if (r.date) f.date = r.date;
    if (r.error) f.error = r.error;
    return f;
  });
}

/** The documentation of every rule that has an item, for the page's "about this rule" (policies included). */
export function ruleDocs(items: Array<Pick<Item, 'rule'>>): Record<string, RuleDoc> {
  const out: Record<string, RuleDoc> = {};
  for (const it of items) {
    if (out[it.rule]) continue;
    const m = ruleMeta(it.rule);
    // The rule's prose and its tested examples (meta.examples), as docs/rules.md shows them.
    if (m) out[it.rule] = { description: m.description, docs: [m.docs, examplesMarkdown(m)].filter(Boolean).join('\n\n') };
  }
  return out;
}
