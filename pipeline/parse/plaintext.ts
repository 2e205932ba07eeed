// Plain text: one paragraph per line (or per run of lines when a line continues in lower case);
// a short line with no closing punctuation is a heading. Optional YAML front matter at the top.
import type { Directive, DisabledRange, Problem } from '../core/types.js';
import { disabledRanges, plainDirective } from './directives.js';
import { detectFrontMatter, readFrontMatter, type FrontMatter } from './frontmatter.js';
import type { RawBlock } from './markdown.js';
import { afterLineEnd, lineEnd } from './positions.js';

export interface ParsedText {
  prose: string;
  blocks: RawBlock[];
  frontMatter?: FrontMatter;
  directives: Directive[];
  disabled: DisabledRange[];
  problems: Problem[];
}

const CLOSING = /(?:[.!?:;,…]|[.!?,…]["”’')\]]+)$/;
const HEADING_MAX_WORDS = 14;

export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  if (!t || CLOSING.test(t)) return false;
  const words = t.split(/\s+/).length;
  return words <= HEADING_MAX_WORDS && /^[\p{Lu}\d“"‘']/u.test(t);
}

export function parsePlainText(text: string): ParsedText {
  let bodyStart = 0;
  let frontMatter: FrontMatter | undefined;
  const fm = detectFrontMatter(text);
  if (fm) {
    frontMatter = readFrontMatter(fm.yaml, 0, fm.end);
    bodyStart = fm.end;
  }
  let prose = text.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(bodyStart);
  const directives: Directive[] = [];
  const blocks: RawBlock[] = [];
  // Lines with their offsets; a line ends at LF, CR or CRLF.
  const lines: { start: number; end: number }[] = [];
  let pos = bodyStart;
  while (pos <= text.length) {
    const end = lineEnd(text, pos);
    lines.push({ start: pos, end });
    if (end >= text.length) break;
    pos = afterLineEnd(text, end);
  }
  let cur: { start: number; end: number } | undefined;
  const flush = () => {
    if (!cur) return;
    let { start, end } = cur;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) {
      const t = text.slice(start, end);
      blocks.push({ kind: !/[\r\n]/.test(t) && isHeadingLine(t) ? 'heading' : 'paragraph', start, end });
    }
    cur = undefined;
  };
  for (const ln of lines) {
    const t = text.slice(ln.start, ln.end);
    // A directive line (copydesk-disable-next-line spelling) is control, not prose: it ends a paragraph.
    const d = t.includes('copydesk-') ? plainDirective(t, ln.start) : undefined;
    if (d) {
      directives.push(d);
      prose = prose.slice(0, ln.start) + ' '.repeat(ln.end - ln.start) + prose.slice(ln.end);
      flush();
      continue;
    }
    if (!t.trim()) {
      flush();
      continue;
    }
    // A line that starts in lower case continues a hard-wrapped paragraph; otherwise it starts a new one.
    if (cur && /^\s*[\p{Ll}]/u.test(t)) cur.end = ln.end;
    else {
      flush();
      cur = { start: ln.start, end: ln.end };
    }
  }
  flush();
  return { prose, blocks, frontMatter, directives, disabled: disabledRanges(text, directives), problems: frontMatter?.problems ?? [] };
}
