import { describe, expect, it } from 'vitest';
import { findMrzLines } from '../../../electron/engine/identity/findMrzLines';
import type { OcrLine } from '../../../electron/engine/ocr/ocrPool';

const line = (text: string, y: number): OcrLine => ({
  text,
  confidence: 0.9,
  bbox: { x0: 10, y0: y, x1: 900, y1: y + 30 },
  words: [],
});

describe('findMrzLines', () => {
  it('takes the last two 44-character lines of a passport, ignoring printed text above', () => {
    const found = findMrzLines([
      line('DGCE M 9<9KWIDME 11 3X9 1 3 0H', 100),
      line('P<D<<MUELLER<<JUERGEN<<<<<<<<<<<<<<<<<<<<<<<', 800),
      line('P482984910D<<8802299M3311112<<<<<<<<<<<<<<<0', 850),
    ]);
    expect(found).toEqual({
      lines: ['P<D<<MUELLER<<JUERGEN<<<<<<<<<<<<<<<<<<<<<<<', 'P482984910D<<8802299M3311112<<<<<<<<<<<<<<<0'],
      box: { x0: 10, y0: 800, x1: 900, y1: 880 },
      confidence: 0.9,
    });
  });

  it('takes three 30-character lines as TD1, removing OCR spaces and fitting lengths', () => {
    const found = findMrzLines([
      line('IDSWE C482193001<<<<<<<<<<<<<<<', 10),
      line('7408122F3311226SWE<<<<<<<<<<<2', 50),
      line('ERIKSSON<<ANNA<MARIA<<<<<<<<', 90), // two fillers lost by OCR
    ]);
    expect(found?.lines).toEqual([
      'IDSWEC482193001<<<<<<<<<<<<<<<',
      '7408122F3311226SWE<<<<<<<<<<<2',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
  });

  it('does not take two 30-character lines or ordinary text for an MRZ', () => {
    expect(
      findMrzLines([line('7408122F3311226SWE<<<<<<<<<<<2', 1), line('ERIKSSON<<ANNA<MARIA<<<<<<<<<<', 2)]),
    ).toBeNull();
    expect(
      findMrzLines([line('Date of expiry / Date d expiration', 1), line('MINISTRY OF EXAMPLES 11.11.2033', 2)]),
    ).toBeNull();
    expect(findMrzLines([])).toBeNull();
  });
});
