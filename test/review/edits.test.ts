// The text edits the review page asks for: a suggestion applied in place, a word or a disabled rule
// added to the front matter (kept as YAML, comments kept), a word added to the config file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EditError, addToFrontMatter, addWordToConfig, applySuggestion, checkWord } from '../../pipeline/review/edits.js';
import { detectFrontMatter, readFrontMatter } from '../../pipeline/parse/frontmatter.js';
import { tempDir } from '../helpers/cli.js';

const meta = (text: string) => {
  const fm = detectFrontMatter(text)!;
  return readFrontMatter(fm.yaml, 0, fm.end).meta;
};

describe('applySuggestion', () => {
  const text = 'The comittee met.';
  const at = { offset: 4, endOffset: 12, excerpt: 'comittee' };
  it('replaces exactly the span', () => expect(applySuggestion(text, at, 'committee')).toBe('The committee met.'));
  it('refuses when the text there is no longer the excerpt', () => expect(() => applySuggestion('The board met again.', at, 'x')).toThrow(EditError));
  it('refuses a span outside the text', () => expect(() => applySuggestion('short', { offset: 2, endOffset: 50, excerpt: '' }, 'x')).toThrow(/outside/));
});

describe('addToFrontMatter', () => {
  it('creates front matter the parser reads', () => {
    const r = addToFrontMatter('Body text.\n', 'words', 'Kowalczyk');
    expect(r.text).toBe('---\ncopydesk:\n  words:\n    - "Kowalczyk"\n---\nBody text.\n');
    expect(meta(r.text).words).toEqual(['Kowalczyk']);
  });
  it('adds to copydesk.disable beside other keys, keeping comments and the body', () => {
    const text = '---\n# desk notes\ntitle: "A: title"\ncopydesk:\n  words: [Zorn]\n---\n\nBody.\n';
    const r = addToFrontMatter(text, 'disable', 'style/filler');
    expect(r.text.endsWith('---\n\nBody.\n')).toBe(true);
    expect(r.text).toContain('# desk notes');
    const m = meta(r.text);
    expect(m.title).toBe('A: title');
    expect(m.disable).toEqual(['style/filler']);
    expect(m.words).toEqual(['Zorn']);
  });
  it('uses a top-level words list when there is one, and adds nothing twice', () => {
    const text = '---\nwords:\n  - Zorn\n---\nBody.\n';
    const r = addToFrontMatter(text, 'words', 'Kowalczyk');
    expect(parseYaml(detectFrontMatter(r.text)!.yaml)).toEqual({ words: ['Zorn', 'Kowalczyk'] });
    expect(addToFrontMatter(r.text, 'words', 'Zorn')).toEqual({ text: r.text, added: false });
  });
  it('keeps CRLF line ends', () => {
    const r = addToFrontMatter('---\r\ntitle: T\r\n---\r\nBody.\r\n', 'disable', 'style/filler');
    expect(r.text).not.toMatch(/[^\r]\n/);
    expect(meta(r.text).disable).toEqual(['style/filler']);
  });
  it('refuses broken front matter or a list that is not one', () => {
    expect(() => addToFrontMatter('---\ntitle: [open\n---\nBody.\n', 'words', 'x')).toThrow(/not valid YAML/);
    expect(() => addToFrontMatter('---\ncopydesk:\n  words: Zorn\n---\nBody.\n', 'words', 'x')).toThrow(/not a list/);
  });
});

describe('checkWord and addWordToConfig', () => {
  it.each(['harbour', 'Kowalczyk', "O'Neill", 'e-mail', 'Zürich', 'COVID-19'])('accepts %s', (w) => expect(checkWord(w)).toBe(w));
  it.each(['', 'two words', '../x', '<b>', 'a\nb', 'x'.repeat(65)])('refuses %j', (w) => expect(() => checkWord(w)).toThrow(EditError));
  it('adds to the config file governing the article (keeping its other keys), or to package.json "copydesk"', () => {
    const dir = tempDir('copydesk-words-');
    fs.mkdirSync(path.join(dir, 'news'));
    const article = path.join(dir, 'news', 'a.md');
    fs.writeFileSync(path.join(dir, 'copydesk.config.json'), JSON.stringify({ language: 'en-GB', words: ['Zorn'] }, null, 4));
    expect(addWordToConfig(article, 'harbour', dir)).toEqual({ file: path.join(dir, 'copydesk.config.json'), added: true });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'copydesk.config.json'), 'utf8'))).toEqual({ language: 'en-GB', words: ['Zorn', 'harbour'] });
    expect(fs.readFileSync(path.join(dir, 'copydesk.config.json'), 'utf8')).toContain('\n    "language"');
    expect(addWordToConfig(article, 'harbour', dir).added).toBe(false);
    fs.rmSync(path.join(dir, 'copydesk.config.json'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'desk', copydesk: {} }));
    addWordToConfig(article, 'harbour', dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))).toEqual({ name: 'desk', copydesk: { words: ['harbour'] } });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"copydesk": {"words": "nope"}}');
    expect(() => addWordToConfig(article, 'x', dir)).toThrow(/not a list/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
