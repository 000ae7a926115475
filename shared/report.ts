// The analysis report: what `vetbench analyze --json` prints and what the app stores per run
// (DESIGN.md, "The CLI contract"). Plain data, shared by the engine and the renderer.
import type { Finding, RiskLevel } from './findings';

export const REPORT_SCHEMA = 'vetbench.report/1';

export type DocumentKind = 'identity' | 'cv' | 'other';

export type FieldSource = 'mrz' | 'viz';

export interface ExtractedField {
  value: string;
  source: FieldSource;
  confidence: number;
}

export interface MrzCorrection {
  line: number;
  position: number;
  from: string;
  to: string;
}

export interface MrzSummary {
  format: string | null;
  lines: string[];
  valid: boolean;
  corrections: MrzCorrection[];
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface ReportDocument {
  file: string;
  /** The vault's evidence id, for analyses of a case. */
  evidenceId?: string;
  sha256: string;
  mediaType: string;
  kind: DocumentKind;
  fields: Record<string, ExtractedField>;
  mrz: MrzSummary | null;
  /** What could not be checked, and why (e.g. damaged pixels). */
  notes: string[];
  /** Where the MRZ is, in pixels of the oriented image of size `imageSize`. */
  mrzBox?: Box | null;
  imageSize?: { width: number; height: number } | null;
  ocrText?: string | null;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  generatedAt: string;
  tool: { name: 'vetbench'; version: string };
  documents: ReportDocument[];
  findings: Finding[];
  risk: { level: RiskLevel; score: number };
}

export interface AnalysisRecord {
  id: string;
  caseId: string;
  startedAt: string;
  finishedAt: string;
  engineVersion: string;
  report: Report;
  /** Evidence ids that have an ELA heat map stored. */
  heatMaps: string[];
}
