// A progress reporter for long batches (run, lint; the distributed run builds on it): done/total, the
// share done, the rate and the time left. On a terminal one line is redrawn in place (at most ten
// times a second) and cleared at the end; elsewhere (CI logs) a plain line is written every few
// seconds, and once at the end when any was written. It knows nothing about articles: callers feed it
// counts, so it works for any unit of work and any source of counts.

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Where to write (default process.stderr). */
  stream?: ProgressStream;
  /** Redraw in place (default: the stream is a terminal). */
  tty?: boolean;
  /** Without a terminal: write a line at most this often (default 5 s). */
  intervalMs?: number;
  /** What is counted ("articles"). */
  unit?: string;
  /** The clock (tests pass their own). */
  now?: () => number;
}

export interface ProgressState {
  done: number;
  total: number;
  elapsedMs: number;
}

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** "120/1694 (7%), 85.2 articles/s, 0:18 left": the text of one progress line. */
export function progressLine({ done, total, elapsedMs }: ProgressState, unit = 'articles'): string {
  const pct = total ? Math.floor((done / total) * 100) : 100;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts = [`${done}/${total} (${pct}%)`];
  if (done > 0 && elapsedMs >= 200) {
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} ${unit}/s`);
    if (done < total) parts.push(`${clock(((total - done) / rate) * 1000)} left`);
    else parts.push(`${clock(elapsedMs)} in all`);
  }
  return parts.join(', ');
}

export class Progress {
  private readonly started: number;
  private lastDraw = -Infinity;
  private wrote = false;
  private readonly stream: ProgressStream;
  private readonly tty: boolean;
  private readonly interval: number;
  private readonly now: () => number;
  private done = 0;

  constructor(
    private total: number,
    private options: ProgressOptions = {},
  ) {
    this.stream = options.stream ?? process.stderr;
    this.tty = options.tty ?? !!this.stream.isTTY;
    this.interval = options.intervalMs ?? 5000;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** `done` units are finished (a count, not an increment); `detail` (a file name) is shown on a terminal. */
  update(done: number, detail?: string): void {
    this.done = done;
    const t = this.now();
    const line = progressLine({ done, total: this.total, elapsedMs: t - this.started }, this.options.unit);
    if (this.tty) {
      if (t - this.lastDraw < 100 && done < this.total) return;
      this.lastDraw = t;
      const width = (this.stream.columns || 100) - 1;
      const text = `copydesk: ${line}${detail ? `  ${detail}` : ''}`;
      this.stream.write(`\r\u001b[2K${text.length > width ? text.slice(0, width) : text}`);
      this.wrote = true;
    } else if (t - this.lastDraw >= this.interval) {
      if (this.lastDraw === -Infinity) {
        // The first line only once the work has run a whole interval: short batches stay quiet.
        if (t - this.started < this.interval) return;
      }
      this.lastDraw = t;
      this.stream.write(`copydesk: ${line}\n`);
      this.wrote = true;
    }
  }

  /** Clears the terminal line, or writes the final count where progress lines were written. */
  finish(): void {
    if (this.tty) {
      if (this.wrote) this.stream.write('\r\u001b[2K');
    } else if (this.wrote) {
      this.stream.write(`copydesk: ${progressLine({ done: this.done, total: this.total, elapsedMs: this.now() - this.started }, this.options.unit)}\n`);
    }
  }
}
