// Masks example values for the evidence of a finding: the shape stays readable, the identity does not.

/** Keeps punctuation and the first and last character of each run of letters or digits longer than 3; the rest becomes •. */
export function maskExample(value: string): string {
  const v = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return v.replace(/[\p{L}\p{N}]+/gu, (run) => {
    const chars = [...run];
    if (chars.length <= 3) return '•'.repeat(chars.length);
    return chars[0] + '•'.repeat(chars.length - 2) + chars[chars.length - 1];
  });
}
