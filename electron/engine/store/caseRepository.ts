import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { CaseStatus, CaseSummary } from '../../../shared/types';
import { VetbenchError } from '../errors';

interface CaseRow {
  id: string;
  name: string;
  status: CaseStatus;
  created_at: string;
  updated_at: string;
  evidence_count: number;
}

const toSummary = (row: CaseRow): CaseSummary => ({
  id: row.id,
  name: row.name,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  evidenceCount: row.evidence_count,
});

const SELECT = `SELECT c.*, (SELECT count(*) FROM evidence e WHERE e.case_id = c.id) AS evidence_count FROM cases c`;

export class CaseRepository {
  private readonly insertStmt: Statement;
  private readonly renameStmt: Statement;
  private readonly touchStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly allStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare('INSERT INTO cases (id, name, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    this.renameStmt = db.prepare('UPDATE cases SET name = ?, updated_at = ? WHERE id = ?');
    this.touchStmt = db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?');
    this.byIdStmt = db.prepare(`${SELECT} WHERE c.id = ?`);
    this.allStmt = db.prepare(`${SELECT} ORDER BY c.updated_at DESC, c.id`);
  }

  create(name: string, now = new Date()): CaseSummary {
    const id = randomUUID();
    const at = now.toISOString();
    this.insertStmt.run(id, name, 'open', at, at);
    return this.get(id);
  }

  rename(id: string, name: string, now = new Date()): CaseSummary {
    this.get(id);
    this.renameStmt.run(name, now.toISOString(), id);
    return this.get(id);
  }

  touch(id: string, now = new Date()): void {
    this.touchStmt.run(now.toISOString(), id);
  }

  get(id: string): CaseSummary {
    const row = this.byIdStmt.get(id) as CaseRow | undefined;
    if (!row) throw new VetbenchError('NOT_FOUND', `No case with id ${id}.`);
    return toSummary(row);
  }

  /** Newest activity first; `search` matches the name or id, case- and accent-insensitively. */
  list(search?: string): CaseSummary[] {
    const all = (this.allStmt.all() as CaseRow[]).map(toSummary);
    const needle = fold(search ?? '');
    return needle ? all.filter((c) => fold(c.name).includes(needle) || c.id.startsWith(needle)) : all;
  }

  /**
   * Finds a case from what a person types on the command line: the full id, an id prefix of
   * at least 6 characters, or the exact name (case-insensitive). Ambiguity is an error.
   */
  resolve(reference: string): CaseSummary {
    const all = this.list();
    const ref = reference.trim();
    const exact = all.find((c) => c.id === ref);
    if (exact) return exact;
    const matches =
      ref.length >= 6 && /^[0-9a-f-]+$/i.test(ref)
        ? all.filter((c) => c.id.startsWith(ref.toLowerCase()))
        : all.filter((c) => fold(c.name) === fold(ref));
    if (matches.length === 1) return matches[0]!;
    if (matches.length === 0)
      throw new VetbenchError('NOT_FOUND', `No case "${ref}". List cases with: vetbench case list`);
    throw new VetbenchError(
      'BAD_INPUT',
      `"${ref}" matches ${matches.length} cases (${matches.map((c) => c.id.slice(0, 8)).join(', ')}); use the case id.`,
    );
  }
}

const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
