// Formatters for `copydesk lint --format`: each takes the same report and returns text.
import type { Report } from '../../core/types.js';
import { json } from './json.js';
import { stylish } from './stylish.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { rdjsonl } from './rdjsonl.js';

export interface FormatContext {
  /** Colour output (stylish only). */
  color: boolean;
  /** Report paths are relative to this folder (or absolute). */
  cwd: string;
  /** Repository root for SARIF's repository-relative URIs (default: the git top-level above cwd, else cwd). */
  root?: string;
}

export type Formatter = (report: Report, ctx: FormatContext) => string;

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, junit, rdjsonl };
