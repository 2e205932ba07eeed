// Where each rule is documented: a stable anchor in docs/rules.md (scripts/gen-rules-doc.mjs writes
// `<a id="spelling-unknown-word">` before each rule), at copydesk's repository when package.json names
// one ("repository" or "homepage"), else in the installed package's own docs/rules.md (a file: URL
// that always exists). A newsroom that publishes its own rule pages sets `docsUrl` in the config: a
// URL in which {rule} is the rule id and {anchor} its anchor.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** "spelling/unknown-word" -> "spelling-unknown-word": the id of the rule's heading in docs/rules.md. */
export function ruleAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

function packageRoot(): { dir: string; pkg: Record<string, unknown> } | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const f = path.join(dir, 'package.json');
    if (fs.existsSync(f)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, unknown>;
        if (pkg.name === 'copydesk') return { dir, pkg };
      } catch {
        return undefined;
      }
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

/** The repository's web address from package.json, if it names one. */
function repositoryUrl(pkg: Record<string, unknown>): string | undefined {
  const repo = pkg.repository as string | { url?: string } | undefined;
  const url = (typeof repo === 'string' ? repo : repo?.url)?.replace(/^git\+/, '').replace(/\.git$/, '');
  if (url && /^https:\/\/(github|gitlab)\.com\//.test(url)) return url;
  return undefined;
}

const found = packageRoot();
const repo = found && repositoryUrl(found.pkg);

/** Where copydesk itself is documented (SARIF's informationUri, rdjsonl's source url). */
export const INFORMATION_URI: string = repo ?? (typeof found?.pkg.homepage === 'string' && /^https?:\/\//.test(found.pkg.homepage) ? found.pkg.homepage : found ? pathToFileURL(path.join(found.dir, 'README.md')).href : 'https://www.npmjs.com/package/copydesk');

/** The default docsUrl template: docs/rules.md of the repository, or of the installed package. */
export const DEFAULT_DOCS_URL: string = repo ? `${repo}/blob/main/docs/rules.md#{anchor}` : found ? `${pathToFileURL(path.join(found.dir, 'docs/rules.md')).href}#{anchor}` : 'https://www.npmjs.com/package/copydesk#{anchor}';

/** The documentation link of one rule under a docsUrl template ({rule}, {anchor}; a template with neither gets #anchor). */
export function docsUrlFor(rule: string, template: string = DEFAULT_DOCS_URL): string {
  if (!template.includes('{rule}') && !template.includes('{anchor}')) return `${template.replace(/#.*$/, '')}#${ruleAnchor(rule)}`;
  return template.replace(/\{rule\}/g, encodeURIComponent(rule)).replace(/\{anchor\}/g, ruleAnchor(rule));
}
