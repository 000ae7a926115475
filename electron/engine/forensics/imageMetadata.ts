// Image metadata as evidence: exifr with separate IFDs (mergeOutput false) and raw values, so
// dates keep the wall-clock time and offset the camera wrote instead of drifting into the
// machine's time zone.
import exifr from 'exifr';

export interface MetadataDate {
  /** 'YYYY-MM-DDTHH:MM:SS' as written, with '+HH:MM' when the file records an offset. */
  local: string;
  offset: string | null;
  /** UTC instant when the offset is known; otherwise the local time read as UTC (flagged by offset null). */
  instant: Date;
}

export interface HistoryEvent {
  action: string;
  when: string | null;
  softwareAgent: string | null;
}

export interface ImageMetadata {
  hasExif: boolean;
  make: string | null;
  model: string | null;
  software: string | null;
  creatorTool: string | null;
  taken: MetadataDate | null;
  modified: MetadataDate | null;
  history: HistoryEvent[];
  gps: { latitude: number; longitude: number } | null;
  thumbnail: Buffer | null;
  orientation: number | null;
}

/** EXIF "2024:03:01 10:22:33" (+ OffsetTime "+02:00") → MetadataDate. */
export function parseExifDate(value: unknown, offset: unknown): MetadataDate | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const off = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : null;
  const instant = new Date(`${local}${off ?? 'Z'}`);
  return Number.isNaN(instant.getTime()) ? null : { local, offset: off, instant };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

function historyOf(xmpMM: Record<string, unknown> | undefined): HistoryEvent[] {
  const raw = xmpMM?.['History'];
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  return list
    .filter((e): e is Record<string, unknown> => Boolean(e) && typeof e === 'object')
    .map((e) => ({ action: String(e['action'] ?? ''), when: str(e['when']), softwareAgent: str(e['softwareAgent']) }));
}

export async function readImageMetadata(bytes: Buffer): Promise<ImageMetadata> {
  let parsed: Record<string, Record<string, unknown>> | undefined;
  try {
    parsed = await exifr.parse(bytes, {
      mergeOutput: false,
      xmp: true,
      iptc: true,
      icc: false,
      reviveValues: false,
      translateValues: false,
      translateKeys: true,
      gps: true,
    });
  } catch {
    parsed = undefined; // damaged metadata is reported as absent, never fatal
  }
  const ifd0 = parsed?.['ifd0'] ?? {};
  const exif = parsed?.['exif'] ?? {};
  const xmp = parsed?.['xmp'] ?? {};
  const xmpMM = parsed?.['xmpMM'];
  const gps = await exifr.gps(bytes).then(
    (g) =>
      g && Number.isFinite(g.latitude) && Number.isFinite(g.longitude)
        ? { latitude: g.latitude, longitude: g.longitude }
        : null,
    () => null,
  );
  const thumbnail = await exifr.thumbnail(bytes).then(
    (t) => (t ? Buffer.from(t) : null),
    () => null, // an unreadable thumbnail is damage, not evidence
  );
  return {
    hasExif: Object.keys(ifd0).length > 0 || Object.keys(exif).length > 0,
    make: str(ifd0['Make']),
    model: str(ifd0['Model']),
    software: str(ifd0['Software']),
    creatorTool: str(xmp['CreatorTool']),
    taken: parseExifDate(
      exif['DateTimeOriginal'] ?? exif['CreateDate'],
      exif['OffsetTimeOriginal'] ?? exif['OffsetTime'],
    ),
    modified: parseExifDate(ifd0['ModifyDate'], exif['OffsetTime'] ?? exif['OffsetTimeOriginal']),
    history: historyOf(xmpMM),
    gps,
    thumbnail,
    orientation: typeof ifd0['Orientation'] === 'number' ? ifd0['Orientation'] : null,
  };
}
