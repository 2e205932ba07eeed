// Markdown through unified + remark-parse (+ remark-gfm, remark-frontmatter). Produces the prose mask (only text
// nodes are prose: code, HTML, URLs and markup become spaces) and the blocks with their offsets.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Block, Directive, DisabledRange, Problem } from '../core/types.js';
import { commentDirectives, disabledRanges } from './directives.js';
import { readFrontMatter, type FrontMatter } from './frontmatter.js';

// Built once per process.
// GitHub-flavoured Markdown: tables (cells are blocks), strikethrough, autolinks, footnotes.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  depth?: number;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export interface RawBlock extends Omit<Block, 'firstSentence' | 'lastSentence'> {}

export interface ParsedMarkdown {
  prose: string;
  blocks: RawBlock[];
  frontMatter?: FrontMatter;
  directives: Directive[];
  disabled: DisabledRange[];
  problems: Problem[];
}

export function parseMarkdown(text: string): ParsedMarkdown {
  const tree = processor.parse(text) as MdNode;
  const prose = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) prose[i] = text[i] === '\n' || text[i] === '\r' ? text[i] : ' ';
  const blocks: RawBlock[] = [];
  const problems: Problem[] = [];
  const comments: { start: number; end: number; value: string }[] = [];
  let frontMatter: FrontMatter | undefined;

  const off = (n: MdNode) => [n.position?.start.offset ?? 0, n.position?.end.offset ?? 0] as const;
  const unmask = (s: number, e: number) => {
    for (let i = s; i < e; i++) prose[i] = text[i];
  };

  function inline(node: MdNode): void {
    switch (node.type) {
      case 'text': {
        const [s, e] = off(node);
        unmask(s, e);
        return;
      }
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'break':
        return;
      case 'html': {
        const [s, e] = off(node);
        comments.push({ start: s, end: e, value: node.value ?? '' });
        return;
      }
      default:
        for (const c of node.children ?? []) inline(c);
    }
  }

  function block(node: MdNode, ctx: { quoted: boolean; list: boolean }): void {
    const [s, e] = off(node);
    switch (node.type) {
      case 'yaml': {
        // The YAML body starts after the first line ("---\n").
        frontMatter = readFrontMatter(node.value ?? '', s, e);
        return;
      }
      case 'heading':
        blocks.push({ kind: 'heading', start: s, end: e, depth: node.depth, quoted: ctx.quoted || undefined });
        for (const c of node.children ?? []) inline(c);
        return;
      case 'paragraph':
        blocks.push({ kind: ctx.list ? 'listItem' : ctx.quoted ? 'blockquote' : 'paragraph', start: s, end: e, quoted: ctx.quoted || undefined });
        for (const c of node.children ?? []) inline(c);
        return;
      case 'tableCell': {
        // A cell's position includes its pipes and padding: the block is its content.
        const kids = node.children ?? [];
        if (!kids.length) return;
        blocks.push({ kind: 'tableCell', start: off(kids[0])[0], end: off(kids[kids.length - 1])[1] });
        for (const c of kids) inline(c);
        return;
      }
      case 'html':
        comments.push({ start: s, end: e, value: node.value ?? '' });
        return;
      case 'code':
      case 'thematicBreak':
      case 'definition':
        return;
      case 'blockquote':
        for (const c of node.children ?? []) block(c, { ...ctx, quoted: true });
        return;
      case 'listItem':
        for (const c of node.children ?? []) block(c, { ...ctx, list: true });
        return;
      default:
        for (const c of node.children ?? []) block(c, ctx);
    }
  }
  block(tree, { quoted: false, list: false });
  if (frontMatter) problems.push(...frontMatter.problems);

  const directives = comments.flatMap((c) => commentDirectives(text.slice(c.start, c.end), c.start));
  return { prose: prose.join(''), blocks, frontMatter, directives, disabled: disabledRanges(text, directives), problems };
}
