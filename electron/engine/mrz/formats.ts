// MRZ layouts (ICAO 9303 parts 4-7). Positions are 1-based as in the standard; `line` is
// 1-based too. A check names the ranges it covers and where its digit stands.

export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';

/** What may stand at a position: letters, digits, either, or sex (M, F, <). */
export type CharClass = 'alpha' | 'numeric' | 'alnum' | 'sex';

export interface FieldSpec {
  name: string;
  line: number;
  start: number;
  length: number;
  kind: CharClass;
}

export interface Range {
  line: number;
  start: number;
  length: number;
}

export interface CheckSpec {
  /** The field whose check this is ('composite' for the composite check). */
  field: string;
  covers: Range[];
  digit: { line: number; position: number };
}

export interface LayoutSpec {
  format: MrzFormat;
  lines: number;
  length: number;
  fields: FieldSpec[];
  checks: CheckSpec[];
}

const f = (name: string, line: number, start: number, length: number, kind: CharClass): FieldSpec => ({
  name,
  line,
  start,
  length,
  kind,
});
const c = (field: string, covers: Range[], line: number, position: number): CheckSpec => ({
  field,
  covers,
  digit: { line, position },
});
const r = (line: number, start: number, length: number): Range => ({ line, start, length });

// Line 2 of TD2, TD3 and both visas share one shape; only the optional data length differs.
function twoLineLayout(format: MrzFormat, length: 36 | 44, composite: boolean): LayoutSpec {
  const optionalLength = length - 28 - (composite ? 1 : 0) - (format === 'TD3' ? 1 : 0);
  const fields = [
    f('documentType', 1, 1, 2, 'alpha'),
    f('issuingState', 1, 3, 3, 'alpha'),
    f('name', 1, 6, length - 5, 'alpha'),
    f('documentNumber', 2, 1, 9, 'alnum'),
    f('nationality', 2, 11, 3, 'alpha'),
    f('dateOfBirth', 2, 14, 6, 'numeric'),
    f('sex', 2, 21, 1, 'sex'),
    f('dateOfExpiry', 2, 22, 6, 'numeric'),
    f(format === 'TD3' ? 'personalNumber' : 'optionalData', 2, 29, optionalLength, 'alnum'),
  ];
  const checks = [
    c('documentNumber', [r(2, 1, 9)], 2, 10),
    c('dateOfBirth', [r(2, 14, 6)], 2, 20),
    c('dateOfExpiry', [r(2, 22, 6)], 2, 28),
  ];
  if (format === 'TD3') checks.push(c('personalNumber', [r(2, 29, 14)], 2, 43));
  if (composite) checks.push(c('composite', [r(2, 1, 10), r(2, 14, 7), r(2, 22, length - 22)], 2, length));
  return { format, lines: 2, length, fields, checks };
}

export const LAYOUTS: Record<MrzFormat, LayoutSpec> = {
  // Part 5: TD1, three lines of 30.
  TD1: {
    format: 'TD1',
    lines: 3,
    length: 30,
    fields: [
      f('documentType', 1, 1, 2, 'alpha'),
      f('issuingState', 1, 3, 3, 'alpha'),
      f('documentNumber', 1, 6, 9, 'alnum'),
      f('optionalData', 1, 16, 15, 'alnum'),
      f('dateOfBirth', 2, 1, 6, 'numeric'),
      f('sex', 2, 8, 1, 'sex'),
      f('dateOfExpiry', 2, 9, 6, 'numeric'),
      f('nationality', 2, 16, 3, 'alpha'),
      f('optionalData2', 2, 19, 11, 'alnum'),
      f('name', 3, 1, 30, 'alpha'),
    ],
    checks: [
      c('documentNumber', [r(1, 6, 9)], 1, 15),
      c('dateOfBirth', [r(2, 1, 6)], 2, 7),
      c('dateOfExpiry', [r(2, 9, 6)], 2, 15),
      c('composite', [r(1, 6, 25), r(2, 1, 7), r(2, 9, 7), r(2, 19, 11)], 2, 30),
    ],
  },
  TD2: twoLineLayout('TD2', 36, true),
  TD3: twoLineLayout('TD3', 44, true),
  // Part 7: machine-readable visas have no composite check digit.
  MRVA: twoLineLayout('MRVA', 44, false),
  MRVB: twoLineLayout('MRVB', 36, false),
};

/** The format a set of lines has, by count, length and document code ('V' = visa). */
export function detectFormat(lines: string[]): MrzFormat | null {
  const length = lines[0]?.length ?? 0;
  if (!lines.every((l) => l.length === length)) return null;
  const visa = lines[0]?.[0] === 'V';
  if (lines.length === 3 && length === 30) return 'TD1';
  if (lines.length === 2 && length === 44) return visa ? 'MRVA' : 'TD3';
  if (lines.length === 2 && length === 36) return visa ? 'MRVB' : 'TD2';
  return null;
}
