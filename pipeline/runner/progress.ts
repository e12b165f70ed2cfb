// Progress on stderr: a redrawn bar on a terminal (documents, pages/s, ETA), one plain line per
// document otherwise (logs, CI).
export interface DocumentDone {
  source: string;
  doc_id: string;
  status: string;
  error: string;
  pages?: number;
  n_tables: number;
  n_facts: number;
  n_forms: number;
  ms: number;
  /** the stored result was reused (bytes and extractor version unchanged) */
  reused: boolean;
}

export interface ProgressSink { start(total: number): void; done(d: DocumentDone): void; finish(): void }

function fmtDuration(s: number): string {
  if (!Number.isFinite(s)) return '--';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class Progress implements ProgressSink {
  private total = 0;
  private n = 0;
  private pages = 0;
  private failed = 0;
  private reused = 0;
  private t0 = 0;
  private lastDraw = 0;
  constructor(private stream: NodeJS.WriteStream = process.stderr, private tty = !!stream.isTTY, private display: (s: string) => string = (s) => s) {}

  start(total: number): void {
    this.total = total;
    this.t0 = performance.now();
    if (this.tty) this.draw(true);
  }

  done(d: DocumentDone): void {
    this.n++;
    this.pages += d.pages ?? 0;
    if (d.status === 'failed') this.failed++;
    if (d.reused) this.reused++;
    if (this.tty) { this.draw(false); return; }
    const what = d.status === 'ok' ? `${d.n_tables} tables, ${d.n_facts} facts, ${d.n_forms} forms` : d.error;
    this.stream.write(`[${this.n}/${this.total}] ${d.status.padEnd(7)} ${this.display(d.source)}: ${what}${d.reused ? ' (unchanged, reused)' : ''}\n`);
  }

  /** the bar line, e.g. `[#########-----------]  45/100 docs  12.3 docs/s  80.1 pages/s  ETA 4s  (3 failed, 40 reused)` */
  line(): string {
    const s = Math.max(1e-3, (performance.now() - this.t0) / 1000);
    const frac = this.total ? this.n / this.total : 1;
    const width = 24;
    const fill = Math.round(frac * width);
    const eta = this.n ? ((this.total - this.n) * s) / this.n : Infinity;
    return `[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${String(this.n).padStart(String(this.total).length)}/${this.total} docs  ${(this.n / s).toFixed(1)} docs/s  ${(this.pages / s).toFixed(1)} pages/s  ETA ${fmtDuration(eta)}  (${this.failed} failed, ${this.reused} reused)`;
  }

  private draw(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastDraw < 100 && this.n < this.total) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[2K${this.line()}`);
  }

  finish(): void {
    if (this.tty) { this.draw(true); this.stream.write('\n'); }
  }
}
