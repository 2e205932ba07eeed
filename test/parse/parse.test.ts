import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parseArticle } from '../../pipeline/parse/index.js';
import { spanOf } from '../../pipeline/parse/positions.js';
import { exampleArticle, sharedOnly } from '../helpers/shared.js';

describe('markdown', () => {
  const md = [
    '---',
    'title: A test',
    'date: 2025-01-02',
    'words: [Zorblax]',
    'copydesk:',
    '  disable: [style/filler]',
    '  words: [Quux]',
    '---',
    '',
    '# Heading here',
    '',
    'A paragraph with **bold** and a [link text](https://example.com/page) and `inline code` here.',
    '',
    '> A quoted paragraph.',
    '',
    '- A list item.',
    '',
    '```',
    'code block stays out',
    '```',
    '',
    '<div>html stays out</div>',
    '',
    'See www.example.org/x or mail me@example.com today.',
  ].join('\n');
  const a = parseArticle('a.md', md);

  it('reads front matter into metadata', () => {
    expect(a.meta.title).toBe('A test');
    expect(a.meta.date).toBe('2025-01-02');
    expect(a.meta.words).toEqual(['Zorblax', 'Quux']);
    expect(a.meta.disable).toEqual(['style/filler']);
    expect(a.problems).toEqual([]);
  });

  it('makes blocks of the right kinds', () => {
    expect(a.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'blockquote', 'listItem', 'paragraph']);
  });

  it('keeps prose the same length as the text and masks non-prose', () => {
    expect(a.prose.length).toBe(md.length);
    const words = a.tokens.map((t) => t.text);
    expect(words).toContain('link');
    expect(words).not.toContain('https');
    expect(words).not.toContain('inline');
    expect(words).not.toContain('html');
    expect(words).not.toContain('block');
    expect(words).not.toContain('Zorblax');
    expect(words).not.toContain('www.example.org');
    expect(words.join(' ')).not.toMatch(/example|mail me/);
    for (const t of a.tokens) expect(md.slice(t.start, t.end)).toBe(t.text);
  });

  it('reports malformed front matter as an input problem without crashing', () => {
    const bad = parseArticle('b.md', '---\ntitle: [unclosed\n---\n\nBody text is here.\n');
    expect(bad.problems.map((p) => p.rule)).toEqual(['input/front-matter']);
    expect(bad.sentences.map((s) => s.text)).toEqual(['Body text is here.']);
  });

  it('rejects a front-matter date that is not a date', () => {
    const bad = parseArticle('b.md', '---\ndate: yesterday\n---\n\nBody.\n');
    expect(bad.problems[0].message).toMatch(/YYYY-MM-DD/);
  });

  it('reads inline disable comments', () => {
    const b = parseArticle('c.md', 'One.\n\n<!-- copydesk-disable-next-line style/filler -->\nTwo here.\n\nThree.\n');
    expect(b.disabled).toHaveLength(1);
    expect(b.text.slice(b.disabled[0].start, b.disabled[0].end)).toBe('Two here.');
    expect(b.disabled[0].rules).toEqual(['style/filler']);
  });
});

describe('GitHub-flavoured Markdown', () => {
  const md = '# Budget\n\n| item | cost |\n|---|---|\n| Roads repaired | £3m |\n\nSee https://example.org/budget for ~~old~~ new figures.\n';
  const a = parseArticle('g.md', md);
  it('makes each table cell a block', () => {
    expect(a.blocks.filter((b) => b.kind === 'tableCell').map((b) => md.slice(b.start, b.end))).toEqual(['item', 'cost', 'Roads repaired', '£3m']);
  });
  it('keeps strikethrough text as prose and masks bare URLs', () => {
    const words = a.tokens.map((t) => t.text);
    expect(words).toContain('old');
    expect(words.join(' ')).not.toMatch(/example|https/);
    expect(a.tokens.some((t) => t.text === '|')).toBe(false);
  });
});

describe('plain text', () => {
  it('splits lines into paragraphs and finds headings', () => {
    const a = parseArticle('a.txt', 'Council cuts library hours\n\nThe council voted on Tuesday.\nA second paragraph follows here.\n');
    expect(a.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
  });

  it('joins hard-wrapped lines that continue in lower case', () => {
    const a = parseArticle('a.txt', 'The council voted on Tuesday to cut\nhours at seven libraries.\n');
    expect(a.blocks).toHaveLength(1);
    expect(a.sentences).toHaveLength(1);
  });

  it('reads front matter in plain text too', () => {
    const a = parseArticle('a.txt', '---\ntitle: T\nwords: [Blorp]\n---\nBody text here.\n');
    expect(a.meta.words).toEqual(['Blorp']);
    expect(a.tokens.map((t) => t.text)).not.toContain('Blorp');
  });

  it('handles CRLF line endings with exact positions', () => {
    const text = 'Headline here\r\n\r\nFirst sentence. Second one.\r\n';
    const a = parseArticle('a.txt', text);
    const s = a.sentences[2];
    expect(s.text).toBe('Second one.');
    expect(spanOf(a, s.start, s.end)).toMatchObject({ line: 3, column: 17, endLine: 3, endColumn: 28 });
  });
});

describe('quotations', () => {
  const q = (text: string) => parseArticle('q.txt', text).quotations.map((x) => ({ text: text.slice(x.start, x.end), closed: x.closed }));
  it('pairs curly quotes and tells apostrophes from nested quotes', () => {
    expect(q('He said, “The number of ‘mixed’ teams is Russia’s pride.” Then he left.')).toEqual([
      { text: '“The number of ‘mixed’ teams is Russia’s pride.”', closed: true },
      { text: '‘mixed’', closed: true },
    ]);
  });
  it('does not take a plural possessive for a closing quote', () => {
    expect(q('The apps’ sales rose.')).toEqual([]);
  });
  it('pairs straight quotes', () => {
    expect(q('She said "we will win" and left.')).toEqual([{ text: '"we will win"', closed: true }]);
  });
  it('finds an unclosed quotation', () => {
    expect(q('He asked “How can this work? Nobody knows.')).toEqual([{ text: '“How can this work? Nobody knows.', closed: false }]);
  });
  it('treats a quotation continued in the next paragraph as quoted text', () => {
    const a = parseArticle('q.txt', 'She said: “First part goes on\n“and ends here.”\n');
    expect(a.tokens.find((t) => t.text === 'First')!.quoted).toBe(true);
  });
  it('does not treat text after an unclosed quotation as quoted', () => {
    const a = parseArticle('q.txt', 'He asked “How can this work? Nobody knows.\nNext paragraph.\n');
    expect(a.tokens.find((t) => t.text === 'Nobody')!.quoted).toBe(false);
  });
});

describe('the example article', () => {
  sharedOnly(it)('parses into headings and paragraphs with exact offsets', () => {
    const text = fs.readFileSync(exampleArticle, 'utf8');
    const a = parseArticle(exampleArticle, text);
    expect(a.blocks.filter((b) => b.kind === 'heading')).toHaveLength(3);
    for (const s of a.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(a.quotations.filter((x) => !x.closed)).toHaveLength(1);
  });
});
