// A small JSON parser that keeps numbers and arrays as their exact source text (1.50 stays 1.50,
// 12345678901234567890 keeps its digits), and the flattening of objects to dotted names.

export type JsonValue = string | RawText | boolean | null | JsonObject;
/** A number or an array, kept as its exact source text. */
export class RawText {
  constructor(readonly text: string) {}
}
export class JsonObject {
  readonly entries: Array<[string, JsonValue]> = [];
  constructor(readonly text: string) {}
}

/** Flattens `o` into `out`; returns a flattened name met twice (nothing more is added then), else null. */
export function flatten(o: JsonObject, prefix: string, out: Map<string, string | null>): string | null {
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

/** How deep objects and arrays may nest; deeper input is refused with a message that says so. */
export const MAX_JSON_DEPTH = 1000;

/** A small JSON parser that keeps numbers and arrays as source text. Throws with a character position. */
export class LosslessJson {
  private i = 0;
  private depth = 0;
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
    if (c === '{' || c === '[') {
      // Recursion depth is bounded here, so deep input is a clear error, not a stack overflow.
      if (++this.depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      const start = this.i;
      const v = c === '{' ? this.object() : (this.array(), new RawText(this.s.slice(start, this.i)));
      this.depth--;
      return v;
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
