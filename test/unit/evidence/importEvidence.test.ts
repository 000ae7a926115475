import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanFileName, importEvidence, type ImportSource } from '../../../electron/engine/evidence/importEvidence';
import { Vault } from '../../../electron/engine/store/vault';
import { useTempDirs } from '../../helpers/tempDir';
import { makeDocx, makePng } from '../../helpers/sampleFiles';

const tempDir = useTempDirs();
const source = (name: string, bytes: Uint8Array): ImportSource => ({
  name,
  sizeBytes: bytes.length,
  read: () => bytes,
});
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function openCase() {
  const vault = await Vault.create(tempDir(), {
    passphrase: 'granite lantern orbit velvet',
    reviewer: 'Dana',
    kdfCost: 'test',
  });
  const c = vault.cases.create('Candidate A');
  return { vault, caseId: c.id };
}

describe('importEvidence', () => {
  it('imports good files, rejects bad ones with the file and reason named, and keeps going', async () => {
    const { vault, caseId } = await openCase();
    const photo = makePng(32, 32, 5);
    const cv = makeDocx('Anna Eriksson');
    const outcomes = importEvidence(
      vault,
      caseId,
      [
        source('passport.png', photo),
        source('invoice.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1')),
        source('empty.txt', new Uint8Array()),
        source('cv.docx', cv),
      ],
      { actor: 'Dana', maxImportBytes: 1_000_000 },
    );
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'rejected', 'rejected', 'imported']);
    expect(outcomes[1]).toEqual({
      status: 'rejected',
      name: 'invoice.pdf',
      reason:
        "invoice.pdf: not a supported file: it is a Windows executable (starts with 'MZ'), although its name says PDF. Vetbench imports JPEG, PNG, WebP, TIFF, PDF, DOCX or UTF-8 text.",
    });
    expect(outcomes[2]).toMatchObject({ reason: 'empty.txt: the file is empty (0 bytes).' });
    const stored = vault.evidence.listForCase(caseId);
    expect(stored.map((e) => [e.originalName, e.mediaType, e.sizeBytes, e.sha256])).toEqual([
      ['passport.png', 'image/png', photo.length, sha(photo)],
      ['cv.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', cv.length, sha(cv)],
    ]);
    expect(Buffer.from(vault.evidence.readBytes(sha(photo))).equals(photo)).toBe(true);
    const logged = vault.log
      .list({ caseId })
      .map((e) => [e.type, e.payload['name']])
      .reverse();
    expect(logged).toEqual([
      ['evidence.imported', 'passport.png'],
      ['evidence.rejected', 'invoice.pdf'],
      ['evidence.rejected', 'empty.txt'],
      ['evidence.imported', 'cv.docx'],
    ]);
    vault.close();
  });

  it('stores the same bytes once per case and reports the second as a duplicate', async () => {
    const { vault, caseId } = await openCase();
    const photo = makePng(16, 16, 2);
    const [first] = importEvidence(vault, caseId, [source('a.png', photo)], { actor: 'Dana', maxImportBytes: 1e6 });
    const [second] = importEvidence(vault, caseId, [source('renamed copy.png', photo)], {
      actor: 'Dana',
      maxImportBytes: 1e6,
    });
    expect(second).toEqual({
      status: 'duplicate',
      name: 'renamed copy.png',
      evidence: first!.status === 'imported' ? first!.evidence : null,
    });
    expect(vault.evidence.listForCase(caseId)).toHaveLength(1);
    expect(vault.db.prepare('SELECT count(*) AS n FROM evidence_blobs').get()).toEqual({ n: 1 });
    // Another case may hold the same file; the bytes are still stored once.
    const other = vault.cases.create('Candidate B');
    expect(
      importEvidence(vault, other.id, [source('a.png', photo)], { actor: 'Dana', maxImportBytes: 1e6 })[0]!.status,
    ).toBe('imported');
    expect(vault.db.prepare('SELECT count(*) AS n FROM evidence_blobs').get()).toEqual({ n: 1 });
    vault.close();
  });

  it('refuses an oversized file without reading it', async () => {
    const { vault, caseId } = await openCase();
    let read = false;
    const huge: ImportSource = {
      name: 'scan.tiff',
      sizeBytes: 2 * 1024 ** 3,
      read: () => {
        read = true;
        return new Uint8Array();
      },
    };
    const [outcome] = importEvidence(vault, caseId, [huge], { actor: 'Dana', maxImportBytes: 100 * 1024 ** 2 });
    expect(outcome).toEqual({
      status: 'rejected',
      name: 'scan.tiff',
      reason: 'scan.tiff: 2.0 GB is over the import limit of 100 MB; split or compress it, or raise the limit.',
    });
    expect(read).toBe(false);
    vault.close();
  });

  it('reports a file that cannot be read and still imports the next one', async () => {
    const { vault, caseId } = await openCase();
    const missing: ImportSource = {
      name: '/tmp/gone.jpg',
      sizeBytes: 10,
      read: () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
    };
    const outcomes = importEvidence(vault, caseId, [missing, source('notes.txt', Buffer.from('hello world\n'))], {
      actor: 'Dana',
      maxImportBytes: 1e6,
    });
    expect(outcomes).toMatchObject([
      { status: 'rejected', reason: 'gone.jpg: cannot be read (no such file).' },
      { status: 'imported' },
    ]);
    vault.close();
  });

  it('refuses to import into a case that does not exist', async () => {
    const { vault } = await openCase();
    expect(() =>
      importEvidence(vault, 'no-such-case', [source('a.txt', Buffer.from('a'))], {
        actor: 'Dana',
        maxImportBytes: 1e6,
      }),
    ).toThrow(/No case/);
    vault.close();
  });

  it('cleans names: paths and control characters go, the recognisable name stays', () => {
    expect(cleanFileName('C:\\Users\\x\\passport scan.jpg')).toBe('passport scan.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('evil\u0000name\u001b[31m.pdf')).toBe('evilname[31m.pdf');
    expect(cleanFileName('///')).toBe('unnamed file');
  });
});
