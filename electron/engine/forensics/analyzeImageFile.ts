// File-level forensics of an image: metadata, editing traces, compression history and the
// embedded thumbnail. Every finding carries the values it was decided on.
import { makeFinding, type Finding } from '../../../shared/findings';
import { compareThumbnail, type ThumbnailComparison } from './compareThumbnail';
import { matchEditingTool } from './editingSoftware';
import { elaHeatMap } from './elaHeatMap';
import { readImageMetadata, type ImageMetadata } from './imageMetadata';
import { estimateQuality, readQuantisationTables, type QualityEstimate } from './jpegQuantisation';
import { decodeRgb, detectGhostRegion, detectRecompression } from './jpegGhosts';

/** A file saved this long after it was taken has been re-processed, not just copied. */
export const MODIFIED_AFTER_DAYS = 30;
/** Clock skew we forgive before a date counts as "in the future". */
const FUTURE_TOLERANCE_MS = 36 * 3600 * 1000;
/** Thumbnail vs image, on a 0-255 scale: genuine pairs stay under a few units after re-encoding. */
export const THUMBNAIL_MEAN_LIMIT = 18;
export const THUMBNAIL_PATCH_LIMIT = 40;

export interface ImageForensics {
  metadata: Omit<ImageMetadata, 'thumbnail'> & { hasThumbnail: boolean };
  jpegQuality: QualityEstimate | null;
  thumbnail: ThumbnailComparison | null;
  /** PNG overlay (JPEG files only). */
  elaHeatMap: Buffer | null;
  /** Why pixel-level checks were skipped, when they were (damaged image data). */
  pixelChecksSkipped: string | null;
  findings: Finding[];
}

const DAY_MS = 86400_000;

export async function analyzeImageFile(
  bytes: Buffer,
  name: string,
  mediaType: string,
  now = new Date(),
): Promise<ImageForensics> {
  const metadata = await readImageMetadata(bytes);
  const findings: Finding[] = [];
  const add = (code: Parameters<typeof makeFinding>[0], message: string, evidence: Record<string, unknown>) =>
    findings.push(makeFinding(code, message, evidence, name));

  // Editing software, wherever the file names it.
  const named = [
    { field: 'EXIF Software', value: metadata.software },
    { field: 'XMP CreatorTool', value: metadata.creatorTool },
    ...metadata.history.map((e) => ({ field: `XMP history (${e.action})`, value: e.softwareAgent })),
  ];
  const tools = named.flatMap((n) => {
    const tool = matchEditingTool(n.value);
    return tool ? [{ ...n, tool }] : [];
  });
  if (tools.length > 0) {
    const first = tools[0]!;
    add('IMG_EDITING_SOFTWARE', `${first.field} names ${first.tool.name} ("${first.value}"): ${first.tool.reason}.`, {
      software: tools.map((t) => ({ field: t.field, value: t.value, tool: t.tool.name, reason: t.tool.reason })),
    });
  }

  const edits = metadata.history.filter((e) => e.action && e.action !== 'created');
  if (edits.length > 0) {
    add(
      'IMG_EDIT_HISTORY',
      `The file's XMP history records ${edits.length} ${edits.length === 1 ? 'change' : 'changes'} after capture (${[...new Set(edits.map((e) => `${e.action}${e.softwareAgent ? ` by ${e.softwareAgent}` : ''}`))].join('; ')}).`,
      { history: metadata.history },
    );
  }

  const { taken, modified } = metadata;
  if (taken && modified && modified.instant.getTime() - taken.instant.getTime() > MODIFIED_AFTER_DAYS * DAY_MS) {
    const days = Math.round((modified.instant.getTime() - taken.instant.getTime()) / DAY_MS);
    add(
      'IMG_DATES_INCONSISTENT',
      `Modified ${days} days after it was taken (taken ${taken.local}${taken.offset ?? ''}, modified ${modified.local}${modified.offset ?? ''}).`,
      {
        taken: taken.local,
        takenOffset: taken.offset,
        modified: modified.local,
        modifiedOffset: modified.offset,
        days,
        limitDays: MODIFIED_AFTER_DAYS,
      },
    );
  }
  for (const [label, date] of [
    ['taken', taken],
    ['modified', modified],
  ] as const) {
    if (date && date.instant.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      add('IMG_DATES_INCONSISTENT', `The ${label} date ${date.local}${date.offset ?? ''} is in the future.`, {
        [label]: date.local,
        offset: date.offset,
        now: now.toISOString(),
      });
    }
  }

  let thumbnail: ThumbnailComparison | null = null;
  if (metadata.thumbnail) {
    try {
      thumbnail = await compareThumbnail(bytes, metadata.thumbnail);
    } catch {
      thumbnail = null; // an undecodable thumbnail is damage, not evidence
    }
    if (
      thumbnail &&
      (thumbnail.meanDifference > THUMBNAIL_MEAN_LIMIT || thumbnail.worstPatchDifference > THUMBNAIL_PATCH_LIMIT)
    ) {
      add(
        'IMG_THUMBNAIL_MISMATCH',
        `The embedded thumbnail differs from the image (mean difference ${thumbnail.meanDifference.toFixed(1)}, worst area ${thumbnail.worstPatchDifference.toFixed(1)} of 255); it may show the picture before it was changed.`,
        {
          meanDifference: Number(thumbnail.meanDifference.toFixed(2)),
          worstPatchDifference: Number(thumbnail.worstPatchDifference.toFixed(2)),
          worstPatch: thumbnail.worstPatch,
          limits: { mean: THUMBNAIL_MEAN_LIMIT, patch: THUMBNAIL_PATCH_LIMIT },
        },
      );
    }
  }

  let jpegQuality: QualityEstimate | null = null;
  let heatMap: Buffer | null = null;
  let pixelChecksSkipped: string | null = null;
  if (mediaType === 'image/jpeg') {
    const tables = readQuantisationTables(bytes);
    jpegQuality = tables ? estimateQuality(tables) : null;
    if (!metadata.hasExif) {
      add(
        'IMG_METADATA_STRIPPED',
        'This JPEG carries no EXIF metadata at all; cameras and phones always write it, so the file was re-saved by something that removed it (messaging apps do this).',
        { exif: false },
      );
    }
    let image: Awaited<ReturnType<typeof decodeRgb>> | null = null;
    try {
      image = await decodeRgb(bytes);
    } catch (error) {
      // Compression-history checks on patched-up pixels would measure the damage, not the file.
      pixelChecksSkipped = `the image data is damaged (${(error as Error).message.split('\n')[0]}), so error level and compression-history checks were skipped`;
    }
    if (image) heatMap = await elaHeatMap(image);
    if (image && jpegQuality) {
      const recompressed = await detectRecompression(image, jpegQuality.quality);
      if (recompressed) {
        add(
          'IMG_RECOMPRESSED',
          `Saved at JPEG quality ${recompressed.fileQuality}, but carries the trace of an earlier save at about ${recompressed.earlierQuality}: the image was decoded and saved again.`,
          { ...recompressed, standardTables: jpegQuality.standardTables },
        );
      }
      const region = await detectGhostRegion(image, jpegQuality.quality);
      if (region) {
        const { box } = region;
        add(
          'IMG_ELA_ANOMALY',
          `A ${box.width} × ${box.height} pixel region at (${box.left}, ${box.top}) was compressed at about quality ${region.quality} before the rest of the image: it was likely pasted in from another JPEG.`,
          {
            box,
            ghostQuality: region.quality,
            insideChange: Number(region.inside.toFixed(3)),
            outsideChange: Number(region.outside.toFixed(3)),
          },
        );
      }
    }
  }

  const { thumbnail: thumbBytes, ...rest } = metadata;
  return {
    metadata: { ...rest, hasThumbnail: thumbBytes !== null },
    jpegQuality,
    thumbnail,
    elaHeatMap: heatMap,
    pixelChecksSkipped,
    findings,
  };
}
