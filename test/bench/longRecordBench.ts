// Times the CSV parser on one very long record (a single line of N MB, fed in 1 MiB chunks as an import
// reads it) and reports wall time and peak memory; each size runs in its own process so that the peak
// RSS belongs to it alone. Usage:
//   node --import tsx test/bench/longRecordBench.ts [--sizes 50,100,200] [--parser PATH] [--field-bytes N] [--max-record-bytes N]
// --parser points at another copy of csvParser.ts (e.g. `git show REV:main/core/ingest/csvParser.ts`)
// to measure before/after on the same machine.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (name: string, def: string): string => {
  const i = argv.indexOf(name);
  return i === -1 ? def : argv[i + 1] ?? def;
};
const parserPath = path.resolve(arg('--parser', path.join(here, '../../main/core/ingest/csvParser.ts')));
const CHUNK = 1 << 20;

interface Figures {
  mb: number;
  seconds: number;
  peakRssMb: number;
  fields: number;
  error: string | null;
}

async function child(mb: number, fieldBytes: number): Promise<Figures> {
  const { CsvParser } = (await import(pathToFileURL(parserPath).href)) as typeof import('../../main/core/ingest/csvParser');
  // Fields of fieldBytes characters (digits and letters), separated by commas: one line of mb MiB.
  const field = 'abcdefghij'.repeat(Math.ceil(fieldBytes / 10)).slice(0, fieldBytes - 1) + ',';
  const chunk = field.repeat(Math.ceil(CHUNK / field.length)).slice(0, CHUNK);
  let fields = 0;
  let error: string | null = null;
  const onRecord = (f: string[], _line: number, problem: { message: string } | null) => {
    fields += f.length;
    if (problem) error = problem.message;
  };
  const t0 = performance.now();
  try {
    const p = new CsvParser({ delimiter: ',', quote: '"' }, 'offsets', { maxRecordBytes: Number(arg('--max-record-bytes', String(500 * 1024 * 1024))) });
    p.push('a\n', onRecord);
    for (let i = 0; i < mb; i++) p.push(chunk, onRecord);
    p.push('\nz\n', onRecord);
    p.end(onRecord);
  } catch (e) {
    error = `${(e as Error).name}: ${(e as Error).message}`;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { mb, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, fields, error };
}

async function main(): Promise<void> {
  if (argv[0] === '--child') {
    process.stdout.write(JSON.stringify(await child(Number(argv[1]), Number(argv[2]))));
    return;
  }
  const sizes = arg('--sizes', '50,100,200').split(',').map(Number);
  const fieldBytes = Number(arg('--field-bytes', '100'));
  console.log(`parser: ${path.relative(process.cwd(), parserPath)} · one line of N MiB in fields of ${fieldBytes} bytes, 1 MiB chunks`);
  console.log('| MiB | seconds | peak RSS MB | fields | error |\n| --- | --- | --- | --- | --- |');
  for (const mb of sizes) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(mb), String(fieldBytes), '--parser', parserPath, '--max-record-bytes', arg('--max-record-bytes', String(500 * 1024 * 1024))], {
      encoding: 'utf8', maxBuffer: 1 << 20,
    });
    const f = JSON.parse(out) as Figures;
    console.log(`| ${f.mb} | ${f.seconds.toFixed(2)} | ${f.peakRssMb.toFixed(0)} | ${f.fields.toLocaleString('en')} | ${f.error ?? ''} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
