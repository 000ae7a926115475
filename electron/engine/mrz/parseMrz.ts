// Parses and validates an MRZ (ICAO 9303), repairing OCR confusions where the check digits
// prove the repair. Never throws: any input gives a result, with problems when invalid.
import { isKnownIcaoCode } from '../../../shared/icaoCodes';
import { checkDigitMatches, computeCheckDigit } from './checkDigits';
import {
  detectFormat,
  LAYOUTS,
  type CharClass,
  type CheckSpec,
  type FieldSpec,
  type LayoutSpec,
  type MrzFormat,
} from './formats';

export interface MrzCorrection {
  line: number;
  position: number;
  from: string;
  to: string;
}

export interface MrzProblem {
  code: 'MRZ_FORMAT' | 'MRZ_CHECK_DIGIT';
  message: string;
  field?: string;
}

export interface MrzFields {
  documentType: string | null;
  issuingState: string | null;
  surname: string | null;
  givenNames: string | null;
  documentNumber: string | null;
  nationality: string | null;
  dateOfBirth: string | null;
  sex: 'M' | 'F' | 'X' | null;
  dateOfExpiry: string | null;
  personalNumber: string | null;
  optionalData: string | null;
}

export interface MrzResult {
  format: MrzFormat | null;
  lines: string[];
  valid: boolean;
  fields: MrzFields;
  checks: Array<{ field: string; valid: boolean; expected: string; actual: string }>;
  corrections: MrzCorrection[];
  problems: MrzProblem[];
  /** The name field is full to its last position, so the name may have been truncated. */
  nameMayBeTruncated: boolean;
}

const EMPTY_FIELDS: MrzFields = {
  documentType: null,
  issuingState: null,
  surname: null,
  givenNames: null,
  documentNumber: null,
  nationality: null,
  dateOfBirth: null,
  sex: null,
  dateOfExpiry: null,
  personalNumber: null,
  optionalData: null,
};

// OCR confusions between look-alike characters (OCR-B was designed to limit them, scans and
// photos bring them back). Only these are ever tried: a digit is never swapped for another
// digit, because that is exactly what a forger does, and a check digit cannot tell a forged
// digit from a misread one.
const LETTER_FOR_DIGIT: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '8': 'B', '6': 'G' };
const DIGIT_FOR_LETTER: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};
// A filler '<' is read as K, L or C (and sometimes the reverse).
const FILLER_LOOKALIKES = new Set(['K', 'L', 'C']);
// Letter-for-letter confusions, used only for country codes, which a code table can verify.
const LETTER_LOOKALIKES: Record<string, string[]> = {
  N: ['W', 'M', 'H'],
  W: ['N', 'V'],
  M: ['N', 'H'],
  H: ['N', 'M'],
  V: ['W', 'Y', 'U'],
  U: ['V', 'O'],
  Y: ['V'],
  E: ['F'],
  F: ['E'],
  O: ['D', 'Q', 'C'],
  D: ['O'],
  Q: ['O'],
  C: ['G', 'O'],
  G: ['C'],
  I: ['L', 'T'],
  L: ['I'],
  T: ['I'],
  '8': ['B', 'S'],
  '5': ['S'],
  '0': ['O', 'D', 'Q'],
  '1': ['I', 'L', 'T'],
  '2': ['Z'],
  '6': ['G'],
  '3': ['S', 'B', 'E'],
  '4': ['A'],
  '7': ['T'],
  '9': ['G'],
};

const MAX_SUBSTITUTIONS = 3;
const MAX_CANDIDATES = 4096;

const at = (lines: string[], line: number, position: number) => lines[line - 1]?.[position - 1] ?? '';

function setAt(lines: string[], line: number, position: number, char: string): string[] {
  const copy = [...lines];
  const text = copy[line - 1]!;
  copy[line - 1] = text.slice(0, position - 1) + char + text.slice(position);
  return copy;
}

const slice = (lines: string[], range: { line: number; start: number; length: number }) =>
  (lines[range.line - 1] ?? '').slice(range.start - 1, range.start - 1 + range.length);

function classAt(layout: LayoutSpec, line: number, position: number): CharClass {
  const field = layout.fields.find((fl) => fl.line === line && position >= fl.start && position < fl.start + fl.length);
  return field?.kind ?? 'numeric'; // check digits are the only positions outside fields
}

/** Alternatives OCR might have meant at a position, given what may stand there. */
function alternatives(char: string, kind: CharClass, fillerPossible: boolean): string[] {
  const out: string[] = [];
  if (kind === 'numeric' && DIGIT_FOR_LETTER[char]) out.push(DIGIT_FOR_LETTER[char]);
  if (kind === 'alnum') {
    if (DIGIT_FOR_LETTER[char]) out.push(DIGIT_FOR_LETTER[char]);
    if (LETTER_FOR_DIGIT[char]) out.push(LETTER_FOR_DIGIT[char]);
  }
  if (fillerPossible && FILLER_LOOKALIKES.has(char)) out.push('<');
  return out;
}

function checkHolds(lines: string[], check: CheckSpec): boolean {
  return checkDigitMatches(
    check.covers.map((range) => slice(lines, range)).join(''),
    at(lines, check.digit.line, check.digit.position),
  );
}

/** Positions a check covers, plus its digit. */
function positionsOf(check: CheckSpec): Array<{ line: number; position: number }> {
  const list = check.covers.flatMap((range) =>
    Array.from({ length: range.length }, (_, i) => ({ line: range.line, position: range.start + i })),
  );
  return [...list, check.digit];
}

/**
 * Tries the OCR confusions at the positions of one failing check. A repair is accepted only
 * when exactly one combination satisfies this check and every other check the changed
 * positions fall under (the composite, for instance).
 */
function repairCheck(
  lines: string[],
  layout: LayoutSpec,
  check: CheckSpec,
  otherChecks: CheckSpec[],
): { lines: string[]; corrections: MrzCorrection[] } | 'none' | 'ambiguous' {
  // The composite re-covers fields that have their own checks; only its digit and the
  // positions no other check protects (optional data) are its to repair.
  const protectedByOthers = (p: { line: number; position: number }) =>
    otherChecks.some(
      (other) =>
        other.field !== 'composite' && positionsOf(other).some((q) => q.line === p.line && q.position === p.position),
    );
  const positions =
    check.field === 'composite' ? positionsOf(check).filter((p) => !protectedByOthers(p)) : positionsOf(check);
  const options = positions
    .map((p) => {
      const char = at(lines, p.line, p.position);
      const kind =
        p.line === check.digit.line && p.position === check.digit.position
          ? 'numeric'
          : classAt(layout, p.line, p.position);
      // Fillers can only follow the field's content, so '<' is tried where the rest of the field is fillers or look-alikes.
      const fieldEnd = check.covers.find(
        (r) => r.line === p.line && p.position >= r.start && p.position < r.start + r.length,
      );
      const tail = fieldEnd
        ? slice(lines, { line: p.line, start: p.position, length: fieldEnd.start + fieldEnd.length - p.position })
        : '';
      const fillerPossible = kind === 'alnum' && /^[<KLC]+$/.test(tail);
      return { ...p, alts: alternatives(char, kind, fillerPossible) };
    })
    .filter((p) => p.alts.length > 0);
  // Level by level: every repair with one change, then two, then three. The first level that
  // has any repair decides: exactly one is accepted, several mean the check digits cannot tell.
  let explored = 0;
  for (let changes = 1; changes <= MAX_SUBSTITUTIONS; changes++) {
    const solutions: Array<{ lines: string[]; corrections: MrzCorrection[] }> = [];
    const search = (index: number, current: string[], corrections: MrzCorrection[]) => {
      if (explored++ > MAX_CANDIDATES || solutions.length > 1) return;
      if (corrections.length === changes) {
        if (!checkHolds(current, check)) return;
        const touched = otherChecks.filter((other) =>
          positionsOf(other).some((p) => corrections.some((c) => c.line === p.line && c.position === p.position)),
        );
        if (touched.every((other) => checkHolds(current, other))) solutions.push({ lines: current, corrections });
        return;
      }
      for (let i = index; i < options.length; i++) {
        const option = options[i]!;
        const from = at(current, option.line, option.position);
        for (const to of option.alts)
          search(i + 1, setAt(current, option.line, option.position, to), [
            ...corrections,
            { line: option.line, position: option.position, from, to },
          ]);
      }
    };
    search(0, lines, []);
    if (solutions.length === 1) return solutions[0]!;
    if (solutions.length > 1) return 'ambiguous';
  }
  return 'none';
}

/**
 * Repairs no check digit can prove: a digit in an alphabetic field is a misread letter, and
 * in a left-justified field nothing but fillers follows a filler, so a K, L or C there is a
 * misread '<'. Check digits cannot see that one: K, L and C are worth 20, 21 and 12, and
 * 20 × any weight is 0 mod 10.
 */
function repairLayoutRules(lines: string[], layout: LayoutSpec): { lines: string[]; corrections: MrzCorrection[] } {
  let current = lines;
  const corrections: MrzCorrection[] = [];
  for (const field of layout.fields.filter((fl) => fl.kind === 'alnum')) {
    const text = slice(current, field);
    const firstFiller = text.indexOf('<');
    if (firstFiller < 0) continue;
    for (let i = firstFiller + 1; i < text.length; i++) {
      if (text[i] === 'K' && /^<*K?<*$/.test(text.slice(firstFiller))) {
        corrections.push({ line: field.line, position: field.start + i, from: 'K', to: '<' });
        current = setAt(current, field.line, field.start + i, '<');
      }
    }
  }
  for (const field of layout.fields.filter(
    (fl) => fl.kind === 'alpha' && fl.name !== 'issuingState' && fl.name !== 'nationality',
  )) {
    for (let p = field.start; p < field.start + field.length; p++) {
      const char = at(current, field.line, p);
      const to = LETTER_FOR_DIGIT[char];
      if (to) {
        corrections.push({ line: field.line, position: p, from: char, to });
        current = setAt(current, field.line, p, to);
      }
    }
  }
  return { lines: current, corrections };
}

/** Country codes have no check digit but a closed list: repair only into exactly one known code. */
function repairCode(lines: string[], field: FieldSpec): { lines: string[]; corrections: MrzCorrection[] } | null {
  const code = slice(lines, field);
  if (isKnownIcaoCode(code)) return null;
  for (const changes of [1, 2]) {
    const found = new Map<string, MrzCorrection[]>();
    const walk = (index: number, text: string, corrections: MrzCorrection[]) => {
      if (corrections.length === changes) {
        if (isKnownIcaoCode(text)) found.set(text, corrections);
        return;
      }
      for (let i = index; i < text.length; i++) {
        for (const alt of LETTER_LOOKALIKES[text[i]!] ?? []) {
          walk(i + 1, text.slice(0, i) + alt + text.slice(i + 1), [
            ...corrections,
            { line: field.line, position: field.start + i, from: text[i]!, to: alt },
          ]);
        }
      }
    };
    walk(0, code, []);
    if (found.size === 1) {
      const [text, corrections] = [...found][0]!;
      let current = lines;
      [...text].forEach((ch, i) => (current = setAt(current, field.line, field.start + i, ch)));
      return { lines: current, corrections };
    }
    if (found.size > 1) return null;
  }
  return null;
}

/** YYMMDD → ISO. Birth dates are never in the future; expiry dates lie within 50 years of today. */
function mrzDate(text: string, kind: 'birth' | 'expiry', today: Date): string | null {
  if (!/^\d{6}$/.test(text)) return null;
  const yy = Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const day = Number(text.slice(4, 6));
  const thisYear = today.getUTCFullYear();
  let year = 2000 + yy;
  if (kind === 'birth') {
    const candidate = new Date(Date.UTC(year, month - 1, day));
    if (candidate.getTime() > today.getTime()) year -= 100;
  } else if (year > thisYear + 50) {
    year -= 100;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const FIELD_LABELS: Record<string, string> = {
  documentNumber: 'Document number',
  dateOfBirth: 'Date of birth',
  dateOfExpiry: 'Date of expiry',
  personalNumber: 'Personal number',
  composite: 'Composite',
};

export function parseMrz(input: readonly string[], options: { today?: Date } = {}): MrzResult {
  const today = options.today ?? new Date();
  const problems: MrzProblem[] = [];
  const lines = (Array.isArray(input) ? input : []).map((l) =>
    String(l ?? '')
      .toUpperCase()
      .replace(/\s+/g, ''),
  );
  const format = detectFormat(lines);
  const base: MrzResult = {
    format,
    lines,
    valid: false,
    fields: { ...EMPTY_FIELDS },
    checks: [],
    corrections: [],
    problems,
    nameMayBeTruncated: false,
  };
  if (!format) {
    const shape =
      lines.length === 0
        ? 'no lines'
        : `${lines.length} line(s) of ${[...new Set(lines.map((l) => l.length))].join('/')} characters`;
    problems.push({
      code: 'MRZ_FORMAT',
      message: `Not an ICAO MRZ: ${shape}; expected 3 × 30 (TD1), 2 × 36 (TD2, MRV-B) or 2 × 44 (TD3, MRV-A).`,
    });
    return base;
  }
  const layout = LAYOUTS[format];
  const badChars = lines
    .flatMap((l, i) => [...l].map((ch, j) => ({ ch, line: i + 1, position: j + 1 })))
    .filter((x) => !/[A-Z0-9<]/.test(x.ch));
  if (badChars.length > 0) {
    problems.push({
      code: 'MRZ_FORMAT',
      message: `The MRZ contains characters ICAO does not allow (${[...new Set(badChars.map((b) => b.ch))].join(' ')}); only A-Z, 0-9 and < may appear.`,
    });
    return base;
  }

  let current = lines;
  const corrections: MrzCorrection[] = [];
  const alpha = repairLayoutRules(current, layout);
  current = alpha.lines;
  corrections.push(...alpha.corrections);
  for (const name of ['issuingState', 'nationality']) {
    const field = layout.fields.find((fl) => fl.name === name)!;
    const repaired = repairCode(current, field);
    if (repaired) {
      current = repaired.lines;
      corrections.push(...repaired.corrections);
    }
  }
  const unrepaired = new Set<string>();
  const ambiguous = new Set<string>();
  // Field checks first, then the composite, which depends on them.
  const ordered = [
    ...layout.checks.filter((ch) => ch.field !== 'composite'),
    ...layout.checks.filter((ch) => ch.field === 'composite'),
  ];
  for (const check of ordered) {
    if (checkHolds(current, check)) continue;
    const outcome = repairCheck(
      current,
      layout,
      check,
      layout.checks.filter((other) => other !== check),
    );
    if (outcome === 'none') unrepaired.add(check.field);
    else if (outcome === 'ambiguous') ambiguous.add(check.field);
    else {
      current = outcome.lines;
      corrections.push(...outcome.corrections);
    }
  }

  const checks = layout.checks.map((check) => {
    const covered = check.covers.map((range) => slice(current, range)).join('');
    const actual = at(current, check.digit.line, check.digit.position);
    const valid = checkDigitMatches(covered, actual);
    return { field: check.field, valid, expected: computeCheckDigit(covered), actual };
  });
  for (const check of checks.filter((ch) => !ch.valid)) {
    const spec = layout.checks.find((s) => s.field === check.field)!;
    const digits = spec.covers.map((range) => slice(current, range)).join('');
    const why = ambiguous.has(check.field) ? ' Several OCR corrections would satisfy it, so none was made.' : '';
    problems.push({
      code: 'MRZ_CHECK_DIGIT',
      field: check.field,
      message: `${FIELD_LABELS[check.field] ?? check.field} check digit is ${check.actual} but ${check.field === 'composite' ? 'the covered characters' : `the characters ${digits}`} give ${check.expected}.${why}`,
    });
  }

  const read = (name: string) => {
    const spec = layout.fields.find((fl) => fl.name === name);
    return spec ? slice(current, spec) : '';
  };
  const clean = (text: string) => text.replace(/<+/g, ' ').trim() || null;
  const nameField = read('name');
  const [surnamePart = '', ...givenParts] = nameField.split('<<');
  let documentNumber = read('documentNumber');
  // TD1 (part 5 §4.2.2, note j): a number longer than 9 characters continues in the optional
  // data, with '<' in the check digit position and its check digit at the end of the overflow.
  if (format === 'TD1' && at(current, 1, 15) === '<') {
    const overflow = read('optionalData').split('<')[0] ?? '';
    if (overflow.length >= 2) {
      const full = documentNumber.replace(/<+$/, '') + overflow.slice(0, -1);
      documentNumber = full;
      const index = checks.findIndex((ch) => ch.field === 'documentNumber');
      const valid = computeCheckDigit(full) === overflow.slice(-1);
      checks[index] = { field: 'documentNumber', valid, expected: computeCheckDigit(full), actual: overflow.slice(-1) };
      const p = problems.findIndex((pr) => pr.field === 'documentNumber');
      if (p >= 0) problems.splice(p, 1);
      if (!valid)
        problems.push({
          code: 'MRZ_CHECK_DIGIT',
          field: 'documentNumber',
          message: `Document number check digit is ${overflow.slice(-1)} but the characters ${full} give ${computeCheckDigit(full)}.`,
        });
    }
  }
  const dobText = read('dateOfBirth');
  const expiryText = read('dateOfExpiry');
  const dateOfBirth = mrzDate(dobText, 'birth', today);
  const dateOfExpiry = mrzDate(expiryText, 'expiry', today);
  if (!dateOfBirth)
    problems.push({
      code: 'MRZ_FORMAT',
      field: 'dateOfBirth',
      message: `Date of birth ${dobText} is not a calendar date (YYMMDD).`,
    });
  if (!dateOfExpiry)
    problems.push({
      code: 'MRZ_FORMAT',
      field: 'dateOfExpiry',
      message: `Date of expiry ${expiryText} is not a calendar date (YYMMDD).`,
    });
  const sexChar = read('sex');
  const sex = sexChar === 'M' || sexChar === 'F' ? sexChar : sexChar === '<' ? 'X' : null;
  if (!sex) problems.push({ code: 'MRZ_FORMAT', field: 'sex', message: `Sex ${sexChar} is not M, F or <.` });
  if (!nameField.includes('<<') && !/^[A-Z]+$/.test(nameField))
    problems.push({
      code: 'MRZ_FORMAT',
      field: 'name',
      message: 'The name field has no << between surname and given names.',
    });

  const optional = [read('optionalData'), read('optionalData2')].join('');
  return {
    format,
    lines: current,
    valid: problems.length === 0,
    fields: {
      documentType: clean(read('documentType')),
      issuingState: clean(read('issuingState')),
      surname: clean(surnamePart),
      givenNames: clean(givenParts.join('<<')),
      documentNumber: clean(documentNumber),
      nationality: clean(read('nationality')),
      dateOfBirth,
      sex,
      dateOfExpiry,
      personalNumber: format === 'TD3' ? clean(read('personalNumber')) : null,
      optionalData: format === 'TD3' ? null : clean(optional),
    },
    checks,
    corrections,
    problems,
    // A truncated name fills the field; cut at a name boundary it may still end in one filler.
    nameMayBeTruncated: nameField.length - nameField.replace(/<+$/, '').length <= 1,
  };
}
