// reviewdog diagnostic JSON lines (`reviewdog -f=rdjsonl`): one Diagnostic per line. reviewdog counts
// columns in UTF-8 bytes, so columns are converted from our UTF-16 ones with the article's text (read
// from disk; when it cannot be read the UTF-16 columns are kept). Ranges end exclusive.
import fs from 'node:fs';
import type { FileResult, Severity } from '../../core/types.js';
import type { Formatter } from './index.js';
import { absOf, bySeverity, shownItems } from './util.js';
import { INFORMATION_URI } from '../../util/docs-url.js';

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** UTF-16 column -> UTF-8 byte column on one line (both 1-based). */
export function utf8Column(lineText: string, utf16Column: number): number {
  return Buffer.byteLength(lineText.slice(0, utf16Column - 1), 'utf8') + 1;
}

function lineReader(file: FileResult, cwd: string): (line: number) => string | undefined {
  let lines: string[] | null | undefined;
  return (line) => {
    if (lines === undefined) {
      try {
        lines = file.error ? null : fs.readFileSync(absOf(file.path, cwd), 'utf8').replace(/^\uFEFF/, '').split('\n');
      } catch {
        lines = null;
      }
    }
    return lines ? lines[line - 1] : undefined;
  };
}

export const rdjsonl: Formatter = (report, ctx) => {
  const readers = new Map<FileResult, (line: number) => string | undefined>();
  const pos = (file: FileResult, line: number, column: number) => {
    let read = readers.get(file);
    if (!read) readers.set(file, (read = lineReader(file, ctx.cwd)));
    const text = read(line);
    return { line, column: text === undefined ? column : utf8Column(text, column) };
  };
  const out: string[] = [];
  for (const { file, item } of shownItems(report).sort(bySeverity)) {
    const range = { start: pos(file, item.line, item.column), end: pos(file, item.endLine, item.endColumn) };
    const d: Record<string, unknown> = {
      message: item.message,
      location: { path: file.path, range },
      severity: SEVERITY[item.severity],
      source: { name: 'copydesk', url: INFORMATION_URI },
      code: item.docsUrl ? { value: item.rule, url: item.docsUrl } : { value: item.rule },
    };
    if (item.suggestions.length && item.endOffset > item.offset) d.suggestions = item.suggestions.map((text) => ({ range, text }));
    out.push(JSON.stringify(d));
  }
  return out.length ? out.join('\n') + '\n' : '';
};
