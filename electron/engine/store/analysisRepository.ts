import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { AnalysisRecord, Report } from '../../../shared/report';
import { VetbenchError } from '../errors';

interface AnalysisRow {
  id: string;
  case_id: string;
  started_at: string;
  finished_at: string;
  engine_version: string;
  report_json: string;
}

export class AnalysisRepository {
  private readonly insertStmt: Statement;
  private readonly insertArtifactStmt: Statement;
  private readonly latestStmt: Statement;
  private readonly heatMapIdsStmt: Statement;
  private readonly artifactStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO analyses (id, case_id, started_at, finished_at, engine_version, report_json) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertArtifactStmt = db.prepare(
      "INSERT INTO analysis_artifacts (analysis_id, evidence_id, kind, media_type, bytes) VALUES (?, ?, 'ela_heat_map', 'image/png', ?)",
    );
    this.latestStmt = db.prepare(
      'SELECT * FROM analyses WHERE case_id = ? ORDER BY finished_at DESC, rowid DESC LIMIT 1',
    );
    this.heatMapIdsStmt = db.prepare(
      "SELECT evidence_id FROM analysis_artifacts WHERE analysis_id = ? AND kind = 'ela_heat_map'",
    );
    this.artifactStmt = db.prepare(
      "SELECT media_type, bytes FROM analysis_artifacts WHERE analysis_id = ? AND evidence_id = ? AND kind = 'ela_heat_map'",
    );
  }

  insert(input: {
    caseId: string;
    startedAt: string;
    finishedAt: string;
    engineVersion: string;
    report: Report;
    heatMaps: Map<string, Buffer>;
  }): AnalysisRecord {
    const id = randomUUID();
    this.insertStmt.run(
      id,
      input.caseId,
      input.startedAt,
      input.finishedAt,
      input.engineVersion,
      JSON.stringify(input.report),
    );
    for (const [evidenceId, png] of input.heatMaps) this.insertArtifactStmt.run(id, evidenceId, png);
    return this.latest(input.caseId)!;
  }

  latest(caseId: string): AnalysisRecord | null {
    const row = this.latestStmt.get(caseId) as AnalysisRow | undefined;
    if (!row) return null;
    const heatMaps = (this.heatMapIdsStmt.all(row.id) as Array<{ evidence_id: string }>).map((r) => r.evidence_id);
    return {
      id: row.id,
      caseId: row.case_id,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      engineVersion: row.engine_version,
      report: JSON.parse(row.report_json) as Report,
      heatMaps,
    };
  }

  heatMap(analysisId: string, evidenceId: string): { mediaType: string; bytes: Buffer } {
    const row = this.artifactStmt.get(analysisId, evidenceId) as { media_type: string; bytes: Buffer } | undefined;
    if (!row)
      throw new VetbenchError('NOT_FOUND', 'No heat map for this file in that analysis; run the analysis again.');
    return { mediaType: row.media_type, bytes: row.bytes };
  }
}
