// Direct quotations and their speakers. The parse stage pairs the marks (article.quotations); here a
// quotation gets a speaker only from a speech tag right next to it:
//   before:  X said: “...”   X, role, said, “...”   said X: “...”   X told Reuters: “...”
//   after:   “...,” X said.   “...,” said X, role.   “...” he told the BBC.
//   split:   “First,” she said, “second.”   (the second half reuses the tag)
//   follow:  “...,” said X. “Next sentence.”   (a whole-sentence quotation right after a tagged one)
//   chain:   “Paragraph one ... \n “Paragraph two,” X said.   (news style reopens the quotation)
// A quotation with no adjacent tag (a scare quote, a title) gets no speaker and no claim.
import type { Article, Quotation, Token } from '../core/types.js';
import {
  type Ctx,
  type Source,
  type Subject,
  type VerbHit,
  PREPOSITIONS,
  isAbbrevDot,
  lower,
  subjectLeft,
  subjectRight,
  verbAt,
  verbContextOk,
} from './sources.js';

export interface QuoteFound {
  start: number;
  end: number;
  src: Source;
  cue: string;
  /** Offset just past the speech tag (or the quotation when the tag came before it). */
  tagEnd: number;
  /** Verb token of the tag, when the tag is this quotation's own. */
  verbTok?: number;
  /** Quotations of one speech event share a group: a split quotation, the sentences that follow it, a quotation continued over paragraphs. */
  group: number;
  block: number;
  /** The tag's cue span (on the quotation that has its own tag). */
  cueStart?: number;
  cueEnd?: number;
}

interface Tag {
  sub: Subject;
  verb: VerbHit;
  verbTok: number;
  /** Last token of the tag. */
  lastTok: number;
}

const OPEN_MARK = /^[“"‘']$/;
const CLOSE_OR_OPEN = /^[“”"‘’']$/;

/** Index of the first token whose start is >= offset. */
export function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words inside a quotation and what they look like. */
function content(article: Article, q: Quotation): { words: number; text: string } {
  const inner = article.text.slice(q.start + 1, q.closed ? q.end - 1 : q.end);
  const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { words, text: inner.trim() };
}

/** A title in quotation marks ("War and Peace", "Hey Jude"): short, title case, no sentence punctuation. */
function looksLikeTitle(inner: string): boolean {
  if (/[.!?,;:]$/.test(inner)) return false;
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length > 7) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps >= Math.ceil(words.length / 2);
}

/** Tokens after the tag: the tag must end here (punctuation, another quotation) or run into a short phrase
 * ("in a statement", "to the BBC", "on Monday") that ends in punctuation. */
function tagEnds(tokens: Token[], k: number, hi: number, verb: VerbHit): boolean {
  if (k > hi) return true;
  const t = tokens[k];
  if (/^[.,;!?…:)—–-]$/.test(t.text) || CLOSE_OR_OPEN.test(t.text)) return true;
  const l = lower(t);
  if (!PREPOSITIONS.has(l) && !(verb.needsObject || verb.lemma === 'ask')) return false;
  for (let j = k; j <= hi && j - k < 14; j++) {
    const tj = tokens[j];
    if (/^[.,;!?…:)—–]$/.test(tj.text) || CLOSE_OR_OPEN.test(tj.text)) return true;
    const lj = lower(tj);
    if (lj === 'that' || verbAt(tokens, j)) return false;
  }
  return k + 14 > hi;
}

/** A speech tag right before the quotation's opening mark (token qa). */
function tagBefore(ctx: Ctx, qa: number, lo: number, inner: string): Tag | undefined {
  const { tokens } = ctx.article;
  let b = qa - 1;
  if (b < lo) return undefined;
  let sep = false;
  if (/^[,:]$/.test(tokens[b].text)) {
    sep = true;
    b--;
  }
  for (let v = b; v >= Math.max(lo, b - 8); v--) {
    const tk = tokens[v];
    if (tk.kind === 'punct' && /^[“”"‘’.;!?()]$/.test(tk.text) && !isAbbrevDot(tokens, v)) return undefined;
    const verb = verbAt(tokens, v);
    if (!verb || verb.opinion) continue;
    const between = b - verb.end;
    if (!sep) {
      if (!(between === 0 || (between === 1 && lower(tokens[b]) === 'that'))) return undefined;
      if (looksLikeTitle(inner) || !/^[\p{Lu}‘'"]/u.test(inner)) return undefined;
    }
    if (!verbContextOk(tokens, v, lo)) return undefined;
    const sub = subjectLeft(ctx, v, lo);
    if (sub) return { sub, verb, verbTok: v, lastTok: b };
    if (verb.inverts) {
      const right = subjectRight(ctx, verb.end + 1, b);
      if (right && right.lastTok <= b) return { sub: right, verb, verbTok: v, lastTok: b };
    }
    return undefined;
  }
  return undefined;
}

/** A speech tag right after the closing mark (token closeTok). */
function tagAfter(ctx: Ctx, closeTok: number, hi: number, lenient: boolean): Tag | undefined {
  const { tokens } = ctx.article;
  let a = closeTok + 1;
  if (a <= hi && tokens[a].text === ',') a++;
  if (a > hi) return undefined;
  // Inverted: “...,” said X.
  const inv = verbAt(tokens, a);
  if (inv) {
    if (!inv.inverts || inv.opinion) return undefined;
    const sub = subjectRight(ctx, inv.end + 1, hi);
    if (!sub) return undefined;
    if (!lenient && !tagEnds(tokens, sub.lastTok + 1, hi, inv)) return undefined;
    return { sub, verb: inv, verbTok: a, lastTok: sub.lastTok };
  }
  // Normal: “...,” X said. The first verb decides; the subject must start right after the quotation.
  for (let v = a + 1; v <= hi && v - a <= 16; v++) {
    const tv = tokens[v];
    if (tv.kind === 'punct' && /^[“”"‘’.;!?()]$/.test(tv.text) && !isAbbrevDot(tokens, v)) return undefined;
    const verb = verbAt(tokens, v);
    if (!verb) continue;
    if (verb.opinion) return undefined;
    if (!verbContextOk(tokens, v, a)) return undefined;
    const sub = subjectLeft(ctx, v, a);
    if (!sub || sub.firstTok !== a) return undefined;
    if (!lenient && !tagEnds(tokens, verb.end + 1, hi, verb)) return undefined;
    let last = verb.end;
    // "he told the BBC": the object belongs to the tag.
    return { sub, verb, verbTok: v, lastTok: last };
  }
  return undefined;
}

/**
 * Finds speakers for the article's depth-0 quotations. `consumed` receives the verb tokens of the
 * tags, so reported-speech extraction does not count them twice.
 */
export function findQuotes(ctx: Ctx, consumed: Set<number>, skipBlock: (block: number) => boolean): QuoteFound[] {
  const { article } = ctx;
  const { tokens, blocks, sentences, prose } = article;
  const quotes = article.quotations.filter((q) => q.depth === 0 && !skipBlock(q.block));
  const out: QuoteFound[] = [];
  const done = new Set<number>();
  let last: QuoteFound | undefined;
  let groups = 0;

  const bounds = (q: Quotation) => {
    const qa = tokenIndexAt(tokens, q.start);
    let closeTok = tokenIndexAt(tokens, q.end) - 1;
    if (!q.closed) closeTok = -1;
    const block = blocks[q.block];
    const firstBlockTok = sentences[block.firstSentence].firstToken;
    const lastBlockTok = sentences[block.lastSentence - 1].lastToken - 1;
    const sent = sentences[tokens[qa].sentence];
    return { qa, closeTok, firstBlockTok, lastBlockTok, sent };
  };

  for (let qi = 0; qi < quotes.length; qi++) {
    if (done.has(qi)) continue;
    // The chain of a quotation that continues over paragraphs.
    const chain = [qi];
    while (true) {
      const cur = quotes[chain[chain.length - 1]];
      if (cur.closed || !cur.reopensInNextBlock) break;
      // The first quotation of the next block (quotations are in text order: stop past that block).
      let nextIdx = -1;
      for (let k = chain[chain.length - 1] + 1; k < quotes.length && quotes[k].block <= cur.block + 1; k++) {
        if (quotes[k].block === cur.block + 1) {
          nextIdx = k;
          break;
        }
      }
      if (nextIdx < 0) break;
      const nb = blocks[cur.block + 1];
      if (prose.slice(nb.start, quotes[nextIdx].start).trim() !== '') break;
      chain.push(nextIdx);
    }
    for (const k of chain) done.add(k);
    const head = quotes[chain[0]];
    const tail = quotes[chain[chain.length - 1]];
    if (!tail.closed && chain.length === 1) {
      last = undefined;
      continue; // unclosed, and the next paragraph does not reopen it: we cannot tell where it ends
    }
    const hb = bounds(head);
    const inner = content(article, head);
    // Lower bound for a tag before: the sentence start, and not before the previous quotation.
    const prevEnd = qi > 0 && quotes[qi - 1].block === head.block ? quotes[qi - 1].end : -1;
    const lo = Math.max(hb.sent.firstToken, prevEnd >= 0 ? tokenIndexAt(tokens, prevEnd) : 0);
    const tb = bounds(tail);
    const tailInner = content(article, tail).text;
    const endsWithComma = /[,]$/.test(tailInner);
    // The window after the closing mark: up to the next quotation in the block.
    const nextQ = quotes[chain[chain.length - 1] + 1];
    const hiAfter = nextQ && nextQ.block === tail.block ? Math.min(tb.lastBlockTok, tokenIndexAt(tokens, nextQ.start) - 1) : tb.lastBlockTok;

    let tag: Tag | undefined;
    let tagEnd = tail.end;
    let inherited: QuoteFound | undefined;
    // A quotation split by its tag: “First,” she said, “second.” — or a whole-sentence quotation after a tagged one.
    if (last && /^[\s.,;:]*$/.test(prose.slice(last.tagEnd, head.start))) {
      const startsSentence = hb.sent.firstToken === hb.qa;
      const split = /,\s*$/.test(prose.slice(last.tagEnd, head.start)) || /^\s*,/.test(prose.slice(last.tagEnd, head.start));
      const tailSent = sentences[tokens[Math.max(tb.closeTok, tb.qa)].sentence];
      const endsSentence = tail.end >= tailSent.end - 2;
      if (split || (startsSentence && endsSentence)) inherited = last;
    }
    if (!inherited) {
      const attempts: (() => Tag | undefined)[] = [
        () => tagBefore(ctx, hb.qa, lo, inner.text),
        () => (tail.closed ? tagAfter(ctx, tb.closeTok, hiAfter, endsWithComma) : undefined),
      ];
      if (endsWithComma) attempts.reverse();
      for (const f of attempts) {
        tag = f();
        if (tag) break;
      }
      if (tag) {
        consumed.add(tag.verbTok);
        const tagLastEnd = tokens[tag.lastTok].end;
        tagEnd = Math.max(tail.end, tagLastEnd);
      }
    }
    if (!tag && !inherited) {
      last = undefined;
      continue;
    }
    if (!inherited) groups++;
    for (const k of chain) {
      const q = quotes[k];
      const found: QuoteFound = inherited
        ? { start: q.start, end: q.end, src: inherited.src, cue: inherited.cue, tagEnd: q.end, group: inherited.group, block: q.block }
        : {
            start: q.start,
            end: q.end,
            src: tag!.sub.src,
            cue: tag!.verb.cue,
            tagEnd,
            verbTok: tag!.verbTok,
            group: groups,
            block: q.block,
            cueStart: tokens[tag!.verbTok].start,
            cueEnd: tokens[tag!.verb.end].end,
          };
      out.push(found);
    }
    const lastFound = out[out.length - 1];
    last = { ...lastFound, tagEnd: inherited ? tail.end : tagEnd };
  }
  return out;
}

export { OPEN_MARK };
