// `copydesk init`: a starter configuration for a newsroom's repository, asking nothing it can find out:
// the language comes from the articles' own spelling (parse/dialect.ts over every article found), the
// words file is a vocabulary folder (accept.txt, reject.txt), and the policy a house rule to edit.
import fs from 'node:fs';
import path from 'node:path';
import { findArticles } from './files.js';
import { CONFIG_FILES } from './config.js';
import { parseArticle } from '../parse/index.js';
import { readArticle } from '../parse/read.js';
import { UsageError } from '../util/errors.js';
import type { Dialect } from '../parse/dialect.js';

export interface InitOptions {
  /** Where to write (default: the working directory). */
  dir?: string;
  /** The language to write, instead of detecting it. */
  language?: 'auto' | 'en-US' | 'en-GB' | 'en';
  /** Overwrite an existing copydesk.config.json. */
  force?: boolean;
}

export interface InitResult {
  written: string[];
  language: string;
  /** How the language was chosen: "detected from N articles (x en-GB, y en-US)", "given", "no articles found". */
  why: string;
}

const VOCAB = 'styles/vocab/newsroom';
const POLICY = 'policy/house.schema.json';

const ACCEPT = `# Words the speller always accepts, one a line: a word (any case), or a regular expression for a
# whole word (case as written). Names of people and places, house terms, local spellings.
# Holyrood
# [Ll]lan\\w+
`;
const REJECT = `# Words that are always errors, one a line; "wrong -> right" gives the preferred form (the suggestion,
# and what \`copydesk lint --fix\` writes). Regular expressions work as in accept.txt.
# alright -> all right
# irregardless -> regardless
`;
const HOUSE_POLICY = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Sums of a million or more come from a named source.',
  description: 'A house rule to start from (see docs/policy.md in copydesk): a large sum must be attributed to a person, an organisation or a publication.',
  'x-copydesk': { rule: 'sourcing/house-large-sum', severity: 'warning' },
  if: {
    required: ['kind', 'quantity'],
    properties: { kind: { const: 'numeric' }, quantity: { required: ['unit', 'value'], properties: { unit: { const: 'currency' }, value: { minimum: 1000000 } } } },
  },
  then: { required: ['sourceAttribution'], properties: { sourceAttribution: { properties: { sourceType: { enum: ['person', 'organization', 'publication'] } } } } },
  errorMessage: 'House rule: “${/text}” is a large sum; name the person or organisation it comes from.',
};

/** The dialect most of the articles under `dir` are spelt in (counting each article's detected dialect). */
async function detectLanguage(dir: string): Promise<{ language: InitResult['language']; why: string }> {
  const files = (await findArticles([dir], dir, { errorOnUnmatchedPattern: false })).slice(0, 500);
  if (!files.length) return { language: 'auto', why: 'no articles found, so each article’s dialect will be detected when it is checked' };
  const votes: Record<Dialect, number> = { 'en-GB': 0, 'en-US': 0 };
  for (const f of files) {
    try {
      const d = parseArticle(f.path, await readArticle(f.abs, f.path)).dialect.dialect;
      if (d) votes[d]++;
    } catch {
      // an unreadable article says nothing about the language
    }
  }
  const [gb, us] = [votes['en-GB'], votes['en-US']];
  const counts = `${files.length} article${files.length === 1 ? '' : 's'}: ${gb} en-GB, ${us} en-US`;
  // A clear majority is the house style; otherwise leave it to per-article detection.
  if (gb + us > 0 && gb >= 4 * us) return { language: 'en-GB', why: `detected from ${counts}` };
  if (gb + us > 0 && us >= 4 * gb) return { language: 'en-US', why: `detected from ${counts}` };
  return { language: 'auto', why: `no clear majority among ${counts}, so each article’s dialect will be detected` };
}

export async function initConfig(options: InitOptions = {}): Promise<InitResult> {
  const dir = path.resolve(options.dir ?? process.cwd());
  const existing = CONFIG_FILES.map((n) => path.join(dir, n)).filter((f) => fs.existsSync(f) && (path.basename(f) !== 'package.json' || /"copydesk"\s*:/.test(fs.readFileSync(f, 'utf8'))));
  const target = path.join(dir, 'copydesk.config.json');
  const others = existing.filter((f) => f !== target);
  if (others.length) throw new UsageError(`${others[0]} is already a copydesk configuration; edit it instead`);
  if (existing.includes(target) && !options.force) throw new UsageError(`${target} exists; use --force to replace it`);
  const { language, why } = options.language ? { language: options.language, why: 'given with --language' } : await detectLanguage(dir);
  const written: string[] = [];
  const write = (rel: string, content: string) => {
    const f = path.join(dir, rel);
    if (fs.existsSync(f) && rel !== 'copydesk.config.json') return; // keep an existing vocabulary or policy
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, content);
    written.push(rel);
  };
  const schema = fs.existsSync(path.join(dir, 'node_modules/copydesk/schemas/config.schema.json')) ? { $schema: './node_modules/copydesk/schemas/config.schema.json' } : {};
  const config = { ...schema, language, vocab: [VOCAB], policies: [POLICY], rules: {} };
  write(`${VOCAB}/accept.txt`, ACCEPT);
  write(`${VOCAB}/reject.txt`, REJECT);
  write(POLICY, JSON.stringify(HOUSE_POLICY, null, 2) + '\n');
  write('copydesk.config.json', JSON.stringify(config, null, 2) + '\n');
  return { written, language, why };
}
