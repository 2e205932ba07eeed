import type { Formatter } from './index.js';

export const json: Formatter = (report) => JSON.stringify(report, null, 2) + '\n';
