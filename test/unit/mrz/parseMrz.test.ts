import { parse as parseWithMrzPackage } from 'mrz';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit, parseMrz } from '../../../electron/engine/mrz';
import { buildTd1, buildTd3, type MrzInput } from '../../fixtures/identity/buildMrz';

const today = new Date('2026-11-22T00:00:00Z');
// ICAO Doc 9303 specimens (part 4 appendix A, part 5 appendix A).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const MRVA = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];

const replaceAt = (line: string, position: number, char: string) =>
  line.slice(0, position - 1) + char + line.slice(position);

describe('parseMrz on the ICAO specimens', () => {
  it('reads the TD3 passport exactly', () => {
    const result = parseMrz(TD3, { today });
    expect(result).toMatchObject({ format: 'TD3', valid: true, corrections: [], problems: [] });
    expect(result.fields).toEqual({
      documentType: 'P',
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2012-04-15',
      personalNumber: 'ZE184226B',
      optionalData: null,
    });
  });

  it('reads the TD1 card, TD2 card and MRV-A visa', () => {
    expect(parseMrz(TD1, { today })).toMatchObject({
      format: 'TD1',
      valid: true,
      fields: {
        documentType: 'I',
        documentNumber: 'D23145890',
        dateOfBirth: '1974-08-12',
        sex: 'F',
        surname: 'ERIKSSON',
      },
    });
    expect(parseMrz(TD2, { today })).toMatchObject({
      format: 'TD2',
      valid: true,
      fields: { documentNumber: 'D23145890', givenNames: 'ANNA MARIA' },
    });
    expect(parseMrz(MRVA, { today })).toMatchObject({
      format: 'MRVA',
      valid: true,
      fields: { documentType: 'V', nationality: 'XXX', dateOfBirth: '1940-09-07', dateOfExpiry: '1996-12-10' },
    });
  });

  it('reads a TD1 document number longer than nine characters from the optional data', () => {
    const long = ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'];
    expect(parseMrz(long, { today })).toMatchObject({ valid: true, fields: { documentNumber: 'D23145890734' } });
  });

  it('resolves two-digit years: birth never in the future, expiry within 50 years', () => {
    const young = buildTd3(input({ dateOfBirth: '2019-05-01', dateOfExpiry: '2071-01-01' }));
    expect(parseMrz(young, { today }).fields).toMatchObject({ dateOfBirth: '2019-05-01', dateOfExpiry: '2071-01-01' });
    const old = buildTd3(input({ dateOfBirth: '1927-05-01' }));
    expect(parseMrz(old, { today }).fields.dateOfBirth).toBe('1927-05-01');
  });
});

function input(overrides: Partial<MrzInput> = {}): MrzInput {
  return {
    documentCode: 'P<',
    issuingState: 'SWE',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    documentNumber: 'P48219300',
    nationality: 'SWE',
    dateOfBirth: '1974-08-12',
    sex: 'F',
    dateOfExpiry: '2033-11-22',
    ...overrides,
  };
}

describe('check-digit-guided repair', () => {
  it('repairs letters read for digits in a date, and reports each correction', () => {
    // 740812: the 0 read as O (position 16), the 8 as B (position 17).
    const misread = [TD3[0]!, replaceAt(replaceAt(TD3[1]!, 16, 'O'), 17, 'B')];
    const result = parseMrz(misread, { today });
    expect(result.valid).toBe(true);
    expect(result.lines).toEqual(TD3);
    expect(result.corrections).toEqual([
      { line: 2, position: 16, from: 'O', to: '0' },
      { line: 2, position: 17, from: 'B', to: '8' },
    ]);
  });

  it('repairs a filler read as K in the personal number, then O read for 0 in the composite digit', () => {
    const result = parseMrz([TD3[0]!, replaceAt(replaceAt(TD3[1]!, 44, 'O'), 42, 'K')], { today });
    expect(result.valid).toBe(true);
    expect(result.corrections).toEqual([
      { line: 2, position: 42, from: 'K', to: '<' },
      { line: 2, position: 44, from: 'O', to: '0' },
    ]);
  });

  it('turns digits in names back into letters and repairs a country code into the one known code', () => {
    const line1 = 'P<5WEERIK5SON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<';
    const result = parseMrz([line1, buildTd3(input())[1]], { today });
    expect(result.fields).toMatchObject({ issuingState: 'SWE', surname: 'ERIKSSON', givenNames: 'ANNA MARIA' });
    expect(result.corrections).toEqual([
      { line: 1, position: 10, from: '5', to: 'S' },
      { line: 1, position: 24, from: '1', to: 'I' },
      { line: 1, position: 3, from: '5', to: 'S' },
    ]);
  });

  it('cannot see a filler read as K through check digits (K = 20, and 20 × 7, 3 or 1 is 0 mod 10), so the layout rule catches it', () => {
    const withK = replaceAt(TD3[1]!, 40, 'K');
    expect(computeCheckDigit(withK.slice(28, 42))).toBe(computeCheckDigit(TD3[1]!.slice(28, 42)));
    expect(parseMrz([TD3[0]!, withK], { today })).toMatchObject({
      valid: true,
      fields: { personalNumber: 'ZE184226B' },
      corrections: [{ line: 2, position: 40, from: 'K', to: '<' }],
    });
  });

  it('never repairs a changed digit into validity: the forged birth year stays a check-digit failure', () => {
    const genuine = buildTd3(input());
    const forged = [genuine[0], replaceAt(genuine[1], 14, '8')]; // 1974 -> 1984, check digit left as it was
    const result = parseMrz(forged, { today });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.field])).toEqual([
      ['MRZ_CHECK_DIGIT', 'dateOfBirth'],
      ['MRZ_CHECK_DIGIT', 'composite'],
    ]);
    expect(result.problems[0]!.message).toBe(
      `Date of birth check digit is ${genuine[1][19]} but the characters 840812 give ${computeCheckDigit('840812')}.`,
    );
  });

  it('accepts a forgery whose check digits were recomputed: only the printed-zone comparison can catch it', () => {
    const recomputed = buildTd3(input({ dateOfBirth: '1984-08-12' }));
    expect(parseMrz(recomputed, { today })).toMatchObject({ valid: true, fields: { dateOfBirth: '1984-08-12' } });
  });

  it('refuses to guess when two repairs satisfy the check digits equally well', () => {
    // The number has a digit 0 at position 2 and a letter O at position 5; both positions carry
    // weight 3, so with the 0 misread as O, "fix position 2" and "fix position 5" give the same sums.
    const genuine = buildTd3(input({ documentNumber: 'A0BCOXYZ1' }));
    const result = parseMrz([genuine[0], replaceAt(genuine[1], 2, 'O')], { today });
    expect(result.valid).toBe(false);
    expect(result.corrections).toEqual([]);
    expect(result.problems.find((p) => p.field === 'documentNumber')!.message).toMatch(
      /Several OCR corrections would satisfy it, so none was made\.$/,
    );
  });
});

describe('parseMrz against the mrz package on generated MRZs', () => {
  // A seeded generator, so a failure names a reproducible case.
  let seed = 20261122;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const word = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick([...letters])).join('');
  const date = (from: number, to: number) => {
    const d = new Date(
      Date.UTC(from + Math.floor(random() * (to - from)), Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
    );
    return d.toISOString().slice(0, 10);
  };
  // Real states only: the mrz package refuses ICAO's specimen code UTO, which we accept.
  const states = ['SWE', 'D', 'FRA', 'KOR', 'USA', 'GBR', 'ESP', 'NGA', 'VNM', 'PRK'] as const;

  it('agrees on every field and on validity for 3,000 TD1 and TD3 documents', () => {
    for (let n = 0; n < 3000; n++) {
      const td1 = n % 2 === 0;
      const m: MrzInput = {
        documentCode: td1 ? 'I<' : 'P<',
        issuingState: pick(states),
        surname: `${word(2, 9)}${random() < 0.3 ? ` ${word(3, 8)}` : ''}`,
        givenNames: `${word(2, 8)} ${word(2, 8)}`,
        documentNumber: (word(1, 2) + String(Math.floor(random() * 1e8))).slice(0, 9),
        nationality: pick(states),
        dateOfBirth: date(1940, 2005),
        sex: pick(['M', 'F', 'X'] as const),
        dateOfExpiry: date(2027, 2036),
      };
      const lines = td1 ? buildTd1(m) : buildTd3(m);
      const ours = parseMrz(lines, { today });
      const theirs = parseWithMrzPackage(lines);
      const context = lines.join(' / ');
      expect(ours.valid, context).toBe(theirs.valid);
      expect(ours.fields.documentNumber, context).toBe(theirs.fields.documentNumber);
      expect(ours.fields.surname, context).toBe(theirs.fields.lastName);
      expect(ours.fields.givenNames, context).toBe(theirs.fields.firstName);
      expect(ours.fields.dateOfBirth?.slice(2).replace(/-/g, ''), context).toBe(theirs.fields.birthDate);
      expect(ours.fields.dateOfExpiry?.slice(2).replace(/-/g, ''), context).toBe(theirs.fields.expirationDate);
      expect(ours.fields.sex, context).toBe(
        theirs.fields.sex === 'male' ? 'M' : theirs.fields.sex === 'female' ? 'F' : 'X',
      );
      expect(ours.fields.nationality, context).toBe(theirs.fields.nationality);
    }
  });
});

describe('parseMrz on garbage', () => {
  it('never throws and always says why an input is not a valid MRZ', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<< ?é\n';
    for (let n = 0; n < 3000; n++) {
      const lineCount = Math.floor(random() * 4);
      const length = [0, 5, 29, 30, 31, 36, 44, 45][Math.floor(random() * 8)]!;
      const lines = Array.from({ length: lineCount }, () =>
        Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
      );
      const result = parseMrz(lines, { today });
      if (!result.valid) expect(result.problems.length, JSON.stringify(lines)).toBeGreaterThan(0);
    }
    expect(parseMrz(undefined as unknown as string[]).problems[0]!.code).toBe('MRZ_FORMAT');
    expect(parseMrz([TD3[0]!, TD3[1]!.slice(0, 40)]).problems[0]!.message).toMatch(/2 line\(s\) of 44\/40 characters/);
  });
});
