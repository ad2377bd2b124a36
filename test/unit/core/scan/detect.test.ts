// Tests content sniffing against the real evaluation data and synthetic buffers for every signature and edge case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sniffBuffer, sniffFile, type TextEncoding } from '../../../../main/core/scan/detect';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
const data = (rel: string): string => path.join(DATA, rel);

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

interface Expected {
  encoding: TextEncoding;
  bom: boolean;
  width: number;
  first: string;
}

// Every delimited file under the data folder, checked by hand: all are comma-separated with a header.
const CSVS: Record<string, Expected> = {
  'abt-buy/AbtBuy_Abt.csv': { encoding: 'utf-8', bom: false, width: 4, first: 'unique_id' },
  'abt-buy/AbtBuy_Buy.csv': { encoding: 'utf-8', bom: false, width: 4, first: 'unique_id' },
  'dedupe-csv-example/csv_example_input_with_true_ids.csv': { encoding: 'utf-8', bom: false, width: 33, first: 'True Id' },
  'dedupe-csv-example/csv_example_messy_input.csv': { encoding: 'utf-8', bom: false, width: 32, first: 'Id' },
  'dedupe-patent-example/patstat_input.csv': { encoding: 'utf-8', bom: false, width: 6, first: 'person_id' },
  'dedupe-patent-example/patstat_reference.csv': { encoding: 'utf-8', bom: false, width: 3, first: 'person_id' },
  'dedupe-restaurant/restaurant-1.csv': { encoding: 'utf-8', bom: false, width: 5, first: 'name' },
  'dedupe-restaurant/restaurant-2.csv': { encoding: 'utf-8', bom: false, width: 5, first: 'name' },
  'dedupe-restaurant/restaurant-nophone-training.csv': { encoding: 'utf-8', bom: false, width: 5, first: 'name' },
  'doaj-article-sample/doaj-article-sample.csv': { encoding: 'utf-8', bom: false, width: 11, first: 'Title' },
  'febrl/dataset1.csv': { encoding: 'utf-8', bom: false, width: 11, first: 'rec_id' },
  'febrl/dataset2.csv': { encoding: 'utf-8', bom: false, width: 11, first: 'rec_id' },
  'febrl/dataset3.csv': { encoding: 'utf-8', bom: false, width: 11, first: 'rec_id' },
  'febrl/dataset4a.csv': { encoding: 'utf-8', bom: false, width: 11, first: 'rec_id' },
  'febrl/dataset4b.csv': { encoding: 'utf-8', bom: false, width: 11, first: 'rec_id' },
  'fodors-zagat/fodors.csv': { encoding: 'utf-8', bom: false, width: 6, first: 'id' },
  'fodors-zagat/matches_fodors_zagats.csv': { encoding: 'utf-8', bom: false, width: 2, first: 'fodors_id' },
  'fodors-zagat/zagats.csv': { encoding: 'utf-8', bom: false, width: 6, first: 'id' },
  'openrefine-testdata/csv-with-bom.csv': { encoding: 'utf-8', bom: true, width: 2, first: 'ColA' },
  'openrefine-testdata/example-linebreaks-in-cells.csv': { encoding: 'utf-8', bom: false, width: 3, first: 'name' },
  'openrefine-testdata/government_contracts.csv': { encoding: 'utf-8', bom: false, width: 10, first: 'Contract ID' },
  'portal-rodents-messy/Portal_rodents_19772002_simplified.csv': { encoding: 'utf-8', bom: false, width: 16, first: 'recordID' },
  'presidio-research/FakeNameGenerator.com_3000.csv': { encoding: 'utf-8', bom: true, width: 30, first: 'Number' },
  'safi-messy-clean/Moz_SAFI_Survey_Final_results_approved_cleanheaders.csv': { encoding: 'utf-8', bom: false, width: 62, first: 'interview_date' },
  'safi-messy-clean/Moz_SAFI_Survey_Final_results_approved_cleanheaders_messy.csv': { encoding: 'utf-8', bom: false, width: 62, first: 'interview_date' },
  'splink-fake-1000/fake_1000.csv': { encoding: 'utf-8', bom: false, width: 7, first: 'unique_id' },
  'splink-fake-1000/fake_1000_labels.csv': { encoding: 'utf-8', bom: false, width: 5, first: 'unique_id_l' },
};

const TSV_COLUMNS = ['Start', 'End', 'Country', 'Location', 'Type', 'Sub_Type', 'Name', 'Killed', 'Cost', 'Affected', 'Id'];
const TSVS: Record<string, { encoding: TextEncoding; bom: boolean }> = {
  'openrefine-testdata/example-latin1.tsv': { encoding: 'windows-1252', bom: false },
  'openrefine-testdata/example-utf8.tsv': { encoding: 'utf-8', bom: false },
  'openrefine-testdata/example-utf16le-bom.tsv': { encoding: 'utf-16le', bom: true },
  'openrefine-testdata/example-utf16be-bom.tsv': { encoding: 'utf-16be', bom: true },
};

test('the expectation table lists every CSV in the data folder', () => {
  const found = listFiles(DATA).filter((f) => f.endsWith('.csv')).map((f) => path.relative(DATA, f)).sort();
  assert.deepEqual(found, Object.keys(CSVS).sort());
});

test('every real CSV is comma-separated text with a header', async () => {
  for (const [rel, want] of Object.entries(CSVS)) {
    const s = await sniffFile(data(rel));
    assert.equal(s.format, 'csv', rel);
    assert.equal(s.importable, true, rel);
    assert.equal(s.reason, null, rel);
    assert.equal(s.encoding, want.encoding, rel);
    assert.equal(s.bom, want.bom, rel);
    assert.equal(s.delimiter, ',', rel);
    assert.equal(s.quote, '"', rel);
    assert.equal(s.header, true, rel);
    assert.equal(s.columns?.length, want.width, rel);
    assert.equal(s.columns?.[0], want.first, rel);
  }
});

test('a 4 KiB sample of each real CSV gives the same dialect as the full 1 MiB sample', async () => {
  for (const rel of Object.keys(CSVS)) {
    const full = await sniffFile(data(rel));
    const small = await sniffFile(data(rel), 4096);
    assert.deepEqual(small, full, rel);
  }
});

test('the same files without their first line are judged headerless', () => {
  const rels = [
    'febrl/dataset1.csv', 'fodors-zagat/fodors.csv', 'dedupe-restaurant/restaurant-1.csv', 'splink-fake-1000/fake_1000.csv',
    'openrefine-testdata/government_contracts.csv', 'doaj-article-sample/doaj-article-sample.csv', 'abt-buy/AbtBuy_Abt.csv',
  ];
  for (const rel of rels) {
    const bytes = readFileSync(data(rel));
    const s = sniffBuffer(bytes.subarray(bytes.indexOf(0x0a) + 1), false);
    assert.equal(s.format, 'csv', rel);
    assert.equal(s.header, false, rel);
  }
});

test('febrl: ", " separators still mean delimiter ",", and column names are trimmed', async () => {
  const s = await sniffFile(data('febrl/dataset1.csv'));
  assert.deepEqual(s.columns, [
    'rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id',
  ]);
});

test("dedupe-restaurant: '0' ids do not make the quote a single quote", async () => {
  const s = await sniffFile(data('dedupe-restaurant/restaurant-nophone-training.csv'));
  assert.equal(s.quote, '"');
  assert.deepEqual(s.columns, ['name', 'address', 'city', 'cuisine', 'unique_id']);
});

test('openrefine: the four example TSVs agree on delimiter and columns, each in its own encoding', async () => {
  for (const [rel, want] of Object.entries(TSVS)) {
    const s = await sniffFile(data(rel));
    assert.equal(s.format, 'csv', rel);
    assert.equal(s.encoding, want.encoding, rel);
    assert.equal(s.bom, want.bom, rel);
    assert.equal(s.delimiter, '\t', rel);
    assert.equal(s.header, true, rel);
    assert.deepEqual(s.columns, TSV_COLUMNS, rel);
  }
});

test('openrefine: the BOM is not part of the first column name', async () => {
  const s = await sniffFile(data('openrefine-testdata/csv-with-bom.csv'));
  assert.deepEqual(s.columns, ['ColA', 'ColB']);
});

test('openrefine: quoted cells with line breaks and commas do not change the field count', async () => {
  const s = await sniffFile(data('openrefine-testdata/example-linebreaks-in-cells.csv'));
  assert.deepEqual(s.columns, ['name', 'description', 'yearOfBirth']);
  assert.equal(s.header, true);
});

test('UTF-16 without a BOM is recognised by its NUL bytes', () => {
  const le = readFileSync(data('openrefine-testdata/example-utf16le-bom.tsv')).subarray(2);
  const be = readFileSync(data('openrefine-testdata/example-utf16be-bom.tsv')).subarray(2);
  for (const [buf, enc] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
    const s = sniffBuffer(buf, false);
    assert.equal(s.encoding, enc);
    assert.equal(s.bom, false);
    assert.equal(s.delimiter, '\t');
    assert.deepEqual(s.columns, TSV_COLUMNS);
  }
});

test('JSON: arrays of objects are importable with the first object keys; an array of strings is not', async () => {
  const synth = await sniffFile(data('presidio-research/synth_dataset_v2.json'));
  assert.equal(synth.format, 'json');
  assert.equal(synth.importable, true);
  assert.deepEqual(synth.columns, ['full_text', 'masked', 'spans', 'template_id', 'metadata']);
  for (const rel of ['se-personnummer/list.json', 'se-personnummer/interim.json']) {
    const s = await sniffFile(data(rel));
    assert.equal(s.format, 'json', rel);
    assert.equal(s.importable, true, rel);
    assert.deepEqual(s.columns?.slice(0, 3), ['integer', 'long_format', 'short_format'], rel);
  }
  const org = await sniffFile(data('se-personnummer/orgnumber.json'));
  assert.deepEqual(org.columns, ['integer', 'short_format', 'separated_format', 'valid', 'type', 'comment']);
  const pins = await sniffFile(data('se-personnummer/allPins.json'));
  assert.equal(pins.format, 'json');
  assert.equal(pins.importable, false);
  assert.equal(pins.reason, 'JSON file that is not an array of objects');
  assert.equal(pins.delimiter, null);
});

test('JSON: a truncated sample is judged by its first elements', async () => {
  const synth = await sniffFile(data('presidio-research/synth_dataset_v2.json'), 4096);
  assert.equal(synth.importable, true);
  assert.deepEqual(synth.columns, ['full_text', 'masked', 'spans', 'template_id', 'metadata']);
  const pins = await sniffFile(data('se-personnummer/allPins.json'), 4096);
  assert.equal(pins.importable, false);
  const mixed = sniffBuffer(Buffer.from('[{"a":1},\n "oops", {"a":'), true);
  assert.equal(mixed.importable, false);
});

test('JSON: an object document is recognised but not importable', () => {
  const s = sniffBuffer(Buffer.from('{\n  "rows": [{"a": 1}],\n  "total": 1\n}\n'), false);
  assert.equal(s.format, 'json');
  assert.equal(s.importable, false);
  assert.equal(s.reason, 'JSON file that is not an array of objects');
  const oneLine = sniffBuffer(Buffer.from('{"rows":[{"a":1}],"total":1}'), false);
  assert.equal(oneLine.format, 'json');
  assert.equal(oneLine.importable, false);
  const empty = sniffBuffer(Buffer.from('[]'), false);
  assert.equal(empty.importable, false);
});

test('JSON Lines: objects per line, the last one cut off in a truncated sample', () => {
  const text = '{"id":1,"name":"a"}\n{"id":2,"name":"b"}\r\n\n{"id":3,"na';
  const s = sniffBuffer(Buffer.from(text), true);
  assert.equal(s.format, 'jsonl');
  assert.equal(s.importable, true);
  assert.deepEqual(s.columns, ['id', 'name']);
  assert.equal(s.delimiter, null);
  // The same bytes as a whole file end in a broken record: JSON Lines with one bad line, noted (issue 8 item 13).
  const whole = sniffBuffer(Buffer.from(text), false);
  assert.equal(whole.format, 'jsonl');
  assert.equal(whole.importable, true);
  assert.match(whole.notes.join(' '), /line 4 is not a JSON object/);
});

test('text that starts like JSON but is CSV with bracketed names is still CSV', () => {
  const s = sniffBuffer(Buffer.from('[id],[name]\n1,alpha\n2,beta\n'), false);
  assert.equal(s.format, 'csv');
  assert.deepEqual(s.columns, ['[id]', '[name]']);
  const broken = sniffBuffer(Buffer.from('[{"a": 1}, {"a": '), false);
  assert.equal(broken.format, 'unknown');
  assert.equal(broken.importable, false);
});

const sig = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

test('Parquet, XLSX and SQLite signatures are importable; an encrypted workbook and an old .xls are named and refused', () => {
  const ole = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le')]);
  for (const [buf, format] of [
    [sig('PAR1', [0x15, 0x04, 0x15]), 'parquet'],
    [sig([0x50, 0x4b, 3, 4, 20, 0, 6, 0], '[Content_Types].xml', [0, 0, 1], 'xl/workbook.xml'), 'xlsx'],
    [sig('SQLite format 3', [0, 0x10, 0]), 'sqlite'],
  ] as const) {
    const s = sniffBuffer(buf, true);
    assert.deepEqual({ format: s.format, importable: s.importable, reason: s.reason }, { format, importable: true, reason: null });
  }
  assert.match(sniffBuffer(ole('EncryptedPackage'), true).reason ?? '', /^password-protected \(encrypted\) Excel workbook/);
  assert.match(sniffBuffer(ole('Workbook'), true).reason ?? '', /^old Excel 97–2003 workbook \(\.xls\): not supported; save it as \.xlsx$/);
  assert.equal(sniffBuffer(ole('WordDocument'), true).importable, false);
});

test('binary signatures are recognised and not importable', () => {
  const bmp = Buffer.alloc(64);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(64, 2);
  bmp.writeUInt32LE(40, 14);
  const cases: [Buffer, string, RegExp][] = [
    [sig([0x50, 0x4b, 3, 4, 20, 0], 'data.csv', [0, 0]), 'binary', /^ZIP archive$/],
    [sig([0x50, 0x4b, 3, 4, 20, 0], '[Content_Types].xml', [0], 'word/document.xml'), 'binary', /Word/],
    [sig([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'image', /PNG/],
    [sig([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image', /JPEG/],
    [sig('GIF89a', [1, 0, 1, 0]), 'image', /GIF/],
    [sig('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image', /WebP/],
    [bmp, 'image', /BMP/],
    [sig('II*', [0, 8, 0, 0, 0]), 'image', /TIFF/],
    [sig('MM', [0, 0x2a, 0, 0, 0, 8]), 'image', /TIFF/],
    [sig('%PDF-1.7\n'), 'binary', /PDF/],
    [sig([0x1f, 0x8b, 8, 0]), 'binary', /gzip/],
  ];
  for (const [buf, format, reason] of cases) {
    const s = sniffBuffer(buf, true);
    assert.equal(s.format, format, reason.source);
    assert.equal(s.importable, false, reason.source);
    assert.equal(s.encoding, null, reason.source);
    assert.equal(s.delimiter, null, reason.source);
    assert.match(s.reason ?? '', reason);
  }
});

test('text that merely starts with "BM" or "PK" letters is not mistaken for a BMP or ZIP', () => {
  const s = sniffBuffer(Buffer.from('BMW,Audi,Opel\n1,2,3\n4,5,6\n'), false);
  assert.equal(s.format, 'csv');
  assert.equal(s.header, true);
  const pk = sniffBuffer(Buffer.from('PK,value\nA,1\nB,2\n'), false);
  assert.equal(pk.format, 'csv');
});

test('invalid UTF-8 falls back to windows-1252', () => {
  const s = sniffBuffer(Buffer.from('name;city\nJos\xe9;K\xf6ln\nRen\xe9e;Br\xfcssel\n', 'latin1'), false);
  assert.equal(s.encoding, 'windows-1252');
  assert.equal(s.delimiter, ';');
  assert.deepEqual(s.columns, ['name', 'city']);
});

test('a multi-byte character cut by the sample end is still UTF-8; at the real end of a file it is an invalid byte of a UTF-8 file', () => {
  const full = Buffer.from('name,city\nJosé,Köln\nZoë,Zürich\n', 'utf8');
  const cut = full.subarray(0, full.indexOf(Buffer.from('ü', 'utf8')) + 1);
  assert.equal(sniffBuffer(cut, true).encoding, 'utf-8');
  assert.deepEqual(sniffBuffer(cut, true).notes, []);
  const end = sniffBuffer(cut, false);
  assert.equal(end.encoding, 'utf-8');
  assert.match(end.encodingNote ?? '', /UTF-8 with 1 invalid byte \(first at line 3, column 6\)/);
});

test('NUL bytes or many control characters mean binary', () => {
  const withNul = Buffer.from('name,value\n\0\0\0\x01\x02garbage', 'latin1');
  const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26))));
  for (const buf of [withNul, controls]) {
    const s = sniffBuffer(buf, false);
    assert.equal(s.format, 'binary');
    assert.equal(s.importable, false);
    assert.match(s.reason ?? '', /^binary file/);
  }
  assert.match(sniffBuffer(withNul, false).reason ?? '', /3 NUL bytes in the first 8 KiB, the first at line 2, column 1/);
});

test('empty and whitespace-only files are empty', () => {
  const zero = sniffBuffer(Buffer.alloc(0), false);
  assert.equal(zero.format, 'empty');
  assert.equal(zero.reason, 'empty file (0 bytes)');
  assert.equal(zero.importable, false);
  const blank = sniffBuffer(Buffer.from(' \r\n\t\n  '), false);
  assert.equal(blank.format, 'empty');
  assert.equal(blank.importable, false);
  assert.match(blank.reason ?? '', /whitespace/);
  const bomOnly = sniffBuffer(Buffer.from([0xef, 0xbb, 0xbf]), false);
  assert.equal(bomOnly.format, 'empty');
  assert.equal(bomOnly.bom, true);
});

test('other delimiters win by consistency, respecting quotes', () => {
  const semi = sniffBuffer(Buffer.from('name;price;qty\n"Smith; John";1,50;2\nDoe;2,25;10\nRoe;3,00;1\n'), false);
  assert.equal(semi.delimiter, ';');
  assert.equal(semi.header, true);
  const pipe = sniffBuffer(Buffer.from('id|when|note\n1|2024-01-02 10:00:00|a, b\n2|2024-01-03 11:30:00|c\n'), false);
  assert.equal(pipe.delimiter, '|');
  assert.deepEqual(pipe.columns, ['id', 'when', 'note']);
  const caret = sniffBuffer(Buffer.from('a^b^c\n1^2^3\n4^5^6\n'), false);
  assert.equal(caret.delimiter, '^');
  const quoted = sniffBuffer(Buffer.from('"a","b, c"\n"1","say ""hi"", then\nleave"\n"2","x"\n'), false);
  assert.equal(quoted.delimiter, ',');
  assert.deepEqual(quoted.columns, ['a', 'b, c']);
});

test('a trailing delimiter on data lines (not on the header) still fits the header width', () => {
  // Without that allowance ';' would fit better: it splits every line in two.
  const s = sniffBuffer(Buffer.from('a;b\tc\td\nx;1\t2\t3\t\ny;2\t4\t6\t\n'), false);
  assert.equal(s.delimiter, '\t');
  assert.deepEqual(s.columns, ['a;b', 'c', 'd']);
});

test('single quotes count as the quote only when they enclose delimiters', () => {
  const s = sniffBuffer(Buffer.from("name,city\n'Smith, John','Paris'\n'Doe, Jane','Rome'\n'Roe, Rich','Oslo'\n"), false);
  assert.equal(s.quote, "'");
  assert.deepEqual(s.columns, ['name', 'city']);
});

test('a single column, times with colons, and headerless numbers', () => {
  const single = sniffBuffer(Buffer.from('email\na@example.com\nb@example.com\n'), false);
  assert.equal(single.format, 'csv');
  assert.equal(single.delimiter, ',');
  assert.deepEqual(single.columns, ['email']);
  const times = sniffBuffer(Buffer.from('time\n12:00:01\n13:30:00\n14:45:59\n'), false);
  assert.equal(times.delimiter, ',');
  assert.deepEqual(times.columns, ['time']);
  assert.equal(times.header, true);
  const numbers = sniffBuffer(Buffer.from('1,2.5,2020-01-01\n3,4.5,2020-01-02\n5,6.5,2020-01-03\n'), false);
  assert.equal(numbers.header, false);
});

test('a truncated sample without one complete record has no columns yet', () => {
  const s = sniffBuffer(Buffer.from('a,b,c,'.repeat(100)), true);
  assert.equal(s.format, 'csv');
  assert.equal(s.columns, null);
  assert.equal(s.header, null);
});

test('an Excel "sep=" line sets the delimiter', () => {
  const s = sniffBuffer(Buffer.from('sep=;\r\na;b\r\n1;2\r\n'), false);
  assert.equal(s.delimiter, ';');
  assert.deepEqual(s.columns, ['a', 'b']);
});

test('sniffFile passes fs errors through unchanged', async () => {
  await assert.rejects(sniffFile(data('no/such/file.csv')), { code: 'ENOENT' });
});
