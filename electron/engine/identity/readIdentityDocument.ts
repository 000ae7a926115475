// Reads an identity document image: the printed zone with the LSTM model and the MRZ band
// with the legacy engine, at the same time; parses and repairs the MRZ; compares it with the
// printed zone; checks dates and codes. Every disagreement becomes a finding with evidence.
import sharp from 'sharp';
import { isKnownIcaoCode } from '../../../shared/icaoCodes';
import { makeFinding, type Finding } from '../../../shared/findings';
import type { ExtractedField, MrzSummary } from '../../../shared/report';
import { VetbenchError } from '../errors';
import { mrzNameMatches, parseMrz, toMrzName, type MrzResult } from '../mrz';
import type { OcrBox, OcrPool } from '../ocr/ocrPool';
import { findMrzLines } from './findMrzLines';
import { normalisePrintedDate, readPrintedZone, type PrintedZone, type VizField } from './readPrintedZone';

export interface IdentityReading {
  fields: Record<string, ExtractedField>;
  mrz: MrzSummary | null;
  printedZone: PrintedZone;
  ocrText: string;
  /** Where the MRZ is, in pixels of the oriented image. */
  mrzBox: OcrBox | null;
  width: number;
  height: number;
  findings: Finding[];
}

/** Documents are read at this width at most: enough for OCR-B at ICAO size, fast enough for two cores. */
const MAX_WIDTH = 2000;
/** The MRZ is searched in the bottom part of the page first (where ICAO puts it), then everywhere. */
const MRZ_BAND = 0.45;
/** Decompression bombs: refuse images beyond this many pixels before decoding them. */
export const MAX_INPUT_PIXELS = 80_000_000;

export interface PreparedImage {
  png: Buffer;
  width: number;
  height: number;
}

/** Applies EXIF orientation, converts to grey, stretches contrast and limits the size. */
export async function prepareImage(bytes: Buffer, name: string): Promise<PreparedImage> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'none' })
      .rotate()
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .greyscale()
      .normalise()
      .png({ compressionLevel: 1 })
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message)) {
      throw new VetbenchError(
        'BAD_INPUT',
        `${name}: the image is larger than ${MAX_INPUT_PIXELS / 1e6} megapixels; scan or photograph the document at a normal resolution.`,
      );
    }
    throw new VetbenchError(
      'BAD_INPUT',
      `${name}: the image cannot be decoded (${message.split('\n')[0]}). It may be damaged or truncated.`,
    );
  }
}

const yearsBetween = (from: string, to: Date) => {
  const birth = new Date(`${from}T00:00:00Z`);
  let years = to.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    to.getUTCMonth() < birth.getUTCMonth() ||
    (to.getUTCMonth() === birth.getUTCMonth() && to.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) years -= 1;
  return years;
};

// OCR confuses these in printed document numbers; a forger's changed digit is not among them.
const CONFUSABLE: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
  '€': 'C',
  $: '5',
  '|': '1',
  '£': 'E',
};
const canonicalNumber = (text: string) =>
  [...text.toUpperCase()]
    .map((c) => CONFUSABLE[c] ?? c)
    .join('')
    .replace(/[^A-Z0-9]/g, '');

// The legacy engine reads some OCR-B letters as look-alikes (W as N above all). MRZ names have
// no check digit, so a printed name that differs from the MRZ's only by such pairs, letter for
// letter, is read as an OCR error and the printed spelling is taken. A forger who swaps W for
// N in the printed name alone would pass this one comparison; changed lengths and all other
// letters still count.
const MRZ_LOOKALIKE_PAIRS = new Set([
  'WN',
  'NW',
  'MN',
  'NM',
  'HN',
  'NH',
  'VW',
  'WV',
  'OD',
  'DO',
  'OQ',
  'QO',
  'IL',
  'LI',
  'EF',
  'FE',
  'CG',
  'GC',
  'UV',
  'VU',
]);
function sameUpToLookalikes(viz: string, mrz: string): boolean {
  const a = toMrzName(viz).replace(/</g, '');
  const b = toMrzName(mrz).replace(/</g, '');
  if (a.length !== b.length || a === b) return false;
  return [...a].every((ch, i) => ch === b[i] || MRZ_LOOKALIKE_PAIRS.has(ch + b[i]));
}

interface Comparison {
  field: VizField;
  viz: string;
  mrz: string;
  agrees: boolean;
  /** The printed value explains an MRZ misread (names only). */
  ocrLookalike?: boolean;
}

function compareWithMrz(zone: PrintedZone, mrz: MrzResult, today: Date): Comparison[] {
  const out: Comparison[] = [];
  const f = mrz.fields;
  const push = (
    field: VizField,
    mrzValue: string | null | undefined,
    agrees: (viz: string, mrz: string) => boolean,
  ) => {
    const viz = zone[field];
    if (!viz || !mrzValue) return;
    out.push({ field, viz: viz.raw, mrz: mrzValue, agrees: agrees(viz.raw, mrzValue) });
  };
  // Only the last name part of the MRZ can be cut short: the given names, or the surname
  // when there are none.
  for (const [field, value, mayBeTruncated] of [
    ['surname', f.surname, mrz.nameMayBeTruncated && !f.givenNames],
    ['givenNames', f.givenNames, mrz.nameMayBeTruncated],
  ] as const) {
    const viz = zone[field];
    if (!viz || !value) continue;
    const lookalike = sameUpToLookalikes(viz.raw, value);
    out.push({
      field,
      viz: viz.raw,
      mrz: value,
      agrees: lookalike || mrzNameMatches(viz.raw, value, { mayBeTruncated }),
      ocrLookalike: lookalike,
    });
  }
  push('documentNumber', f.documentNumber, (viz, m) => canonicalNumber(viz) === canonicalNumber(m));
  push(
    'dateOfBirth',
    f.dateOfBirth,
    (viz, m) => normalisePrintedDate(viz, 'past', today) === m || normalisePrintedDate(viz, 'past', today) === null,
  );
  push(
    'dateOfExpiry',
    f.dateOfExpiry,
    (viz, m) => normalisePrintedDate(viz, 'near', today) === m || normalisePrintedDate(viz, 'near', today) === null,
  );
  push('sex', f.sex, (viz, m) => {
    const printed = viz
      .toUpperCase()
      .replace(/[^MFX]/g, '')
      .slice(0, 1);
    return !printed || printed === m;
  });
  push('nationality', f.nationality, (viz, m) => {
    const printed = viz.toUpperCase().replace(/[^A-Z]/g, '');
    // Only a printed code can be compared; a country name in the local language is skipped.
    return printed.length > 3 || printed === m;
  });
  return out;
}

const FIELD_LABEL: Record<string, string> = {
  surname: 'surname',
  givenNames: 'given names',
  documentNumber: 'document number',
  dateOfBirth: 'date of birth',
  dateOfExpiry: 'date of expiry',
  sex: 'sex',
  nationality: 'nationality',
};

export async function readIdentityDocument(
  image: PreparedImage,
  pool: OcrPool,
  name: string,
  today = new Date(),
): Promise<IdentityReading> {
  const bandTop = Math.floor(image.height * (1 - MRZ_BAND));
  const [text, band] = await Promise.all([
    pool.readText(image.png),
    pool.readMrz(image.png, { left: 0, top: bandTop, width: image.width, height: image.height - bandTop }),
  ]);
  let candidate = findMrzLines(band.lines);
  if (!candidate) {
    const whole = await pool.readMrz(image.png);
    candidate = findMrzLines(whole.lines);
  }
  const findings: Finding[] = [];
  const add = (code: Parameters<typeof makeFinding>[0], message: string, evidence: Record<string, unknown>) =>
    findings.push(makeFinding(code, message, evidence, name));
  const printedZone = readPrintedZone(text.lines);
  const fields: Record<string, ExtractedField> = {};

  if (!candidate) {
    add('MRZ_NOT_FOUND', 'No machine-readable zone was found on this image.', {
      searched: 'bottom band, then the whole image',
    });
    for (const [field, value] of Object.entries(printedZone)) {
      if (value) fields[field] = { value: value.raw, source: 'viz', confidence: value.confidence };
    }
    return {
      fields,
      mrz: null,
      printedZone,
      ocrText: text.text,
      mrzBox: null,
      width: image.width,
      height: image.height,
      findings,
    };
  }

  const mrz = parseMrz(candidate.lines, { today });
  // One finding per code: two failing check digits are one forged or damaged MRZ.
  for (const code of ['MRZ_FORMAT', 'MRZ_CHECK_DIGIT'] as const) {
    const problems = mrz.problems.filter((p) => p.code === code);
    if (problems.length)
      add(code, problems.map((p) => p.message).join(' '), {
        fields: problems.map((p) => p.field ?? null),
        lines: mrz.lines,
      });
  }
  const confidence = mrz.valid ? 0.98 : 0.6;
  for (const [field, value] of Object.entries(mrz.fields)) {
    if (value && field !== 'optionalData') fields[field] = { value, source: 'mrz', confidence };
  }
  // The MRZ has no issue date; and a truncated MRZ name is completed by the printed one.
  const issued = printedZone.dateOfIssue && normalisePrintedDate(printedZone.dateOfIssue.raw, 'near', today);
  if (issued) fields['dateOfIssue'] = { value: issued, source: 'viz', confidence: printedZone.dateOfIssue!.confidence };

  for (const c of compareWithMrz(printedZone, mrz, today)) {
    if (c.ocrLookalike && fields[c.field]) {
      fields[c.field] = {
        value: toMrzName(c.viz).replace(/</g, ' '),
        source: 'viz',
        confidence: Math.min(fields[c.field]!.confidence, printedZone[c.field]!.confidence),
      };
    }
    if (c.agrees) continue;
    add(
      'MRZ_VIZ_MISMATCH',
      `Printed ${FIELD_LABEL[c.field]} ${c.viz} differs from MRZ ${FIELD_LABEL[c.field]} ${c.mrz}.`,
      { field: c.field, mrz: c.mrz, viz: c.viz },
    );
  }

  for (const [field, code] of [
    ['issuingState', mrz.fields.issuingState],
    ['nationality', mrz.fields.nationality],
  ] as const) {
    if (code && !isKnownIcaoCode(code)) {
      add(
        'DOC_CODE_UNKNOWN',
        `${field === 'issuingState' ? 'Issuing state' : 'Nationality'} code ${code} is not an ICAO state or organisation code.`,
        { field, code },
      );
    }
  }

  const dob = mrz.fields.dateOfBirth;
  const expiry = mrz.fields.dateOfExpiry;
  const issue = fields['dateOfIssue']?.value ?? null;
  const todayIso = today.toISOString().slice(0, 10);
  if (expiry && expiry < todayIso)
    add('DOC_EXPIRED', `The document expired on ${expiry}.`, { dateOfExpiry: expiry, today: todayIso });
  const impossible: string[] = [];
  if (dob && dob > todayIso) impossible.push(`born in the future (${dob})`);
  if (dob && issue && dob > issue) impossible.push(`born (${dob}) after the document was issued (${issue})`);
  if (issue && expiry && expiry < issue) impossible.push(`expires (${expiry}) before it was issued (${issue})`);
  if (impossible.length)
    add('DOC_DATES_IMPOSSIBLE', `The dates cannot be right: ${impossible.join('; ')}.`, {
      dateOfBirth: dob,
      dateOfIssue: issue,
      dateOfExpiry: expiry,
    });
  if (dob && dob <= todayIso) {
    const age = yearsBetween(dob, today);
    if (age < 16 || age > 110)
      add('DOC_AGE_IMPLAUSIBLE', `The holder would be ${age} years old.`, {
        dateOfBirth: dob,
        age,
        plausible: '16-110',
      });
  }

  return {
    fields,
    mrz: { format: mrz.format, lines: mrz.lines, valid: mrz.valid, corrections: mrz.corrections },
    printedZone,
    ocrText: text.text,
    // Tesseract reports boxes in whole-image coordinates even when it read a rectangle.
    mrzBox: candidate.box,
    width: image.width,
    height: image.height,
    findings,
  };
}
