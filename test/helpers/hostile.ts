// Hostile articles for tests and benchmarks, generated (never corpus text): the kinds issue 9 found.
export const hostile = {
  /** One "word" of n letters in a sentence. */
  longWord: (n: number) => `The ${'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(n / 26)).slice(0, n)} was here.\n`,
  /** One sentence of about n characters, all figures ("£5m, £5m, ..."). */
  figures: (n: number) => `It cost ${'£5m, '.repeat(Math.ceil(n / 5))}in all.\n`,
  /** A pipe table without its delimiter row: one paragraph of figures. */
  pipeTable: (rows: number) => Array.from({ length: rows }, (_, i) => `| ${i} | £${i}m | ${i}% | ${1000 + i} |`).join('\n') + '\n',
  /** "> - " n times on one line. */
  nestedInline: (n: number) => '> - '.repeat(n) + 'The text ends here.\n',
  /** A list nested n levels by indentation. */
  nestedList: (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- Item number ${i} is here.`).join('\n') + '\n',
  /** Lines quoted 1..n deep. */
  nestedQuotes: (n: number) => Array.from({ length: n }, (_, i) => `${'> '.repeat(i + 1)}Line ${i + 1} is here.`).join('\n') + '\n',
  /** About `bytes` of plain prose with figures, names, quotations and attributions, in paragraphs. */
  bigArticle(bytes: number): string {
    const names = ['Anna Kowalczyk', 'Tomas Brightwell', 'Mei Haversham', 'Olu Pemberton', 'Rita Ashcombe'];
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const who = names[i % names.length];
      const p = `Paragraph ${i} opens here. The council said on Monday that ${1200 + (i % 97)} homes would be built by ${2020 + (i % 9)}, costing £${(i % 40) + 5}m, according to its budget. “We are pleased with the plan,” said ${who}, who chairs the housing board. Sales rose by ${(i % 30) + 2}% to ${(3000 + i).toLocaleString('en-US')} units, up from ${2500 + (i % 400)} a year earlier.\n\n`;
      parts.push(p);
      size += p.length;
    }
    return parts.join('');
  },
};
