// Small text helpers for messages and evidence (display only: they interpret nothing).

const SPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2028', '\u2029']);

/** `s` with every run of white space made one space, trimmed: "about\n 25%" -> "about 25%". */
export function collapseWhitespace(s: string): string {
  let out = '';
  let gap = false;
  for (const ch of s) {
    if (SPACE.has(ch)) {
      gap = out.length > 0;
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += ch;
  }
  return out;
}

/** A character of a word as a regular expression's \w reads it: an ASCII letter, digit or underscore. */
export function isWordChar(ch: string | undefined): boolean {
  return !!ch && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_');
}

/** `s` cut into runs of word characters (isWordChar) and runs of other characters, in order. */
export function wordRuns(s: string): { text: string; word: boolean }[] {
  const out: { text: string; word: boolean }[] = [];
  for (const ch of s) {
    const word = isWordChar(ch);
    const last = out[out.length - 1];
    if (last && last.word === word) last.text += ch;
    else out.push({ text: ch, word });
  }
  return out;
}
