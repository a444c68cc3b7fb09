// A progress bar on stderr, only when stderr is a terminal: files done/total,
// MB/s and ETA. Silent otherwise, so logs and pipes stay clean.
export class Progress {
  private done = 0;
  private bytes = 0;
  private failed = 0;
  private lastDraw = 0;
  private readonly started = Date.now();
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    enabled = Boolean(process.stderr.isTTY),
  ) {
    this.enabled = enabled && total > 1;
  }

  tick(bytes: number, failed: boolean): void {
    this.done++;
    this.bytes += bytes;
    if (failed) this.failed++;
    const now = Date.now();
    if (!this.enabled || (now - this.lastDraw < 100 && this.done < this.total)) return;
    this.lastDraw = now;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.bytes / 1e6 / seconds;
    const eta = this.done ? ((this.total - this.done) * seconds) / this.done : 0;
    const width = 24;
    const filled = Math.round((width * this.done) / this.total);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.stream.write(`\r${bar} ${this.done}/${this.total} files  ${rate.toFixed(1)} MB/s  ETA ${formatSeconds(eta)}${this.failed ? `  ${this.failed} failed` : ''}\x1b[K`);
  }

  /** Clears the bar's line (before a message on stderr), only when a bar is drawn. */
  clear(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }

  end(): void {
    this.clear();
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
