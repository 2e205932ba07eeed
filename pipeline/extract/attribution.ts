// Attributed claims: direct quotations (kind 'quote'), reported speech and "according to X"
// (kind 'attribution'), and the sources that numeric claims take from them.
//
// Cost: one compiled regex of cue words decides which sentences are looked at; everything after that
// works on the shared tokens with set and map lookups. compromise is used only as a word lexicon
// (first names, places, demonyms); the name grammar is capitalised runs + lexicon/*.json.
import type { Article, Attribution, Claim, Token } from '../core/types.js';
import { makeClaim } from './claim.js';
import { findQuotes, tokenIndexAt } from './quotes.js';
import {
  type Ctx,
  type Source,
  type SourceType,
  ANONYMOUS,
  DOCUMENTS,
  NOT_SOURCES,
  ORG_NOUNS,
  PUBLICATION_NOUNS,
  VAGUE,
  VERB_FORMS,
  Registry,
  bareEnd,
  classifyRun,
  isCapWord,
  isPossessive,
  lower,
  matchPublicationAt,
  roleSegment,
  runLeft,
  runRight,
  sourcePosition,
  subjectLeft,
  subjectCore,
  subjectRight,
  verbAt,
  verbContextOk,
  DETERMINERS,
  isVerbWord,
  lexTags,
  isAux,
  type VerbHit,
} from './sources.js';
import { loadLexicon } from '../lexicon/load.js';
const vagueData = loadLexicon<Record<string, string[]>>('vague-sources');

// ---------------------------------------------------------------------------------------------
// Pre-filter: a sentence is looked at only when this matches.
const DOC_NOUNS = 'study|studies|report|reports|survey|poll|analysis|research|estimates?|forecasts?|review|paper|audit|investigation|data|figures|statistics|census|findings|calculations|projections|assessment';
const IMPERSONAL_PARTS = 'thought|believed|said|understood|claimed|reported|estimated|alleged|rumou?red|expected|feared|suggested|accepted';
const CUE_RE = new RegExp(
  `\\b(?:${VERB_FORMS.map((f) => f.replace(/ /g, '\\s+')).join('|')}|according|citing|words\\s+of|${DOC_NOUNS}|${IMPERSONAL_PARTS})\\b`,
  'i',
);
// "according to X", "as stated by X", "citing X", "in the words of X".
const ACCORDING_RE =
  /\b(according\s+to|as\s+(?:stated|reported|cited|quoted|noted|announced|estimated|claimed|revealed|confirmed|predicted|found|shown|published|said|explained|highlighted|outlined|described|indicated|forecast|calculated|argued|suggested|told)\s+(?:by|to|in)|citing|in\s+the\s+words\s+of)\s+/giu;
// "a study by X", "data from X", "a report published by X".
const DOC_BY_RE = new RegExp(
  `\\b(${DOC_NOUNS})\\s+(?:(?:published|compiled|released|conducted|commissioned|carried\\s+out|produced|issued|prepared|collected|gathered)\\s+)?(by|from)\\s+`,
  'giu',
);
// "it is thought that", "it was reported", "it has been claimed".
const IMPERSONAL_RE = new RegExp(`\\bit\\s+(?:is|was|has\\s+been|had\\s+been)\\s+(?:widely\\s+|generally\\s+|now\\s+|also\\s+|often\\s+)?(${IMPERSONAL_PARTS})\\b`, 'giu');
const IMPERSONAL_SET = new Set((vagueData.impersonal as string[]).map((s) => s.toLowerCase()));
// Lemmas whose subject speaks the words of a partial quotation later in the sentence.
const SAY_LEMMAS = new Set(['say', 'tell', 'add', 'warn', 'claim', 'write', 'argue', 'insist', 'declare', 'explain', 'state']);

interface Found {
  kind: 'quote' | 'attribution';
  start: number;
  end: number;
  src: Source;
  cue: string;
  direct: boolean;
  verbTok?: number;
  lemma?: string;
  /** What was said: fragments of the content (offsets). */
  content?: [number, number][];
  cueStart?: number;
  cueEnd?: number;
  mode?: 'direct' | 'indirect' | 'mixed';
}

/** Tokens [a, b] trimmed of punctuation at both ends (quotation marks kept): the offsets, or undefined when empty. */
function trimmedSpan(tokens: Token[], a: number, b: number): [number, number] | undefined {
  while (a <= b && tokens[a].kind === 'punct' && /^[,;:.!?—–-]$/.test(tokens[a].text)) a++;
  while (b >= a && tokens[b].kind === 'punct' && /^[,;:.!?—–-]$/.test(tokens[b].text)) b--;
  if (b < a) return undefined;
  const s = tokens[a].start;
  const e = tokens[b].end;
  return e > s ? [s, e] : undefined;
}

const isHeading = (article: Article, block: number) => article.blocks[block]?.kind === 'heading';

// ---------------------------------------------------------------------------------------------
// Sources after a cue ("according to the Russian newspaper Kommersant").

const NP_STOP = new Set(
  'that which who whose where when while but because if than is are was were has have had will would could can may might should said says told only also since although though as so'.split(' '),
);

/** The source named in the noun phrase starting at token i (after a cue), up to hi. */
function sourceForward(ctx: Ctx, i: number, hi: number, depth = 0): Source | undefined {
  const { article, reg } = ctx;
  const { tokens, text } = article;
  let w = i;
  while (w <= hi && w - i < 14) {
    const t = tokens[w];
    if (t.kind === 'punct' && /^[,;:.!?()“”"—–]$/.test(t.text)) break;
    if (w > i && NP_STOP.has(lower(t))) break;
    w++;
  }
  const we = w - 1;
  if (we < i) return undefined;
  const first = lower(tokens[i]);
  // "according to him": the person named last.
  if (/^(?:him|her|them)$/.test(first) && (i === we || first !== 'her')) {
    if (first === 'them') return undefined;
    const name = reg.resolvePronoun(tokens[i].start, first);
    return name ? { name, type: 'person', start: tokens[i].start, end: tokens[i].end, firstTok: i, lastTok: i } : undefined;
  }
  // "a report by the IMF", "figures from the Office for National Statistics".
  if (depth === 0) {
    for (let j = i + 1; j <= we; j++) {
      const lj = lower(tokens[j]);
      if ((lj === 'by' || lj === 'from') && DOCUMENTS.has(lower(tokens[j - 1]).replace(/['’]$/, ''))) {
        const sub = sourceForward(ctx, j + 1, hi, depth + 1);
        if (sub && sub.type !== 'vague') return sub;
        break;
      }
    }
  }
  // A publication anywhere in the phrase (the Russian news outlet The Bell).
  for (let j = i; j <= we; j++) {
    const t = tokens[j];
    if (!isCapWord(t) && lower(t) !== 'the') continue;
    if (j > i && isCapWord(tokens[j - 1]) && lower(tokens[j - 1]) !== 'the') continue;
    const pub = matchPublicationAt(text, t.start);
    if (pub) {
      let last = j;
      while (last + 1 < tokens.length && tokens[last + 1].end <= pub.end) last++;
      reg.addOrganization(pub.name, pub.start);
      return withRole(ctx, { name: pub.name, type: 'publication', start: pub.start, end: pub.end, firstTok: j, lastTok: last }, hi);
    }
  }
  // The first capitalised run that is a name.
  for (let j = i; j <= we; j++) {
    if (!isCapWord(tokens[j])) continue;
    const run = runRight(tokens, j, we);
    if (!run) continue;
    const prev = lower(tokens[j - 1]);
    const afterThe = j > i && prev === 'the';
    const pubCtx = j > i && (PUBLICATION_NOUNS.has(prev) || PUBLICATION_NOUNS.has(`${lower(tokens[j - 2])} ${prev}`));
    const src = classifyRun(article, reg, run[0], run[1], { afterThe, publicationContext: pubCtx });
    if (src) {
      if (src.type === 'person') reg.add(src.name, src.start, tokens[src.firstTok].text);
      else reg.addOrganization(src.name, src.start);
      return withRole(ctx, src, hi);
    }
    j = run[1];
  }
  // Unnamed: "analysts", "a spokesperson", "official figures", "the ministry"; not "plan", "the rules".
  const phrase = text.slice(tokens[i].start, tokens[we].end).toLowerCase();
  const bare = phrase.replace(/^(?:the|a|an|its|his|her|their)\s+/, '');
  if (NOT_SOURCES.has(phrase) || NOT_SOURCES.has(bare) || NOT_SOURCES.has(bare.split(/\s+/)[0])) return undefined;
  // The head noun: the first word followed by a preposition ("a spokesman for the ministry"), else the last word.
  let head = we;
  for (let j = i; j < we; j++) {
    if (/^(?:for|at|of|from|with|in|on|close|familiar|within|inside|involved|who)$/.test(lower(tokens[j + 1])) && tokens[j].kind === 'word') {
      head = j;
      break;
    }
  }
  const hl = lower(tokens[head]);
  const two = head > i ? `${lower(tokens[head - 1])} ${hl}` : '';
  let type: SourceType | undefined;
  if (ANONYMOUS.has(two) || ANONYMOUS.has(hl)) type = ANONYMOUS.has(two) || !VAGUE.has(hl) || /^(?:a|an|one)$/.test(first) ? 'anonymous' : 'vague';
  else if (VAGUE.has(hl) || DOCUMENTS.has(hl)) type = 'vague';
  else if (ORG_NOUNS.has(hl)) type = PUBLICATION_NOUNS.has(hl) && !/^(?:agency|network|service|programme|show|station)$/.test(hl) ? 'publication' : 'organization';
  if (!type) return undefined;
  // The phrase runs to the window's end ("people familiar with the matter").
  return { name: text.slice(tokens[i].start, tokens[we].end), type, start: tokens[i].start, end: tokens[we].end, firstTok: i, lastTok: we };
  return undefined;
}

function withRole(ctx: Ctx, src: Source, hi: number): Source {
  const { tokens } = ctx.article;
  if (src.type === 'person' && !src.role && tokens[src.lastTok + 1]?.text === ',') {
    const seg = roleSegment(ctx.article, src.lastTok + 2, hi);
    if (seg) src.role = seg.role;
  }
  return src;
}

// ---------------------------------------------------------------------------------------------
// One sentence: according-to cues, document sources, impersonal cues, reported speech.

function sentenceAttributions(ctx: Ctx, si: number, consumed: Set<number>, out: Found[]): void {
  const { article } = ctx;
  const { tokens, sentences, prose } = article;
  const sent = sentences[si];
  const lo = sent.firstToken;
  const hi = sent.lastToken - 1;
  const text = prose.slice(sent.start, sent.end);
  const spans: [number, number][] = [];
  const inSpan = (a: number) => spans.some(([s, e]) => a >= s && a < e);
  const tokAt = (offset: number) => tokenIndexAt(tokens, offset);

  // "according to X".
  for (const m of text.matchAll(ACCORDING_RE)) {
    const cueStart = sent.start + m.index!;
    const ti = tokAt(cueStart);
    if (tokens[ti]?.quoted) continue;
    const after = tokAt(sent.start + m.index! + m[0].length);
    const src = sourceForward(ctx, after, hi);
    if (!src) continue;
    const end = src.end;
    // "According to X, CONTENT." / "CONTENT, according to X."
    const srcLast = tokAt(src.end) - 1;
    let content: [number, number] | undefined;
    if (ti > lo && tokens[ti - 1].text === ',') content = trimmedSpan(tokens, lo, ti - 2);
    else if (tokens[srcLast + 1]?.text === ',') content = trimmedSpan(tokens, srcLast + 2, hi);
    out.push({
      kind: 'attribution',
      start: cueStart,
      end,
      src,
      cue: m[1].toLowerCase().replace(/\s+/g, ' '),
      direct: false,
      cueStart,
      cueEnd: cueStart + m[1].length,
      ...(content ? { content: [content] } : {}),
    });
    spans.push([cueStart, end]);
  }
  // "a study by X", "data from X".
  for (const m of text.matchAll(DOC_BY_RE)) {
    const nounStart = sent.start + m.index!;
    if (inSpan(nounStart)) continue;
    const ni = tokAt(nounStart);
    if (tokens[ni]?.quoted) continue;
    const after = tokAt(nounStart + m[0].length);
    const src = sourceForward(ctx, after, hi, 1);
    if (!src || src.type === 'vague' || src.type === 'anonymous') continue;
    // Include the determiner and adjectives: "a new study by".
    let s = ni;
    while (s - 1 >= lo && ni - s < 3 && tokens[s - 1].kind === 'word' && !verbAt(tokens, s - 1)) {
      const l = lower(tokens[s - 1]);
      if (!(DETERMINERS.has(l) || /^(?:new|recent|latest|annual|separate|independent|official|preliminary|final|last|this|govern?ment|quarterly|monthly)$/.test(l))) break;
      s--;
    }
    const start = tokens[s].start;
    out.push({ kind: 'attribution', start, end: src.end, src, cue: `${m[1].toLowerCase()} ${m[2].toLowerCase()}`, direct: false });
    spans.push([start, src.end]);
  }
  // "X's report / data / figures".
  for (let k = lo; k < hi; k++) {
    const t = tokens[k];
    if (!isPossessive(t) || !isCapWord(t) || t.quoted || inSpan(t.start)) continue;
    let n = k + 1;
    if (/^(?:latest|new|recent|annual|own|quarterly|monthly|official|preliminary|final|internal|first|second|third)$/.test(lower(tokens[n]))) n++;
    const noun = lower(tokens[n]);
    if (!DOCUMENTS.has(noun) || noun === 'statement' || noun === 'paper') continue;
    const run = runLeft(tokens, k, lo);
    if (!run) continue;
    const afterThe = run[0] > lo && lower(tokens[run[0] - 1]) === 'the';
    const src = classifyRun(article, ctx.reg, run[0], k, { afterThe });
    if (!src) continue;
    src.end = Math.min(src.end, bareEnd(t));
    out.push({ kind: 'attribution', start: src.start, end: tokens[n].end, src, cue: noun, direct: false });
    spans.push([src.start, tokens[n].end]);
  }
  // "it is thought that".
  for (const m of text.matchAll(IMPERSONAL_RE)) {
    const start = sent.start + m.index!;
    const phrase = m[0].toLowerCase().replace(/\s+/g, ' ').replace(/ (?:widely|generally|now|also|often) /, ' ');
    if (!IMPERSONAL_SET.has(phrase) && !/^it (?:is|was|has been|had been) /.test(phrase)) continue;
    if (tokens[tokAt(start)]?.quoted || inSpan(start)) continue;
    const end = start + m[0].length;
    const src: Source = { name: 'unspecified', type: 'vague', start, end: start + 2, firstTok: tokAt(start), lastTok: tokAt(start) };
    out.push({ kind: 'attribution', start, end, src, cue: phrase, direct: false });
    spans.push([start, end]);
    const vt = tokAt(end - m[1].length);
    consumed.add(vt);
  }
  // Reported speech: X said, X told Y, officials said, said X.
  const sentBefore = out.length;
  /** One reported-speech record: its span, source, the cue at token v, and what was said; the cue is used up. */
  const reported = (start: number, end: number, src: Source, v: number, verb: NonNullable<ReturnType<typeof verbAt>>, content: ReturnType<typeof trimmedSpan> | undefined) => {
    out.push({
      kind: 'attribution',
      start,
      end,
      src,
      cue: verb.cue,
      direct: false,
      verbTok: v,
      lemma: verb.lemma,
      cueStart: tokens[v].start,
      cueEnd: tokens[verb.end].end,
      ...(content ? { content: [content] } : {}),
    });
    consumed.add(v);
  };
  for (let v = lo; v <= hi; v++) {
    const t = tokens[v];
    if (t.kind !== 'word' || t.quoted || consumed.has(v) || inSpan(t.start)) continue;
    const verb = verbAt(tokens, v);
    if (!verb || verb.quoteOnly) continue;
    if (verb.participle) {
      participleAttribution(ctx, si, v, verb, out, sentBefore);
      consumed.add(v);
      continue;
    }
    // "X, who said ...": the relative pronoun is the mention, X the source.
    let wk = v - 1;
    while (wk > lo && isAux(tokens[wk])) wk--;
    // "voters who say ...": the same with no comma (a restrictive clause), and any kind of source.
    if (wk - 1 >= lo && lower(tokens[wk]) === 'who' && !(verb.needsObject && (tokens[verb.end + 1]?.kind !== 'word' || lower(tokens[verb.end + 1]) === 'that'))) {
      const comma = tokens[wk - 1].text === ',';
      const core = comma ? (wk - 2 >= lo ? subjectCore(ctx, wk - 2, lo) : undefined) : subjectCore(ctx, wk - 1, lo);
      const nx = tokens[verb.end + 1];
      const clause = !nx || lower(nx) === 'that' || /^[,:“"‘']$/.test(nx.text);
      // "who added to her lead", "who writes fiction", "who found herself": only with a clause after the verb.
      const needsClause = verb.strict || verb.lemma === 'add' || verb.lemma === 'write';
      if (core && (core.src.type === 'person' || !verb.opinion) && (clause || !needsClause)) {
        const w = tokens[wk];
        let after = verb.end + 1;
        if (lower(tokens[after]) === 'that') after++;
        // The relative clause ends at the next comma.
        let e = after;
        while (e <= hi && tokens[e].text !== ',' && !(tokens[e].kind === 'punct' && /^[;:.!?—–]$/.test(tokens[e].text))) e++;
        const content = after < e ? trimmedSpan(tokens, after, e - 1) : undefined;
        reported(w.start, tokens[verb.end].end, { ...core.src, start: w.start, end: w.end, firstTok: wk, lastTok: wk }, v, verb, content);
        continue;
      }
    }
    if (!verbContextOk(tokens, v, lo)) continue;
    // "could find a way", "would call the call": after a modal only verbs of saying report.
    if (/^(?:will|would|could|may|might|must|should|can)$/.test(lower(tokens[v - 1])) && !SAY_LEMMAS.has(verb.lemma)) continue;
    let sub = subjectLeft(ctx, v, lo);
    let inverted = false;
    if (!sub && verb.inverts && v > lo && /^[,”"’]$/.test(tokens[v - 1].text)) {
      sub = subjectRight(ctx, verb.end + 1, hi);
      inverted = !!sub;
    }
    // "X smiled and said ...": the subject of the first clause.
    let coordinated = false;
    if (!sub && !inverted) {
      let a = v - 1;
      while (a > lo && isAux(tokens[a])) a--;
      if (a > lo + 1 && /^(?:and|but)$/.test(lower(tokens[a]))) {
        sub = clauseSubject(ctx, lo, a);
        coordinated = !!sub;
      }
    }
    if (!sub || inSpan(tokens[sub.firstTok].start)) continue;
    // A pronoun with no antecedent reports only with a clause after it ("she wrote “The Quiet Year”" does not).
    const unresolved = sub.src.name === article.text.slice(sub.src.start, sub.src.end) && /^(?:he|she)$/i.test(sub.src.name);
    if (unresolved && !inverted && verb.lemma !== 'say' && !/^(?:that|,|:)$/.test(lower(tokens[verb.end + 1]))) continue;
    const next = tokens[verb.end + 1];
    const nl = lower(next);
    const named = sub.src.type === 'person' || sub.src.type === 'organization' || sub.src.type === 'publication';
    // "asked whether ...", "asked the mayor if ...": a question reported by its wh-clause.
    const askAt = verb.lemma === 'ask' ? askedClause(tokens, verb.end + 1, hi) : -1;
    const clauseNext = !next || nl === 'that' || /^[,:;.“"‘]$/.test(next.text) || askAt >= 0;
    if (!inverted) {
      // A base form ("note", "predict") needs a plural subject: not "a research note", not "Mr Blair predict".
      const base = verb.cue === verb.lemma && verb.lemma !== 'forecast';
      if (base && (sub.src.type === 'person' || /^(?:a|an|one|the)$/.test(lower(tokens[sub.firstTok])) && !/s$/.test(lower(tokens[sub.lastTok])))) continue;
      if (verb.needsObject && (!next || next.kind !== 'word' || nl === 'that')) continue;
      if (verb.opinion && named && nl !== 'that') continue;
      if (verb.opinion && sub.src.type === 'person' && tokens[sub.src.firstTok].text.length <= 3) continue;
      if (verb.strict && named && !clauseNext) continue;
      if (verb.lemma === 'add' && !clauseNext && !/^(?:it|he|she|they|there|this|its|the|a|an)$/.test(nl)) continue;
      if (verb.lemma === 'add' && /^(?:the|a|an)$/.test(nl) && sub.src.type === 'person' && !/^(?:he|she)$/i.test(tokens[sub.src.firstTok].text)) {
        // "Rooney added a second goal": a named person adding a thing.
        continue;
      }
    }
    const start = coordinated ? t.start : Math.min(tokens[sub.firstTok].start, t.start);
    const end = inverted ? sub.src.end : tokens[verb.end].end;
    // What was said: after the verb ("X said (that) CONTENT", "X told reporters that CONTENT"), or
    // before the tag ("CONTENT, X said." / "CONTENT, said X.").
    let content: [number, number] | undefined;
    const tagFirst = inverted ? v : sub.firstTok;
    const tagLast = inverted ? sub.lastTok : verb.end;
    let after = tagLast + 1;
    // A short phrase closing the tag ("on Monday", "in a statement", "to reporters").
    let close = after;
    while (close <= hi && close - after < 6 && tokens[close].kind === 'word' && !verbAt(tokens, close) && lower(tokens[close]) !== 'that') close++;
    const tagEndsSentence = close > hi || /^[.!?]$/.test(tokens[close].text) || (tokens[close].text === ',' && close + 1 <= hi && /^[”"’]$/.test(tokens[close + 1].text));
    if (tagFirst > lo && /^[,”"’]$/.test(tokens[tagFirst - 1].text) && (tagEndsSentence || inverted)) {
      content = trimmedSpan(tokens, lo, tagFirst - 1);
    } else if (!inverted && after <= hi) {
      if (verb.lemma === 'tell' || verb.lemma === 'ask' || verb.lemma === 'warn') {
        // Skip the hearer: up to "that", or a short object.
        for (let j = after; j <= hi && j - after < 6; j++) {
          if (lower(tokens[j]) === 'that') {
            after = j;
            break;
          }
        }
      }
      if (askAt >= 0) after = askAt;
      else if (lower(tokens[after]) === 'that' || tokens[after].text === ',' || tokens[after].text === ':') after++;
      // The content stops where a participle opens the next speech event (", adding that ...").
      let last = hi;
      for (let j = after + 1; j <= hi; j++) {
        if (tokens[j - 1].text === ',' && verbAt(tokens, j)?.participle) {
          last = j - 1;
          break;
        }
      }
      if (after <= last) content = trimmedSpan(tokens, after, last);
    }
    reported(start, Math.max(end, tokens[verb.end].end), sub.src, v, verb, content);
    v = Math.max(v, verb.end);
  }
}

const WH = new Set('whether if why what how when where who which'.split(' '));
/** The token of the wh-word opening the question after "asked" (right after it, or after a short hearer), or -1. */
function askedClause(tokens: Token[], from: number, hi: number): number {
  for (let j = from; j <= hi && j - from < 5; j++) {
    const t = tokens[j];
    if (t.kind !== 'word') return -1;
    if (WH.has(lower(t))) return j + 1 <= hi ? j : -1;
    if (j > from && verbLike(tokens, j)) return -1;
  }
  return -1;
}

/** A lower-case word that reads as a finite verb: a reporting verb, a lexicon verb, or an -ed form. */
const verbLike = (tokens: Token[], j: number) => !!verbAt(tokens, j) || isVerbWord(tokens[j].text) || /^\p{Ll}{3,}ed$/u.test(tokens[j].text);

/** The subject of the clause that opens the sentence (the subject of its first verb before token `before`). */
function clauseSubject(ctx: Ctx, lo: number, before: number): ReturnType<typeof subjectLeft> {
  const { tokens } = ctx.article;
  for (let j = lo + 1; j < before; j++) {
    const tj = tokens[j];
    if (tj.kind !== 'word' || tj.quoted || !/^\p{Ll}/u.test(tj.text)) continue;
    if (!verbLike(tokens, j) || DETERMINERS.has(lower(tj))) continue;
    return subjectLeft(ctx, j, lo);
  }
  return undefined;
}

/**
 * ", saying ...", ", adding that ...": the speaker is the subject of the clause before the comma (the
 * last record of the sentence, or the subject of the clause's first verb).
 */
function participleAttribution(ctx: Ctx, si: number, v: number, verb: VerbHit, out: Found[], sentBefore: number): void {
  const { tokens, sentences } = ctx.article;
  const sent = sentences[si];
  const lo = sent.firstToken;
  const hi = sent.lastToken - 1;
  if (v - 1 <= lo || tokens[v - 1].text !== ',') return;
  let src: Source | undefined;
  for (let i = out.length - 1; i >= sentBefore; i--) {
    if (out[i].start < tokens[v].start && out[i].kind === 'attribution') {
      src = out[i].src;
      break;
    }
  }
  if (!src) src = clauseSubject(ctx, lo, v - 1)?.src;
  if (!src) return;
  let after = verb.end + 1;
  if (verb.needsObject) {
    if (!tokens[after] || tokens[after].kind !== 'word') return;
    for (let j = after; j <= hi && j - after < 6; j++) {
      if (lower(tokens[j]) === 'that') {
        after = j;
        break;
      }
    }
  }
  if (lower(tokens[after]) === 'that' || tokens[after]?.text === ',' || tokens[after]?.text === ':') after++;
  const content = after <= hi ? trimmedSpan(tokens, after, hi) : undefined;
  if (!content) return;
  const t = tokens[v];
  out.push({
    kind: 'attribution',
    start: t.start,
    end: tokens[verb.end].end,
    src: { ...src },
    cue: verb.cue,
    direct: false,
    verbTok: v,
    lemma: verb.lemma,
    cueStart: t.start,
    cueEnd: tokens[verb.end].end,
    content: [content],
  });
}

const COLON_RE = /^\s*[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{L}][\p{L}.'’-]*){0,4}\s*:\s+\S/u;

/** A speaker named before a colon at the start of a paragraph: the rest of the sentence is what was said. */
function colonCue(ctx: Ctx, si: number, out: Found[]): void {
  const { article } = ctx;
  const { tokens, sentences } = article;
  const sent = sentences[si];
  const lo = sent.firstToken;
  const hi = sent.lastToken - 1;
  let c = lo;
  while (c <= hi && c - lo < 6 && tokens[c].text !== ':') c++;
  if (c > hi || c === lo || tokens[c].text !== ':' || c + 1 > hi) return;
  const allCaps = (t: Token) => /^[\p{Lu}.'’-]{2,}$/u.test(t.text);
  let src: Source | undefined;
  // A name, not a word ("UPDATE:", "BOOM:", "FIX IS IN:" are labels).
  const nameLike = (t: Token) => {
    const tags = lexTags(t.text);
    return !tags.length || tags.some((x) => /Name$/.test(x));
  };
  if (c - lo <= 3 && tokens.slice(lo, c).every(allCaps)) {
    if (!tokens.slice(lo, c).every(nameLike)) return;
    // A transcript speaker: "WALLACE:", "JAKE TAPPER:".
    const name = tokens.slice(lo, c).map((t) => t.text.charAt(0) + t.text.slice(1).toLowerCase()).join(' ');
    src = { name: ctx.reg.fullName(name, tokens[lo].start), type: 'person', start: tokens[lo].start, end: tokens[c - 1].end, firstTok: lo, lastTok: c - 1 };
  } else {
    const run = runRight(tokens, lo, c - 1);
    if (run && run[1] === c - 1) {
      src = classifyRun(article, ctx.reg, run[0], run[1], {});
      // A surname alone in a headline ("Kasich: ..."): a person named in the article.
      if (src && src.type !== 'person' && run[0] === run[1] && ctx.reg.namedAnywhere(tokens[lo].text)) src = { ...src, type: 'person', name: ctx.reg.fullName(src.name, Infinity) };
    } else {
      // "Republican pollster Dana Holt: ...": a role before the name.
      const sub = subjectCore(ctx, c - 1, lo);
      if (sub && sub.firstTok === lo) src = sub.src;
    }
    // A person or a publication only: "Latest:", "Poll:", a series name are not speakers.
    if (!src || (src.type !== 'person' && src.type !== 'publication')) return;
  }
  const content = trimmedSpan(tokens, c + 1, hi);
  if (!content) return;
  // Words were said: a score or a count after the colon ("Clinton: 1,769") is no speech, nor a two-word slogan.
  if (tokens.slice(c + 1, hi + 1).filter((t) => t.kind === 'word').length < 3) return;
  out.push({ kind: 'attribution', start: src.start, end: tokens[c].end, src, cue: ':', direct: /^[“"‘']/.test(article.text.slice(content[0], content[0] + 1)), cueStart: tokens[c].start, cueEnd: tokens[c].end, content: [content] });
}

// ---------------------------------------------------------------------------------------------

/** Quotations with their speakers, reported speech and "according to" attributions, in text order. */
export function extractAttributions(article: Article): Claim[] {
  const reg = new Registry(article);
  const ctx: Ctx = { article, reg };
  const consumed = new Set<number>();
  const { sentences, tokens } = article;
  const found: Found[] = [];
  const skip = (b: number) => isHeading(article, b);

  // Quotations first (their tags are not counted again as reported speech), then sentence by sentence.
  const quotes = article.quotations.length ? findQuotes(ctx, consumed, skip) : [];
  // One record per speech event in a paragraph: a split quotation and the quoted sentences that follow
  // it are fragments of one content (the record spans their hull, the tag included).
  for (let i = 0; i < quotes.length; ) {
    const q = quotes[i];
    let j = i + 1;
    while (j < quotes.length && quotes[j].group === q.group && quotes[j].block === q.block) j++;
    const frags = quotes.slice(i, j);
    const tagged = frags.find((f) => f.cueStart !== undefined);
    found.push({
      kind: 'quote',
      start: q.start,
      end: frags[frags.length - 1].end,
      src: q.src,
      cue: q.cue,
      direct: true,
      mode: 'direct',
      content: frags.map((f) => [f.start, f.end] as [number, number]),
      ...(tagged ? { cueStart: tagged.cueStart, cueEnd: tagged.cueEnd } : {}),
    });
    i = j;
  }
  const quoted = new Set(quotes.map((q) => q.start));

  // Quotations are in text order, and so are sentences: one pointer walks both (linear).
  const quotations = article.quotations;
  let qp = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    // "WALLACE: ...", "Kasich: ‘We will go on’": a speaker and a colon opening the paragraph or headline.
    if (COLON_RE.test(s.text) && article.blocks[s.block]?.firstSentence === si) colonCue(ctx, si, found);
    if (skip(s.block) || !CUE_RE.test(s.text)) continue;
    const before = found.length;
    sentenceAttributions(ctx, si, consumed, found);
    // A partial quotation inside reported speech: "X said the plan was “a costly mistake”".
    if (found.length === before) continue;
    while (qp < quotations.length && quotations[qp].start < s.start) qp++;
    for (let qk = qp; qk < quotations.length && quotations[qk].start < s.end; qk++) {
      const q = quotations[qk];
      if (q.depth !== 0 || !q.closed || quoted.has(q.start)) continue;
      const words = article.text.slice(q.start + 1, q.end - 1).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (words < 2) continue;
      const speech = found
        .slice(before)
        .filter((f) => f.kind === 'attribution' && f.lemma && SAY_LEMMAS.has(f.lemma) && f.verbTok !== undefined && tokens[f.verbTok].end <= q.start)
        .pop();
      if (!speech) continue;
      // Part of the reported speech's own record (mixed), not a record of its own.
      speech.mode = 'mixed';
      const c = speech.content?.[0];
      if (!c) speech.content = [[q.start, q.end]];
      else if (c[1] < q.end || c[0] > q.start) speech.content = [[Math.min(c[0], q.start), Math.max(c[1], q.end)]];
      quoted.add(q.start);
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const claims: Claim[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    // The record spans its source mention, cue and content.
    let start = f.start;
    let end = f.end;
    for (const [a, b] of f.content ?? []) {
      start = Math.min(start, a);
      end = Math.max(end, b);
    }
    const key = `${f.kind}:${start}:${end}`;
    if (seen.has(key) || end <= start) continue;
    seen.add(key);
    const ti = tokenIndexAt(tokens, f.start);
    const sentenceIndex = tokens[Math.min(ti, tokens.length - 1)].sentence;
    const mention = article.text.slice(f.src.start, f.src.end);
    const attribution: Attribution = {
      source: f.src.name,
      sourceType: f.src.type,
      ...(f.src.role ? { role: f.src.role } : {}),
      cue: f.cue,
      direct: f.direct,
      inherited: false,
      ...sourcePosition(article, f.src),
      mode: f.mode ?? (f.direct ? 'direct' : 'indirect'),
      ...(f.content ? { content: f.content.map(([offset, endOffset]) => ({ offset, endOffset })) } : {}),
      ...(f.cueStart !== undefined && f.cueEnd !== undefined ? { cueSpan: { offset: f.cueStart, endOffset: f.cueEnd } } : {}),
      sourceSpan: { offset: f.src.start, endOffset: f.src.end },
      ...(mention === f.src.name ? { resolvedFrom: null } : {}),
    };
    claims.push(makeClaim(article, start, end, { kind: f.kind, sentenceIndex, attribution }));
  }
  // A record inside another record's content is marked, never dropped.
  const open: Claim[] = [];
  for (const c of claims.sort((a, b) => a.offset - b.offset || b.endOffset - a.endOffset)) {
    while (open.length && open[open.length - 1].endOffset <= c.offset) open.pop();
    const outer = open[open.length - 1];
    if (outer && outer.endOffset >= c.endOffset && c.attribution && outer.attribution?.content?.some((x) => x.offset <= c.offset && c.endOffset <= x.endOffset)) c.attribution.nestedIn = outer.id;
    open.push(c);
  }
  return claims;
}

/** Points a figure to the claim its source comes from (never a copy of that claim's attribution). */
function link(n: Claim, record: Claim, inherited: boolean): void {
  delete n.attribution;
  n.attributionId = record.id;
  if (inherited) n.attributionInherited = true;
  else delete n.attributionInherited;
}

/**
 * Points each numeric claim to the source of its own sentence (or of the quotation it sits in), or
 * failing that to the nearest earlier source in the same block (inherited): `attributionId`, and
 * `attributionInherited` for the latter (read the source with sourceOf, pipeline/core/source.ts).
 * Mutates the claims.
 */
export function attachSources(article: Article, numeric: Claim[], attributions: Claim[]): void {
  const sourced = attributions.filter((c) => c.attribution).sort((a, b) => a.offset - b.offset);
  if (!sourced.length) return;
  const blockOf = (c: Claim) => article.sentences[c.sentenceIndex]?.block ?? -1;
  // Indexes (issue 9: linear in the article): quotations by offset, claims by sentence, and for each
  // claim in offset order the largest end so far (a claim that contains a figure starts before it and
  // ends after it: walking back stops once no earlier claim reaches that far).
  const quotes = sourced.filter((c) => c.kind === 'quote');
  const quoteMaxEnd: number[] = [];
  for (let i = 0; i < quotes.length; i++) quoteMaxEnd.push(Math.max(quotes[i].endOffset, i ? quoteMaxEnd[i - 1] : -Infinity));
  const maxEnd: number[] = [];
  for (let i = 0; i < sourced.length; i++) maxEnd.push(Math.max(sourced[i].endOffset, i ? maxEnd[i - 1] : -Infinity));
  const bySentence = new Map<number, Claim[]>();
  for (const c of sourced) {
    let l = bySentence.get(c.sentenceIndex);
    if (!l) bySentence.set(c.sentenceIndex, (l = []));
    l.push(c);
  }
  /** Index of the last claim of xs whose offset is <= offset. */
  const lastAtOrBefore = (xs: Claim[], offset: number) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid].offset <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  for (const n of numeric) {
    if (n.kind !== 'numeric') continue;
    // Inside a quotation: the speaker's own words (the first quotation, in offset order, that holds it).
    let q: Claim | undefined;
    for (let i = lastAtOrBefore(quotes, n.offset); i >= 0 && quoteMaxEnd[i] >= n.endOffset; i--) if (quotes[i].endOffset >= n.endOffset) q = quotes[i];
    if (q) {
      link(n, q, false);
      continue;
    }
    // The same sentence (or a claim holding the figure): the nearest cue.
    let best: Claim | undefined;
    let bestDist = Infinity;
    let bestOrder = Infinity;
    const consider = (c: Claim, order: number) => {
      const d = c.endOffset <= n.offset ? n.offset - c.endOffset : c.offset >= n.endOffset ? c.offset - n.endOffset : 0;
      if (d < bestDist || (d === bestDist && order < bestOrder)) {
        best = c;
        bestDist = d;
        bestOrder = order;
      }
    };
    for (const c of bySentence.get(n.sentenceIndex) ?? []) consider(c, lastAtOrBefore(sourced, c.offset));
    for (let i = lastAtOrBefore(sourced, n.offset); i >= 0 && maxEnd[i] >= n.endOffset; i--) {
      const c = sourced[i];
      if (c.sentenceIndex !== n.sentenceIndex && c.endOffset >= n.endOffset) consider(c, i);
    }
    if (best) {
      link(n, best as Claim, false);
      continue;
    }
    // Earlier in the same block: the latest claim before it in an earlier sentence of its block.
    const block = blockOf(n);
    let prev: Claim | undefined;
    for (let i = lastAtOrBefore(sourced, n.offset - 1); i >= 0; i--) {
      const c = sourced[i];
      if (blockOf(c) !== block) break;
      if (c.sentenceIndex < n.sentenceIndex) {
        prev = c;
        break;
      }
    }
    if (prev) link(n, prev, true);
  }
}

export type { Token };
