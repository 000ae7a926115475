import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { LogEvent, LogEventType, LogVerification } from '../../../shared/types';
import { canonicalJson } from './canonicalJson';

export const GENESIS_HASH = '0'.repeat(64);

interface LogRow {
  sequence: number;
  at: string;
  actor: string;
  case_id: string | null;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export type UnhashedEvent = Omit<LogEvent, 'hash'>;

/** SHA-256 over the canonical encoding of every field but the hash itself. */
export function hashEvent(event: UnhashedEvent): string {
  const { sequence, at, actor, caseId, type, payload, prevHash } = event;
  return createHash('sha256')
    .update(canonicalJson({ sequence, at, actor, caseId, type, payload, prevHash }), 'utf8')
    .digest('hex');
}

function toEvent(row: LogRow): LogEvent {
  return {
    sequence: row.sequence,
    at: row.at,
    actor: row.actor,
    caseId: row.case_id,
    type: row.type as LogEventType,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface AppendInput {
  actor: string;
  caseId: string | null;
  type: LogEventType;
  payload: Record<string, unknown>;
}

/** The append-only, hash-chained vetting log. Callers append inside their own transaction. */
export class VettingLog {
  private readonly insertStmt: Statement;
  private readonly headStmt: Statement;
  private readonly listAllStmt: Statement;
  private readonly listCaseStmt: Statement;
  private readonly iterateStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO log_events (sequence, at, actor, case_id, type, payload, prev_hash, hash)
       VALUES (@sequence, @at, @actor, @caseId, @type, @payload, @prevHash, @hash)`,
    );
    this.headStmt = db.prepare('SELECT sequence, hash FROM log_events ORDER BY sequence DESC LIMIT 1');
    this.listAllStmt = db.prepare('SELECT * FROM log_events ORDER BY sequence DESC LIMIT ?');
    this.listCaseStmt = db.prepare('SELECT * FROM log_events WHERE case_id = ? ORDER BY sequence DESC LIMIT ?');
    this.iterateStmt = db.prepare('SELECT * FROM log_events ORDER BY sequence');
  }

  head(): { sequence: number; hash: string } {
    return (
      (this.headStmt.get() as { sequence: number; hash: string } | undefined) ?? { sequence: 0, hash: GENESIS_HASH }
    );
  }

  append(input: AppendInput, at: Date = new Date()): LogEvent {
    const head = this.head();
    // Round-trip the payload so the hashed value is exactly what a reader will parse back.
    const payload = JSON.parse(JSON.stringify(input.payload)) as Record<string, unknown>;
    const unhashed: UnhashedEvent = {
      sequence: head.sequence + 1,
      at: at.toISOString(),
      actor: input.actor,
      caseId: input.caseId,
      type: input.type,
      payload,
      prevHash: head.hash,
    };
    const event: LogEvent = { ...unhashed, hash: hashEvent(unhashed) };
    this.insertStmt.run({ ...event, payload: JSON.stringify(event.payload) });
    return event;
  }

  /** Newest first. */
  list(options: { caseId?: string; limit?: number } = {}): LogEvent[] {
    const limit = options.limit ?? 500;
    const rows = (
      options.caseId ? this.listCaseStmt.all(options.caseId, limit) : this.listAllStmt.all(limit)
    ) as LogRow[];
    return rows.map(toEvent);
  }

  /**
   * Recomputes the chain from the first event and names the first event that breaks it:
   * a gap in the sequence (removed or reordered rows), content that no longer matches its
   * hash (edited), or a link to the wrong predecessor (removed, inserted or swapped).
   */
  verify(): LogVerification {
    let expectedSequence = 1;
    let prevHash = GENESIS_HASH;
    let count = 0;
    const broken = (
      sequence: number,
      problem: NonNullable<LogVerification['firstBroken']>['problem'],
      detail: string,
    ): LogVerification => ({
      ok: false,
      eventCount: count,
      headSequence: sequence - 1,
      headHash: prevHash,
      firstBroken: { sequence, problem, detail },
    });
    for (const row of this.iterateStmt.iterate() as IterableIterator<LogRow>) {
      if (row.sequence !== expectedSequence) {
        return broken(
          expectedSequence,
          'sequence_gap',
          `event #${expectedSequence} is missing: the log goes from #${expectedSequence - 1} to #${row.sequence}`,
        );
      }
      let event: LogEvent;
      try {
        event = toEvent(row);
      } catch {
        return broken(row.sequence, 'hash_mismatch', `event #${row.sequence} has an unreadable payload`);
      }
      const { hash: _stored, ...unhashed } = event;
      if (hashEvent(unhashed) !== row.hash) {
        return broken(
          row.sequence,
          'hash_mismatch',
          `event #${row.sequence} (${row.type}) was changed after it was written: its content no longer matches its hash`,
        );
      }
      if (row.prev_hash !== prevHash) {
        return broken(
          row.sequence,
          'chain_mismatch',
          `event #${row.sequence} (${row.type}) does not follow event #${row.sequence - 1}: an event before it was removed, inserted or replaced`,
        );
      }
      prevHash = row.hash;
      expectedSequence += 1;
      count += 1;
    }
    return { ok: true, eventCount: count, headSequence: count, headHash: prevHash, firstBroken: null };
  }
}
