export { computeCheckDigit, checkDigitMatches } from './checkDigits';
export { detectFormat, LAYOUTS, type MrzFormat } from './formats';
export { parseMrz, type MrzCorrection, type MrzFields, type MrzProblem, type MrzResult } from './parseMrz';
export { mrzNameMatches, toMrzName } from './transliterate';
