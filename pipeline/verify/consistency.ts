// consistency/*: an article that disagrees with itself. conflicting-figures: the same quantity (same
// subject, unit and currency) stated twice with different values. name-variant: one person's name
// spelled two ways (Kowalczyk / Kowalcyzk, full name or surname alone), or one person given two roles.
import type { Article, Claim, Evidence, Rule, RuleContext } from '../core/types.js';
import { pointAt } from '../parse/positions.js';
import { damerau } from '../util/distance.js';
import { wordsOf } from '../lexicon/word-classes.js';
import { NO_OPTIONS } from '../core/rule-options.js';

// ---------------------------------------------------------------------------------------------------
// conflicting-figures

const SKIP_UNITS = new Set(['percent', 'percentage-point', 'ratio', 'fraction', 'year', 'date', 'time', 'duration', 'age', 'ordinal', 'score']);
// Words near a figure that make it a different quantity from a bare statement of the total: a change,
// a comparison, a part, a rate, another time.
const CONTEXT_CUE = /\b(?:from|up|down|rose|rise|rising|fell|fall|falling|grew|increase[sd]?|decrease[sd]?|than|compared|previous(?:ly)?|last|next|earlier|before|after|record|target|expected|forecast|predict\w*|estimate[sd]?|projected|planned|per|each|every|daily|weekly|monthly|annual(?:ly)?|average|including|included|of whom|of which|among|another|additional|extra|further|more|fewer|less|over|under|by|at least|up to|almost|nearly|only|first|second|third|half)\b/i;
// Words that place a figure in time: a year, a month, a weekday, or a time phrase (lexicon/word-classes.json).
const TIME_WORD = new RegExp(`\\b(?:(?:19|20)\\d\\d|${['month', 'weekday', 'time-phrase'].flatMap((c) => [...wordsOf(c)]).join('|')})\\b`, 'gi');

function singular(w: string): string {
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (/(?:ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

function subjectKey(c: Claim): string | undefined {
  const q = c.quantity;
  if (!q || q.value === undefined || q.change || SKIP_UNITS.has(q.unit)) return undefined;
  // Counts of things and sums of money, written in figures; measurements (minutes, GB, ages) vary
  // legitimately within an article, and small counts are usually different sets ("3 killed, 5 hurt").
  if (q.unit !== 'count' && q.unit !== 'currency') return undefined;
  if (!/\d/.test(c.text) || (q.unit === 'count' && Math.abs(q.value) < 100)) return undefined;
  if (q.bound !== 'exact' && !q.approximate) return undefined;
  const subject = (c.subject ?? '').toLowerCase().replace(/[’']s\b/g, '').trim();
  if (!subject) return undefined;
  const words = subject.split(/\s+/);
  words[words.length - 1] = singular(words[words.length - 1]);
  return `${q.unit}|${q.currency ?? ''}|${words.join(' ')}`;
}

/** Text within a few words either side of the claim, inside its sentence. */
function around(c: Claim): string {
  const s = c.sentence;
  const at = s.indexOf(c.text);
  if (at < 0) return s;
  const before = s.slice(0, at).split(/\s+/).slice(-4).join(' ');
  const after = s.slice(at + c.text.length).split(/\s+/).slice(0, 5).join(' ');
  return `${before} ${after}`;
}

function times(sentence: string): Set<string> {
  return new Set([...sentence.matchAll(TIME_WORD)].map((m) => m[0].toLowerCase()));
}

/** The relative difference two stated values may have and still be one figure (rounding, hedges). */
function agree(a: Claim, b: Claim): boolean {
  const va = a.quantity!.value!;
  const vb = b.quantity!.value!;
  const big = Math.max(Math.abs(va), Math.abs(vb));
  if (big === 0) return true;
  const approx = a.quantity!.approximate || b.quantity!.approximate || a.quantity!.bound !== 'exact' || b.quantity!.bound !== 'exact';
  // "12,400" and "12,000": a reader allows a rounded repetition within 5% (7.5% when hedged).
  return Math.abs(va - vb) / big <= (approx ? 0.075 : 0.05);
}

/** Values far apart ("700 games" and "15 games") are different sets, not one figure misstated. */
function close(a: Claim, b: Claim): boolean {
  const va = Math.abs(a.quantity!.value!);
  const vb = Math.abs(b.quantity!.value!);
  return Math.max(va, vb) <= 1.5 * Math.min(va, vb);
}

function lineOf(article: Article, offset: number): number {
  return pointAt(article.lineStarts, offset).line;
}

export const conflictingFigures: Rule = {
  meta: {
    id: 'consistency/conflicting-figures',
    category: 'consistency',
    severity: 'warning',
    stage: 'verify',
    description: 'The same quantity is stated twice in one article with different values.',
    docs: [
      'Compares figures that count or measure the same thing (the same subject, unit and currency): “the festival drew 12,400 visitors” and later “some 11,000 visitors attended”. The later figure is flagged, with the earlier sentence and its line as evidence.',
      '',
      'Not flagged: figures that agree after rounding (“12,400” and “about 12,000”), figures about another time (different years, “last year”), changes, comparisons, parts and rates (“from”, “up”, “more than”, “including”, “per day”), and percentages.',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      conflict: 'This figure conflicts with line {{line}}: “{{here}}” here, “{{there}}” there, for the same {{subject}}. Check which is right and use it in both places.',
    },
    examples: {
      valid: ['The festival drew 12,400 visitors.\n\nIn the end, about 12,000 visitors attended.'],
      invalid: [{ text: 'The festival drew 12,400 visitors.\n\nIn the end, some 11,000 visitors attended.', excerpt: 'some 11,000' }],
    },
  },
  check(ctx: RuleContext) {
    const { article } = ctx;
    const groups = new Map<string, Claim[]>();
    for (const c of ctx.claims) {
      if (c.kind !== 'numeric') continue;
      const key = subjectKey(c);
      if (!key || CONTEXT_CUE.test(around(c))) continue;
      const list = groups.get(key) ?? [];
      list.push(c);
      groups.set(key, list);
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      for (let j = 1; j < list.length; j++) {
        const b = list[j];
        const tb = times(b.sentence);
        const a = list.slice(0, j).find((x) => x.sentenceIndex !== b.sentenceIndex && !agree(x, b) && close(x, b) && sameTime(times(x.sentence), tb));
        if (!a || list.slice(0, j).some((x) => agree(x, b))) continue;
        const line = lineOf(article, a.offset);
        const excerpt = a.sentence.replace(/\s+/g, ' ').trim();
        const ev: Evidence = { kind: 'compared', message: `Line ${line} states “${a.text}” for the same ${b.subject ?? b.quantity!.unit}: “${excerpt}”`, line, excerpt, expected: a.text, actual: b.text };
        ctx.judge({ claimId: b.id, evidence: ev });
        ctx.report({
          start: b.offset,
          end: b.endOffset,
          claimId: b.id,
          messageId: 'conflict',
          data: { line, here: b.text, there: a.text, subject: b.subject ?? 'quantity' },
          expected: a.text,
          actual: b.text,
          evidence: [ev],
        });
      }
    }
  },
};

function sameTime(a: Set<string>, b: Set<string>): boolean {
  // A sentence that names no time is about the article's own time.
  if (!a.size || !b.size) return true;
  for (const t of a) if (b.has(t)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// name-variant

/** Damerau-Levenshtein distance (optimal string alignment), stopping early above `max` (pipeline/util/distance.ts). */
export { damerau as editDistance };

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president', 'minister', 'senator', 'judge', 'coach', 'captain', 'general', 'rev', 'father']);
const SPEECH = /^(?:said|says|say|told|tells|added|adds|wrote|writes|explained|argued|insisted|warned|noted|recalled|claimed|stated|asked|replied)$/i;
const CAP = /^\p{Lu}[\p{Ll}’'-]+$/u;

interface Mention {
  /** The surname as written (no possessive). */
  surname: string;
  /** The given name when the mention is a full name. */
  given?: string;
  start: number;
  end: number;
  /** Seen in a person context: an attribution to a person, a title, a speech verb. */
  person: boolean;
  /** The word before the mention, lower case ("in", "mr"), or ''. */
  prev: string;
}

// Words before a capitalised word that make it a place or an organisation rather than a person.
const PLACE_BEFORE = new Set(['in', 'of', 'from', 'to', 'at', 'the', 'for', 'by', 'with', 'on', 'into', 'across', 'near']);

function stripPossessive(w: string): string {
  return w.replace(/[’']s?$/, '');
}

/** Capitalised-word runs and attributions to people, as surname mentions. */
function mentions(article: Article, claims: readonly Claim[]): Mention[] {
  const out: Mention[] = [];
  const toks = article.tokens;
  for (const s of article.sentences) {
    let i = s.firstToken;
    while (i < s.lastToken) {
      const t = toks[i];
      if (t.kind !== 'word' || !CAP.test(t.text) || t.quoted) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < s.lastToken && toks[j + 1].kind === 'word' && CAP.test(toks[j + 1].text) && toks[j + 1].start - toks[j].end <= 1 && !toks[j + 1].quoted) j++;
      const words = toks.slice(i, j + 1).map((x) => x.text);
      const prev = i > s.firstToken ? toks[i - 1] : undefined;
      const prevWord = prev?.kind === 'word' ? prev.text.toLowerCase().replace(/\.$/, '') : '';
      const titled = TITLES.has(prevWord) || (words.length > 1 && TITLES.has(words[0].toLowerCase()));
      const next = j + 1 < s.lastToken ? toks[j + 1] : undefined;
      const speaks = !!next && next.kind === 'word' && SPEECH.test(next.text);
      const nameWords = words.filter((w) => !TITLES.has(w.toLowerCase()));
      const sentenceStart = i === s.firstToken;
      if (nameWords.length >= 1 && nameWords.length <= 3 && !(sentenceStart && nameWords.length === 1 && !speaks)) {
        const surname = stripPossessive(nameWords[nameWords.length - 1]);
        const lastTok = toks[j];
        out.push({
          surname,
          given: nameWords.length >= 2 ? nameWords[0] : undefined,
          start: lastTok.start,
          end: lastTok.start + surname.length,
          prev: prevWord,
          person: titled || speaks,
        });
      }
      i = j + 1;
    }
  }
  // Attributions mark their source's mention as a person.
  for (const c of claims) {
    const at = c.attribution;
    if (!at || at.sourceType !== 'person' || at.inherited || at.sourceOffset === undefined) continue;
    const words = at.source.split(/\s+/).filter((w) => !TITLES.has(w.toLowerCase().replace(/\.$/, '')));
    const surname = stripPossessive(words[words.length - 1] ?? '');
    for (const m of out) if (m.surname === surname && m.start >= at.sourceOffset && m.start < (at.sourceEndOffset ?? at.sourceOffset + at.source.length)) m.person = true;
  }
  return out;
}

function normRole(r: string): string {
  return r.toLowerCase().replace(/[’']s\b/g, '').replace(/^(?:the|a|an|its|their|his|her)\s+/, '').replace(/\s+/g, ' ').trim();
}

const ROLE_SYNONYMS: [RegExp, string][] = [
  [/\bceo\b/, 'chief executive'],
  [/\bchief executive officer\b/, 'chief executive'],
  [/\bcfo\b/, 'chief financial officer'],
  [/\bmp\b/, 'member of parliament'],
  [/\bchair(?:man|woman|person)?\b/, 'chair'],
  [/\bspokes(?:man|woman|person)\b/, 'spokesperson'],
];

function canonicalRole(r: string): string {
  let s = normRole(r);
  for (const [re, to] of ROLE_SYNONYMS) s = s.replace(re, to);
  return s;
}

// A role names a job or position ("chief executive of the port authority"); attribution phrases that
// are not roles ("remarking on the level of detail") are not compared.
const ROLE_NOUN = /\b(?:president|chair\w*|chief|director|manager|head|minister|secretary|spokes\w+|officer|executive|editor|analyst|economist|professor|lecturer|researcher|founder|owner|leader|member|mayor|governor|senator|adviser|advisor|consultant|coach|captain|deputy|partner|correspondent|reporter|commissioner|chancellor|counsel|lawyer|attorney|judge|ambassador|principal|dean|treasurer|trustee|organi[sz]er|campaigner|activist|representative|teacher|doctor|nurse|engineer|scientist|author|writer|boss|inspector|superintendent|administrator|councillor|councilor|mp|ceo|cfo|coo|cto|vice-president|vice president|general secretary)\b/;

export function isRole(r: string): boolean {
  return r.split(/\s+/).length <= 12 && ROLE_NOUN.test(r);
}

function rolesAgree(a: string, b: string): boolean {
  const x = canonicalRole(a);
  const y = canonicalRole(b);
  if (x === y || x.includes(y) || y.includes(x)) return true;
  // Same head noun phrase before "of"/"at": "president of X" and "president".
  const head = (s: string) => s.split(/\s+(?:of|at|for|in)\s+/)[0];
  const hx = head(x);
  const hy = head(y);
  return hx === hy || hx.endsWith(` ${hy}`) || hy.endsWith(` ${hx}`);
}

export const nameVariant: Rule = {
  meta: {
    id: 'consistency/name-variant',
    category: 'consistency',
    severity: 'warning',
    stage: 'verify',
    description: 'One person’s name is spelled two ways in the article, or one person is given two different roles.',
    docs: [
      'Compares the surnames of the people an article names (from attributions and capitalised names with a title, a speech verb or a role) with every other capitalised name: two spellings one or two edits apart (Damerau-Levenshtein; two only for names of eight letters or more) of names of five letters or more, starting with the same letter, are flagged at the rarer spelling, including surname-only mentions (“Jonas Weber … Mr Webber added”).',
      '',
      'Not flagged: two different people who are each given a full name with different first names (“John Smith” and “Jane Smyth”), and names that never appear as a person.',
      '',
      'Also flags a person given two different roles in attributions (“Marta Kessler, chief executive of the port authority” and later “Marta Kessler, the port’s finance director”).',
    ].join('\n'),
    options: NO_OPTIONS,
    messages: {
      spelling: "“{{variant}}” looks like another spelling of “{{surname}}” ({{fullName}}, line {{line}}): one person's name should be spelled the same way throughout. Check the spelling.",
      role: '{{source}} is “{{here}}” here but “{{there}}” on line {{line}}: one person should have one role. Check which is right.',
    },
  },
  check(ctx: RuleContext) {
    const { article } = ctx;
    const ms = mentions(article, ctx.claims);
    if (ms.length < 2) return;
    const bySurname = new Map<string, Mention[]>();
    for (const m of ms) {
      const list = bySurname.get(m.surname) ?? [];
      list.push(m);
      bySurname.set(m.surname, list);
    }
    const names = [...bySurname.keys()].filter((n) => n.length >= 5);
    const reported = new Set<string>();
    for (let x = 0; x < names.length; x++) {
      for (let y = x + 1; y < names.length; y++) {
        const a = names[x];
        const b = names[y];
        if (a[0] !== b[0]) continue;
        // Plurals and possessives are not spellings: "the Bryans", "Baftas", "Europeans".
        // ... nor are demonyms and other endings: "Russia"/"Russian", "Pakistan"/"Pakistani".
        if (a.startsWith(b) || b.startsWith(a)) continue;
        const max = Math.min(a.length, b.length) >= 8 ? 2 : 1;
        if (damerau(a.toLowerCase(), b.toLowerCase(), max) > max) continue;
        const la = bySurname.get(a)!;
        const lb = bySurname.get(b)!;
        // Both spellings are used for a person (a title, a speech verb, an attribution); or one is a
        // person's full name and the other only ever a bare surname in no place context ("Greece" after
        // "in" is not a spelling of "Greene"); or one is a person and the other a full name.
        const fullPerson = (l: Mention[]) => l.some((m) => m.person && m.given);
        const bareSurname = (l: Mention[]) => l.every((m) => !m.given && !PLACE_BEFORE.has(m.prev));
        const bothPeople = la.some((m) => m.person) && lb.some((m) => m.person);
        const personAndName = (x: Mention[], y: Mention[]) => x.some((m) => m.person) && y.some((m) => m.given && !PLACE_BEFORE.has(m.prev));
        if (!bothPeople && !(fullPerson(la) && bareSurname(lb)) && !(fullPerson(lb) && bareSurname(la)) && !personAndName(la, lb) && !personAndName(lb, la)) continue;
        // Two full names with different first names are two people (John Smith, Jane Smyth).
        const ga = new Set(la.map((m) => m.given).filter(Boolean));
        const gb = new Set(lb.map((m) => m.given).filter(Boolean));
        if (ga.size && gb.size && ![...ga].some((g) => gb.has(g))) continue;
        // Flag the rarer spelling (the later one on a tie); the other is the evidence.
        const [variant, canon] = lb.length < la.length || (lb.length === la.length && lb[0].start > la[0].start) ? [lb, la] : [la, lb];
        const first = canon[0];
        const canonFull = first.given ? `${first.given} ${first.surname}` : first.surname;
        const line = lineOf(article, first.start);
        for (const m of variant) {
          const key = `${m.start}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const excerpt = article.text.slice(article.sentences.find((s) => s.start <= first.start && first.start < s.end)?.start ?? first.start, first.end + 80).split('\n')[0];
          const ev: Evidence = { kind: 'compared', message: `Line ${line} spells the name “${first.surname}” (${canonFull})`, line, excerpt, expected: first.surname, actual: m.surname };
          ctx.report({
            start: m.start,
            end: m.end,
            messageId: 'spelling',
            data: { variant: m.surname, surname: first.surname, fullName: canonFull, line },
            suggestions: [first.surname],
            expected: first.surname,
            actual: m.surname,
            evidence: [ev],
          });
        }
      }
    }
    // One person, two roles.
    const roles = new Map<string, { role: string; claim: Claim; source: string }[]>();
    for (const c of ctx.claims) {
      const at = c.attribution;
      if (!at || at.sourceType !== 'person' || !at.role || at.inherited || !isRole(at.role)) continue;
      const words = at.source.split(/\s+/);
      const key = stripPossessive(words[words.length - 1]).toLowerCase();
      const list = roles.get(key) ?? [];
      if (!list.some((r) => r.role === at.role && r.claim.attribution?.sourceOffset === at.sourceOffset)) list.push({ role: at.role, claim: c, source: at.source });
      roles.set(key, list);
    }
    for (const list of roles.values()) {
      for (let j = 1; j < list.length; j++) {
        const b = list[j];
        const a = list.slice(0, j).find((x) => !rolesAgree(x.role, b.role));
        if (!a || list.slice(0, j).some((x) => rolesAgree(x.role, b.role))) continue;
        const start = b.claim.attribution!.sourceOffset ?? b.claim.offset;
        const end = b.claim.attribution!.sourceEndOffset ?? b.claim.endOffset;
        const line = lineOf(article, a.claim.attribution!.sourceOffset ?? a.claim.offset);
        const ev: Evidence = { kind: 'compared', message: `Line ${line} calls ${a.source} “${a.role}”`, line, excerpt: a.claim.sentence.replace(/\s+/g, ' ').trim(), expected: a.role, actual: b.role };
        ctx.report({
          start,
          end,
          claimId: b.claim.id,
          messageId: 'role',
          data: { source: b.source, here: b.role, there: a.role, line },
          expected: a.role,
          actual: b.role,
          evidence: [ev],
        });
      }
    }
  },
};
