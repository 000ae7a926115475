import type { Database } from 'better-sqlite3-multiple-ciphers';

// One row per analysis run of a case; the report is the same JSON `vetbench analyze` prints.
// Artifacts (ELA heat maps) are stored per evidence file so the UI can overlay them later
// without re-running the analysis.
export function migrate0040(db: Database): void {
  db.exec(`
    CREATE TABLE analyses (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      started_at TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      engine_version TEXT NOT NULL,
      report_json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX analyses_by_case ON analyses(case_id, finished_at);
    CREATE TABLE analysis_artifacts (
      analysis_id TEXT NOT NULL REFERENCES analyses(id),
      evidence_id TEXT NOT NULL REFERENCES evidence(id),
      kind TEXT NOT NULL CHECK (kind IN ('ela_heat_map')),
      media_type TEXT NOT NULL,
      bytes BLOB NOT NULL,
      PRIMARY KEY (analysis_id, evidence_id, kind)
    ) STRICT;
  `);
}
