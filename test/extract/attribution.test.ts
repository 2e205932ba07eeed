import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseArticle } from '../../pipeline/parse/index.js';
import { extractAttributions, attachSources } from '../../pipeline/extract/attribution.js';
import { makeClaim } from '../../pipeline/extract/claim.js';
import type { Article, Claim } from '../../pipeline/core/types.js';
import { claimsById, sourceOf } from '../../pipeline/core/source.js';
import { exampleArticle, exampleGold, repoRoot, sharedOnly } from '../helpers/shared.js';

// ---------------------------------------------------------------------------------------------
// Schema validation of every claim.
const ajv = new Ajv2020({ allErrors: true, strict: false });
for (const n of ['common', 'claim']) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', `${n}.schema.json`), 'utf8')));
const validateClaim = ajv.getSchema('https://copydesk.dev/schemas/claim.schema.json')!;

function expectValid(claims: Claim[]): void {
  for (const c of claims) {
    const ok = validateClaim(c);
    expect(ok, `${JSON.stringify(c)}\n${JSON.stringify(validateClaim.errors)}`).toBe(true);
  }
}

function run(text: string, file = 'sample.txt'): { article: Article; claims: Claim[] } {
  const article = parseArticle(file, text);
  const claims = extractAttributions(article);
  expectValid(claims);
  for (const c of claims) {
    // Positions are consistent: the span is the text, the source offsets point at the source mention.
    expect(text.slice(c.offset, c.endOffset)).toBe(c.text);
    const a = c.attribution!;
    expect(a.sourceOffset).toBeTypeOf('number');
    expect(a.sourceEndOffset!).toBeGreaterThan(a.sourceOffset!);
    const before = text.slice(0, a.sourceOffset);
    expect(a.sourceLine).toBe(before.split('\n').length);
    expect(a.sourceColumn).toBe(a.sourceOffset! - before.lastIndexOf('\n'));
  }
  return { article, claims };
}

// ---------------------------------------------------------------------------------------------
// Positive forms. Each row: text, and the claim expected (kind, span text, source, type, cue, role,
// the text at the source position).
interface Positive {
  name: string;
  text: string;
  kind: 'quote' | 'attribution';
  span: string;
  source: string;
  type: 'person' | 'organization' | 'publication' | 'anonymous' | 'vague';
  cue?: string;
  role?: string;
  mention?: string;
  /** More claims of the same source expected (split or continued quotations). */
  count?: number;
}

const positives: Positive[] = [
  {
    name: 'speaker before, colon, curly quotes',
    text: 'Maria Lopez said: “We will open two new plants next year.”\n',
    kind: 'quote',
    span: '“We will open two new plants next year.”',
    source: 'Maria Lopez',
    type: 'person',
    cue: 'said',
  },
  {
    name: 'speaker before, comma, straight quotes',
    text: 'Tom Baxter said, "The figures speak for themselves."\n',
    kind: 'quote',
    span: '"The figures speak for themselves."',
    source: 'Tom Baxter',
    type: 'person',
    cue: 'said',
  },
  {
    name: 'speaker after, inverted, with a role',
    text: '“The market is cooling,” said Priya Raman, chief economist at Northfield Bank.\n',
    kind: 'quote',
    span: '“The market is cooling,”',
    source: 'Priya Raman',
    type: 'person',
    cue: 'said',
    role: 'chief economist at Northfield Bank',
  },
  {
    name: 'speaker after, normal order',
    text: 'The plant closed in May. “We expected this,” Daniel Okafor said.\n',
    kind: 'quote',
    span: '“We expected this,”',
    source: 'Daniel Okafor',
    type: 'person',
    mention: 'Daniel Okafor',
  },
  {
    name: 'speaker with a role in apposition before a multi-sentence quotation with a nested quotation',
    text: 'Helen Brandt, director of the Eastside Housing Association, said, “Staff called it ‘the long winter’ for a reason. Nobody wanted to stay.”\n',
    kind: 'quote',
    span: '“Staff called it ‘the long winter’ for a reason. Nobody wanted to stay.”',
    source: 'Helen Brandt',
    type: 'person',
    role: 'director of the Eastside Housing Association',
  },
  {
    name: 'quotation split by its tag, pronoun speaker',
    text: 'Coach Anna Petrova watched from the stand. “The first half was poor,” she said, “but the second half was excellent.”\n',
    kind: 'quote',
    span: '“but the second half was excellent.”',
    source: 'Anna Petrova',
    type: 'person',
    mention: 'she',
    count: 2,
  },
  {
    name: 'quotation continued into the next paragraph',
    text: 'Samuel Green said: “We have spent three years on this project.\n\n“Now we are finally ready to launch it.”\n',
    kind: 'quote',
    span: '“Now we are finally ready to launch it.”',
    source: 'Samuel Green',
    type: 'person',
    count: 2,
  },
  {
    name: 'pronoun speaker resolves to the last person named',
    text: 'Rachel Wong joined the firm in 2019. She said the results were strong.\n',
    kind: 'attribution',
    span: 'She said',
    source: 'Rachel Wong',
    type: 'person',
    mention: 'She',
  },
  {
    name: 'reported speech with "said that" and a role before the name',
    text: 'Finance minister Karl Weber said that inflation would fall.\n',
    kind: 'attribution',
    span: 'Finance minister Karl Weber said',
    source: 'Karl Weber',
    type: 'person',
    role: 'Finance minister',
  },
  {
    name: 'X says',
    text: 'Leila Haddad says the plan is too expensive.\n',
    kind: 'attribution',
    span: 'Leila Haddad says',
    source: 'Leila Haddad',
    type: 'person',
    cue: 'says',
  },
  {
    name: 'X told Y (a surname that is also a verb)',
    text: 'Omar Said told reporters the deal was close.\n',
    kind: 'attribution',
    span: 'Omar Said told',
    source: 'Omar Said',
    type: 'person',
    cue: 'told',
  },
  {
    name: 'organisation added',
    text: 'Prices rose again. The ministry added that fuel costs had doubled.\n',
    kind: 'attribution',
    span: 'The ministry added',
    source: 'The ministry',
    type: 'organization',
    cue: 'added',
  },
  {
    name: 'X wrote',
    text: 'Economist Jane Fry wrote in a blog post that growth was slowing.\n',
    kind: 'attribution',
    span: 'Economist Jane Fry wrote',
    source: 'Jane Fry',
    type: 'person',
    cue: 'wrote',
  },
  {
    name: 'X found that',
    text: 'The Delmont Institute found that sleep improves memory.\n',
    kind: 'attribution',
    span: 'The Delmont Institute found',
    source: 'Delmont Institute',
    type: 'organization',
    cue: 'found',
  },
  {
    name: 'X announced',
    text: 'Northwind Airlines announced that it would cut 300 jobs.\n',
    kind: 'attribution',
    span: 'Northwind Airlines announced',
    source: 'Northwind Airlines',
    type: 'organization',
  },
  {
    name: 'vague: analysts warned',
    text: 'Analysts warned that demand could weaken.\n',
    kind: 'attribution',
    span: 'Analysts warned',
    source: 'Analysts',
    type: 'vague',
  },
  {
    name: 'X claimed, with a title',
    text: 'Senator Mark Ellis claimed that the count was flawed.\n',
    kind: 'attribution',
    span: 'Senator Mark Ellis claimed',
    source: 'Mark Ellis',
    type: 'person',
    role: 'Senator',
  },
  {
    name: 'X estimated',
    text: 'The Harbour Trust estimated the cost at four million pounds.\n',
    kind: 'attribution',
    span: 'The Harbour Trust estimated',
    source: 'Harbour Trust',
    type: 'organization',
    cue: 'estimated',
  },
  {
    name: 'according to a newspaper (publication suffix)',
    text: 'According to the Lisbon Herald, the bridge will close for a month.\n',
    kind: 'attribution',
    span: 'According to the Lisbon Herald',
    source: 'Lisbon Herald',
    type: 'publication',
    cue: 'according to',
  },
  {
    name: 'according to a lexicon publication, casing normalised',
    text: 'The talks stalled last week, according to the Wall Street journal.\n',
    kind: 'attribution',
    span: 'according to the Wall Street journal',
    source: 'The Wall Street Journal',
    type: 'publication',
  },
  {
    name: 'a publication alias, reported under its canonical name',
    text: 'The plant will close, according to Agence France-Presse.\n',
    kind: 'attribution',
    span: 'according to Agence France-Presse',
    source: 'AFP',
    type: 'publication',
  },
  {
    name: 'a publication the casing rule also checks (one shared name list)',
    text: 'According to the Asahi Shimbun, the plant will close.\n',
    kind: 'attribution',
    span: 'According to the Asahi Shimbun',
    source: 'Asahi Shimbun',
    type: 'publication',
  },
  {
    name: 'a descriptor before a lexicon publication',
    text: 'According to the business daily Kommersant, the bank has been sold.\n',
    kind: 'attribution',
    span: 'According to the business daily Kommersant',
    source: 'Kommersant',
    type: 'publication',
    mention: 'Kommersant',
  },
  {
    name: 'as stated by a publication with "The" in its name',
    text: 'Exports fell sharply, as stated by the independent outlet The Bell.\n',
    kind: 'attribution',
    span: 'as stated by the independent outlet The Bell',
    source: 'The Bell',
    type: 'publication',
    cue: 'as stated by',
    mention: 'The Bell',
  },
  {
    name: 'as reported by',
    text: 'The merger was called off, as reported by Bloomberg.\n',
    kind: 'attribution',
    span: 'as reported by Bloomberg',
    source: 'Bloomberg',
    type: 'publication',
    cue: 'as reported by',
  },
  {
    name: 'a study by X',
    text: 'A new study by the Kellner Institute suggests that most firms are hiring.\n',
    kind: 'attribution',
    span: 'A new study by the Kellner Institute',
    source: 'Kellner Institute',
    type: 'organization',
    cue: 'study by',
  },
  {
    name: "X's report",
    text: "The OECD's latest report shows slower growth.\n",
    kind: 'attribution',
    span: "OECD's latest report",
    source: 'OECD',
    type: 'organization',
    cue: 'report',
  },
  {
    name: 'vague: officials said',
    text: 'Officials said the road would reopen soon.\n',
    kind: 'attribution',
    span: 'Officials said',
    source: 'Officials',
    type: 'vague',
  },
  {
    name: 'vague: experts say',
    text: 'The risk is low, experts say.\n',
    kind: 'attribution',
    span: 'experts say',
    source: 'experts',
    type: 'vague',
  },
  {
    name: 'impersonal: it is thought that',
    text: 'It is thought that the talks failed over pay.\n',
    kind: 'attribution',
    span: 'It is thought',
    source: 'unspecified',
    type: 'vague',
    cue: 'it is thought',
  },
  {
    name: 'anonymous: sources claim',
    text: 'Sources claim the merger is off.\n',
    kind: 'attribution',
    span: 'Sources claim',
    source: 'Sources',
    type: 'anonymous',
  },
  {
    name: 'anonymous: a spokesperson said',
    text: 'A spokesperson said the company would appeal.\n',
    kind: 'attribution',
    span: 'A spokesperson said',
    source: 'A spokesperson',
    type: 'anonymous',
  },
  {
    name: 'vague: some observers believe',
    text: 'Some observers believe the dispute will end soon.\n',
    kind: 'attribution',
    span: 'Some observers believe',
    source: 'Some observers',
    type: 'vague',
    cue: 'believe',
  },
  {
    name: 'a first name compromise tags as an adverb',
    text: 'Vitaly Orlov said the market was shrinking.\n',
    kind: 'attribution',
    span: 'Vitaly Orlov said',
    source: 'Vitaly Orlov',
    type: 'person',
  },
  {
    name: 'a possessive name is one person',
    text: 'Vladimir Putin’s spokesman said the meeting went well.\n',
    kind: 'attribution',
    span: 'Vladimir Putin’s spokesman said',
    source: 'Vladimir Putin’s spokesman',
    type: 'anonymous',
  },
  {
    name: 'surname after a full name',
    text: 'The club hired Peter Lanning in March. Lanning said the squad was too small.\n',
    kind: 'attribution',
    span: 'Lanning said',
    source: 'Peter Lanning',
    type: 'person',
    mention: 'Lanning',
  },
  {
    name: 'a whole-sentence quotation after a tagged one keeps the speaker',
    text: '“Costs are rising,” said Nina Patel, head of research at Corvo Capital. “We see no sign of a slowdown.”\n',
    kind: 'quote',
    span: '“We see no sign of a slowdown.”',
    source: 'Nina Patel',
    type: 'person',
    count: 2,
  },
  {
    name: 'single curly marks as the outer quotation',
    text: '‘We are ready,’ said Anna Berg.\n',
    kind: 'quote',
    span: '‘We are ready,’',
    source: 'Anna Berg',
    type: 'person',
  },
  {
    name: 'X told Y: “...”',
    text: 'Maria Costa told the BBC: “We had no warning.”\n',
    kind: 'quote',
    span: '“We had no warning.”',
    source: 'Maria Costa',
    type: 'person',
    cue: 'told',
  },
  {
    name: 'X said in a statement: “...”',
    text: 'Leo Marsh said in a statement: “The deal is done.”\n',
    kind: 'quote',
    span: '“The deal is done.”',
    source: 'Leo Marsh',
    type: 'person',
  },
  {
    name: 'according to him',
    text: 'Jon Hale founded the group in 2001. According to him, the fund has grown.\n',
    kind: 'attribution',
    span: 'According to him',
    source: 'Jon Hale',
    type: 'person',
    mention: 'him',
  },
  {
    name: '"it said" after an organisation',
    text: 'Orbis Bank reported a loss on Monday. It said costs had risen.\n',
    kind: 'attribution',
    span: 'It said',
    source: 'Orbis Bank',
    type: 'organization',
    mention: 'It',
  },
  {
    name: 'a name in apposition after the role',
    text: 'The new minister, Carla Reyes, said the law would change.\n',
    kind: 'attribution',
    span: 'Carla Reyes, said',
    source: 'Carla Reyes',
    type: 'person',
  },
  {
    name: 'inverted reported speech with a role',
    text: 'Growth will slow, said Ines Duarte, a senior economist at the OECD.\n',
    kind: 'attribution',
    span: 'said Ines Duarte',
    source: 'Ines Duarte',
    type: 'person',
    role: 'senior economist at the OECD',
  },
  {
    name: '"the N-year-old" refers to the last person named',
    text: 'Kim Sorensen lost in the final. “We lost,” the 36-year-old said.\n',
    kind: 'quote',
    span: '“We lost,”',
    source: 'Kim Sorensen',
    type: 'person',
    mention: 'the 36-year-old',
  },
];

/** The source mention and the cue of a record, as one slice. */
export function tagText(text: string, c: Claim): string | undefined {
  const a = c.attribution;
  if (!a?.sourceSpan || !a.cueSpan) return undefined;
  return text.slice(Math.min(a.sourceSpan.offset, a.cueSpan.offset), Math.max(a.sourceSpan.endOffset, a.cueSpan.endOffset));
}
function fragTexts(text: string, c: Claim): string[] {
  return (c.attribution?.content ?? []).map((f) => text.slice(f.offset, f.endOffset));
}

describe('extractAttributions: positive forms', () => {
  it.each(positives.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const { claims } = run(p.text);
    // The span named in the table: the record's own text, its tag (source mention and cue), or its first content fragment.
    const hit = claims.find((c) => c.kind === p.kind && (c.text === p.span || tagText(p.text, c) === p.span || fragTexts(p.text, c).includes(p.span) || (c.kind === 'attribution' && c.text.startsWith(p.span))));
    expect(hit, `claims: ${JSON.stringify(claims.map((c) => [c.kind, c.text, c.attribution?.source]))}`).toBeDefined();
    const a = hit!.attribution!;
    expect(a.source).toBe(p.source);
    expect(a.sourceType).toBe(p.type);
    expect(a.direct).toBe(p.kind === 'quote');
    expect(a.inherited).toBe(false);
    if (p.cue) expect(a.cue).toBe(p.cue);
    if (p.role) expect(a.role).toBe(p.role);
    if (p.mention) expect(p.text.slice(a.sourceOffset, a.sourceEndOffset)).toBe(p.mention);
    // Split or continued quotations: one record per paragraph, the fragments listed in its content.
    if (p.count) expect(claims.filter((c) => c.kind === p.kind && c.attribution?.source === p.source).reduce((n, c) => n + (c.attribution!.content?.length ?? 1), 0)).toBe(p.count);
  });
});

// ---------------------------------------------------------------------------------------------
// Negative cases: nothing, or at least no source for the named span.
const negatives: { name: string; text: string; file?: string; none?: string }[] = [
  { name: 'scare quote in running text', text: 'Firms kept moving into so-called “friendly jurisdictions.”\n' },
  { name: 'a single quoted word', text: 'Critics called the scheme “reckless” and walked out.\n', none: '“reckless”' },
  { name: 'a single quoted word in a sentence with a source', text: 'According to the Lisbon Herald, the scheme is “reckless” and costly.\n', none: '“reckless”' },
  { name: 'a heading that reports nothing', text: 'Minister says taxes will fall\n\nThe budget is due in March.\n' },
  { name: '"said" as an adjective', text: 'The buyer inspected the said property twice.\n' },
  { name: 'according to plan', text: 'Everything went according to plan.\n' },
  { name: 'according to the rules', text: 'The vote was held according to the rules.\n' },
  { name: 'all told', text: 'The repairs, all told, took nine weeks. All told, the bill was large.\n' },
  { name: 'a song title in quotes', text: 'The band closed with "Blue Harbour Nights" at the festival.\n' },
  { name: 'a book title after "wrote"', text: 'She wrote “The Quiet Year” before moving abroad.\n' },
  { name: 'an unclosed quotation', text: 'Then came the question “Why would anyone leave now? Nobody could say.\n\nThe mood changed after that.\n' },
  { name: 'passive "was told"', text: 'The driver was told to stop at the border.\n' },
  { name: 'a markdown heading with a reporting verb', text: '# Mayor says the park will stay\n\nThe park opened in 1990.\n', file: 'a.md' },
  { name: 'reporting verbs inside a quotation do not make new sources', text: 'Paul Reyes said: “I told them I said no.”\n', none: 'told' },
];

describe('extractAttributions: negative cases', () => {
  it.each(negatives.map((n) => [n.name, n] as const))('%s', (_name, n) => {
    const { claims } = run(n.text, n.file);
    if (n.none === 'told') expect(claims.filter((c) => c.kind === 'attribution')).toEqual([]);
    else if (n.none) expect(claims.filter((c) => c.attribution && (c.kind === 'quote' ? c.text.includes(n.none!) : c.text === n.none))).toEqual([]);
    else expect(claims.map((c) => [c.kind, c.text, c.attribution?.source])).toEqual([]);
  });

  it('the unclosed quotation gets no speaker even after a named person', () => {
    const { claims } = run('Nadia Osei spoke first. A question remains: “How will the town pay for it? Nobody knows.\n');
    expect(claims.filter((c) => c.kind === 'quote')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('attachSources', () => {
  const text = [
    'According to the Kellner Institute, 40% of firms are hiring. About 12 firms plan to close.',
    '',
    'A total of 75 shops opened in the spring.',
    '',
    'Lena Fischer said: “We hired 30 people this year.”',
    '',
    'The ministry said 9 bridges were repaired. Another 4 are planned.',
    '',
  ].join('\n');
  const numericAt = (article: Article, needle: string): Claim => {
    const start = text.indexOf(needle);
    const ti = article.tokens.findIndex((t) => t.start >= start);
    return makeClaim(article, start, start + needle.length, { kind: 'numeric', sentenceIndex: article.tokens[ti].sentence, quantity: { value: 1, unit: 'count', approximate: false, bound: 'exact' } });
  };

  it('takes the source of the sentence, of the quotation, or inherits within the block', () => {
    const { article, claims } = run(text);
    const n40 = numericAt(article, '40%');
    const n12 = numericAt(article, '12');
    const n75 = numericAt(article, '75');
    const n30 = numericAt(article, '30');
    const n9 = numericAt(article, '9 bridges');
    const n4 = numericAt(article, '4 are');
    const numeric = [n40, n12, n75, n30, n9, n4];
    attachSources(article, numeric, claims);
    // Figures point to the record (attributionId), never carry a copy of its attribution.
    for (const n of numeric) expect(n.attribution).toBeUndefined();
    const byId = claimsById(claims);
    const src = (n: Claim) => [sourceOf(n, byId)?.source, n.attributionInherited === true];
    expect(src(n40)).toEqual(['Kellner Institute', false]);
    expect(src(n12)).toEqual(['Kellner Institute', true]);
    expect(n75.attributionId).toBeUndefined();
    expect(src(n75)).toEqual([undefined, false]);
    expect(src(n30)).toEqual(['Lena Fischer', false]);
    expect(byId.get(n30.attributionId!)!.kind).toBe('quote');
    expect(src(n9)).toEqual(['The ministry', false]);
    expect(src(n4)).toEqual(['The ministry', true]);
    expect(n4.attributionId).toBe(n9.attributionId);
    expectValid(numeric);
    // The attribution claims themselves are untouched.
    expect(claims.every((c) => c.attribution!.inherited === false)).toBe(true);
  });

  it('leaves numeric claims alone when there are no sources', () => {
    const article = parseArticle('x.txt', 'Sales rose by 5% last year.\n');
    const n = makeClaim(article, 14, 16, { kind: 'numeric', sentenceIndex: 0, quantity: { value: 5, unit: 'percent', approximate: false, bound: 'exact' } });
    attachSources(article, [n], extractAttributions(article));
    expect(n.attribution).toBeUndefined();
    expect(n.attributionId).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
describe('the example article', () => {
  sharedOnly(it)('gives the gold attributions and no speaker for the scare quote or the unclosed quotation', () => {
    const text = fs.readFileSync(exampleArticle, 'utf8');
    const gold = JSON.parse(fs.readFileSync(exampleGold, 'utf8')) as { attributions: { quote: string; source: string }[] };
    const { claims } = run(text, exampleArticle);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    for (const g of gold.attributions) {
      const line = lineOf(text.indexOf(g.quote));
      const hit = claims.find((c) => c.line === line && c.attribution!.source.toLowerCase().includes(g.source.toLowerCase()));
      expect(hit, `attribution to ${g.source} on line ${line}`).toBeDefined();
    }
    const byCue = (needle: string) => claims.find((c) => c.text.startsWith(needle));
    expect(byCue('According to the Russian newspaper Kommersant')?.attribution).toMatchObject({ source: 'Kommersant', sourceType: 'publication', cue: 'according to' });
    expect(byCue('According to The Moscow times')?.attribution).toMatchObject({ source: 'The Moscow Times', sourceType: 'publication' });
    expect(byCue('as stated by')?.attribution).toMatchObject({ source: 'The Bell', sourceType: 'publication' });
    const quote = claims.find((c) => c.kind === 'quote' && c.attribution!.source === 'Vitaly Mankevich');
    expect(quote?.attribution).toMatchObject({
      sourceType: 'person',
      role: 'president of the Russian Asian Union of Industrialists and Entrepreneurs',
      cue: 'said',
      direct: true,
    });
    expect(quote!.text.startsWith('“') && quote!.text.endsWith('”')).toBe(true);
    // The scare quote and the unclosed quotation have no speaker.
    for (const q of claims.filter((c) => c.kind === 'quote')) {
      expect(q.text).not.toContain('friendly markets');
      expect(q.text).not.toContain('How can US policy');
    }
    // Headings carry nothing.
    const article = parseArticle(exampleArticle, text);
    for (const c of claims) expect(article.blocks[article.sentences[c.sentenceIndex].block].kind).not.toBe('heading');
  });
});
