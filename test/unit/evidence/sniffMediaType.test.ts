import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../electron/engine/evidence/sniffMediaType';
import { makeDocx, makePdf, makePng, makeZip } from '../../helpers/sampleFiles';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('sniffMediaType', () => {
  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['PNG', makePng(4, 4), 'image/png'],
    ['WebP', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), 'image/webp'],
    ['TIFF little-endian', bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0), 'image/tiff'],
    ['TIFF big-endian', bytes(0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8), 'image/tiff'],
    ['PDF', makePdf('x'), 'application/pdf'],
    ['DOCX', makeDocx('Curriculum vitae'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['UTF-8 text with accents', Buffer.from('Jürgen Müller — Curriculum vitae\nSeoul 서울\n', 'utf8'), 'text/plain'],
  ])('recognises %s from its bytes', (_name, input, expected) => {
    expect(sniffMediaType(input)).toEqual({ ok: true, mediaType: expected });
  });

  it.each([
    ['a ZIP that is not a Word document', makeZip({ 'notes.txt': 'hello' }), 'a ZIP archive'],
    ['an Excel workbook', makeZip({ '[Content_Types].xml': '<x/>', 'xl/workbook.xml': '<x/>' }), 'an Excel workbook'],
    ['a Windows executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'a Windows executable'],
    ['a GIF', Buffer.from('GIF89a\x01\x00', 'latin1'), 'a GIF image'],
    [
      'HTML',
      Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
      'an HTML, SVG or XML document; export it as PDF',
    ],
    ['random binary', bytes(0x00, 0x13, 0x37, 0xfe, 0x01, 0x02), 'not a file type Vetbench reads'],
    ['UTF-16 text', Buffer.from('\ufeffHello', 'utf16le'), 'UTF-16 text; save it as UTF-8'],
  ])('refuses %s and says what it is', (_name, input, what) => {
    expect(sniffMediaType(input)).toEqual({ ok: false, what });
  });

  it('does not trip over a ZIP whose directory points past the end of the file', () => {
    const zip = makeZip({ 'word/document.xml': '<x/>' });
    zip.writeUInt32LE(0xfffffff0, zip.length - 6); // central directory offset
    expect(sniffMediaType(zip)).toEqual({ ok: false, what: 'a damaged or unreadable ZIP archive' });
  });
});
