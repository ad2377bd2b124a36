// Streams records out of JSON Lines or a JSON array of objects, flattening nested objects to dotted
// names and keeping every scalar exactly as written (numbers keep their source text: 1.50 stays 1.50).
import { JsonObject, LosslessJson, flatten, type JsonValue } from './losslessJson';

/** A flattened record: dotted key → value text (null for JSON null). */
export type FlatRecord = Map<string, string | null>;
export type JsonRecordHandler = (record: FlatRecord | null, line: number, problem: string | null, raw: () => string) => void;

export class JsonRecordReader {
  private buf = '';
  /** Text that arrived while a longer record was pending (see push). */
  private parts: string[] = [];
  private partsLen = 0;
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
    if (this.buf.length > 0) {
      // A long pending record is joined with new text (and rescanned) only once the new text is as
      // long as it, so that a very long line costs linear time, not a rescan per chunk.
      this.parts.push(text);
      this.partsLen += text.length;
      if (!final && this.partsLen < this.buf.length) return;
      text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      this.parts = [];
      this.partsLen = 0;
    }
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
