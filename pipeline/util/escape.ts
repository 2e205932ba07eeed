// Text from articles and file names on its way to a terminal, Markdown or HTML (issue 15): a file
// name can hold anything but "/" and NUL, so every format escapes it. safeText() makes control
// characters visible (no terminal escape sequence, carriage return or bidi override reaches a
// terminal raw); markdownText() and htmlText() escape for those formats.

// C0 and C1 controls (tab kept), DEL, and the bidirectional overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Control characters as visible \u escapes ("\u001b[31m" stays readable text and paints nothing). */
export function safeText(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** HTML special characters as entities. */
export function htmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Text for a Markdown table cell or paragraph: control characters made visible, the characters that
 * open links and images ([ and ]), emphasis, code, strikethrough or a new cell backslash-escaped, and HTML's
 * specials as entities, so a file name renders as itself.
 */
export function markdownText(s: string): string {
  return safeText(s)
    .replace(/[\\`*_\[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
