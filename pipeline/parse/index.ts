// The parse stage: text -> Article (blocks, sentences, tokens, quotations, all as offsets into the
// original text). Nothing after this stage reads markup or recomputes a sentence.
import type { Article, Block, ArticleMeta } from '../core/types.js';
import { parseMarkdown, type ParsedMarkdown, type RawBlock } from './markdown.js';
import { markdownNesting } from './nesting.js';
import { DEFAULT_LIMITS, limitName } from '../core/limits.js';
import { inputProblem, markdownNestingMeta } from '../core/input-rules.js';
import { parsePlainText } from './plaintext.js';
import { splitSentences } from './sentences.js';
import { tokenize, countWords } from './tokens.js';
import { findQuotations } from './quotes.js';
import { lineStarts } from './positions.js';
import { detectDialect } from './dialect.js';

export function formatOf(path: string): Article['format'] {
  return /\.(md|markdown|mdx)$/i.test(path) ? 'markdown' : 'text';
}

// URLs, e-mail addresses and bare domains are not prose.
const NON_PROSE = /\b(?:https?:\/\/|www\.)[^\s<>()"“”]+[^\s<>()"“”.,;:!?]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|co\.uk|ru|cn)\b(?:\/\S*)?/gi;

function maskNonProse(prose: string): string {
  return prose.replace(NON_PROSE, (m) => m.replace(/[^\n]/g, ' '));
}

export interface ParseOptions {
  /** Markdown nested deeper than this is read as plain text, with an input/markdown-nesting problem (limits.maxNestingDepth). */
  maxNestingDepth?: number;
}

/** Markdown, unless it nests deeper than the limit (or remark's tree is too deep for the stack): then plain text and a problem. */
function parseMarkup(text: string, format: Article['format'], options: ParseOptions): ParsedMarkdown {
  if (format !== 'markdown') return parsePlainText(text);
  const limit = options.maxNestingDepth ?? DEFAULT_LIMITS.maxNestingDepth;
  const nesting = markdownNesting(text, limit);
  let why: string | undefined;
  if (nesting.line) why = `The Markdown is nested more than ${limit} levels deep (block quotes and lists) at line ${nesting.line}, over ${limitName('maxNestingDepth')}`;
  else {
    try {
      return parseMarkdown(text);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      why = 'The Markdown is nested too deeply for the parser';
    }
  }
  const plain = parsePlainText(text);
  plain.problems = [inputProblem(markdownNestingMeta, 'tooDeep', 0, 0, { why }), ...plain.problems];
  return plain;
}

export function parseArticle(path: string, text: string, options: ParseOptions = {}): Article {
  const format = formatOf(path);
  const parsed = parseMarkup(text, format, options);
  const prose = maskNonProse(parsed.prose);
  const fm = parsed.frontMatter?.meta ?? {};
  const meta: ArticleMeta = { words: fm.words ?? [], disable: fm.disable ?? [], title: fm.title, date: fm.date, language: fm.language, frontMatterSpan: fm.frontMatterSpan };
  const blocks: Block[] = [];
  const sentences: Article['sentences'] = [];
  const tokens: Article['tokens'] = [];
  const quotations: Article['quotations'] = [];
  parsed.blocks.forEach((raw: RawBlock) => {
    const bi = blocks.length;
    const block: Block = { ...raw, firstSentence: sentences.length, lastSentence: sentences.length };
    for (const s of splitSentences(prose, raw.start, raw.end)) {
      const si = sentences.length;
      const firstToken = tokens.length;
      tokenize(prose, s.start, s.end, si, tokens);
      if (tokens.length === firstToken) continue;
      sentences.push({ start: s.start, end: s.end, text: prose.slice(s.start, s.end), block: bi, firstToken, lastToken: tokens.length });
    }
    block.lastSentence = sentences.length;
    if (block.lastSentence === block.firstSentence) return;
    blocks.push(block);
    quotations.push(...findQuotations(prose, raw.start, raw.end, bi));
  });
  if (!meta.title) {
    const h = blocks.find((b) => b.kind === 'heading');
    if (h) meta.title = prose.slice(h.start, h.end).replace(/^#+\s*/, '').trim();
  }
  for (const q of quotations) if (continuesInNextBlock(q, blocks, prose)) q.reopensInNextBlock = true;
  markQuoted(tokens, quotations);
  return {
    path,
    text,
    prose,
    format,
    meta,
    blocks,
    sentences,
    tokens,
    quotations,
    disabled: parsed.disabled,
    directives: parsed.directives,
    dialect: detectDialect(tokens),
    problems: parsed.problems,
    words: countWords(tokens),
    lineStarts: lineStarts(text),
  };
}

/**
 * Marks tokens inside quotations. An unclosed quotation counts as quoted only when the next block
 * opens a quotation (news style for a quotation that runs over paragraphs); otherwise we cannot tell
 * where it ends, and the reporter's own words after it must still be checked.
 */
function markQuoted(tokens: Article['tokens'], quotations: Article['quotations']): void {
  const spans: { start: number; end: number }[] = [];
  for (const q of quotations) {
    if (q.closed || q.continued || q.reopensInNextBlock) spans.push({ start: q.start, end: q.end });
  }
  if (!spans.length) return;
  spans.sort((a, b) => a.start - b.start);
  let j = 0;
  for (const t of tokens) {
    while (j < spans.length && spans[j].end <= t.start) j++;
    for (let k = j; k < spans.length && spans[k].start < t.end; k++) {
      if (t.start > spans[k].start && t.end <= spans[k].end) {
        t.quoted = true;
        break;
      }
    }
  }
}

function continuesInNextBlock(q: { block: number; closed: boolean }, blocks: Block[], prose: string): boolean {
  if (q.closed) return false;
  const next = blocks[q.block + 1];
  if (!next) return false;
  // The first character after white space and Markdown markers (a scan, not a copy of the block).
  let i = next.start;
  while (i < next.end && /[\s>*-]/.test(prose[i])) i++;
  return i < next.end && (/[“"‘]/.test(prose[i]) || (prose[i] === "'" && prose[i + 1] === "'"));
}
