// What must hold for every result checkArticle returns, whatever the input (issue 9): no internal
// error, every position inside the text, every item's excerpt and every claim's text sliced from the
// original at its offsets, line/column agreeing with the offsets (LF, CR and CRLF end lines), the
// claims' sentences pointing at their text, and the result valid against schemas/report.schema.json.
import { checkArticle } from '../../pipeline/core/article.js';
import { defaultConfig } from '../../pipeline/run/config.js';
import { lineStarts, pointAt } from '../../pipeline/parse/positions.js';
import { validator, formatErrors } from '../../pipeline/validate/schemas.js';
import type { EffectiveConfig, FileResult } from '../../pipeline/core/types.js';

export interface Checked {
  result: FileResult;
  ms: number;
}

export function check(path: string, text: string, config: EffectiveConfig = defaultConfig()): Checked {
  const t0 = performance.now();
  const result = checkArticle({ path, text }, config);
  return { result, ms: performance.now() - t0 };
}

/** Every violation of the invariants, as messages (empty when the result is sound). */
export function violations(text: string, result: FileResult): string[] {
  const out: string[] = [];
  if (result.error) out.push(`per-file error ${result.error.code}: ${result.error.message.slice(0, 400)}`);
  const starts = lineStarts(text);
  const pos = (what: string, o: number, line: number, column: number) => {
    const p = pointAt(starts, o);
    if (p.line !== line || p.column !== column) out.push(`${what}: offset ${o} is ${p.line}:${p.column}, reported ${line}:${column}`);
  };
  for (const it of result.items) {
    if (it.offset < 0 || it.endOffset < it.offset || it.endOffset > text.length) {
      out.push(`item ${it.rule} span ${it.offset}-${it.endOffset} outside the text (${text.length})`);
      continue;
    }
    if (it.excerpt !== text.slice(it.offset, it.endOffset).slice(0, 300)) out.push(`item ${it.rule} excerpt ${JSON.stringify(it.excerpt.slice(0, 40))} is not the text at ${it.offset}-${it.endOffset}`);
    pos(`item ${it.rule} start`, it.offset, it.line, it.column);
    pos(`item ${it.rule} end`, it.endOffset, it.endLine, it.endColumn);
  }
  const sentences = new Map((result.sentences ?? []).map((s) => [s.index, s]));
  for (const s of result.sentences ?? []) if (s.text !== text.slice(s.offset, s.endOffset)) out.push(`sentence ${s.index} text is not the text at ${s.offset}-${s.endOffset}`);
  for (const c of result.claims) {
    if (c.offset < 0 || c.endOffset < c.offset || c.endOffset > text.length) {
      out.push(`claim ${c.id} span ${c.offset}-${c.endOffset} outside the text`);
      continue;
    }
    if (c.text !== text.slice(c.offset, c.endOffset)) out.push(`claim ${c.id} text ${JSON.stringify(c.text.slice(0, 40))} is not the text at ${c.offset}-${c.endOffset}`);
    pos(`claim ${c.id} start`, c.offset, c.line, c.column);
    pos(`claim ${c.id} end`, c.endOffset, c.endLine, c.endColumn);
    const s = sentences.get(c.sentenceIndex);
    if (!s) out.push(`claim ${c.id} points to sentence ${c.sentenceIndex}, which the result does not list`);
    else if (s.offset !== c.sentenceOffset || s.endOffset !== c.sentenceEndOffset) out.push(`claim ${c.id} sentence offsets disagree with sentence ${c.sentenceIndex}`);
  }
  const v = validator('report');
  if (!v({ version: 1, files: [result] })) out.push(`not valid against report.schema.json: ${formatErrors(v.errors).slice(0, 3).join('; ')}`);
  return out;
}

/** Item and claim ids, for comparing two runs. */
export function ids(result: FileResult): string {
  return [...result.items.map((i) => i.id), '|', ...result.claims.map((c) => c.id)].join(',');
}
