// HTML to plain text for cell values: tags out, entities decoded, block boundaries as line breaks.
import { NAMED_ENTITIES } from './htmlEntities';
import { CP1252_HIGH } from './windows1252';

const BLOCK = new Set([
  'br', 'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table', 'thead', 'tbody', 'tfoot', 'caption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'address', 'section', 'article', 'header',
  'footer', 'nav', 'aside', 'main', 'figure', 'figcaption', 'form', 'fieldset', 'legend',
]);
const CELL = new Set(['td', 'th']);

// One alternative per construct: comment (unterminated runs to the end, as in browsers), script or
// style with its content, an element tag (quoted attribute values may hold '>'), doctype/CDATA, PI.
// An unquoted '<' ends a failed tag early, which keeps the scan linear on text full of '<'.
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b(?:"[^"]*"|'[^']*'|[^'"<>])*>[\s\S]*?(?:<\/\1\s*>|$)|<\/?([A-Za-z][A-Za-z0-9:-]*)(?:\s(?:"[^"]*"|'[^']*'|[^'"<>])*)?\/?>|<![A-Za-z[][^<>]*>|<\?[^<>]*>/gi;
const ENTITY = /&#(\d{1,7});?|&#[xX]([0-9a-fA-F]{1,6});?|&([A-Za-z][A-Za-z0-9]{1,31});/g;

function numeric(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  // As browsers do: &#150; means the Windows-1252 character at 0x96 ('–').
  if (cp >= 0x80 && cp <= 0x9f) return String.fromCodePoint(CP1252_HIGH[cp - 0x80]!);
  return String.fromCodePoint(cp);
}

/**
 * Decodes character references: named ones (HTML 4 set, &apos;, &nbsp; → U+00A0) only with their
 * ';' so 'AT&T' and '?a=1&copy=2' survive; decimal and hex ones with or without ';'. Unknown names
 * stay as written.
 */
export function decodeEntities(v: string): string {
  if (!v.includes('&')) return v;
  return v.replace(ENTITY, (all, dec?: string, hex?: string, name?: string) => {
    if (dec) return numeric(parseInt(dec, 10));
    if (hex) return numeric(parseInt(hex, 16));
    return NAMED_ENTITIES.get(name!) ?? all;
  });
}

const NONE = 0;
const SPACE = 1;
const BREAK = 2;

/**
 * Removes markup and decodes entities (see decodeEntities). Comments and <script>/<style> go with
 * their content. <br> and the opening or closing tag of a block element (p, div, li, tr, h1–h6,
 * table, blockquote, …) become a line break, <td>/<th> a space; a run of such breaks together with
 * the whitespace around it becomes one '\n' (or one ' '), and breaks at the very start or end are
 * dropped, so '<p>a</p><p>b</p>' → 'a\nb'. Other tags vanish without a trace ('a<b>b</b>' → 'ab')
 * and other whitespace is kept as written. '<' not followed by a tag name ('3 < 4') is text. A value
 * without markup or entities is returned unchanged.
 */
export function stripHtml(v: string): string {
  if (!v.includes('<')) return decodeEntities(v);
  let out = '';
  let pending = NONE;
  let seenText = false;
  const text = (raw: string) => {
    let t = decodeEntities(raw);
    if (pending !== NONE) t = t.trimStart();
    if (!t) return;
    if (pending !== NONE && seenText) out += pending === BREAK ? '\n' : ' ';
    pending = NONE;
    out += t;
    seenText = true;
  };
  let last = 0;
  for (const m of v.matchAll(MARKUP)) {
    text(v.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    const kind = name && BLOCK.has(name) ? BREAK : name && CELL.has(name) ? SPACE : NONE;
    if (kind !== NONE) {
      out = out.trimEnd();
      pending = Math.max(pending, kind);
    }
  }
  text(v.slice(last));
  return out;
}
