import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { EvidenceFile, EvidenceMediaType } from '../../../shared/types';
import { VetbenchError } from '../errors';

interface EvidenceRow {
  id: string;
  case_id: string;
  original_name: string;
  media_type: EvidenceMediaType;
  size_bytes: number;
  sha256: string;
  imported_at: string;
}

const toEvidence = (row: EvidenceRow): EvidenceFile => ({
  id: row.id,
  caseId: row.case_id,
  originalName: row.original_name,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  importedAt: row.imported_at,
});

export class EvidenceRepository {
  private readonly insertBlobStmt: Statement;
  private readonly insertStmt: Statement;
  private readonly byCaseAndHashStmt: Statement;
  private readonly byCaseStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly bytesStmt: Statement;

  constructor(db: Database) {
    this.insertBlobStmt = db.prepare(
      'INSERT OR IGNORE INTO evidence_blobs (sha256, size_bytes, bytes) VALUES (?, ?, ?)',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO evidence (id, case_id, sha256, original_name, media_type, size_bytes, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byCaseAndHashStmt = db.prepare('SELECT * FROM evidence WHERE case_id = ? AND sha256 = ?');
    this.byCaseStmt = db.prepare('SELECT * FROM evidence WHERE case_id = ? ORDER BY imported_at, original_name');
    this.byIdStmt = db.prepare('SELECT * FROM evidence WHERE id = ?');
    this.bytesStmt = db.prepare('SELECT bytes FROM evidence_blobs WHERE sha256 = ?');
  }

  findInCase(caseId: string, sha256: string): EvidenceFile | null {
    const row = this.byCaseAndHashStmt.get(caseId, sha256) as EvidenceRow | undefined;
    return row ? toEvidence(row) : null;
  }

  insert(
    input: { caseId: string; originalName: string; mediaType: EvidenceMediaType; sha256: string; bytes: Uint8Array },
    now = new Date(),
  ): EvidenceFile {
    const id = randomUUID();
    this.insertBlobStmt.run(input.sha256, input.bytes.length, input.bytes);
    this.insertStmt.run(
      id,
      input.caseId,
      input.sha256,
      input.originalName,
      input.mediaType,
      input.bytes.length,
      now.toISOString(),
    );
    return this.get(id);
  }

  get(id: string): EvidenceFile {
    const row = this.byIdStmt.get(id) as EvidenceRow | undefined;
    if (!row) throw new VetbenchError('NOT_FOUND', `No evidence file with id ${id}.`);
    return toEvidence(row);
  }

  listForCase(caseId: string): EvidenceFile[] {
    return (this.byCaseStmt.all(caseId) as EvidenceRow[]).map(toEvidence);
  }

  readBytes(sha256: string): Buffer {
    const row = this.bytesStmt.get(sha256) as { bytes: Buffer } | undefined;
    if (!row) throw new VetbenchError('NOT_FOUND', `No stored bytes for SHA-256 ${sha256}.`);
    return row.bytes;
  }
}
