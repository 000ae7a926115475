// ICAO 9303 part 3 §4.9: the check digit is the sum of each character's value times the
// weights 7, 3, 1 (repeating), modulo 10; 0-9 count as themselves, A-Z as 10-35, '<' as 0.

const value = (c: string): number => {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  return 0;
};

export function computeCheckDigit(text: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += value(text[i]!) * weights[i % 3]!;
  return String(sum % 10);
}

/** A field of only fillers may carry '<' (or 0) as its check digit (part 4 §4.2.2, note). */
export function checkDigitMatches(field: string, digit: string): boolean {
  if (/^<*$/.test(field) && (digit === '<' || digit === '0')) return true;
  return computeCheckDigit(field) === digit;
}
