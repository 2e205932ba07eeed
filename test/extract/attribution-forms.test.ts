// A table of attribution forms (issue 11): one record per attribution event, with its content, cue and
// source mention. Sentences are our own. Each positive row names the source, the cue as written, the
// source mention as written and a piece of text the content must hold; each negative row a text that
// must give no record (or no record with the given cue).
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../pipeline/parse/index.js';
import { extractAttributions, attachSources } from '../../pipeline/extract/attribution.js';
import { makeClaim } from '../../pipeline/extract/claim.js';
import type { Claim } from '../../pipeline/core/types.js';

interface Form {
  name: string;
  text: string;
  source: string;
  cue: string;
  /** The source mention at the cue, as written (defaults to the source). */
  mention?: string;
  /** Text the content must hold. */
  content: string;
  mode?: 'direct' | 'indirect' | 'mixed';
  /** Number of content fragments. */
  fragments?: number;
}

const forms: Form[] = [
  { name: 'X said that', text: 'Mara Quist said that the bridge would reopen in May.\n', source: 'Mara Quist', cue: 'said', content: 'the bridge would reopen in May', mode: 'indirect' },
  { name: 'X says, no that', text: 'Tobias Wren says the fares are too high.\n', source: 'Tobias Wren', cue: 'says', content: 'the fares are too high' },
  { name: 'content first, X said', text: 'The fares are too high, Tobias Wren said.\n', source: 'Tobias Wren', cue: 'said', content: 'The fares are too high' },
  { name: 'inverted tag', text: 'The fares will rise, said Tobias Wren.\n', source: 'Tobias Wren', cue: 'said', content: 'The fares will rise' },
  { name: 'told a hearer that', text: 'Mara Quist told the council that the budget was short.\n', source: 'Mara Quist', cue: 'told', content: 'the budget was short' },
  { name: 'according to, before', text: 'According to the Harrow Institute, rents rose again.\n', source: 'Harrow Institute', cue: 'according to', mention: 'Harrow Institute', content: 'rents rose again' },
  { name: 'according to, after', text: 'Rents rose again, according to the Harrow Institute.\n', source: 'Harrow Institute', cue: 'according to', mention: 'Harrow Institute', content: 'Rents rose again' },
  { name: 'direct quotation, tag after', text: '“We will not give up,” Ilse Norberg said.\n', source: 'Ilse Norberg', cue: 'said', content: '“We will not give up,”', mode: 'direct' },
  { name: 'direct quotation, tag before with colon', text: 'Ilse Norberg said: “We will not give up.”\n', source: 'Ilse Norberg', cue: 'said', content: '“We will not give up.”', mode: 'direct' },
  {
    name: 'split quotation is one record with two fragments',
    text: 'Ilse Norberg spoke last. “We tried,” she said, “and we will try again.”\n',
    source: 'Ilse Norberg',
    cue: 'said',
    mention: 'she',
    content: '“and we will try again.”',
    mode: 'direct',
    fragments: 2,
  },
  {
    name: 'a quoted sentence after a tagged one joins its record',
    text: '“We tried,” said Ilse Norberg. “Nobody listened to us.”\n',
    source: 'Ilse Norberg',
    cue: 'said',
    content: '“Nobody listened to us.”',
    mode: 'direct',
    fragments: 2,
  },
  { name: 'partial quotation inside reported speech (mixed)', text: 'Ilse Norberg said the plan was “a waste of good money” and should stop.\n', source: 'Ilse Norberg', cue: 'said', content: '“a waste of good money”', mode: 'mixed' },
  { name: 'two apostrophes as quotation marks', text: "''The fares are too high,'' Tobias Wren said.\n", source: 'Tobias Wren', cue: 'said', content: "''The fares are too high,''", mode: 'direct' },
  { name: 'called (cue verb)', text: 'Tobias Wren called the plan a disgrace.\n', source: 'Tobias Wren', cue: 'called', content: 'the plan a disgrace' },
  { name: 'described (cue verb)', text: 'Mara Quist described the talks as useful.\n', source: 'Mara Quist', cue: 'described', content: 'the talks as useful' },
  { name: 'accused (cue verb)', text: 'Mara Quist accused the board of hiding the losses.\n', source: 'Mara Quist', cue: 'accused', content: 'the board of hiding the losses' },
  { name: 'reiterated (cue verb)', text: 'Mara Quist reiterated that the school would stay open.\n', source: 'Mara Quist', cue: 'reiterated', content: 'the school would stay open' },
  { name: 'participle ", saying"', text: 'Tobias Wren spoke at the depot on Friday, saying the line would close.\n', source: 'Tobias Wren', cue: 'saying', content: 'the line would close' },
  { name: 'participle ", adding that" after a record', text: 'Mara Quist said costs were up, adding that wages had stalled.\n', source: 'Mara Quist', cue: 'adding', content: 'wages had stalled' },
  { name: 'time phrase between subject and verb', text: 'Mara Quist on Tuesday said the vote was fair.\n', source: 'Mara Quist', cue: 'said', content: 'the vote was fair' },
  { name: 'adverb between subject and verb', text: 'Tobias Wren now says the vote was unfair.\n', source: 'Tobias Wren', cue: 'says', content: 'the vote was unfair' },
  { name: 'party tag in parentheses', text: 'Sen. Dana Holt (D-Ore.) said the bill would fail.\n', source: 'Dana Holt', cue: 'said', mention: 'Dana Holt', content: 'the bill would fail' },
  {
    name: 'long apposition with no role noun',
    text: 'Dana Holt, a Democrat who has sat on the panel since the flood, said the bill would fail.\n',
    source: 'Dana Holt',
    cue: 'said',
    content: 'the bill would fail',
  },
  { name: '"who said": the relative pronoun is the mention', text: 'The bill was opposed by Dana Holt, who said it was rushed, and by others.\n', source: 'Dana Holt', cue: 'said', mention: 'who', content: 'it was rushed' },
  { name: 'pronoun with no antecedent keeps its record', text: 'He said the bill was rushed.\n', source: 'He', cue: 'said', mention: 'He', content: 'the bill was rushed' },
  { name: '"they" after an organisation', text: 'The Harrow Institute said its survey was done. They said rents would rise.\n', source: 'Harrow Institute', cue: 'said', mention: 'They', content: 'rents would rise' },
  { name: 'transcript speaker before a colon', text: 'HOLT: We will vote against it.\n', source: 'Holt', cue: ':', mention: 'HOLT', content: 'We will vote against it' },
  { name: 'person before a colon', text: 'Dana Holt: the bill is rushed and will fail\n\nThe vote is on Monday.\n', source: 'Dana Holt', cue: ':', content: 'the bill is rushed and will fail' },
  { name: 'a document as the speaker', text: 'The report said the river was clean.\n', source: 'The report', cue: 'said', content: 'the river was clean' },
  { name: 'unnamed group', text: 'Officials said the border would reopen.\n', source: 'Officials', cue: 'said', content: 'the border would reopen' },
  { name: 'a title with a dot before a surname that is also an adjective', text: 'Ms. White said the ferry was late again.\n', source: 'White', cue: 'said', content: 'the ferry was late again' },
  { name: 'a middle initial with a dot', text: 'Dana J. Holt said the bill would fail.\n', source: 'Dana J. Holt', cue: 'said', content: 'the bill would fail' },
  { name: 'quotation tag with a dotted title', text: '“We tried hard,” Mr. English said.\n', source: 'English', cue: 'said', content: '“We tried hard,”', mode: 'direct' },
  { name: 'inverted quotation tag with a dotted title', text: '“We tried hard,” said Mr. English.\n', source: 'English', cue: 'said', content: '“We tried hard,”', mode: 'direct' },
  { name: 'a name ending in Jr. before an apposition', text: 'Tobias Wren Jr., the head of the drivers union, said the strike would go on.\n', source: 'Tobias Wren Jr', cue: 'said', content: 'the strike would go on' },
  { name: 'coordinated verbs: X smiled and said', text: 'Mara Quist smiled at the crowd and said the vote was fair.\n', source: 'Mara Quist', cue: 'said', content: 'the vote was fair' },
  { name: 'participle after a clause with an -ed verb', text: 'Tobias Wren revised his plan in May, saying the depot would stay open.\n', source: 'Tobias Wren', cue: 'saying', content: 'the depot would stay open' },
  { name: 'a person described, not named', text: 'The moderator said the time was up.\n', source: 'The moderator', cue: 'said', content: 'the time was up' },
  { name: 'a described group with a possessive', text: 'Her advisers said the tour would go on.\n', source: 'Her advisers', cue: 'said', content: 'the tour would go on' },
  { name: 'a described group after a quantifier', text: 'Some depot workers said the line would close.\n', source: 'Some depot workers', cue: 'said', content: 'the line would close' },
  { name: 'a share of respondents', text: 'Nearly half said they would vote again.\n', source: 'Nearly half', cue: 'said', content: 'they would vote again' },
  { name: 'a percentage of respondents', text: 'Sixty percent said the fares were too high.\n', source: 'Sixty percent', cue: 'said', content: 'the fares were too high' },
  { name: 'most of them', text: 'Most of them said the fares were too high.\n', source: 'Most of them', cue: 'said', content: 'the fares were too high' },
  { name: 'the writer as speaker', text: 'I said the plan was wrong.\n', source: 'I', cue: 'said', content: 'the plan was wrong' },
  { name: 'a name ending in Jr. right before the verb', text: 'Tobias R. Wren Jr. said the strike would go on.\n', source: 'Tobias R. Wren Jr', cue: 'said', content: 'the strike would go on' },
  { name: 'a party tag in parentheses, then a comma', text: 'Gov. Dana Holt (R-Ore.), said, “We are ready.”\n', source: 'Dana Holt', cue: 'said', content: '“We are ready.”', mode: 'direct' },
  { name: 'a party tag between commas', text: 'Rep. Dana Holt, D-Ore., said the vote would wait.\n', source: 'Dana Holt', cue: 'said', content: 'the vote would wait' },
  { name: 'an apposition with a place that holds a comma', text: 'Mara Quist, a baker from Leeds, Yorkshire, said the flour had run out.\n', source: 'Mara Quist', cue: 'said', content: 'the flour had run out' },
  { name: 'a surname that is also an adjective, named before', text: 'Tobias Young runs the depot.\n\n“It works,” Young said.\n', source: 'Tobias Young', cue: 'said', mention: 'Young', content: '“It works,”', mode: 'direct' },
  { name: 'one unnamed person described by capitalised words', text: '“It is over,” said an Ohio Republican.\n', source: 'an Ohio Republican', cue: 'said', content: '“It is over,”', mode: 'direct' },
  { name: 'an ordinal before an unnamed official', text: '“It is over,” said the second official.\n', source: 'the second official', cue: 'said', content: '“It is over,”', mode: 'direct' },
  { name: 'those surveyed', text: 'Those surveyed said the fares were too high.\n', source: 'Those surveyed', cue: 'said', content: 'the fares were too high' },
  { name: 'coordinated with but', text: 'The spokesman refused to name a date but said the line would reopen.\n', source: 'The spokesman', cue: 'said', content: 'the line would reopen' },
  { name: 'a restrictive "who say" clause: the relative pronoun is the mention', text: 'Many riders who say the fares are too high stayed home.\n', source: 'Many riders', cue: 'say', mention: 'who', content: 'the fares are too high' },
  { name: 'a two-word transcript speaker', text: 'DANA HOLT: We will vote against it.\n', source: 'Dana Holt', cue: ':', mention: 'DANA HOLT', content: 'We will vote against it' },
  { name: 'a surname alone before a colon in a headline, named in the article', text: 'Quist: we will not sell the depot\n\nMara Quist spoke at the depot on Friday.\n', source: 'Mara Quist', cue: ':', mention: 'Quist', content: 'we will not sell the depot' },
  { name: 'a role and a name before a colon', text: 'Union leader Dana Holt: “We will strike on Monday.”\n\nThe talks failed.\n', source: 'Dana Holt', cue: ':', content: '“We will strike on Monday.”' },
  { name: 'a report named with its publisher speaks for it', text: 'Fares rose again, the Harrow Institute report said.\n', source: 'Harrow Institute', cue: 'said', mention: 'the Harrow Institute report', content: 'Fares rose again' },
  { name: 'the same report later on is the same publisher', text: 'Fares rose again, the Harrow Institute report said.\n\nWages fell, the report said.\n', source: 'Harrow Institute', cue: 'said', mention: 'the report', content: 'Wages fell' },
  { name: 'anticipated speech with a modal', text: 'The campaigners will say the council failed them.\n', source: 'The campaigners', cue: 'say', content: 'the council failed them' },
  {
    name: 'a pronoun goes to the subject of the sentence that named someone last',
    text: 'Mara Quist thanked Tobias Wren for the work.\n\n“It will last,” she said.\n',
    source: 'Mara Quist',
    cue: 'said',
    mention: 'she',
    content: '“It will last,”',
    mode: 'direct',
  },
  {
    name: 'a pronoun named in its own sentence keeps the nearest person',
    text: 'Tobias Wren paid Lord Halden back after he said the party would lose.\n',
    source: 'Halden',
    cue: 'said',
    mention: 'he',
    content: 'the party would lose',
  },
  { name: 'an adverb between subject and verb (however)', text: 'Tobias Wren however said the depot would stay open.\n', source: 'Tobias Wren', cue: 'said', content: 'the depot would stay open' },
  { name: 'an -ly adverb between subject and verb', text: 'Mara Quist angrily told the council that the budget was short.\n', source: 'Mara Quist', cue: 'told', content: 'the budget was short' },
  { name: 'a name in -ly is the subject, not an adverb', text: 'Dana Kelly said the depot should stay open.\n', source: 'Dana Kelly', cue: 'said', content: 'the depot should stay open' },
  { name: 'asked whether (a reported question)', text: 'Mara Quist asked whether the depot would close.\n', source: 'Mara Quist', cue: 'asked', content: 'whether the depot would close' },
  { name: 'asked a hearer if', text: 'Mara Quist asked the mayor if the depot would close.\n', source: 'Mara Quist', cue: 'asked', content: 'if the depot would close' },
  { name: 'the verb "states" is still a cue', text: 'Mara Quist states that the depot will close.\n', source: 'Mara Quist', cue: 'states', content: 'the depot will close' },
];

const negatives: { name: string; text: string; cue?: string }[] = [
  { name: 'plural noun "states" after a number is not a cue', text: 'Farm groups in all four states say the drought has hurt their crops.\n', cue: 'states' },
  { name: 'plural noun "states" after a modifier is not a cue', text: 'The Coastal Belt states that lost mills want new jobs.\n', cue: 'states' },
  { name: 'belief is not speech', text: 'Tobias Wren believes the fares are too high.\n' },
  { name: 'hope is not speech', text: 'Mara Quist hopes the bridge will reopen.\n' },
  { name: 'is called (a name, not speech)', text: 'The new bridge is called the Quist Crossing.\n' },
  { name: 'so-called', text: 'The so-called fare freeze ended in May.\n' },
  { name: 'never said is a negation', text: 'Tobias Wren never said the depot would close.\n', cue: 'said' },
  { name: 'asked for a thing is no reported question', text: 'Mara Quist asked for a refund at the desk.\n', cue: 'asked' },
  { name: 'passive told', text: 'The drivers were told to wait.\n' },
  { name: 'a title after a pronoun with no antecedent', text: 'She wrote “Winter Harbour” in a single year.\n' },
  { name: 'a series name before a colon is no speaker', text: 'Latest: rents rise again\n\nThe figures came out today.\n', cue: ':' },
  { name: 'a place before a colon is no speaker', text: 'London: rents rise again\n\nThe figures came out today.\n', cue: ':' },
  { name: 'a participle with no comma', text: 'The lights went out without saying anything to anyone.\n', cue: 'saying' },
  { name: 'words inside a quotation do not make records', text: 'Ilse Norberg said: “They told me I said no.”\n', cue: 'told' },
  { name: 'a nationality alone is no speaker', text: '“It works,” Cuban said.\n' },
  { name: 'a label in capitals before a colon is no speaker', text: 'UPDATE: the depot reopened on Monday morning.\n', cue: ':' },
  { name: 'a count after a colon is no speech', text: 'Dana Holt: 1,769\n\nThe count went on.\n', cue: ':' },
  { name: '"who added" with no clause is no speech', text: 'The vote went to Dana Holt, who added to her lead.\n', cue: 'added' },
  { name: 'nobody is no speaker', text: 'Nobody can say the plan failed.\n' },
  { name: 'a modal before a verb that is not of saying', text: 'The riders could find another way home.\n' },
  { name: '"that" before a plural opens a clause, not a subject', text: 'Dana Holt hoped that riders would say yes.\n', cue: 'say' },
  { name: 'did not say is no attribution', text: 'Dana Holt did not say the plan had failed.\n' },
  { name: 'a coordinated belief is not speech', text: 'Mara Quist paused and believed him.\n' },
  { name: 'a coordinated verb with no clause subject', text: 'Across the river and said to be haunted, the mill stood empty.\n', cue: 'said' },
  { name: 'a described subject needs a determiner', text: 'In the end, weather said little about the trip.\n' },
  { name: 'an adverb is no described subject', text: 'The vote, quickly said, was over.\n' },
];

function run(text: string): Claim[] {
  const article = parseArticle('forms.txt', text);
  const claims = extractAttributions(article);
  for (const c of claims) {
    expect(text.slice(c.offset, c.endOffset)).toBe(c.text);
    const a = c.attribution!;
    expect(a.sourceSpan).toBeDefined();
    for (const f of a.content ?? []) {
      expect(f.offset).toBeGreaterThanOrEqual(c.offset);
      expect(f.endOffset).toBeLessThanOrEqual(c.endOffset);
    }
  }
  return claims;
}

describe('attribution forms: one record per attribution, with content, cue and source', () => {
  it.each(forms.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const claims = run(f.text);
    const shown = JSON.stringify(claims.map((c) => [c.kind, c.text, c.attribution?.source, c.attribution?.cue]));
    const mentionOf = (c: Claim) => f.text.slice(c.attribution!.sourceSpan!.offset, c.attribution!.sourceSpan!.endOffset);
    const candidates = claims.filter((c) => c.attribution!.source === f.source && c.attribution!.cue === f.cue);
    const hit = candidates.find((c) => mentionOf(c) === (f.mention ?? f.source)) ?? candidates[0];
    expect(hit, shown).toBeDefined();
    const a = hit!.attribution!;
    expect(f.text.slice(a.sourceSpan!.offset, a.sourceSpan!.endOffset)).toBe(f.mention ?? f.source);
    const content = (a.content ?? []).map((x) => f.text.slice(x.offset, x.endOffset));
    expect(content.some((x) => x.includes(f.content)), `${shown} content ${JSON.stringify(content)}`).toBe(true);
    if (a.cueSpan && f.cue !== 'according to') expect(f.text.slice(a.cueSpan.offset, a.cueSpan.endOffset).toLowerCase()).toBe(f.cue);
    if (f.mode) expect(a.mode).toBe(f.mode);
    if (f.fragments) expect(a.content).toHaveLength(f.fragments);
    // One record per event: no second record of the same source overlaps this one.
    const others = claims.filter((c) => c !== hit && c.attribution!.source === f.source && c.offset < hit!.endOffset && hit!.offset < c.endOffset && !c.attribution!.nestedIn);
    expect(others.map((c) => c.text)).toEqual([]);
  });
});

describe('attribution forms: not attributions', () => {
  it.each(negatives.map((n) => [n.name, n] as const))('%s', (_name, n) => {
    const claims = run(n.text);
    const bad = n.cue ? claims.filter((c) => c.attribution!.cue === n.cue) : claims;
    expect(bad.map((c) => [c.text, c.attribution!.source, c.attribution!.cue])).toEqual([]);
  });
});

describe('figures point to their attribution record', () => {
  it('a figure in reported content carries the id of the record that holds it', () => {
    const text = 'Mara Quist said that 40 homes would be built. Another 12 are planned.\n';
    const article = parseArticle('forms.txt', text);
    const records = extractAttributions(article);
    const at = (needle: string, sentenceIndex: number) => {
      const s = text.indexOf(needle);
      return makeClaim(article, s, s + needle.length, { kind: 'numeric', sentenceIndex, quantity: { value: 1, unit: 'count', approximate: false, bound: 'exact' } });
    };
    const n40 = at('40', 0);
    const n12 = at('12', 1);
    attachSources(article, [n40, n12], records);
    const rec = records.find((c) => c.attribution!.source === 'Mara Quist')!;
    expect(n40).toMatchObject({ attributionId: rec.id });
    expect(n40.attributionInherited).toBeUndefined();
    expect(n40.offset).toBeGreaterThanOrEqual(rec.offset);
    expect(n40.endOffset).toBeLessThanOrEqual(rec.endOffset);
    expect(n12).toMatchObject({ attributionId: rec.id, attributionInherited: true });
    expect(n40.attribution).toBeUndefined();
    expect(n12.attribution).toBeUndefined();
  });

  it('CRLF and astral characters: every record and its source mention slice out of the original', () => {
    const text = 'Intro 🚀 line.\r\nMara Quist said that the 🚀 launch slipped.\r\n“It will fly,” she said.\r\n';
    const claims = run(text);
    expect(claims.length).toBeGreaterThanOrEqual(2);
    for (const c of claims) expect(text.slice(c.attribution!.sourceSpan!.offset, c.attribution!.sourceSpan!.endOffset)).toMatch(/^(?:Mara Quist|she)$/);
  });
});
