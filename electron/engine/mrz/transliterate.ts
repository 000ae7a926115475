// Names in the printed zone versus the MRZ (ICAO 9303 part 3 §6): national characters are
// transliterated (Ä → AE, Ø → OE, ß → SS, …), other diacritics dropped, spaces, hyphens and
// apostrophes become fillers or vanish, and a long name is truncated to fit the field.

/** Part 3 §6.A, the recommended transliterations of Latin characters with diacritics. */
const MULTI_LETTER: Record<string, string> = {
  Ä: 'AE',
  Æ: 'AE',
  Å: 'AA',
  Ö: 'OE',
  Ø: 'OE',
  Œ: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Þ: 'TH',
  Ĳ: 'IJ',
  Ð: 'D',
  Ł: 'L',
  Đ: 'D',
  Ħ: 'H',
  Ŋ: 'N',
  Ŧ: 'T',
  ı: 'I',
};

/** The name as an MRZ would carry it: A-Z and '<' only. */
export function toMrzName(name: string): string {
  const upper = name.toUpperCase();
  const expanded = [...upper].map((ch) => MULTI_LETTER[ch] ?? ch).join('');
  return expanded
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`]/g, '')
    .replace(/[^A-Z]+/g, '<')
    .replace(/^<+|<+$/g, '');
}

// Some states write Ä as A rather than AE, and OCR of a printed Ä often loses the dots; both
// sides are therefore compared with the two-letter forms folded back (AE → A, OE → O, UE → U,
// AA → A). The price: names differing only by such an E (BAER/BAR) are not told apart here.
const fold = (mrzName: string) =>
  mrzName.replace(/</g, '').replace(/AE/g, 'A').replace(/OE/g, 'O').replace(/UE/g, 'U').replace(/AA/g, 'A');

/**
 * Does a printed name agree with the MRZ's? `mayBeTruncated` (the MRZ name field is full)
 * lets the printed name be longer, as ICAO truncation requires.
 */
export function mrzNameMatches(vizName: string, mrzName: string, options: { mayBeTruncated?: boolean } = {}): boolean {
  const viz = fold(toMrzName(vizName));
  const mrz = fold(toMrzName(mrzName));
  if (!viz || !mrz) return viz === mrz;
  return viz === mrz || (options.mayBeTruncated === true && viz.startsWith(mrz));
}
