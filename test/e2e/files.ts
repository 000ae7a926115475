import { createHash } from 'node:crypto';
import { makePng } from '../helpers/sampleFiles';

// Files for the UI walk: real bytes built from their specifications, plus one impostor.

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A scan-sized greyscale PNG standing in for a passport photo page. */
export const passportScan = (): TestFile => ({
  name: 'passport-scan.png',
  mimeType: 'image/png',
  buffer: makePng(320, 220, 3),
});

export const cvText = (): TestFile => ({
  name: 'cv-eriksson.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from(
    [
      'Anna Maria Eriksson',
      'Senior backend engineer · Austin, TX · anna@example.com · +1 512 555 0100',
      '',
      'Experience',
      '2019–present  Northwind Analytics, staff engineer (Go, PostgreSQL, Kubernetes)',
      '2015–2019     Contoso Payments, backend engineer',
      '',
      'Education',
      '1992–1996     KTH Royal Institute of Technology, MSc Computer Science',
      '',
    ].join('\n'),
    'utf8',
  ),
});

/** Named like a PDF, but a Windows executable: the engine must refuse it by its bytes. */
export const fakeInvoice = (): TestFile => {
  const buffer = Buffer.alloc(1024);
  buffer.write('MZ', 0, 'latin1');
  buffer.writeUInt32LE(0x80, 0x3c); // e_lfanew → a 'PE\0\0' header, as in a real .exe
  buffer.write('PE\0\0', 0x80, 'latin1');
  buffer.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return { name: 'invoice.pdf', mimeType: 'application/pdf', buffer };
};
