// Codes that may stand in an MRZ's issuing-state and nationality fields: the ISO 3166-1
// alpha-3 country codes (ICAO 9303 part 3 §5 adopts them) and ICAO's own additions.
import countries from 'i18n-iso-countries';

/** ICAO 9303 part 3 §5, codes that are not ISO 3166-1 alpha-3, with what they stand for. */
export const ICAO_SPECIAL_CODES: Readonly<Record<string, string>> = {
  D: 'Germany (ICAO uses D, not DEU)',
  GBD: 'British Overseas Territories citizen',
  GBN: 'British National (Overseas)',
  GBO: 'British Overseas citizen',
  GBP: 'British protected person',
  GBS: 'British subject',
  EUE: 'European Union (laissez-passer)',
  RKS: 'Kosovo',
  UNO: 'United Nations Organization or one of its officials',
  UNA: 'United Nations specialized agency or one of its officials',
  UNK: 'Resident of Kosovo to whom a UNMIK travel document has been issued',
  XBA: 'African Development Bank',
  XIM: 'African Export-Import Bank',
  XCC: 'Caribbean Community or one of its emissaries',
  XCE: 'Council of Europe',
  XCO: 'Common Market for Eastern and Southern Africa',
  XEC: 'Economic Community of West African States',
  XPO: 'International Criminal Police Organization (INTERPOL)',
  XES: 'Organization of Eastern Caribbean States',
  XMP: 'Parliamentary Assembly of the Mediterranean',
  XOM: 'Sovereign Military Order of Malta',
  XDC: 'Southern African Development Community',
  XXA: 'Stateless person (1954 Convention)',
  XXB: 'Refugee (1951 Convention)',
  XXC: 'Refugee (other than under the 1951 Convention)',
  XXX: 'Person of unspecified nationality',
  // ICAO's fictitious specimen state, used in every example of Doc 9303. A real document
  // never carries it; it is accepted so specimens and training material parse.
  UTO: 'Utopia (ICAO specimen)',
};

const ISO_ALPHA3 = new Set(Object.keys(countries.getAlpha3Codes()));
// Germany travels as D; DEU in an MRZ is itself a sign of a home-made document.
ISO_ALPHA3.delete('DEU');

/** Accepts the code as written in an MRZ field, fillers included ('D<<'). */
export function isKnownIcaoCode(code: string): boolean {
  const trimmed = code.replace(/<+$/, '');
  return ISO_ALPHA3.has(trimmed) || Object.hasOwn(ICAO_SPECIAL_CODES, trimmed);
}
