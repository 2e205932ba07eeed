// JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure): one <testsuite> per
// article, one <testcase> per item (a <failure>; an unreadable file is an <error>; a dismissed item is
// <skipped>), and a clean article as one passing testcase.
import type { Formatter } from './index.js';
import type { Item } from '../../core/types.js';

// Characters XML 1.0 does not allow at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text content. */
export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted); keeps tabs and line breaks as character references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function body(item: Item): string {
  const lines = [`${item.severity} at line ${item.line}, column ${item.column}: ${item.message}`, `rule: ${item.rule}`];
  if (item.docsUrl) lines.push(`docs: ${item.docsUrl}`);
  if (item.excerpt) lines.push(`excerpt: ${item.excerpt}`);
  if (item.suggestions.length) lines.push(`suggestions: ${item.suggestions.join(', ')}`);
  if (item.note) lines.push(`note: ${item.note}`);
  return lines.join('\n');
}

export const junit: Formatter = (report) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const f of report.files) {
    const cases: string[] = [];
    let sf = 0;
    let se = 0;
    let ss = 0;
    const file = xmlAttr(f.path);
    for (const it of f.items) {
      const name = xmlAttr(`${it.line}:${it.column} ${it.rule}`);
      const open = `    <testcase classname="${file}" name="${name}" file="${file}" line="${it.line}">`;
      if (it.status === 'dismissed') {
        ss++;
        cases.push(`${open}\n      <skipped message="${xmlAttr(`dismissed${it.note ? `: ${it.note}` : ''}`)}"/>\n    </testcase>`);
      } else {
        const tag = it.rule === 'input/file-error' ? 'error' : 'failure';
        if (tag === 'error') se++;
        else sf++;
        cases.push(`${open}\n      <${tag} message="${xmlAttr(it.message)}" type="${xmlAttr(`${it.severity} ${it.rule}`)}">${xmlText(body(it))}</${tag}>\n    </testcase>`);
      }
    }
    if (!f.items.length) cases.push(`    <testcase classname="${file}" name="${xmlAttr('copydesk')}" file="${file}"/>`);
    const n = Math.max(1, f.items.length);
    tests += n;
    failures += sf;
    errors += se;
    skipped += ss;
    suites.push(`  <testsuite name="${file}" tests="${n}" failures="${sf}" errors="${se}" skipped="${ss}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="copydesk" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
