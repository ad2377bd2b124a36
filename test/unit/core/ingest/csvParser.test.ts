// Tests the streaming CSV parser: RFC 4180, the dialect quirks it accepts, error positions, every chunking, and random round trips.
import { test } from 'node:test';
import { mulberry32 } from '../../../helpers/random';
import assert from 'node:assert/strict';
import { CsvParser, type Dialect, type SyntaxProblem } from '../../../../main/core/ingest/csvParser';

interface Rec {
  fields: string[];
  line: number;
  problem: SyntaxProblem | null;
  raw: string;
}

interface Parsed {
  records: Rec[];
  blankLines: number;
}

const COMMA: Dialect = { delimiter: ',', quote: '"' };

/** Parses `chunks` in order through one parser, as a stream would deliver them. */
function parseChunks(chunks: string[], dialect: Dialect = COMMA): Parsed {
  const p = new CsvParser(dialect);
  const records: Rec[] = [];
  const onRecord = (fields: string[], line: number, problem: SyntaxProblem | null, raw: () => string) =>
    records.push({ fields: [...fields], line, problem, raw: raw() });
  for (const c of chunks) p.push(c, onRecord);
  p.end(onRecord);
  assert.equal(p.records, records.length, 'records counter');
  const parsed = { records, blankLines: p.blankLines };
  // The import's offsets mode must read exactly the same fields.
  assert.deepEqual(parseChunksOffsets(chunks, dialect), parsed, 'offsets mode agrees');
  return parsed;
}

/** Like parseChunks in offsets mode: each field is rebuilt from (start, end, unescape) into the parser's text. */
function parseChunksOffsets(chunks: string[], dialect: Dialect): Parsed {
  const p = new CsvParser(dialect, 'offsets');
  const records: Rec[] = [];
  const onRecord = (fields: string[], line: number, problem: SyntaxProblem | null, raw: () => string) => {
    const o = p.offsets!;
    const rebuilt = fields.map((_, i) => {
      const k = p.recordBase + 3 * i;
      const t = p.text.slice(o[k]!, o[k + 1]!);
      return o[k + 2] ? t.split(dialect.quote! + dialect.quote!).join(dialect.quote!) : t;
    });
    records.push({ fields: rebuilt, line, problem, raw: raw() });
  };
  for (const c of chunks) p.push(c, onRecord);
  p.end(onRecord);
  return { records, blankLines: p.blankLines };
}

const parse = (text: string, dialect: Dialect = COMMA): Parsed => parseChunks([text], dialect);
const fieldsOf = (text: string, dialect: Dialect = COMMA): string[][] => parse(text, dialect).records.map((r) => r.fields);

test('RFC 4180: CRLF records, quoted delimiters, doubled quotes, optional final line break', () => {
  assert.deepEqual(fieldsOf('a,b,c\r\n1,2,3\r\n'), [['a', 'b', 'c'], ['1', '2', '3']]);
  assert.deepEqual(fieldsOf('a,b\r\n1,2'), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(fieldsOf('"a,b",c\n'), [['a,b', 'c']]);
  assert.deepEqual(fieldsOf('"say ""hi""",x\n'), [['say "hi"', 'x']]);
  assert.deepEqual(fieldsOf('""""\n'), [['"']]);
  assert.deepEqual(fieldsOf('"a""b""",""\n'), [['a"b"', '']]);
});

test('quoted line breaks are kept exactly (\\n, \\r\\n and \\r) and lines keep counting through them', () => {
  const r = parse('h1,h2\n"x\ny",1\n"p\r\nq",2\r\n"s\rt",3\nlast,4\n');
  assert.deepEqual(r.records.map((x) => x.fields), [['h1', 'h2'], ['x\ny', '1'], ['p\r\nq', '2'], ['s\rt', '3'], ['last', '4']]);
  assert.deepEqual(r.records.map((x) => x.line), [1, 2, 4, 6, 8]);
  assert.equal(r.records[2]!.raw, '"p\r\nq",2');
});

test('surrounding whitespace of unquoted fields is part of the value', () => {
  assert.deepEqual(fieldsOf(' a , b ,\tc\t\n'), [[' a ', ' b ', '\tc\t']]);
  assert.deepEqual(fieldsOf('   \n'), [['   ']]);
});

test('spaces and tabs around a quoted field are padding (`a, "b"`), inside the quotes they are kept', () => {
  assert.deepEqual(fieldsOf('a, "b", "c"\n'), [['a', 'b', 'c']]);
  assert.deepEqual(fieldsOf('"a" ,\t"b"\t, c\n'), [['a', 'b', ' c']]);
  assert.deepEqual(fieldsOf('  "x"  \n'), [['x']]);
  assert.deepEqual(fieldsOf('" a ", " b "\n'), [[' a ', ' b ']]);
  // A space not followed by a quote is data.
  assert.deepEqual(fieldsOf('a, b"c\n'), [['a', ' b"c']]);
  // Tab is the delimiter here, so it is never padding.
  assert.deepEqual(fieldsOf('a\t "b"\t\t"c"\n', { delimiter: '\t', quote: '"' }), [['a', 'b', '', 'c']]);
});

test('empty fields versus missing fields: positions are kept, short records are not padded', () => {
  assert.deepEqual(fieldsOf('a,,c\n'), [['a', '', 'c']]);
  assert.deepEqual(fieldsOf('a,b,\n'), [['a', 'b', '']]);
  assert.deepEqual(fieldsOf(',\n'), [['', '']]);
  assert.deepEqual(fieldsOf('""\n'), [['']]);
  assert.deepEqual(fieldsOf('a,b,c\n1,2\n'), [['a', 'b', 'c'], ['1', '2']]);
  assert.deepEqual(fieldsOf('a,b,'), [['a', 'b', '']]);
});

test('a lone \\r ends a record like \\n and \\r\\n do', () => {
  const r = parse('a,b\rc,d\re,f\r\ng,h\r');
  assert.deepEqual(r.records.map((x) => x.fields), [['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  assert.deepEqual(r.records.map((x) => x.line), [1, 2, 3, 4]);
});

test('blank lines are skipped and counted, and later line numbers still match the file', () => {
  const r = parse('a\n\n\r\n\rb\n\n');
  assert.deepEqual(r.records.map((x) => [x.fields, x.line]), [[['a'], 1], [['b'], 5]]);
  assert.equal(r.blankLines, 4);
  assert.equal(parse('').records.length, 0);
  assert.equal(parse('\n\n').blankLines, 2);
});

test('a quote inside an unquoted field is a literal character', () => {
  assert.deepEqual(fieldsOf('5" pipe,a"b"\n'), [['5" pipe', 'a"b"']]);
});

test('with quote null, quotes are ordinary characters', () => {
  assert.deepEqual(fieldsOf('"a,b"\n', { delimiter: ',', quote: null }), [['"a', 'b"']]);
  assert.deepEqual(fieldsOf("'x'|'y'\n", { delimiter: '|', quote: "'" }), [['x', 'y']]);
});

test('raw text is the record exactly as written, without its line break', () => {
  const r = parse('a, "b" ,c\r\n"x\ny",z\n');
  assert.deepEqual(r.records.map((x) => x.raw), ['a, "b" ,c', '"x\ny",z']);
});

test('junk after a closing quote is reported with its line and column, and parsing resumes on the next line', () => {
  const r = parse('a,b\n"x"y,z\nc,d\n');
  assert.equal(r.records.length, 3);
  const bad = r.records[1]!;
  assert.equal(bad.line, 2);
  assert.deepEqual(bad.problem && { line: bad.problem.line, column: bad.problem.column }, { line: 2, column: 4 });
  assert.match(bad.problem!.message, /character 'y' after the closing quote/);
  assert.equal(bad.raw, '"x"y,z');
  assert.deepEqual(r.records[2], { fields: ['c', 'd'], line: 3, problem: null, raw: 'c,d' });
});

test('junk after a closing quote on a later line of a multi-line field names that line and its column', () => {
  const r = parse('h,i\n1,"x\nyy"z\n2,3\n');
  const bad = r.records[1]!;
  assert.equal(bad.line, 2);
  assert.deepEqual({ line: bad.problem?.line, column: bad.problem?.column }, { line: 3, column: 4 });
  assert.deepEqual(r.records[2]!.fields, ['2', '3']);
  assert.equal(r.records[2]!.line, 4);
});

test('an unclosed quote is reported where it opens, and the lines after it are parsed again', () => {
  const r = parse('a,b\n1,"x\n2,3\n');
  assert.equal(r.records.length, 3);
  const bad = r.records[1]!;
  assert.deepEqual({ line: bad.line, pline: bad.problem?.line, column: bad.problem?.column }, { line: 2, pline: 2, column: 3 });
  assert.match(bad.problem!.message, /unclosed quote/);
  assert.equal(bad.raw, '1,"x');
  assert.deepEqual(r.records[2], { fields: ['2', '3'], line: 3, problem: null, raw: '2,3' });
});

test('an unclosed quote after a multi-line field names the line and column of that quote', () => {
  // Record 2 starts on line 2; its first field runs to line 3, where the unclosed quote opens at column 6.
  const r = parse('a,b,c\n"p\nq",r,"unclosed\nx,y,z\n');
  assert.equal(r.records.length, 3, 'one problem, then the next line');
  const bad = r.records[1]!;
  assert.equal(bad.line, 2);
  assert.deepEqual({ line: bad.problem?.line, column: bad.problem?.column }, { line: 3, column: 6 });
  assert.deepEqual(r.records[2], { fields: ['x', 'y', 'z'], line: 4, problem: null, raw: 'x,y,z' });
});

test('an unclosed quote on the last line, without a final line break', () => {
  const r = parse('a,b\n1,"open');
  assert.equal(r.records.length, 2);
  assert.deepEqual({ line: r.records[1]!.problem?.line, column: r.records[1]!.problem?.column }, { line: 2, column: 3 });
});

test('columns are counted in characters of the decoded text', () => {
  const r = parse('é,"ü"x\n');
  assert.equal(r.records[0]!.problem?.column, 6);
});

// Inputs where a chunk boundary can fall on every tricky spot: \r|\n, "|", padding, junk, unclosed quotes.
const TRICKY: Array<[string, Dialect]> = [
  ['h1,h2,h3\r\n"a\r\nb",  "c""d" ,e\r\n\r\n\rx,,"y"\r"""",z,\r\nlast,"q"', COMMA],
  ['a,b\n"x"y,z\n\n1,"2\n3,4\n"5', COMMA],
  ['  "p" \t,"""",""\r\r\n,\n ,\t\n"a,b\r\nc"\r', COMMA],
  ['a\t"b\tc"\t\r\n\t\t\n"x""y"\t z\n"unclosed\tq', { delimiter: '\t', quote: '"' }],
  ["'a'|' b '|'it''s'\n|''|\r\n'x\ny'|z", { delimiter: '|', quote: "'" }],
];

test('splitting tricky inputs at every position gives identical records', () => {
  for (const [text, dialect] of TRICKY) {
    const whole = parse(text, dialect);
    assert.ok(whole.records.length >= 3, 'the input exercises several records');
    for (let i = 0; i <= text.length; i++) {
      assert.deepEqual(parseChunks([text.slice(0, i), text.slice(i)], dialect), whole, `split at ${i} of ${JSON.stringify(text)}`);
    }
  }
});

test('feeding tricky inputs in chunks of 1 to 7 characters gives identical records', () => {
  for (const [text, dialect] of TRICKY) {
    const whole = parse(text, dialect);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      assert.deepEqual(parseChunks(chunks, dialect), whole, `chunks of ${size} of ${JSON.stringify(text)}`);
    }
  }
});

test('empty chunks change nothing', () => {
  const text = TRICKY[0]![0];
  assert.deepEqual(parseChunks(['', text.slice(0, 5), '', text.slice(5), '']), parse(text));
});


const ALPHABET = ['a', 'b', 'Z', '0', '9', ' ', '\t', ',', ';', '"', "'", '\n', '\r', '\r\n', 'é', '€', '😀', '\u2028', '\\'];

/** Writes fields as CSV: quotes when needed (and sometimes when not), with optional padding around quotes. */
function writeCsv(rows: string[][], delim: string, rnd: () => number): string {
  const eols = ['\n', '\r\n', '\r'];
  return rows
    .map((row) =>
      row
        .map((f) => {
          const needs = f.includes(delim) || f.includes('"') || f.includes('\n') || f.includes('\r') || (row.length === 1 && f === '') ||
            /^[ \t]*"/.test(f);
          if (!needs && rnd() < 0.7) return f;
          const pad = (): string => (rnd() < 0.2 ? [' ', '  ', '\t'][Math.floor(rnd() * 3)]! : '');
          return `${delim === '\t' ? '' : pad()}"${f.replace(/"/g, '""')}"${delim === '\t' ? '' : pad()}`;
        })
        .join(delim),
    )
    .map((line, i, all) => line + (i < all.length - 1 || rnd() < 0.5 ? eols[Math.floor(rnd() * eols.length)]! : ''))
    .join('');
}

test('property: random field arrays written as CSV parse back to the same fields, whole and in random chunks', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const rnd = mulberry32(seed);
    const delim = rnd() < 0.8 ? ',' : '\t';
    const width = 1 + Math.floor(rnd() * 5);
    const rows: string[][] = [];
    const count = 1 + Math.floor(rnd() * 8);
    for (let r = 0; r < count; r++) {
      const row: string[] = [];
      for (let c = 0; c < width; c++) {
        let f = '';
        const len = rnd() < 0.2 ? 0 : Math.floor(rnd() * 8);
        for (let k = 0; k < len; k++) f += ALPHABET[Math.floor(rnd() * ALPHABET.length)]!;
        row.push(f);
      }
      rows.push(row);
    }
    const text = writeCsv(rows, delim, rnd);
    const dialect = { delimiter: delim, quote: '"' };
    const whole = parse(text, dialect);
    assert.deepEqual(whole.records.map((x) => x.fields), rows, `seed ${seed}: ${JSON.stringify(text)}`);
    assert.ok(whole.records.every((x) => x.problem === null), `seed ${seed}`);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; ) {
      const n = 1 + Math.floor(rnd() * 9);
      chunks.push(text.slice(i, i + n));
      i += n;
    }
    assert.deepEqual(parseChunks(chunks, dialect), whole, `seed ${seed} chunked`);
  }
});

test('the delimiter must be one character and the quote one character or null', () => {
  assert.throws(() => new CsvParser({ delimiter: ',,', quote: '"' }), /delimiter must be one character/);
  assert.throws(() => new CsvParser({ delimiter: ',', quote: '""' }), /quote must be one character/);
});
