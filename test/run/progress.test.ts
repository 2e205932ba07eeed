// run/progress.ts: done/total, rate and time left; redrawn in place on a terminal, a line every few
// seconds elsewhere, nothing for a quick batch.
import { describe, expect, it } from 'vitest';
import { Progress, progressLine } from '../../pipeline/run/progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 80, write: (s: string) => writes.push(s) } };
}

describe('progressLine', () => {
  it('shows done/total, percent, rate and time left; the total time when done', () => {
    expect(progressLine({ done: 120, total: 1694, elapsedMs: 1500 })).toBe('120/1694 (7%), 80 articles/s, 0:20 left');
    expect(progressLine({ done: 3, total: 10, elapsedMs: 2000 }, 'files')).toBe('3/10 (30%), 1.5 files/s, 0:05 left');
    expect(progressLine({ done: 10, total: 10, elapsedMs: 65_000 })).toBe('10/10 (100%), 0.2 articles/s, 1:05 in all');
    expect(progressLine({ done: 0, total: 10, elapsedMs: 0 })).toBe('0/10 (0%)');
  });
});

describe('Progress', () => {
  it('on a terminal: one line redrawn in place, at most every 100 ms, cleared at the end', () => {
    let t = 0;
    const { writes, stream } = fakeStream(true);
    const p = new Progress(4, { stream, now: () => t });
    t = 500;
    p.update(1, 'a.md');
    t = 550;
    p.update(2, 'b.md'); // too soon: skipped
    t = 700;
    p.update(3, 'c.md');
    t = 800;
    p.update(4, 'd.md');
    p.finish();
    expect(writes).toEqual(['\r\u001b[2Kcopydesk: 1/4 (25%), 2.0 articles/s, 0:02 left  a.md', '\r\u001b[2Kcopydesk: 3/4 (75%), 4.3 articles/s, 0:00 left  c.md', '\r\u001b[2Kcopydesk: 4/4 (100%), 5.0 articles/s, 0:01 in all  d.md', '\r\u001b[2K']);
  });
  it('outside a terminal: nothing for a batch shorter than the interval', () => {
    let t = 0;
    const { writes, stream } = fakeStream(false);
    const p = new Progress(3, { stream, now: () => t, intervalMs: 5000 });
    for (let i = 1; i <= 3; i++) {
      t = i * 1000;
      p.update(i);
    }
    p.finish();
    expect(writes).toEqual([]);
  });
  it('outside a terminal: a plain line every interval, and the final count', () => {
    let t = 0;
    const { writes, stream } = fakeStream(false);
    const p = new Progress(100, { stream, now: () => t, intervalMs: 5000 });
    for (let i = 1; i <= 100; i++) {
      t = i * 120; // 12 s in all
      p.update(i);
    }
    p.finish();
    expect(writes).toEqual(['copydesk: 42/100 (42%), 8.3 articles/s, 0:07 left\n', 'copydesk: 84/100 (84%), 8.3 articles/s, 0:02 left\n', 'copydesk: 100/100 (100%), 8.3 articles/s, 0:12 in all\n']);
  });
});
