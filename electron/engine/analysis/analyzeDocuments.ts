// Analyses a set of files into one report (DESIGN.md, "The CLI contract"): each document's
// kind, extracted fields, MRZ and findings, plus a risk score over all findings. Used by
// `vetbench analyze` (stateless) and by the app (results stored in the vault).
import { createHash } from 'node:crypto';
import { scoreRisk, type Finding } from '../../../shared/findings';
import { SEVERITIES } from '../../../shared/findings';
import { VetbenchError } from '../errors';
import { sniffMediaType } from '../evidence/sniffMediaType';
import { analyzeImageFile } from '../forensics/analyzeImageFile';
import { REPORT_SCHEMA, type Report, type ReportDocument } from '../../../shared/report';
import { prepareImage, readIdentityDocument, type IdentityReading } from '../identity/readIdentityDocument';
import type { OcrPool } from '../ocr/ocrPool';

export const TOOL = { name: 'vetbench', version: '0.1.0' } as const;

export interface AnalysisInput {
  name: string;
  bytes: Buffer;
  /** `--id` / `--cv` on the command line; otherwise the kind is detected. */
  forcedKind?: 'identity' | 'cv';
}

/** Extra, non-JSON results the app keeps (heat maps, OCR text, boxes); the CLI drops them. */
export interface DocumentExtras {
  elaHeatMap: Buffer | null;
  ocrText: string | null;
  mrzBox: IdentityReading['mrzBox'];
  imageSize: { width: number; height: number } | null;
}

export interface AnalysisProgress {
  index: number;
  total: number;
  file: string;
  stage: 'reading' | 'forensics' | 'ocr' | 'done';
}

export interface AnalysisOptions {
  pool: OcrPool;
  today?: Date;
  onProgress?: (progress: AnalysisProgress) => void;
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/tiff']);

const bySeverity = (a: Finding, b: Finding) =>
  SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.code.localeCompare(b.code);

export async function analyzeDocument(
  input: AnalysisInput,
  options: AnalysisOptions,
  progress: (stage: AnalysisProgress['stage']) => void = () => {},
): Promise<{ document: ReportDocument; findings: Finding[]; extras: DocumentExtras }> {
  const today = options.today ?? new Date();
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const sniffed = sniffMediaType(input.bytes);
  if (!sniffed.ok) {
    throw new VetbenchError('BAD_INPUT', `${input.name}: not a file Vetbench can analyse: it is ${sniffed.what}.`);
  }
  const document: ReportDocument = {
    file: input.name,
    sha256,
    mediaType: sniffed.mediaType,
    kind: input.forcedKind ?? 'other',
    fields: {},
    mrz: null,
    notes: [],
  };
  const extras: DocumentExtras = { elaHeatMap: null, ocrText: null, mrzBox: null, imageSize: null };
  const findings: Finding[] = [];

  if (IMAGE_TYPES.has(sniffed.mediaType)) {
    progress('forensics');
    const forensics = await analyzeImageFile(input.bytes, input.name, sniffed.mediaType, today);
    findings.push(...forensics.findings);
    extras.elaHeatMap = forensics.elaHeatMap;
    if (forensics.pixelChecksSkipped) document.notes.push(forensics.pixelChecksSkipped);
    if (input.forcedKind !== 'cv') {
      progress('ocr');
      const image = await prepareImage(input.bytes, input.name);
      const reading = await readIdentityDocument(image, options.pool, input.name, today);
      extras.ocrText = reading.ocrText;
      extras.mrzBox = reading.mrzBox;
      extras.imageSize = { width: reading.width, height: reading.height };
      const found = reading.mrz !== null;
      if (found || input.forcedKind === 'identity') {
        document.kind = 'identity';
        document.fields = reading.fields;
        document.mrz = reading.mrz;
        findings.push(...reading.findings);
      } else {
        document.notes.push('No machine-readable zone: not treated as an identity document (use --id to force it).');
      }
    }
  } else if (input.forcedKind === 'identity') {
    throw new VetbenchError(
      'BAD_INPUT',
      `${input.name}: identity documents are read from images (JPEG, PNG, WebP, TIFF); this file is ${sniffed.mediaType}. Export the page as an image.`,
    );
  } else {
    document.kind =
      input.forcedKind ??
      (sniffed.mediaType === 'application/pdf' ||
      sniffed.mediaType.includes('wordprocessingml') ||
      sniffed.mediaType === 'text/plain'
        ? 'cv'
        : 'other');
    document.notes.push(
      'CV reading and PDF/DOCX forensics are not part of this version yet; the file was identified and hashed only.',
    );
  }
  progress('done');
  return { document, findings: findings.sort(bySeverity), extras };
}

export interface AnalysisFailure {
  file: string;
  message: string;
}

/**
 * Analyses every input; a file that cannot be analysed is reported in `failures` and the rest
 * go on. The report's findings are sorted by severity.
 */
export async function analyzeDocuments(
  inputs: AnalysisInput[],
  options: AnalysisOptions,
): Promise<{ report: Report; failures: AnalysisFailure[] }> {
  const documents: ReportDocument[] = [];
  const findings: Finding[] = [];
  const failures: AnalysisFailure[] = [];
  for (const [i, input] of inputs.entries()) {
    const progress = (stage: AnalysisProgress['stage']) =>
      options.onProgress?.({ index: i + 1, total: inputs.length, file: input.name, stage });
    progress('reading');
    try {
      const result = await analyzeDocument(input, options, progress);
      documents.push(result.document);
      findings.push(...result.findings);
    } catch (error) {
      failures.push({
        file: input.name,
        message:
          error instanceof VetbenchError
            ? error.message
            : `${input.name}: analysis failed (${(error as Error).message})`,
      });
    }
  }
  findings.sort(bySeverity);
  return {
    report: {
      schema: REPORT_SCHEMA,
      generatedAt: new Date().toISOString(),
      tool: TOOL,
      documents,
      findings,
      risk: scoreRisk(findings),
    },
    failures,
  };
}
