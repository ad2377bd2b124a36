// Repairs UTF-8 text that was decoded as Windows-1252 or Latin-1 ('MalmÃ¶' → 'Malmö'), without touching correct text.
import { BYTE_OF } from './windows1252';

/** A UTF-8 lead byte read as Windows-1252/Latin-1 ('Â'–'ô'): the cheap test that rules most values out. */
const MAYBE = /[\u00C2-\u00F4]/;

const countC1 = (s: string) => s.match(/[\u0080-\u009F]/g)?.length ?? 0;

const isCont = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;

/** The UTF-8 code point of `bytes`, or null when they are not one well-formed sequence. */
function decodeUtf8(bytes: readonly number[]): number | null {
  const [b0, b1, b2, b3] = bytes as [number, number, number?, number?];
  if (bytes.length === 2) return ((b0 & 0x1f) << 6) | (b1 & 0x3f);
  if (bytes.length === 3) {
    if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 > 0x9f)) return null; // overlong, surrogate
    return ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2! & 0x3f);
  }
  if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 > 0x8f)) return null; // overlong, > U+10FFFF
  return ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2! & 0x3f) << 6) | (b3! & 0x3f);
}

const LETTER = /\p{L}/u;

/**
 * Whether `cp` is a character real text contains, so that repairing to it is safe. Two-byte
 * sequences also arise by accident in correct text ('JOSÉ’S' is the bytes of U+0252), so they must
 * decode to Latin-1/Latin Extended-A, the Romanian, Vietnamese and pinyin letters of Latin
 * Extended-B, the Windows-1252 characters ƒ ˆ ˜, Greek, Cyrillic, Hebrew or Arabic letters, a
 * combining accent after a letter, or a C1 control inside a byte sequence (a middle layer of
 * repeated garbling; fixMojibake never returns one the input did not have). Longer sequences are rare by accident and may decode to anything but private use or noncharacters.
 */
function plausible(cp: number, before: string): boolean {
  if (cp < 0x800) {
    const prevByte = BYTE_OF.get(before.codePointAt(0) ?? 0) ?? 0;
    return (
      (cp >= 0xa0 && cp <= 0x17f) ||
      // A C1 control inside a byte sequence is the middle layer of text garbled more than once.
      (cp >= 0x80 && cp <= 0x9f && prevByte >= 0x80 && prevByte <= 0xf4) ||
      [0x1a0, 0x1a1, 0x1af, 0x1b0, 0x218, 0x219, 0x21a, 0x21b].includes(cp) ||
      // Windows-1252's own ƒ ˆ ˜: what a first garbling layer turns into for the next one.
      cp === 0x192 || cp === 0x2c6 || cp === 0x2dc ||
      (cp >= 0x1cd && cp <= 0x1dc) ||
      (cp >= 0x300 && cp <= 0x36f && LETTER.test(before)) ||
      (cp >= 0x386 && cp <= 0x3ce) ||
      (cp >= 0x400 && cp <= 0x45f) ||
      (cp >= 0x5d0 && cp <= 0x5ea) ||
      (cp >= 0x621 && cp <= 0x652)
    );
  }
  if (cp >= 0xe000 && cp <= 0xf8ff) return false;
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return false;
  return cp < 0xf0000;
}

/** One repair pass; returns the input itself when nothing was repaired. */
function repairOnce(v: string): string {
  const chars = Array.from(v);
  const bytes = chars.map((c) => BYTE_OF.get(c.codePointAt(0)!));
  let out = '';
  let lastOut = '';
  let changed = false;
  let prevRepaired = false;
  for (let i = 0; i < chars.length; ) {
    const b = bytes[i];
    const n = b === undefined ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    // A sequence right after a stray non-ASCII character belongs to some other garbling (Mac
    // Roman, a lossy round trip): leave it, or one kind of junk becomes another.
    const clean = i === 0 || prevRepaired || chars[i - 1]!.codePointAt(0)! < 0x80;
    const seq = bytes.slice(i, i + 1 + n);
    if (n && clean && seq.length === n + 1 && seq.slice(1).every(isCont)) {
      const cp = decodeUtf8(seq as number[]);
      if (cp !== null && plausible(cp, lastOut)) {
        lastOut = String.fromCodePoint(cp);
        out += lastOut;
        i += n + 1;
        changed = prevRepaired = true;
        continue;
      }
    }
    lastOut = chars[i]!;
    out += lastOut;
    prevRepaired = false;
    i++;
  }
  return changed ? out : v;
}

/**
 * Repairs UTF-8 that was decoded as Windows-1252 or Latin-1: 'MalmÃ¶' → 'Malmö', 'Ã©' → 'é',
 * 'â€™' → '’', and text encoded that way two or three times ('MalmÃƒÂ¶'). Works per character
 * sequence, so a value mixing correct and garbled text is repaired where garbled. A sequence is
 * repaired only when its bytes are well-formed UTF-8, the character is plausible (see above), and it
 * does not follow a stray non-ASCII character; each repair removes one suspicious sequence, so the
 * result always has fewer. Correct text ('Malmö', 'Ã' alone, '©2024', 'JOSÉ’S'), U+FFFD
 * replacement characters (the bytes are gone) and other encodings' mojibake (Mac Roman '‚Äô') are
 * left unchanged.
 */
export function fixMojibake(v: string): string {
  const controls = countC1(v);
  let best = v;
  let cur = v;
  for (let pass = 0; pass < 3 && MAYBE.test(cur); pass++) {
    const next = repairOnce(cur);
    if (next === cur) break;
    cur = next;
    // A pass may stop halfway through a layered garbling; only a result without new C1 controls counts.
    if (countC1(cur) <= controls) best = cur;
  }
  return best;
}
