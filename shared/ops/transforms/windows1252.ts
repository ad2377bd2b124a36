// The Windows-1252 code page's 0x80–0x9F block, shared by the mojibake repair and HTML numeric entities.

/**
 * Code points of bytes 0x80–0x9F in Windows-1252 (index = byte − 0x80). The five bytes the code page
 * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same number, as the
 * WHATWG decoder does.
 */
export const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * The byte a character stands for when text was decoded as Windows-1252 or Latin-1: U+0000–U+00FF
 * map to themselves (so the C1 controls that a Latin-1 decoder produces count too), the
 * Windows-1252 punctuation to 0x80–0x9F. Characters outside both code pages have no byte.
 */
export const BYTE_OF: ReadonlyMap<number, number> = (() => {
  const m = new Map<number, number>();
  for (let b = 0; b < 0x100; b++) m.set(b, b);
  CP1252_HIGH.forEach((cp, i) => m.set(cp, 0x80 + i));
  return m;
})();
