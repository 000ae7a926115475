// `vetbench analyze`: stateless analysis of files, as DESIGN.md's CLI contract describes.
// The report goes to stdout (JSON with --json, a readable summary otherwise); progress and
// errors go to stderr. Exit 0 when the analysis ran, whatever it found; 2 on bad usage or
// unreadable input (the readable files are still analysed and reported).
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FINDINGS } from '../../shared/findings';
import type { Report } from '../../shared/report';
import { analyzeDocuments, type AnalysisInput } from '../engine/analysis/analyzeDocuments';
import { formatBytes } from '../engine/evidence/importEvidence';
import { OcrPool } from '../engine/ocr/ocrPool';
import type { CliIo } from './runCli';

export const ANALYZE_MAX_BYTES = 100 * 1024 * 1024;

// Options of the contract that later versions implement; refusing them beats ignoring them.
const NOT_YET: Record<string, string> = {
  profile: 'profile comparison',
  logins: 'login analysis',
  payments: 'payment screening',
  activity: 'working-hours analysis',
  sanctions: 'sanctions screening',
  pdf: 'the PDF summary',
};

export async function analyzeCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        id: { type: 'string', multiple: true, default: [] },
        cv: { type: 'string', multiple: true, default: [] },
        profile: { type: 'string' },
        logins: { type: 'string' },
        payments: { type: 'string' },
        activity: { type: 'string' },
        sanctions: { type: 'string', multiple: true },
        pdf: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr.write(`vetbench analyze: ${(error as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  for (const [option, what] of Object.entries(NOT_YET)) {
    if (values[option as keyof typeof values] !== undefined) {
      io.stderr.write(`vetbench analyze: --${option} (${what}) is not available in this version yet.\n`);
      return 2;
    }
  }
  const requested = [
    ...positionals.map((file) => ({ file, kind: undefined })),
    ...values.id.map((file) => ({ file, kind: 'identity' as const })),
    ...values.cv.map((file) => ({ file, kind: 'cv' as const })),
  ];
  if (requested.length === 0) {
    io.stderr.write(
      'vetbench analyze: no files given. Usage: vetbench analyze [--json] [--id FILE] [--cv FILE] FILE...\n',
    );
    return 2;
  }

  let unreadable = 0;
  const inputs: AnalysisInput[] = [];
  for (const { file, kind } of requested) {
    const path = resolve(io.cwd, file);
    const name = basename(path);
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw new Error('is a folder, not a file');
      if (stat.size > ANALYZE_MAX_BYTES)
        throw new Error(`${formatBytes(stat.size)} is over the limit of ${formatBytes(ANALYZE_MAX_BYTES)}`);
      if (stat.size === 0) throw new Error('the file is empty');
      inputs.push({ name, bytes: readFileSync(path), ...(kind ? { forcedKind: kind } : {}) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr.write(
        `vetbench analyze: ${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}\n`,
      );
      unreadable += 1;
    }
  }

  const pool = await OcrPool.create();
  try {
    const { report, failures } = await analyzeDocuments(inputs, {
      pool,
      onProgress: (p) => {
        if (p.stage !== 'done')
          io.stderr.write(
            `[${p.index}/${p.total}] ${p.file}: ${p.stage === 'ocr' ? 'reading text and MRZ' : p.stage === 'forensics' ? 'checking the file' : 'loading'}\n`,
          );
      },
    });
    for (const failure of failures) io.stderr.write(`vetbench analyze: ${failure.message}\n`);
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return unreadable + failures.length > 0 ? 2 : 0;
  } finally {
    await pool.terminate();
  }
}

export function formatReport(report: Report): string {
  const lines: string[] = [];
  for (const d of report.documents) {
    lines.push(`${d.file}  (${d.kind}, ${d.mediaType}, sha256 ${d.sha256.slice(0, 16)})`);
    if (d.mrz)
      lines.push(
        `  MRZ ${d.mrz.format ?? '?'} ${d.mrz.valid ? 'valid' : 'INVALID'}${d.mrz.corrections.length ? `, ${d.mrz.corrections.length} OCR correction(s)` : ''}`,
      );
    for (const [field, value] of Object.entries(d.fields))
      lines.push(`  ${field.padEnd(15)} ${value.value}  [${value.source} ${Math.round(value.confidence * 100)}%]`);
    for (const note of d.notes) lines.push(`  note: ${note}`);
    lines.push('');
  }
  if (report.findings.length === 0) {
    lines.push('No findings. (Vetbench validates data and files; it cannot authenticate a physical document.)');
  } else {
    lines.push(`Findings (${report.findings.length}):`);
    for (const f of report.findings) {
      lines.push(`  ${f.severity.toUpperCase().padEnd(8)} ${f.code.padEnd(24)} ${f.document ?? ''}`);
      lines.push(`           ${f.message}`);
      lines.push(`           Why it matters: ${FINDINGS[f.code].why}`);
    }
  }
  lines.push('', `Risk: ${report.risk.level} (score ${report.risk.score}/100)`);
  return `${lines.join('\n')}\n`;
}
