// How values look on screen. Kept in one place so every table says sizes, times and
// hashes the same way.
import type { CaseStatus, EvidenceMediaType, LogEvent, LogEventType } from '../../shared/types';

const MEDIA_LABELS: Record<EvidenceMediaType, string> = {
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'image/tiff': 'TIFF image',
  'application/pdf': 'PDF document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'text/plain': 'Plain text',
};

export const mediaLabel = (mediaType: string): string => MEDIA_LABELS[mediaType as EvidenceMediaType] ?? mediaType;

const STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  in_review: 'In review',
  decided: 'Decided',
};

export const statusLabel = (status: CaseStatus): string => STATUS_LABELS[status] ?? status;

/** 1024-based, like the engine's own messages, so "over the limit of 100 MB" matches. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Vault ids are UUID-like; the first group is enough to tell two vaults apart on screen. */
export const shortVaultId = (id: string): string => id.split('-')[0] ?? id;

export const shortHash = (hex: string, length = 12): string => hex.slice(0, length);

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const timeWithSeconds = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayOnly = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayWithYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const fullDate = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const precise = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** Compact: "Today, 14:05", "3 Nov, 14:05" this year, "3 Nov 2025, 14:05" before. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (date.toDateString() === now.toDateString()) return `Today, ${timeOnly.format(date)}`;
  if (date.getFullYear() === now.getFullYear()) return dayAndTime.format(date);
  return fullDate.format(date);
}

/** For the log, where order within a minute matters: "14:05:09", "3 Nov 14:05:09". */
export function formatLogTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = timeWithSeconds.format(date);
  if (date.toDateString() === now.toDateString()) return time;
  return `${(date.getFullYear() === now.getFullYear() ? dayOnly : dayWithYear).format(date)} ${time}`;
}

/** For title attributes: the exact moment, with seconds and the time zone. */
export function formatExact(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${precise.format(date)} (${iso})`;
}

const EVENT_LABELS: Record<LogEventType, string> = {
  'vault.created': 'Vault created',
  'vault.unlocked': 'Vault unlocked',
  'vault.passphrase_changed': 'Passphrase changed',
  'case.created': 'Case created',
  'case.renamed': 'Case renamed',
  'evidence.imported': 'File imported',
  'evidence.duplicate': 'Duplicate skipped',
  'evidence.rejected': 'File rejected',
  'analysis.completed': 'Analysis run',
};

export const eventLabel = (type: string): string => EVENT_LABELS[type as LogEventType] ?? type;

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** One line a reviewer can scan; the full payload is in the row's details. */
export function summarizeEvent(event: LogEvent): string {
  const p = event.payload;
  switch (event.type) {
    case 'case.created':
      return str(p.name) ? `“${str(p.name)}”` : '';
    case 'case.renamed':
      return `“${str(p.from) ?? '?'}” → “${str(p.to) ?? '?'}”`;
    case 'evidence.imported': {
      const parts = [str(p.name)];
      if (str(p.mediaType)) parts.push(mediaLabel(str(p.mediaType)!));
      if (typeof p.sizeBytes === 'number') parts.push(formatBytes(p.sizeBytes));
      if (str(p.sha256)) parts.push(`SHA-256 ${shortHash(str(p.sha256)!)}`);
      return parts.filter(Boolean).join(' · ');
    }
    case 'evidence.duplicate': {
      const name = str(p.name) ?? '?';
      const existing = str(p.existingName);
      return existing && existing !== name
        ? `${name}: same bytes as ${existing}; not stored again`
        : `${name}: already in this case; not stored again`;
    }
    case 'evidence.rejected':
      return str(p.reason) ?? str(p.name) ?? '';
    case 'vault.created':
      return str(p.vaultId) ? `Vault ${shortVaultId(str(p.vaultId)!)}` : '';
    case 'vault.unlocked':
      return '';
    case 'vault.passphrase_changed':
      return str(p.kdf) ? `Key re-wrapped (${str(p.kdf)})` : 'Key re-wrapped';
    case 'analysis.completed': {
      const files = Array.isArray(p.files) ? p.files.length : 0;
      const codes = Array.isArray(p.findingCodes) ? p.findingCodes.length : 0;
      return `${files} ${files === 1 ? 'file' : 'files'}, ${codes} ${codes === 1 ? 'finding' : 'findings'} · engine ${str(p.engineVersion) ?? '?'}`;
    }
    default: {
      const entries = Object.entries(p).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
      return entries
        .slice(0, 3)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(' · ');
    }
  }
}
