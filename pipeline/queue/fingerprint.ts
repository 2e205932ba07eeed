// Stable item ids: rule, file, normalised excerpt plus a few words of context, and the occurrence of
// that key in the file. No offset, line or column goes in, so an id survives edits elsewhere in the
// article; the occurrence counter is by order, so two identical excerpts in identical contexts keep
// their ids only while neither is deleted.
import { digest } from '../util/hash.js';

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** Up to `n` words of prose before and after [start, end), never reaching past [lo, hi) (the item's block). */
export function contextOf(prose: string, start: number, end: number, lo = 0, hi = prose.length, n = 3): string {
  const before = prose.slice(Math.max(lo, start - 60), start).split(/\s+/).filter(Boolean).slice(-n).join(' ');
  const after = prose.slice(end, Math.min(hi, end + 60)).split(/\s+/).filter(Boolean).slice(0, n).join(' ');
  return `${norm(before)}|${norm(after)}`;
}

export class Fingerprinter {
  private seen = new Map<string, number>();
  constructor(private file: string) {}
  id(rule: string, excerpt: string, context: string): string {
    const key = `${rule}\u0000${this.file}\u0000${norm(excerpt)}\u0000${context}`;
    const n = this.seen.get(key) ?? 0;
    this.seen.set(key, n + 1);
    return digest(`${key}\u0000${n}`);
  }
}
