import { describe, expect, it } from 'vitest';
import { normalisePrintedDate } from '../../../electron/engine/identity/readPrintedZone';

const today = new Date('2026-11-22T00:00:00Z');

describe('normalisePrintedDate', () => {
  it.each([
    ['12 AUG 1974', 'past', '1974-08-12'],
    ['12 AUG/AOÛT 74', 'past', '1974-08-12'],
    ['12.08.1974', 'past', '1974-08-12'],
    ['12/08/74', 'past', '1974-08-12'],
    ['1974-08-12', 'past', '1974-08-12'],
    ['3 MAI 2031', 'near', '2031-05-03'],
    ['17/09/33', 'near', '2033-09-17'],
    ['29.02.1988', 'past', '1988-02-29'],
    // A two-digit birth year is never in the future; an expiry year is the nearest one.
    ['01/01/27', 'past', '1927-01-01'],
    ['01/01/27', 'near', '2027-01-01'],
  ] as const)('%s (%s) → %s', (text, century, expected) => {
    expect(normalisePrintedDate(text, century, today)).toBe(expected);
  });

  it.each(['31.02.1990', '12 FOO 1990', '1990', '', '12-08'])('refuses %j', (text) => {
    expect(normalisePrintedDate(text, 'past', today)).toBeNull();
  });
});
