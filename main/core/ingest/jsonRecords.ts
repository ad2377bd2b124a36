// Streams records out of JSON Lines or a JSON array of objects, flattening nested objects to dotted
// names and keeping every scalar exactly as written (numbers keep their source text: 1.50 stays 1.50).

/** A flattened record: dotted key → value text (null for JSON null). */
export type FlatRecord = Map<string, string | null>;
export type JsonRecordHandler = (record: FlatRecord | null, line: number, problem: string | null, raw: () => string) => void;

export class JsonRecordReader {
  private buf = '';
  private line = 1;
  // JSON array state
  private started = false;
  private ended = false;
  /** The array's closing ] was read; anything but whitespace after it is reported once. */
  private closed = false;
  private trailingReported = false;

  constructor(
    private readonly format: 'jsonl' | 'json',
    private readonly file: string,
  ) {}

  /** Parses the next text chunk; keeps an incomplete trailing record for later. */
  push(text: string, final: boolean, onRecord: JsonRecordHandler): void {
    this.buf = this.buf.length ? this.buf + text : text;
    if (this.format === 'jsonl') this.lines(final, onRecord);
    else this.array(final, onRecord);
  }

  private lines(final: boolean, onRecord: JsonRecordHandler): void {
    const s = this.buf;
    let pos = 0;
    for (;;) {
      let nl = s.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = s.length;
      }
      const lineText = s.slice(pos, nl).replace(/\r$/, '');
      if (lineText.trim().length) emitParsed(lineText, this.line, onRecord);
      this.line++;
      pos = nl + 1;
      if (pos > s.length) break;
    }
    this.buf = pos >= s.length ? '' : s.slice(pos);
  }

  private array(final: boolean, onRecord: JsonRecordHandler): void {
    if (this.ended && !this.closed) {
      // Reading already stopped at a reported problem; report it once, not once per chunk.
      this.buf = '';
      return;
    }
    const s = this.buf;
    let pos = 0;
    let line = this.line;
    const ws = () => {
      while (pos < s.length) {
        const c = s.charCodeAt(pos);
        if (c === 10) line++;
        else if (c !== 32 && c !== 9 && c !== 13) break;
        pos++;
      }
    };
    if (!this.started) {
      ws();
      if (pos >= s.length) {
        if (final) onRecord(null, line, 'the file holds no JSON array', () => '');
        this.buf = '';
        this.line = line;
        return;
      }
      if (s[pos] !== '[') {
        onRecord(null, line, 'a JSON array of objects must start with [', () => s.slice(pos, pos + 80));
        this.buf = '';
        this.ended = true;
        return;
      }
      pos++;
      this.started = true;
    }
    while (!this.ended) {
      ws();
      if (pos >= s.length) break;
      const c = s[pos];
      if (c === ',') {
        pos++;
        continue;
      }
      if (c === ']') {
        this.ended = true;
        this.closed = true;
        pos++;
        break;
      }
      // Find the end of this element by depth, honouring strings.
      const start = pos;
      const startLine = line;
      let depth = 0;
      let inStr = false;
      let end = -1;
      let lines = 0;
      for (let i = pos; i < s.length; i++) {
        const ch = s.charCodeAt(i);
        if (ch === 10) lines++;
        if (inStr) {
          if (ch === 92) i++;
          else if (ch === 34) inStr = false;
          continue;
        }
        if (ch === 34) inStr = true;
        else if (ch === 123 || ch === 91) depth++;
        else if (ch === 125 || ch === 93) {
          depth--;
          if (depth === 0) {
            end = i + 1;
            break;
          }
          if (depth < 0) {
            end = i;
            break;
          }
        } else if (depth === 0 && (ch === 44)) {
          end = i;
          break;
        }
      }
      if (end === -1) {
        if (!final) break;
        onRecord(null, startLine, 'the JSON array is not closed (unexpected end of file)', () => s.slice(start, start + 200));
        this.ended = true;
        pos = s.length;
        break;
      }
      emitParsed(s.slice(start, end), startLine, onRecord);
      line = startLine + lines;
      pos = end;
    }
    if (this.closed) {
      // A second array or other text after ] would otherwise be dropped without a word.
      ws();
      if (pos < s.length && !this.trailingReported) {
        this.trailingReported = true;
        const at = pos;
        onRecord(null, line, 'unexpected text after the closing ] of the JSON array', () => s.slice(at, at + 200));
      }
      this.buf = '';
      this.line = line;
      return;
    }
    if (final && !this.ended) onRecord(null, line, 'the JSON array is not closed with ]', () => '');
    this.buf = pos >= s.length ? '' : s.slice(pos);
    this.line = line;
  }
}

function emitParsed(text: string, line: number, onRecord: JsonRecordHandler): void {
  let value: JsonValue;
  try {
    const p = new LosslessJson(text);
    value = p.parseDocument();
  } catch (e) {
    onRecord(null, line, `invalid JSON: ${(e as Error).message}`, () => text);
    return;
  }
  if (!(value instanceof JsonObject)) {
    onRecord(null, line, 'not a JSON object', () => text);
    return;
  }
  const flat: FlatRecord = new Map();
  const clash = flatten(value, '', flat);
  if (clash !== null) {
    // Keeping one of the two values would silently lose the other.
    onRecord(null, line, `the name ${JSON.stringify(clash)} occurs twice in this object (a repeated key, or a dotted key that is also a nested path)`, () => text);
    return;
  }
  onRecord(flat, line, null, () => text);
}

type JsonValue = string | RawText | boolean | null | JsonObject;
/** A number or an array, kept as its exact source text. */
class RawText {
  constructor(readonly text: string) {}
}
class JsonObject {
  readonly entries: Array<[string, JsonValue]> = [];
  constructor(readonly text: string) {}
}

/** Flattens `o` into `out`; returns a flattened name met twice (nothing more is added then), else null. */
function flatten(o: JsonObject, prefix: string, out: FlatRecord): string | null {
  if (o.entries.length === 0 && prefix) {
    const key = prefix.slice(0, -1);
    if (out.has(key)) return key;
    out.set(key, o.text);
    return null;
  }
  for (const [k, v] of o.entries) {
    const key = prefix + k;
    if (v instanceof JsonObject) {
      const clash = flatten(v, key + '.', out);
      if (clash !== null) return clash;
      continue;
    }
    if (out.has(key)) return key;
    if (v instanceof RawText) out.set(key, v.text);
    else if (typeof v === 'boolean') out.set(key, v ? 'true' : 'false');
    else out.set(key, v);
  }
  return null;
}

/** A small JSON parser that keeps numbers and arrays as source text. Throws with a character position. */
class LosslessJson {
  private i = 0;
  constructor(private readonly s: string) {}

  parseDocument(): JsonValue {
    const v = this.value();
    this.skip();
    if (this.i < this.s.length) this.fail('unexpected text after the value');
    return v;
  }

  private fail(msg: string): never {
    throw new Error(`${msg} at character ${this.i + 1}`);
  }

  private skip(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  private value(): JsonValue {
    this.skip();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') {
      const start = this.i;
      this.array();
      return new RawText(this.s.slice(start, this.i));
    }
    if (c === '"') return this.string();
    if (c === 't' && this.s.startsWith('true', this.i)) {
      this.i += 4;
      return true;
    }
    if (c === 'f' && this.s.startsWith('false', this.i)) {
      this.i += 5;
      return false;
    }
    if (c === 'n' && this.s.startsWith('null', this.i)) {
      this.i += 4;
      return null;
    }
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const num = m.exec(this.s);
    if (num && num[0].length) {
      this.i += num[0].length;
      return new RawText(num[0]);
    }
    return this.fail(c === undefined ? 'unexpected end of input' : `unexpected character '${c}'`);
  }

  private object(): JsonObject {
    const start = this.i;
    this.i++;
    const o = new JsonObject('');
    this.skip();
    if (this.s[this.i] === '}') {
      this.i++;
      return new JsonObject(this.s.slice(start, this.i));
    }
    for (;;) {
      this.skip();
      if (this.s[this.i] !== '"') this.fail('expected a quoted key');
      const k = this.string();
      this.skip();
      if (this.s[this.i] !== ':') this.fail("expected ':'");
      this.i++;
      o.entries.push([k, this.value()]);
      this.skip();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return o;
      }
      this.fail("expected ',' or '}'");
    }
  }

  private array(): void {
    this.i++;
    this.skip();
    if (this.s[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.skip();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return;
      }
      this.fail("expected ',' or ']'");
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('unclosed string');
      if (c === 34) break;
      if (c === 92) this.i++;
      else if (c < 32) this.fail('control character in string');
      this.i++;
    }
    this.i++;
    return JSON.parse(s.slice(start, this.i)) as string;
  }
}
