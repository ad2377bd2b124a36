// Terminal output for the CLI: text tables, a progress bar on a TTY, plain progress lines otherwise.
// Every human-readable line passes through `visible`, so data cannot drive the terminal.

// C0 controls (but line feed and tab, which `visible` keeps when asked), DEL, C1 controls, and the
// bidirectional overrides and isolates that can make text read differently from what it is.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_ALL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const n = ch.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/**
 * `s` with every control character shown as an escape (ESC → `\x1b`, U+202E → `\u202e`), so a cell
 * value or file name cannot retitle, clear or recolour the terminal. With `keepLines`, line feeds and
 * tabs stay as they are (for whole messages); otherwise they are escaped too. `--json` output never
 * goes through this: JSON stays exact.
 */
export function visible(s: string, keepLines = false): string {
  return s.replace(keepLines ? CONTROL : CONTROL_ALL, escapeChar);
}

/** Renders rows as an aligned text table; long values are cut, line breaks shown as ⏎, controls escaped. */
export function textTable(header: string[], rows: Array<Array<string | null | number>>, maxWidth = 40): string {
  const show = (v: string | null | number): string => {
    if (v === null) return '∅';
    const s = visible(String(v).replace(/\r\n|\r|\n/g, '⏎').replace(/\t/g, '⇥'));
    return s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s;
  };
  const cells = [header.map(show), ...rows.map((r) => r.map(show))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** Shows job progress on stderr: a redrawn bar on a terminal, a line every few seconds otherwise. */
export class ProgressView {
  private lastPlain = 0;
  private drawn = false;
  private lastDone = -1;
  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {}

  update(done: number, total: number, message = '', unit: 'bytes' | 'items' = 'bytes'): void {
    if (!this.enabled) return;
    const pct = total > 0 ? Math.min(100, (done / total) * 100) : 0;
    const amount = unit === 'bytes' ? `${formatBytes(done)}/${formatBytes(total)}` : `${done}/${total}`;
    if (this.stream.isTTY) {
      const width = 28;
      const filled = Math.round((pct / 100) * width);
      const cols = this.stream.columns ?? 100;
      let text = `${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct.toFixed(0).padStart(3)}% ${total ? amount : ''} ${message}`;
      if (text.length > cols - 1) text = text.slice(0, cols - 2) + '…';
      this.stream.write(`\r\x1b[2K${text}`);
      this.drawn = true;
    } else {
      const now = Date.now();
      if (done >= total && this.lastDone >= total) return;
      if (now - this.lastPlain < 2000 && done < total) return;
      this.lastDone = done;
      this.lastPlain = now;
      this.stream.write(`${this.label}: ${total ? `${pct.toFixed(0)}% (${amount})` : ''} ${message}\n`);
    }
  }

  /** Clears the bar so that the next output starts on a clean line. */
  done(): void {
    if (this.drawn && this.stream.isTTY) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
