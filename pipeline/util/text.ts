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
