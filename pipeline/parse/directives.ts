// Inline control directives, shared by Markdown (HTML comments) and plain text (a line of its own):
//   copydesk-disable [rules]            ... to copydesk-enable [rules] or the end of the article
//   copydesk-enable [rules]
//   copydesk-disable-line [rules]       the directive's own line
//   copydesk-disable-next-line [rules]  the line after it
//   copydesk-disable-file [rules]       the whole article
// Rules are ids ("spelling/unknown-word") or categories ("spelling"), separated by spaces or commas;
// none means every rule; ` -- ` starts a free-text reason (ESLint's form). A word that starts with
// `copydesk-` but is no directive ("copydesk-disable-nextline") is kept as an unknown directive, so
// the queue stage can say so instead of silently disabling something. Rule names are checked in the
// queue stage, which knows the registry; this module only records what was written and where.
import type { Directive, DirectiveKind, DisabledRange } from '../core/types.js';
import { afterLineEnd, lineEnd, lineStartOf } from './positions.js';

export const DIRECTIVE_KINDS: readonly DirectiveKind[] = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'];
const KINDS = new Set<string>(DIRECTIVE_KINDS);

// A comment (or plain-text line) that opens with `copydesk-`, then the directive word, then its arguments.
const DIRECTIVE = /^(\s*)copydesk-([A-Za-z][\w-]*)([^]*)$/;
const COMMENT = /<!--([^]*?)-->/g;

/**
 * The directive a comment body or plain-text line holds, if it opens with `copydesk-`: `value` starts at
 * offset `at` of the article; `span` is the whole comment (or line), which line-based directives measure from.
 */
export function readDirective(value: string, at: number, span: { start: number; end: number }): Directive | undefined {
  const m = DIRECTIVE.exec(value);
  if (!m) return undefined;
  const start = at + m[1].length;
  const kindStart = start + 'copydesk-'.length;
  const word = m[2];
  if (!KINDS.has(word)) return { kind: 'unknown', word, start: kindStart, end: kindStart + word.length, rules: [], span };
  let args = m[3];
  const reason = args.search(/\s--(\s|$)/);
  if (reason >= 0) args = args.slice(0, reason);
  const rules: Directive['rules'] = [];
  const argsAt = kindStart + word.length;
  for (const r of args.matchAll(/[^\s,]+/g)) rules.push({ name: r[0], start: argsAt + r.index!, end: argsAt + r.index! + r[0].length });
  return { kind: word as DirectiveKind, start, end: kindStart + word.length, rules, span };
}

/** The directives in the HTML comments of an HTML node whose source is `html`, found at offset `at`. */
export function commentDirectives(html: string, at: number): Directive[] {
  const out: Directive[] = [];
  for (const m of html.matchAll(COMMENT)) {
    const start = at + m.index!;
    const d = readDirective(m[1], start + 4, { start, end: start + m[0].length });
    if (d) out.push(d);
  }
  return out;
}

/**
 * The disabled regions the directives make, each pointing back at the directive that made it (for
 * --report-unused-disable-directives). Unknown directives make none; an unknown rule name matches no
 * rule, so it disables nothing (the queue stage reports it).
 */
export function disabledRanges(text: string, directives: readonly Directive[]): DisabledRange[] {
  const ranges: DisabledRange[] = [];
  const open = new Map<string, { start: number; directive: number }>(); // rule -> its open region
  // A disable-everything region, and the rules enabled again inside it (ESLint's
  // `eslint-disable` ... `eslint-enable rule`): the region is split where that set changes.
  let all: { start: number; except: string[]; directive: number } | undefined;
  const closeAll = (end: number) => {
    if (all && end > all.start) ranges.push({ start: all.start, end, rules: [], ...(all.except.length ? { except: [...all.except] } : {}), directive: all.directive });
  };
  directives.forEach((d, index) => {
    if (d.kind === 'unknown') return;
    const rules = d.rules.map((r) => r.name);
    const { span } = d;
    switch (d.kind) {
      case 'disable':
        if (!rules.length) {
          closeAll(span.start);
          all = { start: span.end, except: [], directive: index };
        } else if (all) {
          closeAll(span.start);
          all = { start: span.end, except: all.except.filter((r) => !rules.includes(r)), directive: all.directive };
        } else for (const r of rules) if (!open.has(r)) open.set(r, { start: span.end, directive: index });
        return;
      case 'enable':
        if (!rules.length) {
          closeAll(span.start);
          all = undefined;
        } else if (all) {
          closeAll(span.start);
          all = { start: span.end, except: [...new Set([...all.except, ...rules])], directive: all.directive };
        }
        for (const r of rules.length ? rules : [...open.keys()]) {
          const o = open.get(r);
          if (!o) continue;
          ranges.push({ start: o.start, end: span.start, rules: [r], directive: o.directive });
          open.delete(r);
        }
        return;
      case 'disable-file':
        ranges.push({ start: 0, end: text.length, rules, directive: index });
        return;
      default: {
        // Lines end at LF, CR or CRLF (parse/positions.ts).
        const thisEnd = lineEnd(text, span.end);
        let start = afterLineEnd(text, thisEnd);
        let end = lineEnd(text, start);
        if (d.kind === 'disable-line') {
          start = lineStartOf(text, span.start);
          end = thisEnd;
        }
        ranges.push({ start, end, rules, directive: index });
      }
    }
  });
  closeAll(text.length);
  for (const [r, o] of open) ranges.push({ start: o.start, end: text.length, rules: [r], directive: o.directive });
  return ranges;
}

/**
 * A plain-text line that is a directive of its own: `copydesk-disable spelling`, or the HTML-comment
 * form `<!-- copydesk-disable spelling -->`. The line is not prose (the speller never sees it).
 */
export function plainDirective(line: string, at: number): Directive | undefined {
  const span = { start: at, end: at + line.length };
  const c = /^\s*<!--([^]*?)-->\s*$/.exec(line);
  if (c) return readDirective(c[1], at + line.indexOf('<!--') + 4, span);
  return readDirective(line, at, span);
}
