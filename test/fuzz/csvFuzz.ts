// Seeded CSV fuzzer: generates valid and mutated delimited text and checks that the parser never
// crashes or hangs, that it reads valid text exactly as csv-parse does (fields) and as the text was
// written (fields and start lines), and that chunked parsing (split anywhere, a CRLF included) agrees
// with one-shot parsing on every record, problem, line number and blank-line count.
//
//   node --import tsx test/fuzz/csvFuzz.ts [--inputs N] [--seed S]      (default 20,000 inputs, seed 1)
//
// The unit suite runs it in a bounded form (test/unit/core/ingest/csvFuzz.test.ts).
import { parse as csvParse } from 'csv-parse/sync';
import { CsvParser, type CsvLimits, type Dialect, type SyntaxProblem } from '../../main/core/ingest/csvParser';
import { mulberry32 } from '../helpers/random';

export interface FuzzReport {
  inputs: number;
  seed: number;
  valid: number;
  mutated: number;
  /** Inputs whose parse threw. */
  crashes: number;
  /** Valid inputs read differently from csv-parse or from what was written. */
  disagreements: number;
  /** Inputs where chunked and one-shot parsing differ. */
  chunkMismatches: number;
  /** Inputs also parsed without their quotes and with tiny field/record limits, chunked vs one-shot. */
  limited: number;
  /** Slowest single input (one-shot plus chunked parses), ms: a hang shows here. */
  slowestMs: number;
  seconds: number;
  /** The first few failures, each with its input, to reproduce. */
  failures: Array<{ kind: string; input: string; detail: string }>;
}

interface Rec {
  fields: string[];
  line: number;
  problem: SyntaxProblem | null;
  raw: string;
}

function parseChunks(chunks: string[], dialect: Dialect, limits: Partial<CsvLimits> = {}): { records: Rec[]; blankLines: number } {
  const p = new CsvParser(dialect, 'strings', limits);
  const records: Rec[] = [];
  const on = (fields: string[], line: number, problem: SyntaxProblem | null, raw: () => string) =>
    records.push({ fields: [...fields], line, problem, raw: raw() });
  for (const c of chunks) p.push(c, on);
  p.end(on);
  return { records, blankLines: p.blankLines };
}

const PIECES = ['a', 'b', 'xyz', 'é', '€', '😀', ' ', '"', ',', ';', '\t', '\n', '\r\n', '\r', '""', '1.5', ''];

/** A valid table: fields from PIECES, quoted (with doubled quotes) when they need it; one line ending per input. */
function validInput(rand: () => number, delimiter: string): { text: string; records: string[][]; lines: number[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const eol = rand() < 0.5 ? '\n' : '\r\n';
  const width = 1 + Math.floor(rand() * 4);
  const rows = 1 + Math.floor(rand() * 6);
  const records: string[][] = [];
  const lines: number[] = [];
  let text = '';
  let line = 1;
  for (let r = 0; r < rows; r++) {
    const fields: string[] = [];
    for (let f = 0; f < width; f++) {
      let v = '';
      const n = Math.floor(rand() * 4);
      for (let k = 0; k < n; k++) v += pick(PIECES);
      fields.push(v);
    }
    const cells = fields.map((v, i) => {
      // Quote what the dialect would misread: delimiters, quotes, line breaks, leading spaces/tabs,
      // and a lone empty field (an empty line is a blank line, not a record).
      const needs = v.includes(delimiter) || v.includes('"') || /[\r\n]/.test(v) || /^[ \t]/.test(v) || /[ \t]$/.test(v) || (width === 1 && v === '') || (i === 0 && v === '');
      return needs ? `"${v.replace(/"/g, '""')}"` : v;
    });
    records.push(fields);
    lines.push(line);
    const rec = cells.join(delimiter);
    text += rec + eol;
    line += 1 + (rec.match(/\r\n|\r|\n/g)?.length ?? 0);
  }
  if (rand() < 0.3) text = text.slice(0, -eol.length); // no final line break
  return { text, records, lines };
}

/** Mutates text: inserts, deletes or replaces characters with structural ones. */
function mutate(rand: () => number, text: string): string {
  const chars = ['"', ',', '\n', '\r', '\r\n', ' ', 'x', '\t', '\uFEFF', '\0'];
  let s = text;
  const edits = 1 + Math.floor(rand() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (s.length + 1));
    const op = rand();
    const c = chars[Math.floor(rand() * chars.length)]!;
    if (op < 0.5) s = s.slice(0, at) + c + s.slice(at);
    else if (op < 0.8) s = s.slice(0, at) + s.slice(at + 1);
    else s = s.slice(0, at) + c + s.slice(at + 1);
  }
  return s;
}

/** Splits text at random points; with some chance exactly inside a CRLF. */
function chunksOf(rand: () => number, text: string): string[] {
  const cuts = new Set<number>();
  const crlf = [...text.matchAll(/\r\n/g)].map((m) => m.index! + 1);
  if (crlf.length && rand() < 0.5) cuts.add(crlf[Math.floor(rand() * crlf.length)]!);
  const n = Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) cuts.add(Math.floor(rand() * (text.length + 1)));
  if (rand() < 0.2) for (let i = 1; i < text.length; i++) cuts.add(i); // one character at a time
  const sorted = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const c of sorted) {
    out.push(text.slice(prev, c));
    prev = c;
  }
  out.push(text.slice(prev));
  return out;
}

const show = (x: unknown): string => JSON.stringify(x);

/** Runs `inputs` seeded cases; returns the figures (never throws on a finding: it counts it). */
export function runCsvFuzz(inputs: number, seed = 1): FuzzReport {
  const rand = mulberry32(seed);
  const report: FuzzReport = { inputs, seed, valid: 0, mutated: 0, crashes: 0, disagreements: 0, chunkMismatches: 0, limited: 0, slowestMs: 0, seconds: 0, failures: [] };
  const fail = (kind: string, input: string, detail: string) => {
    if (report.failures.length < 10) report.failures.push({ kind, input, detail });
  };
  const started = performance.now();
  for (let i = 0; i < inputs; i++) {
    const delimiter = rand() < 0.8 ? ',' : ';';
    const dialect: Dialect = { delimiter, quote: '"' };
    const gen = validInput(rand, delimiter);
    const isValid = rand() < 0.5;
    const text = isValid ? gen.text : mutate(rand, gen.text);
    if (isValid) report.valid++;
    else report.mutated++;
    const t0 = performance.now();
    let whole: ReturnType<typeof parseChunks>;
    let chunked: ReturnType<typeof parseChunks>;
    try {
      whole = parseChunks([text], dialect);
      chunked = parseChunks(chunksOf(rand, text), dialect);
    } catch (e) {
      report.crashes++;
      fail('crash', text, String((e as Error).stack ?? e));
      continue;
    }
    report.slowestMs = Math.max(report.slowestMs, performance.now() - t0);
    if (show(whole) !== show(chunked)) {
      report.chunkMismatches++;
      fail('chunked vs one-shot', text, `${show(whole)}\n${show(chunked)}`);
    }
    // Over-limit records must read alike whole and cut off while pending. (Inside quotes a record over
    // the limit is taken for an unclosed quote while pending, which a whole read cannot see: not compared.)
    {
      // The input without its quotes (see above), so that every case also tries the limits.
      const plain = text.replace(/"/g, '');
      const limits = { maxRecordBytes: 4 + Math.floor(rand() * 30), maxFieldBytes: 2 + Math.floor(rand() * 20) };
      report.limited++;
      try {
        const a = parseChunks([plain], dialect, limits);
        const b = parseChunks(chunksOf(rand, plain), dialect, limits);
        if (show(a) !== show(b)) {
          report.chunkMismatches++;
          fail(`chunked vs one-shot with limits ${show(limits)}`, plain, `${show(a)}\n${show(b)}`);
        }
      } catch (e) {
        report.crashes++;
        fail('crash with limits', plain, String((e as Error).stack ?? e));
      }
    }
    if (!isValid) continue;
    const ours = whole.records.map((r) => r.fields);
    const ourLines = whole.records.map((r) => r.line);
    let theirs: string[][];
    try {
      theirs = csvParse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: false }) as string[][];
    } catch (e) {
      theirs = [[`csv-parse failed: ${(e as Error).message}`]];
    }
    if (whole.records.some((r) => r.problem) || show(ours) !== show(gen.records) || show(ourLines) !== show(gen.lines) || show(theirs) !== show(gen.records)) {
      report.disagreements++;
      fail('valid input read wrongly', text, `written ${show(gen.records)} at ${show(gen.lines)}\nours    ${show(ours)} at ${show(ourLines)}\ncsv-parse ${show(theirs)}`);
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

function main(argv: string[]): void {
  const arg = (name: string, def: number): number => {
    const i = argv.indexOf(name);
    const v = i === -1 ? def : Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number`);
    return v;
  };
  const r = runCsvFuzz(arg('--inputs', 20_000), arg('--seed', 1));
  console.log(`${r.inputs.toLocaleString('en')} inputs (seed ${r.seed}; ${r.valid.toLocaleString('en')} valid, ${r.mutated.toLocaleString('en')} mutated) in ${r.seconds.toFixed(1)} s: ` +
    `${r.crashes} crashes, ${r.disagreements} disagreements with csv-parse or the written table, ${r.chunkMismatches} chunked/one-shot mismatches (${r.limited.toLocaleString('en')} also with tiny limits); slowest input ${r.slowestMs.toFixed(1)} ms`);
  for (const f of r.failures) console.log(`\n[${f.kind}] ${JSON.stringify(f.input)}\n${f.detail}`);
  process.exitCode = r.crashes + r.disagreements + r.chunkMismatches > 0 ? 1 : 0;
}

if (require.main === module) main(process.argv.slice(2));
