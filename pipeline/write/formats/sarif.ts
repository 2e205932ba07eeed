// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other SARIF viewers.
// Every rule is listed in tool.driver.rules with its descriptions, help and default level; each item
// is a result with a repository-relative location (uriBaseId %SRCROOT%), a 1-based region with an
// exclusive end (columns in UTF-16 code units, declared by run.columnKind), and partialFingerprints
// built from the item's stable id, so code scanning tracks an alert across edits. Dismissed items are
// kept as suppressed results (suppressions[].kind "external": the decisions file), so code scanning
// closes them instead of reporting them again.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Item, RuleMeta, Severity } from '../../core/types.js';
import type { Formatter } from './index.js';
import { allRuleMetas } from '../../core/registry.js';
import { VERSION } from '../../util/version.js';
import { absOf, bySeverity, shownItems } from './util.js';
import { repoRootOf } from '../../util/repo.js';
import { INFORMATION_URI, docsUrlFor } from '../../util/docs-url.js';
import { examplesMarkdown } from '../../core/rule-docs.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const FINGERPRINT_KEY = 'copydesk/v1';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export { INFORMATION_URI };

/** "spelling/unknown-word" -> "SpellingUnknownWord" (SARIF reportingDescriptor.name is an identifier). */
function ruleName(id: string): string {
  return id
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function descriptor(meta: Pick<RuleMeta, 'id' | 'category' | 'severity' | 'description' | 'docs' | 'stage' | 'examples'>, helpUri = docsUrlFor(meta.id)) {
  const examples = examplesMarkdown(meta);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    helpUri,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.docs ? `${meta.description} ${meta.docs}`.replace(/\s+/g, ' ').trim() : meta.description },
    help: {
      text: meta.docs || meta.description,
      markdown: `**${meta.id}**: ${meta.description}${meta.docs ? `\n\n${meta.docs}` : ''}${examples ? `\n\n${examples}` : ''}`,
    },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { category: meta.category, tags: ['copydesk', meta.category], stage: meta.stage },
  };
}

/** A file's path as a SARIF artifactLocation: relative to the repository root, or an absolute file URI outside it. */
export function artifactLocation(abs: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(root, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(abs).href };
}

function region(it: Item) {
  const r: { startLine: number; startColumn: number; endLine?: number; endColumn?: number; snippet?: { text: string } } = {
    startLine: it.line,
    startColumn: it.column,
  };
  if (it.endOffset > it.offset) {
    r.endLine = it.endLine;
    r.endColumn = it.endColumn;
  }
  if (it.excerpt) r.snippet = { text: it.excerpt };
  return r;
}

export const sarif: Formatter = (report, ctx) => {
  const root = ctx.root ?? repoRootOf(ctx.cwd);
  const metas = allRuleMetas();
  const index = new Map(metas.map((m, i) => [m.id, i]));
  // Each rule's link is the one its items carry (the config's docsUrl), else the default.
  const links = new Map<string, string>();
  for (const f of report.files) for (const it of f.items) if (it.docsUrl && !links.has(it.rule)) links.set(it.rule, it.docsUrl);
  const rules = metas.map((m) => descriptor(m, links.get(m.id)));
  const results = shownItems(report, true)
    .sort(bySeverity)
    .map(({ file, item }) => {
      let ruleIndex = index.get(item.rule);
      if (ruleIndex === undefined) {
        // A rule the registry does not know (a plug-in or policy rule): describe it from the item.
        ruleIndex = rules.length;
        index.set(item.rule, ruleIndex);
        rules.push(descriptor({ id: item.rule, category: item.category, severity: item.severity, description: item.rule, docs: '', stage: 'check' }, item.docsUrl));
      }
      const location = artifactLocation(absOf(file.path, ctx.cwd), root);
      const result: Record<string, unknown> = {
        ruleId: item.rule,
        ruleIndex,
        level: LEVEL[item.severity],
        message: { text: item.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(item) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: item.id },
      };
      if (item.suggestions.length && item.endOffset > item.offset) {
        result.fixes = item.suggestions.slice(0, 3).map((s) => ({
          description: { text: `Replace “${item.excerpt}” with “${s}”` },
          artifactChanges: [
            {
              artifactLocation: location,
              replacements: [
                {
                  deletedRegion: { startLine: item.line, startColumn: item.column, endLine: item.endLine, endColumn: item.endColumn },
                  insertedContent: { text: s },
                },
              ],
            },
          ],
        }));
      }
      if (item.status === 'dismissed') {
        result.suppressions = [{ kind: 'external', status: 'accepted', justification: item.note || 'Dismissed in the copydesk decisions file.' }];
      }
      const properties: Record<string, unknown> = { category: item.category, status: item.status };
      if (item.claimId) properties.claimId = item.claimId;
      if (item.suggestions.length) properties.suggestions = item.suggestions;
      if (file.cached) properties.cached = true;
      result.properties = properties;
      return result;
    });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'copydesk',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** GitHub code scanning keeps at most this many results of one SARIF run. */
export const GITHUB_MAX_RESULTS = 5000;

/** A warning for stderr when a SARIF log would be cut by GitHub, or undefined. */
export function sarifLimitWarning(report: Parameters<Formatter>[0]): string | undefined {
  const n = shownItems(report, true).length;
  if (n <= GITHUB_MAX_RESULTS) return undefined;
  return `the SARIF log has ${n.toLocaleString('en-US')} results; GitHub code scanning keeps only ${GITHUB_MAX_RESULTS.toLocaleString('en-US')} per run and drops the rest. Filter with --min-severity warning (or -q for errors only), lint only changed articles, or record the existing items with --update-baseline (dismissed items stay in the log as suppressed results).`;
}
