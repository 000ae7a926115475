// Reads the labelled fields of a document's printed zone (VIZ) from OCR lines. Labels are
// found by keyword, tolerant to OCR noise and to bilingual labels ("Surname / Nom"); a value
// is the text on the next line that starts under its label, so two-column layouts
// ("Nationality ... Sex" over "D ... M") pair up correctly.
import type { OcrLine, OcrWord } from '../ocr/ocrPool';

export type VizField =
  | 'surname'
  | 'givenNames'
  | 'nationality'
  | 'dateOfBirth'
  | 'sex'
  | 'placeOfBirth'
  | 'dateOfIssue'
  | 'dateOfExpiry'
  | 'documentNumber'
  | 'documentType'
  | 'issuingState'
  | 'authority';

export interface VizValue {
  /** The text as printed (OCR), trimmed. */
  raw: string;
  confidence: number;
}

export type PrintedZone = Partial<Record<VizField, VizValue>>;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9/.' ]/g, '');

/** Words that start a label, with the fields they can introduce (decided by the words after). */
const LABEL_STARTS = [
  'surname',
  'nom',
  'name',
  'last',
  'family',
  'given',
  'prenoms',
  'first',
  'forenames',
  'nationality',
  'nationalite',
  'date',
  'sex',
  'sexe',
  'place',
  'lieu',
  'passport',
  'document',
  'card',
  'type',
  'code',
  'authority',
  'autorite',
  'issuing',
  'no',
  'expiry',
  'expiration',
];

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** A word matches a keyword exactly, or within one edit when both are long enough to be safe. */
const like = (word: string, keyword: string) =>
  word === keyword || (keyword.length >= 5 && editDistanceAtMost1(word, keyword));

const isLabelStart = (word: string) => LABEL_STARTS.some((k) => like(fold(word).replace(/[/.']/g, ''), k));

/** Decides which field a label (all its words, folded) names. Order matters: "place of birth" before "birth". */
function classifyLabel(label: string): VizField | null {
  const words = label.split(/[\s/]+/).filter(Boolean);
  const has = (k: string) => words.some((w) => like(w.replace(/[.']/g, ''), k));
  if (has('place') || has('lieu')) return 'placeOfBirth';
  if (has('birth') || has('naissance')) return 'dateOfBirth';
  if (has('expiry') || has('expiration')) return 'dateOfExpiry';
  if (has('issue') || has('delivrance')) return 'dateOfIssue';
  if (has('given') || has('prenoms') || has('forenames') || has('first')) return 'givenNames';
  if (has('surname') || has('family') || has('last') || (has('nom') && !has('no'))) return 'surname';
  if (has('nationality') || has('nationalite')) return 'nationality';
  if (has('sex') || has('sexe')) return 'sex';
  if (has('authority') || has('autorite')) return 'authority';
  if (has('passport') || has('document') || has('card') || (has('no') && !has('nom'))) return 'documentNumber';
  if (has('type')) return 'documentType';
  if (has('code') || has('issuing')) return 'issuingState';
  return null;
}

interface LabelSpan {
  field: VizField;
  x0: number;
}

/** Splits a line into labels, each starting at a label keyword that follows a non-label word or begins the line. */
function labelsOf(line: OcrLine): LabelSpan[] | null {
  const words = line.words.filter((w) => w.text.trim());
  if (words.length === 0 || !isLabelStart(words[0]!.text)) return null;
  const groups: OcrWord[][] = [];
  let bilingual = false;
  for (const word of words) {
    const text = word.text;
    const startsNew = groups.length === 0 || (!bilingual && isLabelStart(text) && groupClassified(groups.at(-1)!));
    if (startsNew) groups.push([word]);
    else groups.at(-1)!.push(word);
    // After a '/', the next words are the label's other language, not a new label.
    bilingual = text === '/' || text.endsWith('/');
  }
  const spans = groups
    .map((g) => ({ field: classifyLabel(fold(g.map((w) => w.text).join(' '))), x0: g[0]!.bbox.x0 }))
    .filter((s): s is LabelSpan => s.field !== null);
  return spans.length > 0 ? spans : null;
}

/** A group is a complete label once it holds a word that decides the field. */
function groupClassified(group: OcrWord[]): boolean {
  return (
    classifyLabel(fold(group.map((w) => w.text).join(' '))) !== null &&
    !group.at(-1)!.text.endsWith('/') &&
    fold(group.at(-1)!.text) !== 'of' &&
    fold(group.at(-1)!.text) !== 'du' &&
    fold(group.at(-1)!.text) !== 'de'
  );
}

/**
 * Reads the printed zone. Returns the fields found with their raw text and OCR confidence;
 * fields not found are absent (a missing label is not evidence of anything).
 */
export function readPrintedZone(lines: OcrLine[]): PrintedZone {
  const zone: PrintedZone = {};
  for (let i = 0; i < lines.length - 1; i++) {
    const labels = labelsOf(lines[i]!);
    if (!labels) continue;
    const next = lines[i + 1]!;
    if (labelsOf(next)) continue; // two label lines in a row: the value is missing
    const height = Math.max(1, lines[i]!.bbox.y1 - lines[i]!.bbox.y0);
    const sorted = [...labels].sort((a, b) => a.x0 - b.x0);
    const values = new Map<VizField, OcrWord[]>();
    for (const word of next.words) {
      if (!word.text.trim()) continue;
      // The value column is the rightmost label starting at or left of the word (with some slack for skew).
      const owner = [...sorted].reverse().find((l) => l.x0 <= word.bbox.x0 + 2 * height) ?? sorted[0]!;
      values.set(owner.field, [...(values.get(owner.field) ?? []), word]);
    }
    for (const [field, words] of values) {
      if (zone[field]) continue;
      const raw = words
        .map((w) => w.text)
        .join(' ')
        .trim();
      if (!raw) continue;
      zone[field] = { raw, confidence: Math.min(...words.map((w) => w.confidence)) };
    }
  }
  return zone;
}

const MONTHS: Record<string, number> = {
  JAN: 1,
  JANV: 1,
  JANVIER: 1,
  JANUARY: 1,
  FEB: 2,
  FEV: 2,
  FEVR: 2,
  FEBRUARY: 2,
  FEVRIER: 2,
  MAR: 3,
  MARS: 3,
  MARCH: 3,
  APR: 4,
  AVR: 4,
  AVRIL: 4,
  APRIL: 4,
  MAY: 5,
  MAI: 5,
  JUN: 6,
  JUIN: 6,
  JUNE: 6,
  JUL: 7,
  JUIL: 7,
  JULY: 7,
  JUILLET: 7,
  AUG: 8,
  AOUT: 8,
  AUGUST: 8,
  SEP: 9,
  SEPT: 9,
  SEPTEMBER: 9,
  SEPTEMBRE: 9,
  OCT: 10,
  OCTOBER: 10,
  OCTOBRE: 10,
  NOV: 11,
  NOVEMBER: 11,
  NOVEMBRE: 11,
  DEC: 12,
  DECEMBER: 12,
  DECEMBRE: 12,
};

const iso = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/**
 * Normalises a printed date to ISO: "12 AUG 1974", "12 AUG/AOÛT 74", "12.08.1974",
 * "12/08/74", "1974-08-12". Printed zones put the day first (ICAO 9303 part 3 §3.6).
 * A two-digit year is resolved by `century`: 'past' for a birth date (never in the future
 * of `today`), 'near' for issue and expiry dates (the nearest century to today).
 */
export function normalisePrintedDate(text: string, century: 'past' | 'near', today = new Date()): string | null {
  const t = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 ./-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const fullYear = (y: string): number => {
    if (y.length === 4) return Number(y);
    const yy = Number(y);
    const now = today.getUTCFullYear();
    if (century === 'past') return 2000 + yy > now ? 1900 + yy : 2000 + yy;
    const candidates = [1900 + yy, 2000 + yy, 2100 + yy];
    return candidates.reduce((best, c) => (Math.abs(c - now) < Math.abs(best - now) ? c : best));
  };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[ .\-/]+([A-Z]{3,9})(?:\s*\/\s*[A-Z]{3,9})?[ .\-/]+(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!];
    return month ? iso(fullYear(m[3]!), month, Number(m[1])) : null;
  }
  m = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{2}|\d{4})$/.exec(t);
  if (m) return iso(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  return null;
}
