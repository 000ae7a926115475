import { describe, expect, it } from 'vitest';
import { FINDING_CODES, FINDINGS, makeFinding, scoreRisk } from '../../../shared/findings';

describe('findings catalogue', () => {
  it('has every code DESIGN.md lists, each explained', () => {
    const design =
      'MRZ_NOT_FOUND MRZ_FORMAT MRZ_CHECK_DIGIT MRZ_VIZ_MISMATCH DOC_EXPIRED DOC_DATES_IMPOSSIBLE DOC_AGE_IMPLAUSIBLE DOC_CODE_UNKNOWN IMG_EDITING_SOFTWARE IMG_EDIT_HISTORY IMG_DATES_INCONSISTENT IMG_THUMBNAIL_MISMATCH IMG_RECOMPRESSED IMG_ELA_ANOMALY IMG_METADATA_STRIPPED IMG_GPS_MISMATCH PDF_INCREMENTAL_UPDATE PDF_EDITOR_PRODUCER DOC_DATES_INCONSISTENT DOC_AUTHOR_MISMATCH NAME_MISMATCH DOB_MISMATCH NATIONALITY_MISMATCH LOCATION_INCONSISTENT CONTACT_INCONSISTENT TIMELINE_INCONSISTENT LOGIN_MULTI_COUNTRY LOGIN_IMPOSSIBLE_TRAVEL LOGIN_HOSTING_NETWORK HOURS_TIMEZONE_MISMATCH PAYMENT_CRYPTO PAYMENT_HIGH_RISK_JURISDICTION PAYMENT_NAME_MISMATCH PAYMENT_FREQUENT_TRANSFERS SANCTIONS_MATCH CROSS_CASE_REUSE'.split(
        ' ',
      );
    expect(FINDING_CODES).toEqual(expect.arrayContaining(design));
    for (const code of FINDING_CODES) expect(FINDINGS[code].why.length, code).toBeGreaterThan(40);
  });
});

describe('scoreRisk', () => {
  const f = (code: Parameters<typeof makeFinding>[0], document = 'a.jpg') => makeFinding(code, 'm', {}, document);

  it('is none with no findings or only informational ones', () => {
    expect(scoreRisk([])).toEqual({ level: 'none', score: 0 });
    expect(scoreRisk([f('IMG_METADATA_STRIPPED')])).toEqual({ level: 'none', score: 0 });
  });

  it('adds severity points, counts a code once per document, and takes the worst severity as the level', () => {
    expect(scoreRisk([f('IMG_RECOMPRESSED'), f('IMG_RECOMPRESSED')])).toEqual({ level: 'low', score: 5 });
    expect(scoreRisk([f('MRZ_VIZ_MISMATCH'), f('IMG_RECOMPRESSED'), f('IMG_RECOMPRESSED', 'b.jpg')])).toEqual({
      level: 'high',
      score: 40,
    });
    expect(scoreRisk([f('SANCTIONS_MATCH'), f('MRZ_CHECK_DIGIT'), f('MRZ_VIZ_MISMATCH')])).toEqual({
      level: 'critical',
      score: 100,
    });
  });

  it('raises many medium findings to high once the score reaches 60', () => {
    const many = ['DOC_EXPIRED', 'IMG_EDITING_SOFTWARE', 'IMG_EDIT_HISTORY', 'IMG_ELA_ANOMALY'] as const;
    expect(scoreRisk(many.map((c) => f(c)))).toEqual({ level: 'high', score: 60 });
  });
});
