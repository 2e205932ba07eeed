// Overlap queries over a fixed set of spans in O(log n) each: the spans sorted by start with the
// running maximum of their ends. "Does any span overlap [start, end)?" is then one binary search, so
// rules that ask it once per item stay linear however many spans there are (issue 9).
export class SpanIndex {
  private starts: number[] = [];
  private maxEnd: number[] = [];
  constructor(spans: Iterable<{ start: number; end: number }>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    let max = -Infinity;
    for (const s of sorted) {
      this.starts.push(s.start);
      max = Math.max(max, s.end);
      this.maxEnd.push(max);
    }
  }
  /** True when some span s has s.start < end and start < s.end. */
  overlaps(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1] > start;
  }
}
