// Formatters for `copydesk lint --format`: each takes the same report and returns text.
import type { Report } from '../../types.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export interface FormatContext {
  /** Colour output (stylish only). */
  color: boolean;
  cwd: string;
}

export type Formatter = (report: Report, ctx: FormatContext) => string;

export const formatters: Record<string, Formatter> = { stylish, json };
