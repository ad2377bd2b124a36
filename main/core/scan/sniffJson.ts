// Recognises JSON Lines and JSON documents in decoded text and says whether they are tables.

/** Outcome for text that starts like JSON; `invalid` means it does not parse as JSON or JSON Lines. */
export type JsonSniff =
  | { kind: 'json' | 'jsonl'; importable: boolean; columns: string[] | null; reason: string | null; note?: string }
  | { kind: 'invalid'; reason: string };

export const NOT_ARRAY_OF_OBJECTS = 'JSON file that is not an array of objects';
const INVALID_JSON = 'text that starts like JSON but does not parse';
/** JSON Lines may have one bad line per this many objects (and always one) and still be sniffed as JSON Lines. */
const MAX_BAD_SHARE = 10;

// Characters that may open a JSON value; anything else after '[' means it is not JSON.
const VALUE_START = new Set([...'{["-0123456789tfn]']);

const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function tryParse(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch {
    return { ok: false };
  }
}

function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i]!)) i++;
  return i;
}

function sniffLines(text: string, truncated: boolean): JsonSniff | null {
  const lines = text.split('\n');
  // The last piece of a truncated sample may be cut mid-object; it is not judged.
  const cut = truncated ? lines.pop() ?? '' : '';
  let objects = 0;
  let columns: string[] | null = null;
  let seen = 0;
  // Lines (1-based) that are not JSON objects, after a first line that is one.
  const bad: number[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    seen++;
    const parsed = tryParse(line);
    if (!parsed.ok || !isPlainObject(parsed.value)) {
      if (objects === 0) return null;
      bad.push(n + 1);
      continue;
    }
    objects++;
    columns ??= Object.keys(parsed.value);
  }
  if (bad.length > 0) {
    // A few bad lines among many objects is a JSON Lines file with errors, not some other format.
    if (objects < 2 || (bad.length > 1 && bad.length * MAX_BAD_SHARE > objects)) {
      return { kind: 'invalid', reason: `JSON Lines file whose line ${bad[0]} is not a JSON object` };
    }
    const which = bad.length === 1 ? `line ${bad[0]} is` : `${bad.length} lines are (the first: line ${bad[0]})`;
    return {
      kind: 'jsonl', importable: true, columns, reason: null,
      note: `JSON Lines, but ${which} not a JSON object: importing stops there, or keeps such lines aside with --on-error skip`,
    };
  }
  const cutLooksLikeRecord = cut.trim() === '' || cut.trimStart().startsWith('{');
  // A single object on one line is a JSON document more often than a one-record JSON Lines file.
  if (objects >= 2 || (objects === 1 && truncated && cutLooksLikeRecord)) {
    return { kind: 'jsonl', importable: true, columns, reason: null };
  }
  return null;
}

/**
 * Walks a truncated array's top-level elements: reports whether every element in the sample
 * starts with '{', and returns the first complete object's text (null if it runs past the sample).
 */
function scanArray(text: string, open: number): { allObjects: boolean; first: string | null } {
  let depth = 0;
  let inString = false;
  let expectElement = false;
  let firstStart = -1;
  let first: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (expectElement && !isSpace(c)) {
      expectElement = false;
      if (c === '{') {
        if (firstStart < 0) firstStart = i;
      } else if (c !== ']') {
        return { allObjects: false, first };
      }
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 1 && first === null && firstStart >= 0) first = text.slice(firstStart, i + 1);
      if (depth === 0) break;
    } else if (c === ',' && depth === 1) {
      expectElement = true;
    }
  }
  return { allObjects: true, first };
}

function sniffArray(text: string, open: number, truncated: boolean): JsonSniff | null {
  const next = firstNonSpace(text, open + 1);
  const c = text[next];
  if (c !== undefined && !VALUE_START.has(c)) return null;
  if (!truncated) {
    const parsed = tryParse(text);
    if (!parsed.ok || !Array.isArray(parsed.value)) return { kind: 'invalid', reason: INVALID_JSON };
    const items: unknown[] = parsed.value;
    if (items.length === 0) return { kind: 'json', importable: false, columns: null, reason: 'empty JSON array' };
    if (!items.every(isPlainObject)) return { kind: 'json', importable: false, columns: null, reason: NOT_ARRAY_OF_OBJECTS };
    return { kind: 'json', importable: true, columns: Object.keys(items[0] as object), reason: null };
  }
  if (c !== '{') return { kind: 'json', importable: false, columns: null, reason: NOT_ARRAY_OF_OBJECTS };
  const scan = scanArray(text, open);
  if (!scan.allObjects) return { kind: 'json', importable: false, columns: null, reason: NOT_ARRAY_OF_OBJECTS };
  if (scan.first === null) return { kind: 'json', importable: true, columns: null, reason: null };
  const first = tryParse(scan.first);
  if (!first.ok || !isPlainObject(first.value)) return { kind: 'invalid', reason: INVALID_JSON };
  return { kind: 'json', importable: true, columns: Object.keys(first.value), reason: null };
}

/**
 * Sniffs text (BOM already removed) whose first non-space character is '{' or '['.
 * Returns null when the text does not start like JSON (such as '[id],[name]'), so the caller
 * tries delimited text; text that starts like JSON but does not parse comes back as `invalid`.
 * JSON Lines needs every complete non-empty line to be an object (at least two of them, or one
 * plus a cut-off line in a truncated sample); a JSON array of objects is importable.
 */
export function sniffJson(text: string, truncated: boolean): JsonSniff | null {
  const start = firstNonSpace(text, 0);
  const c = text[start];
  if (c === '[') return sniffArray(text, start, truncated);
  if (c !== '{') return null;
  const lines = sniffLines(text, truncated);
  if (lines) return lines;
  if (truncated) return { kind: 'json', importable: false, columns: null, reason: NOT_ARRAY_OF_OBJECTS };
  const parsed = tryParse(text);
  if (!parsed.ok) return { kind: 'invalid', reason: INVALID_JSON };
  return { kind: 'json', importable: false, columns: null, reason: NOT_ARRAY_OF_OBJECTS };
}
