// Columns with known personal-data kinds for the detection accuracy tests and benchmark: the labelled
// files in shared/data (FakeNameGenerator table, Presidio's synthetic sentences, Skatteverket's test
// personnummer, Splink's fake persons), the bench's generated table, seeded identifiers of the other
// kinds, and the non-personal tables (products, restaurants, rodents, survey answers).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PdKind } from '../../shared/api/personal';
import { COLUMNS, generateMessyCsv } from '../bench/generate';
import * as g from './pdGenerate';

export const DATA_DIR = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../shared/data');

/** One column to judge: its header, its values, and the kind it really holds (null: not scored). */
export interface PdColumn {
  header: string;
  values: string[];
  truth: PdKind | null;
}
export interface PdCase {
  name: string;
  columns: PdColumn[];
  /** A table of non-personal data, where no `direct` finding is allowed on a column whose truth is not direct. */
  negative?: boolean;
}

function readCsv(file: string, opts: { ltrim?: boolean } = {}): { header: string[]; rows: string[][] } {
  const recs = parse(readFileSync(path.join(DATA_DIR, file)), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, ltrim: opts.ltrim ?? false }) as string[][];
  return { header: recs[0]!.map((h) => h.trim()), rows: recs.slice(1) };
}

function table(name: string, file: string, truth: Record<string, PdKind | null>, opts: { ltrim?: boolean; negative?: boolean; defaultTruth?: PdKind | null } = {}): PdCase {
  const { header, rows } = readCsv(file, opts);
  return {
    name,
    negative: opts.negative,
    columns: header.map((h, i) => ({ header: h, values: rows.map((r) => (r[i] ?? '').replace(/^'|'$/g, '')), truth: h in truth ? truth[h]! : (opts.defaultTruth === undefined ? 'none' : opts.defaultTruth) })),
  };
}

/** The FakeNameGenerator table; CCNumber and NationalID are Excel-mangled (see SOURCES.md), Username has no kind: not scored. */
export function fakeNameGenerator(): PdCase {
  return table('presidio FakeNameGenerator', 'presidio-research/FakeNameGenerator.com_3000.csv', {
    GivenName: 'person_name', Surname: 'person_name', MothersMaiden: 'person_name', StreetAddress: 'location', City: 'location',
    ZipCode: 'postal_code', EmailAddress: 'email', TelephoneNumber: 'phone', Birthday: 'date_of_birth',
    CCNumber: null, NationalID: null, Username: null,
  });
}

/** Presidio's synthetic sentences: one text column (free_text_pii), and the sentences without any entity (none). */
export function presidioSentences(): PdCase {
  const recs = JSON.parse(readFileSync(path.join(DATA_DIR, 'presidio-research/synth_dataset_v2.json'), 'utf8')) as Array<{ full_text: string; spans: unknown[] }>;
  return {
    name: 'presidio synthetic sentences',
    columns: [
      { header: 'notes', values: recs.map((r) => r.full_text), truth: 'free_text_pii' },
      { header: 'remarks', values: recs.filter((r) => r.spans.length === 0).map((r) => r.full_text), truth: 'none' },
    ],
  };
}

/** Skatteverket's test personnummer in the written forms: 12 digits, 10 with "-" or "+" (100+), 12 with "-". */
export function sePersonnummer(): PdCase {
  const pins = JSON.parse(readFileSync(path.join(DATA_DIR, 'se-personnummer/allPins.json'), 'utf8')) as string[];
  const r = g.rng(7);
  const sample = Array.from({ length: 5000 }, () => pins[Math.floor(r() * pins.length)]!);
  const thisYear = new Date().getUTCFullYear();
  const short = sample.map((p) => `${p.slice(2, 8)}${thisYear - Number(p.slice(0, 4)) >= 100 ? '+' : '-'}${p.slice(8)}`);
  return {
    name: 'se-personnummer',
    columns: [
      { header: 'personnummer', values: sample, truth: 'national_id_se' },
      { header: 'pnr_short', values: short, truth: 'national_id_se' },
      { header: 'id_long_dash', values: sample.map((p) => `${p.slice(0, 8)}-${p.slice(8)}`), truth: 'national_id_se' },
      { header: 'compact', values: short.map((p) => p.replace(/[-+]/, '')).slice(0, 2000), truth: 'national_id_se' },
    ],
  };
}

/** Splink's 1,000 fake persons. */
export function splinkFake(): PdCase {
  return table('splink fake_1000', 'splink-fake-1000/fake_1000.csv', { first_name: 'person_name', surname: 'person_name', dob: 'date_of_birth', city: 'location', email: 'email' });
}

/** The bench's generated table (its own generator, 5,000 rows). */
export async function benchTable(): Promise<PdCase> {
  const file = path.join(os.tmpdir(), `tidyset-pd-bench-${process.pid}.csv`);
  await generateMessyCsv(file, 5000, 42);
  const { header, rows } = (() => {
    const recs = parse(readFileSync(file), { relax_column_count: true }) as string[][];
    return { header: recs[0]!, rows: recs.slice(1) };
  })();
  const truth: Record<string, PdKind> = { name: 'person_name', email: 'email', city: 'location' };
  return { name: 'bench generated', columns: header.map((h, i) => ({ header: h, values: rows.map((x) => x[i] ?? ''), truth: truth[h] ?? (COLUMNS.includes(h as never) ? 'none' : 'none') })) };
}

/** Seeded identifiers of the kinds the labelled files lack, and look-alike random numbers that must not fire. */
export function generatedIds(n = 2000): PdCase {
  const r = g.rng(11);
  const col = (header: string, truth: PdKind, gen: (r: g.Rnd) => string): PdColumn => ({ header, truth, values: g.many(r, n, gen) });
  const mixed = g.many(r, n, (x) => [g.genFnrNo, g.genHetuFi, g.genCprDk][Math.floor(x() * 3)]!(x));
  return {
    name: 'generated identifiers',
    columns: [
      col('fodselsnummer', 'national_id_no', g.genFnrNo),
      col('cpr', 'national_id_dk', g.genCprDk),
      col('hetu', 'national_id_fi', g.genHetuFi),
      col('nino', 'nino_uk', g.genNino),
      col('ssn', 'ssn_us', g.genSsn),
      col('iban', 'iban', g.genIban),
      col('card_number', 'payment_card', g.genCard),
      col('client_ip', 'ip_address', g.genIp),
      col('mac', 'mac_address', g.genMac),
      col('position', 'coordinates', g.genCoordinates),
      col('date_of_birth', 'date_of_birth', g.genBirthDate),
      col('postnummer', 'postal_code', g.genPostalSe),
      col('mobile', 'phone', g.genPhone),
      { header: 'national_id', truth: null, values: mixed },
      col('diagnosis', 'none', (x) => g.DIAGNOSES[Math.floor(x() * g.DIAGNOSES.length)]!),
      col('religion', 'none', (x) => g.RELIGIONS[Math.floor(x() * g.RELIGIONS.length)]!),
      col('order_no', 'none', (x) => g.genDigits(x, 10)),
      col('tracking', 'none', (x) => g.genDigits(x, 16)),
      col('serial', 'none', (x) => g.genDigits(x, 11)),
      col('ref', 'none', (x) => g.genDigits(x, 12)),
    ],
  };
}

/** The non-personal tables of shared/data: products, restaurants, rodents, survey answers. */
export function negativeTables(): PdCase[] {
  const opts = { negative: true };
  return [
    table('abt-buy Abt', 'abt-buy/AbtBuy_Abt.csv', {}, opts),
    table('abt-buy Buy', 'abt-buy/AbtBuy_Buy.csv', {}, opts),
    table('fodors', 'fodors-zagat/fodors.csv', { addr: 'location', city: 'location', phone: 'phone' }, opts),
    table('zagats', 'fodors-zagat/zagats.csv', { addr: 'location', city: 'location', phone: 'phone' }, opts),
    table('dedupe restaurant', 'dedupe-restaurant/restaurant-nophone-training.csv', { address: 'location', city: 'location' }, { ...opts, ltrim: true }),
    table('portal rodents', 'portal-rodents-messy/Portal_rodents_19772002_simplified.csv', { coordinates: 'coordinates' }, opts),
    table('safi survey', 'safi-messy-clean/Moz_SAFI_Survey_Final_results_approved_cleanheaders_messy.csv', { village: 'location', gps_Latitude: 'coordinates', gps_Longitude: 'coordinates' }, opts),
  ];
}

/** The same case with headers replaced by c1, c2, … (values alone). */
export function anonymousHeaders(c: PdCase): PdCase {
  return { ...c, name: `${c.name} (c1, c2, …)`, columns: c.columns.map((col, i) => ({ ...col, header: `c${i + 1}` })) };
}

/** Every case, with and without headers. */
export async function allCases(): Promise<PdCase[]> {
  const named = [fakeNameGenerator(), presidioSentences(), sePersonnummer(), splinkFake(), await benchTable(), generatedIds(), ...negativeTables()];
  return [...named, ...named.map(anonymousHeaders)];
}
