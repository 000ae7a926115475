// The findings catalogue: every finding code Vetbench can raise, its default severity, what
// it means and why it matters. Codes are stable identifiers (scripts outside this repository
// match on them); titles and explanations are for people and may change.

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export interface FindingDefinition {
  title: string;
  severity: Severity;
  /** Why a reviewer should care, in one or two sentences. */
  why: string;
}

export const FINDINGS = {
  // Identity document
  MRZ_NOT_FOUND: {
    title: 'No machine-readable zone found',
    severity: 'medium',
    why: 'Passports, ID cards and visas carry an MRZ; without one nothing on the document can be checked arithmetically. The image may be cropped, blurred, or not an identity document.',
  },
  MRZ_FORMAT: {
    title: 'MRZ does not follow ICAO 9303',
    severity: 'high',
    why: 'Issuing authorities print MRZs to a strict layout; wrong line lengths, characters or dates point to a home-made document or a damaged image.',
  },
  MRZ_CHECK_DIGIT: {
    title: 'MRZ check digit fails',
    severity: 'high',
    why: 'Every key MRZ field is protected by a check digit. A failure that no OCR correction explains means the characters were changed after issue — typically a forged date of birth or document number.',
  },
  MRZ_VIZ_MISMATCH: {
    title: 'Printed data differs from the MRZ',
    severity: 'high',
    why: 'The printed zone and the MRZ are produced together from one record; a disagreement (beyond ICAO transliteration and truncation) is a classic sign of an altered document.',
  },
  DOC_EXPIRED: {
    title: 'Document expired',
    severity: 'medium',
    why: 'An expired document is not valid proof of identity and is often used because a current one would not pass.',
  },
  DOC_DATES_IMPOSSIBLE: {
    title: 'Document dates are impossible',
    severity: 'high',
    why: 'Birth after issue, expiry before issue or birth in the future cannot happen on a genuine document.',
  },
  DOC_AGE_IMPLAUSIBLE: {
    title: 'Holder age implausible',
    severity: 'medium',
    why: 'A holder younger than 16 or older than 110 does not fit a freelance contractor, and points to a borrowed or invented identity.',
  },
  DOC_CODE_UNKNOWN: {
    title: 'Unknown state or organisation code',
    severity: 'high',
    why: 'Issuing state and nationality must be ICAO codes; an unknown code means the document was not issued by any real authority.',
  },
  // Image file
  IMG_EDITING_SOFTWARE: {
    title: 'Image saved by editing software',
    severity: 'medium',
    why: 'A photo or scan of an ID has no reason to pass through an image editor; editors are how text and portraits are changed.',
  },
  IMG_EDIT_HISTORY: {
    title: 'Image has an editing history',
    severity: 'medium',
    why: 'The file records edits or saves after capture (XMP history), so what you see is not what the camera or scanner produced.',
  },
  IMG_DATES_INCONSISTENT: {
    title: 'Image dates are inconsistent',
    severity: 'low',
    why: 'A file modified long after it was taken, or dated in the future, has been re-processed or had its clock set by hand.',
  },
  IMG_THUMBNAIL_MISMATCH: {
    title: 'Embedded thumbnail shows something else',
    severity: 'high',
    why: 'Cameras write a preview of the same picture; editors often leave the old preview in place, so a different thumbnail shows the image before it was changed.',
  },
  IMG_RECOMPRESSED: {
    title: 'Image was JPEG-compressed more than once',
    severity: 'low',
    why: 'Double compression means the image was opened and saved again after capture; on its own it is weak evidence, together with other findings it matters.',
  },
  IMG_ELA_ANOMALY: {
    title: 'Region with a different compression history',
    severity: 'medium',
    why: 'Error level analysis shows a compact region that responds to re-compression unlike comparable content around it — typical of a pasted portrait or text.',
  },
  IMG_METADATA_STRIPPED: {
    title: 'Camera metadata removed',
    severity: 'info',
    why: 'Cameras and phones always write EXIF; a JPEG photo without any was re-saved by something that dropped it. Common with messaging apps, so informational only.',
  },
  IMG_GPS_MISMATCH: {
    title: 'Photo location far from the claimed location',
    severity: 'medium',
    why: 'The GPS position in the photo is far from where the candidate says they live.',
  },
  // PDF/DOCX file
  PDF_INCREMENTAL_UPDATE: {
    title: 'PDF was changed after it was created',
    severity: 'medium',
    why: 'Incremental updates append changes to a finished PDF; on a diploma or reference letter that means someone edited it.',
  },
  PDF_EDITOR_PRODUCER: {
    title: 'PDF produced by an editing tool',
    severity: 'low',
    why: 'The producer or creator is a PDF editor or converter rather than the application that would normally issue such a document.',
  },
  PDF_ACTIVE_CONTENT: {
    title: 'PDF contains active content',
    severity: 'high',
    why: 'JavaScript, launch actions or embedded files have no place in a CV or an ID scan and may be an attack on the reviewer. Vetbench never runs them.',
  },
  DOC_DATES_INCONSISTENT: {
    title: 'Document dates are inconsistent',
    severity: 'low',
    why: 'Modified before created, in the future, or long after creation: the file history does not fit the story.',
  },
  DOC_AUTHOR_MISMATCH: {
    title: 'File metadata names someone else',
    severity: 'medium',
    why: 'The author, last editor or company of the file is another person or organisation — CVs written by a handler often show it.',
  },
  // Across sources
  NAME_MISMATCH: {
    title: 'Names disagree across sources',
    severity: 'high',
    why: 'After allowing for romanisation, order, diacritics and middle names, the sources name different people.',
  },
  DOB_MISMATCH: {
    title: 'Dates of birth disagree',
    severity: 'high',
    why: 'A person has one date of birth; different ones across sources point to a borrowed identity.',
  },
  NATIONALITY_MISMATCH: {
    title: 'Nationalities disagree',
    severity: 'medium',
    why: 'Sources that state citizenship name different countries.',
  },
  LOCATION_INCONSISTENT: {
    title: 'Location claims disagree',
    severity: 'medium',
    why: 'Where the person says they are does not match their phone number, time zone, CV or photos.',
  },
  CONTACT_INCONSISTENT: {
    title: 'Contact details disagree',
    severity: 'low',
    why: 'Different emails or phone numbers across sources where one would expect the same.',
  },
  TIMELINE_INCONSISTENT: {
    title: 'Education or work history is impossible',
    severity: 'medium',
    why: 'Entries that start before birth, end before they start, lie in the future, or overlap full-time in different countries.',
  },
  // Behaviour and money
  LOGIN_MULTI_COUNTRY: {
    title: 'Logins from several countries',
    severity: 'medium',
    why: 'One account used from several countries in a short time suggests shared access or a proxy.',
  },
  LOGIN_IMPOSSIBLE_TRAVEL: {
    title: 'Impossible travel between logins',
    severity: 'high',
    why: 'Consecutive logins too far apart for the time between them.',
  },
  LOGIN_HOSTING_NETWORK: {
    title: 'Login from a hosting, VPN or proxy network',
    severity: 'medium',
    why: 'Data-centre and VPN addresses hide where the person really is.',
  },
  HOURS_TIMEZONE_MISMATCH: {
    title: 'Working hours do not fit the claimed time zone',
    severity: 'medium',
    why: 'Activity concentrated in what would be the night in the claimed time zone fits another part of the world.',
  },
  PAYMENT_CRYPTO: {
    title: 'Payment in cryptocurrency',
    severity: 'high',
    why: 'The advisory names requests for payment in cryptocurrency as a red flag.',
  },
  PAYMENT_HIGH_RISK_JURISDICTION: {
    title: 'Payment to a high-risk jurisdiction',
    severity: 'high',
    why: 'The receiving account is in a jurisdiction the reviewer marks as high risk (by default PRC-based banks, as the advisory names them).',
  },
  PAYMENT_NAME_MISMATCH: {
    title: 'Payee is not the candidate',
    severity: 'high',
    why: "Payments to an account in another person's name is how earnings reach a handler.",
  },
  PAYMENT_FREQUENT_TRANSFERS: {
    title: 'Unusually frequent transfers',
    severity: 'low',
    why: 'Many small transfers in a short period suggest funds being moved on.',
  },
  SANCTIONS_MATCH: {
    title: 'Possible sanctions list match',
    severity: 'critical',
    why: 'A name in the case resembles an entry on an official sanctions list; paying a sanctioned person is unlawful.',
  },
  CROSS_CASE_REUSE: {
    title: 'Identity data reused in another case',
    severity: 'high',
    why: 'The same photo, CV, document number or account appears in another case under a different name.',
  },
} as const satisfies Record<string, FindingDefinition>;

export type FindingCode = keyof typeof FINDINGS;

export const FINDING_CODES = Object.keys(FINDINGS) as FindingCode[];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The file the finding is about, when it is about one. */
  document?: string;
  message: string;
  evidence: Record<string, unknown>;
}

/**
 * Risk score, 0-100: each finding adds the points of its severity, duplicates of the same
 * code on the same document count once, and the sum saturates at 100. The level is that of
 * the most severe finding, raised to 'high' by a score of 60 or more. Info findings add
 * nothing: they are context, not risk.
 */
export const SEVERITY_POINTS: Record<Severity, number> = { info: 0, low: 5, medium: 15, high: 30, critical: 60 };

export type RiskLevel = 'none' | 'low' | 'medium' | 'high' | 'critical';

export function scoreRisk(findings: readonly Finding[]): { level: RiskLevel; score: number } {
  const seen = new Set<string>();
  let score = 0;
  let worst = -1;
  for (const f of findings) {
    const key = `${f.code}|${f.document ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    score += SEVERITY_POINTS[f.severity];
    if (f.severity !== 'info') worst = Math.max(worst, SEVERITIES.indexOf(f.severity));
  }
  score = Math.min(100, score);
  const fromSeverity: RiskLevel = worst < 0 ? 'none' : (SEVERITIES[worst] as RiskLevel);
  const level: RiskLevel = score >= 60 && (fromSeverity === 'low' || fromSeverity === 'medium') ? 'high' : fromSeverity;
  return { level, score };
}

export function makeFinding(
  code: FindingCode,
  message: string,
  evidence: Record<string, unknown>,
  document?: string,
): Finding {
  return { code, severity: FINDINGS[code].severity, ...(document ? { document } : {}), message, evidence };
}
