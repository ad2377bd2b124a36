// Generated people with injected duplicates for the dedupe speed benchmark: id, first_name, surname,
// dob, city; about a fifth of the rows are copies of another row with typos, a changed date digit or a
// blank city. Deterministic for a seed. `entity` (the truth) is the last column.
import { createWriteStream } from 'node:fs';
import { mulberry32 } from './generate';

const SYL = ['an', 'ber', 'cor', 'dan', 'el', 'fin', 'gar', 'hol', 'is', 'jon', 'kel', 'lar', 'mar', 'nor', 'ol', 'per', 'quin', 'ros', 'sam', 'tor', 'ul', 'van', 'wil', 'xan', 'yor', 'zel', 'ba', 'ce', 'di', 'fo', 'gu', 'ha', 'ki', 'lo', 'mu', 'ne', 'pi', 'ra', 'si', 'te'];

function word(rnd: () => number, parts: number): string {
  let s = '';
  for (let i = 0; i < parts; i++) s += SYL[Math.floor(rnd() * SYL.length)];
  return s[0]!.toUpperCase() + s.slice(1);
}

function typo(s: string, rnd: () => number): string {
  if (s.length < 3) return s;
  const i = 1 + Math.floor(rnd() * (s.length - 2));
  const k = rnd();
  if (k < 0.33) return s.slice(0, i) + s.slice(i + 1);
  if (k < 0.66) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return s.slice(0, i) + 'aeiou'[Math.floor(rnd() * 5)] + s.slice(i + 1);
}

/** Writes `rows` rows; returns the number of true duplicate pairs. */
export async function generatePeople(file: string, rows: number, seed = 7): Promise<{ truePairs: number }> {
  const rnd = mulberry32(seed);
  const firsts = Array.from({ length: 3000 }, () => word(rnd, 2));
  const lasts = Array.from({ length: Math.max(2000, Math.floor(rows / 8)) }, () => word(rnd, 2 + Math.floor(rnd() * 2)));
  const cities = Array.from({ length: 500 }, () => word(rnd, 2));
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('id,first_name,surname,dob,city,entity\n');
  const recent: string[][] = [];
  const sizes = new Map<number, number>();
  let entities = 0;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    let rec: string[];
    if (recent.length > 100 && rnd() < 0.2) {
      const src = recent[Math.floor(rnd() * recent.length)]!;
      rec = [...src];
      const k = rnd();
      if (k < 0.4) rec[1] = typo(rec[1]!, rnd);
      else if (k < 0.7) rec[2] = typo(rec[2]!, rnd);
      else if (k < 0.85) rec[3] = rec[3]!.slice(0, 9) + String(Math.floor(rnd() * 10));
      else rec[4] = '';
      if (rnd() < 0.3) rec[1] = typo(rec[1]!, rnd);
    } else {
      const y = 1930 + Math.floor(rnd() * 75);
      const m = 1 + Math.floor(rnd() * 12);
      const d = 1 + Math.floor(rnd() * 28);
      rec = ['', firsts[Math.floor(rnd() * firsts.length)]!, lasts[Math.floor(rnd() * lasts.length)]!, `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, cities[Math.floor(rnd() * cities.length)]!, String(entities++)];
      recent.push(rec);
      if (recent.length > 5000) recent.shift();
    }
    const e = Number(rec[5]);
    sizes.set(e, (sizes.get(e) ?? 0) + 1);
    chunk += `${i + 1},${rec[1]},${rec[2]},${rec[3]},${rec[4]},${rec[5]}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
  let truePairs = 0;
  for (const s of sizes.values()) truePairs += (s * (s - 1)) / 2;
  return { truePairs };
}
