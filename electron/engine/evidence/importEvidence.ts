import { createHash } from 'node:crypto';
import type { EvidenceMediaType, ImportOutcome } from '../../../shared/types';
import type { Vault } from '../store/vault';
import { describeStart, mediaTypeFromName, sniffMediaType, SUPPORTED_DESCRIPTION } from './sniffMediaType';

export const DEFAULT_MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** One file offered for import. `read` is only called once the size is known to be acceptable. */
export interface ImportSource {
  name: string;
  sizeBytes: number;
  read: () => Uint8Array | undefined;
}

export interface ImportOptions {
  actor: string;
  maxImportBytes: number;
  onFile?: (index: number, total: number, name: string) => void;
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Keeps a name a person can recognise while dropping paths and control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((c) => c >= ' ' && c !== '\u007f').join('');
  const cleaned = printable.trim().slice(0, 255);
  return cleaned || 'unnamed file';
}

type Checked = { ok: true; bytes: Uint8Array; mediaType: EvidenceMediaType } | { ok: false; reason: string };

function check(source: ImportSource, name: string, maxImportBytes: number): Checked {
  if (source.sizeBytes > maxImportBytes) {
    return {
      ok: false,
      reason: `${name}: ${formatBytes(source.sizeBytes)} is over the import limit of ${formatBytes(maxImportBytes)}; split or compress it, or raise the limit.`,
    };
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = source.read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a folder, not a file'
            : (error as Error).message;
    return { ok: false, reason: `${name}: cannot be read (${why}).` };
  }
  if (!bytes) return { ok: false, reason: `${name}: no content was received.` };
  if (bytes.length > maxImportBytes) {
    return {
      ok: false,
      reason: `${name}: ${formatBytes(bytes.length)} is over the import limit of ${formatBytes(maxImportBytes)}; split or compress it, or raise the limit.`,
    };
  }
  if (bytes.length === 0) return { ok: false, reason: `${name}: the file is empty (0 bytes).` };
  const sniffed = sniffMediaType(bytes);
  if (!sniffed.ok) {
    const claimed = mediaTypeFromName(name);
    const mismatch = claimed
      ? `, although its name says ${claimed
          .split('/')
          .pop()!
          .toUpperCase()
          .replace(/^VND\..*$/, 'DOCX')}`
      : '';
    return {
      ok: false,
      reason: `${name}: not a supported file: it is ${sniffed.what} (starts with ${describeStart(bytes)})${mismatch}. Vetbench imports ${SUPPORTED_DESCRIPTION}.`,
    };
  }
  return { ok: true, bytes, mediaType: sniffed.mediaType };
}

/**
 * Imports files into a case, one transaction per file, so one bad file never stops the
 * others and a failure never leaves half a file. Every outcome is written to the log.
 */
export function importEvidence(
  vault: Vault,
  caseId: string,
  sources: ImportSource[],
  options: ImportOptions,
): ImportOutcome[] {
  vault.cases.get(caseId);
  return sources.map((source, index) => {
    const name = cleanFileName(source.name);
    options.onFile?.(index + 1, sources.length, name);
    const checked = check(source, name, options.maxImportBytes);
    if (!checked.ok) {
      vault.log.append({
        actor: options.actor,
        caseId,
        type: 'evidence.rejected',
        payload: { name, sizeBytes: source.sizeBytes, reason: checked.reason },
      });
      return { status: 'rejected', name, reason: checked.reason } satisfies ImportOutcome;
    }
    const sha256 = createHash('sha256').update(checked.bytes).digest('hex');
    try {
      return store(vault, caseId, name, sha256, checked.mediaType, checked.bytes, options.actor);
    } catch (error) {
      const reason = `${name}: could not be stored (${(error as Error).message}); nothing of it was kept.`;
      vault.log.append({
        actor: options.actor,
        caseId,
        type: 'evidence.rejected',
        payload: { name, sizeBytes: source.sizeBytes, reason },
      });
      return { status: 'rejected', name, reason } satisfies ImportOutcome;
    }
  });
}

function store(
  vault: Vault,
  caseId: string,
  name: string,
  sha256: string,
  mediaType: EvidenceMediaType,
  bytes: Uint8Array,
  actor: string,
): ImportOutcome {
  return vault.db.transaction((): ImportOutcome => {
    const existing = vault.evidence.findInCase(caseId, sha256);
    if (existing) {
      vault.log.append({
        actor,
        caseId,
        type: 'evidence.duplicate',
        payload: { name, sha256, existingId: existing.id, existingName: existing.originalName },
      });
      return { status: 'duplicate', name, evidence: existing };
    }
    const evidence = vault.evidence.insert({ caseId, originalName: name, mediaType, sha256, bytes });
    vault.cases.touch(caseId);
    vault.log.append({
      actor,
      caseId,
      type: 'evidence.imported',
      payload: { evidenceId: evidence.id, name, sha256, sizeBytes: evidence.sizeBytes, mediaType: evidence.mediaType },
    });
    return { status: 'imported', name, evidence };
  })();
}
