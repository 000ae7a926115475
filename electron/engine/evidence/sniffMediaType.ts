import type { EvidenceMediaType } from '../../../shared/types';
import { zipEntryNames } from './zipDirectory';

export type SniffResult = { ok: true; mediaType: EvidenceMediaType } | { ok: false; what: string };

const DOCX: EvidenceMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

// Formats we refuse but can name, so the reviewer learns what the file really is.
const KNOWN_UNSUPPORTED: ReadonlyArray<{ signature: number[]; at?: number; what: string }> = [
  { signature: ascii('GIF8'), what: 'a GIF image' },
  { signature: ascii('BM'), what: 'a BMP image' },
  { signature: ascii('MZ'), what: 'a Windows executable' },
  { signature: [0x7f, ...ascii('ELF')], what: 'a Linux executable' },
  { signature: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS executable' },
  { signature: [0x1f, 0x8b], what: 'a gzip archive' },
  { signature: ascii('Rar!'), what: 'a RAR archive' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  {
    signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'a legacy Office file (.doc/.xls); save it as DOCX or PDF',
  },
  { signature: ascii('ftypheic'), at: 4, what: 'a HEIC photo; export it as JPEG' },
  { signature: ascii('ftyp'), at: 4, what: 'a video or ISO media file' },
  { signature: ascii('%!PS'), what: 'a PostScript file' },
];

function describeZip(names: string[] | null): string {
  if (!names) return 'a damaged or unreadable ZIP archive';
  if (names.some((n) => n.startsWith('xl/'))) return 'an Excel workbook';
  if (names.some((n) => n.startsWith('ppt/'))) return 'a PowerPoint presentation';
  if (names.includes('mimetype') && names.some((n) => n === 'content.xml'))
    return 'an OpenDocument file; save it as DOCX or PDF';
  return 'a ZIP archive';
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Control characters other than tab, newline, carriage return and form feed mark binary data.
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls <= text.length / 1000;
}

/**
 * Decides what a file is from its bytes, never from its name (ISO/IEC 10918-1 SOI for JPEG,
 * the PNG signature, RIFF/WEBP, TIFF byte-order marks, %PDF-, and a ZIP holding
 * word/document.xml for DOCX). Text must be UTF-8 without binary control characters.
 */
export function sniffMediaType(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, mediaType: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, mediaType: 'image/png' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { ok: true, mediaType: 'image/webp' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { ok: true, mediaType: 'image/tiff' };
  // PDF readers accept the header within the first 1024 bytes (ISO 32000-1 §7.5.2, implementation note).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { ok: true, mediaType: 'application/pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(bytes);
    if (names?.includes('word/document.xml') && names.includes('[Content_Types].xml'))
      return { ok: true, mediaType: DOCX };
    return { ok: false, what: describeZip(names) };
  }
  for (const known of KNOWN_UNSUPPORTED) {
    if (startsWith(bytes, known.signature, known.at)) return { ok: false, what: known.what };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, what: 'UTF-16 text; save it as UTF-8' };
  }
  if (isPlainText(bytes)) {
    const start = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    if (/^(<!doctype html|<html|<svg|<\?xml|<script)/.test(start))
      return { ok: false, what: 'an HTML, SVG or XML document; export it as PDF' };
    return { ok: true, mediaType: 'text/plain' };
  }
  return { ok: false, what: 'not a file type Vetbench reads' };
}

/** How a file starts, for error messages: its leading text ("'PK'") or else its first bytes in hex. */
export function describeStart(bytes: Uint8Array): string {
  const first = [...bytes.subarray(0, 4)];
  const printable = first.findIndex((b) => b < 0x20 || b >= 0x7f);
  const textLength = printable === -1 ? first.length : printable;
  return textLength >= 2
    ? `'${String.fromCharCode(...first.slice(0, textLength))}'`
    : first.map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

const EXTENSIONS: Record<EvidenceMediaType, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'application/pdf': ['pdf'],
  [DOCX]: ['docx'],
  'text/plain': ['txt', 'text', 'md'],
};

export const SUPPORTED_DESCRIPTION = 'JPEG, PNG, WebP, TIFF, PDF, DOCX or UTF-8 text';

/** The media type a file name claims, when its extension is one we know. */
export function mediaTypeFromName(name: string): EvidenceMediaType | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return (Object.keys(EXTENSIONS) as EvidenceMediaType[]).find((t) => EXTENSIONS[t].includes(ext)) ?? null;
}
