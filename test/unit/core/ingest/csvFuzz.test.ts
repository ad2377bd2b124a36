// Runs the seeded CSV fuzzer (test/fuzz/csvFuzz.ts) in its bounded CI form, and pins the chunk-boundary
// case it found (issue 8 item 11): a CRLF split by a chunk boundary after a rejected quoted record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvParser, type SyntaxProblem } from '../../../../main/core/ingest/csvParser';
import { runCsvFuzz } from '../../../fuzz/csvFuzz';

const INPUTS = Number(process.env.TIDYSET_FUZZ_INPUTS ?? 20_000);

test(`fuzz: ${INPUTS.toLocaleString('en')} seeded inputs — no crash, no hang, csv-parse agrees, chunked = one-shot`, () => {
  const r = runCsvFuzz(INPUTS, 1);
  const found = r.failures.map((f) => `[${f.kind}] ${JSON.stringify(f.input)}\n${f.detail}`).join('\n\n');
  assert.equal(r.crashes, 0, found);
  assert.equal(r.disagreements, 0, found);
  assert.equal(r.chunkMismatches, 0, found);
  assert.ok(r.valid > INPUTS / 3 && r.mutated > INPUTS / 3, 'both kinds of input were tried');
});

test('a second seed finds nothing either (the corpus is not one lucky sequence)', () => {
  const r = runCsvFuzz(Math.min(INPUTS, 5_000), 20261202);
  assert.equal(r.crashes + r.disagreements + r.chunkMismatches, 0, JSON.stringify(r.failures[0]));
});

function lines(chunks: string[]): { lines: number[]; problems: number; blank: number } {
  const p = new CsvParser({ delimiter: ',', quote: '"' });
  const out: number[] = [];
  let problems = 0;
  const on = (_f: string[], line: number, problem: SyntaxProblem | null) => {
    out.push(line);
    if (problem) problems++;
  };
  for (const c of chunks) p.push(c, on);
  p.end(on);
  return { lines: out, problems, blank: p.blankLines };
}

test('a CRLF split by a chunk boundary right after a rejected quoted record keeps every line number, and no phantom blank line', () => {
  const text = 'a,b\r\n"x"junk,2\r\nc,d\r\ne,f\r\n';
  const whole = lines([text]);
  assert.deepEqual(whole, { lines: [1, 2, 3, 4], problems: 1, blank: 0 });
  const cr = text.indexOf('\r', text.indexOf('junk'));
  for (let cut = 1; cut < text.length; cut++) {
    assert.deepEqual(lines([text.slice(0, cut), text.slice(cut)]), whole, `cut at ${cut}${cut === cr + 1 ? ' (inside the CRLF)' : ''}`);
  }
  assert.deepEqual(lines([...text]), whole, 'one character at a time');
});
