// Picks the machine-readable zone out of OCR lines: the last run of 2 or 3 consecutive lines
// that look like MRZ text and have one of the ICAO line lengths (TD1 30, TD2/MRV-B 36,
// TD3/MRV-A 44). OCR adds spaces and drops or doubles a filler now and then, so lengths
// within two characters count, and the parser gets the lines padded or cut to size.
import type { OcrBox, OcrLine } from '../ocr/ocrPool';

export interface MrzCandidate {
  lines: string[];
  /** Union of the lines' boxes, in the coordinates of the OCR'd image. */
  box: OcrBox;
  confidence: number;
}

const LENGTHS = [30, 36, 44] as const;
const LENGTH_SLACK = 2;

const clean = (text: string) => text.toUpperCase().replace(/\s+/g, '');

function lineLength(text: string): (typeof LENGTHS)[number] | null {
  return LENGTHS.find((n) => Math.abs(text.length - n) <= LENGTH_SLACK) ?? null;
}

/** MRZ text: only A-Z, 0-9 and '<', with fillers (a name line may have none at full length). */
const looksLikeMrz = (text: string) => /^[A-Z0-9<]+$/.test(text) && (text.includes('<') || text.length >= 28);

function fitTo(text: string, length: number): string {
  return text.length >= length ? text.slice(0, length) : text + '<'.repeat(length - text.length);
}

export function findMrzLines(ocrLines: OcrLine[]): MrzCandidate | null {
  const lines = ocrLines.map((l) => ({ ...l, clean: clean(l.text) }));
  for (let end = lines.length; end >= 2; end--) {
    for (const count of [3, 2] as const) {
      const start = end - count;
      if (start < 0) continue;
      const run = lines.slice(start, end);
      if (!run.every((l) => looksLikeMrz(l.clean))) continue;
      const lengths = run.map((l) => lineLength(l.clean));
      const length = lengths[0];
      if (!length || !lengths.every((n) => n === length)) continue;
      // TD1 is the only three-line format; two 30-character lines are not an MRZ.
      if ((count === 3) !== (length === 30)) continue;
      return {
        lines: run.map((l) => fitTo(l.clean, length)),
        box: {
          x0: Math.min(...run.map((l) => l.bbox.x0)),
          y0: Math.min(...run.map((l) => l.bbox.y0)),
          x1: Math.max(...run.map((l) => l.bbox.x1)),
          y1: Math.max(...run.map((l) => l.bbox.y1)),
        },
        confidence: Math.min(...run.map((l) => l.confidence)),
      };
    }
  }
  return null;
}
