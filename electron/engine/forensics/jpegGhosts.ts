// JPEG ghosts (H. Farid, "Exposing Digital Forgeries from JPEG Ghosts", IEEE TIFS 2009):
// re-compress the image at a range of qualities and measure how much it changes. Content
// that was once quantised at quality q1 changes least when re-compressed at q1, so
// - a dip of the whole-image curve below the file's own quality means the file was saved
//   at least twice (IMG_RECOMPRESSED), and
// - a compact region whose minimum sits at a quality where the rest of the image has none
//   was pasted from another JPEG (IMG_ELA_ANOMALY), with its box as evidence.
// Both need the 8×8 grid of the earlier compression, so nothing here rescales the image.
import sharp from 'sharp';

export interface Rgb {
  data: Buffer;
  width: number;
  height: number;
}

/** Decodes strictly: a JPEG with damaged entropy-coded data throws instead of being patched up. */
export async function decodeRgb(bytes: Buffer): Promise<Rgb> {
  const { data, info } = await sharp(bytes, { failOn: 'warning' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function recompress(image: Rgb, quality: number): Promise<Buffer> {
  const jpeg = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
  return sharp(jpeg).raw().toBuffer();
}

function crop(image: Rgb, left: number, top: number, width: number, height: number): Rgb {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    image.data.copy(
      data,
      y * width * 3,
      ((top + y) * image.width + left) * 3,
      ((top + y) * image.width + left + width) * 3,
    );
  return { data, width, height };
}

const meanSquaredError = (a: Buffer, b: Buffer) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return sum / a.length;
};

export interface RecompressionEvidence {
  fileQuality: number;
  earlierQuality: number;
  /** Mean squared change at the earlier quality and two steps either side. */
  dip: { before: number; at: number; after: number };
}

// A dip counts when it is at least 30% below the curve two qualities lower and a local
// minimum; single-compression curves fall monotonically to the file's own quality.
const DIP_BEFORE = 0.7;

/**
 * Looks for an earlier, lower JPEG quality in the whole-image ghost curve. Uses a central
 * 512-pixel crop aligned to the 8×8 grid, which keeps the grid and the cost small.
 */
export async function detectRecompression(image: Rgb, fileQuality: number): Promise<RecompressionEvidence | null> {
  if (fileQuality < 55) return null; // below this every curve is too flat to read
  const size = Math.min(512, image.width - (image.width % 8), image.height - (image.height % 8));
  if (size < 128) return null;
  const left = Math.floor((image.width - size) / 16) * 8;
  const top = Math.floor((image.height - size) / 16) * 8;
  const region = crop(image, left, top, size, size);
  const curve = new Map<number, number>();
  for (let q = 50; q <= fileQuality - 1; q += 2)
    curve.set(q, meanSquaredError(region.data, await recompress(region, q)));
  let best: RecompressionEvidence | null = null;
  for (const [q, at] of curve) {
    const before = curve.get(q - 2);
    const after = curve.get(q + 2);
    if (before === undefined || after === undefined || q > fileQuality - 3) continue;
    if (at < DIP_BEFORE * before && at < after && (!best || at / before < best.dip.at / best.dip.before)) {
      best = { fileQuality, earlierQuality: q, dip: { before, at, after } };
    }
  }
  return best;
}

export interface GhostRegion {
  quality: number;
  box: { left: number; top: number; width: number; height: number };
  /** Mean normalised change inside the region and in the rest of the image at that quality. */
  inside: number;
  outside: number;
  blocks: number;
  /** Mean squared change per pixel and channel inside the region, one quality step either side of the ghost. */
  neighbourChange: number;
}

const BLOCK = 16;
const GHOST_LOW = 0.35; // a block is "at its minimum" below this normalised change
const REST_HIGH = 0.7; // ...where the rest of the image is clearly not
const MIN_BLOCKS = 24; // ≈ 80 × 80 pixels: smaller regions are text strokes and noise
const MAX_SHARE = 0.35; // a "region" covering most of the image is the image itself
const MIN_FILL = 0.4; // compact: the region fills at least this much of its bounding box
const FLAT_RANGE = 2; // blocks whose squared change varies less than this over all qualities are flat
const DIP = 0.5; // the region's change at its ghost is at most half of that one step either side
// Uniform areas (flat print, dark fills) hold almost nothing but DC coefficients, which every
// quality above ~45 keeps, so they show spurious ghosts (Farid §4 notes the same). A pasted
// photo still changes clearly one step away from its ghost; flat paint does not. Measured on
// the generated set: splice 2.96, flat fills in genuine scans up to 1.97. Thin margin.
const MIN_NEIGHBOUR_CHANGE = 2.5;

/** Finds a compact region carrying a JPEG ghost the rest of the image does not have. */
export async function detectGhostRegion(image: Rgb, fileQuality: number): Promise<GhostRegion | null> {
  const qualities: number[] = [];
  // Below 50 the change curves of sharp text and flat colour have minima of their own.
  for (let q = 45; q <= fileQuality - 8; q += 5) qualities.push(q);
  if (qualities.length < 4) return null;
  const bw = Math.floor(image.width / BLOCK);
  const bh = Math.floor(image.height / BLOCK);
  const changes: Float64Array[] = [];
  for (const q of qualities) {
    const re = await recompress(image, q);
    const blocks = new Float64Array(bw * bh);
    for (let y = 0; y < bh * BLOCK; y++) {
      const row = Math.floor(y / BLOCK) * bw;
      for (let x = 0; x < bw * BLOCK; x++) {
        const i = (y * image.width + x) * 3;
        blocks[row + Math.floor(x / BLOCK)]! +=
          (image.data[i]! - re[i]!) ** 2 +
          (image.data[i + 1]! - re[i + 1]!) ** 2 +
          (image.data[i + 2]! - re[i + 2]!) ** 2;
      }
    }
    changes.push(blocks);
  }
  // Normalise each block over the qualities (Farid §3): 0 at its minimum, 1 at its maximum.
  // Flat blocks barely change at any quality and carry no information; they are left out.
  const count = bw * bh;
  const normalised = qualities.map(() => new Float64Array(count).fill(NaN));
  for (let b = 0; b < count; b++) {
    let min = Infinity;
    let max = -Infinity;
    for (const c of changes) {
      min = Math.min(min, c[b]!);
      max = Math.max(max, c[b]!);
    }
    if ((max - min) / (BLOCK * BLOCK * 3) < FLAT_RANGE) continue;
    qualities.forEach((_, k) => (normalised[k]![b] = (changes[k]![b]! - min) / (max - min)));
  }
  let best: GhostRegion | null = null;
  qualities.forEach((quality, k) => {
    // A ghost is a dip with both sides measured: the ends of the range cannot show one.
    if (k === 0 || k === qualities.length - 1) return;
    const values = normalised[k]!;
    const valid = [...values].filter((v) => !Number.isNaN(v));
    if (valid.length < MIN_BLOCKS * 4) return;
    const mask = new Uint8Array(count);
    values.forEach((v, b) => (mask[b] = v < GHOST_LOW ? 1 : 0));
    for (const component of components(mask, bw, bh)) {
      if (component.length < MIN_BLOCKS || component.length > MAX_SHARE * valid.length) continue;
      const xs = component.map((b) => b % bw);
      const ys = component.map((b) => Math.floor(b / bw));
      const x0 = Math.min(...xs),
        x1 = Math.max(...xs),
        y0 = Math.min(...ys),
        y1 = Math.max(...ys);
      if (component.length < MIN_FILL * (x1 - x0 + 1) * (y1 - y0 + 1)) continue;
      const inBox = new Set(component);
      const inside = mean(component.map((b) => values[b]!));
      const insideBefore = mean(component.map((b) => normalised[k - 1]![b]!));
      const insideAfter = mean(component.map((b) => normalised[k + 1]![b]!));
      if (inside > DIP * Math.min(insideBefore, insideAfter)) continue;
      const neighbourChange =
        Math.min(mean(component.map((b) => changes[k - 1]![b]!)), mean(component.map((b) => changes[k + 1]![b]!))) /
        (BLOCK * BLOCK * 3);
      if (neighbourChange < MIN_NEIGHBOUR_CHANGE) continue;
      const outside = mean([...values].filter((v, b) => !inBox.has(b) && !Number.isNaN(v)));
      if (outside < REST_HIGH) continue;
      if (!best || component.length > best.blocks) {
        best = {
          quality,
          box: { left: x0 * BLOCK, top: y0 * BLOCK, width: (x1 - x0 + 1) * BLOCK, height: (y1 - y0 + 1) * BLOCK },
          inside,
          outside,
          blocks: component.length,
          neighbourChange,
        };
      }
    }
  });
  return best;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);

/** 4-connected components of set cells, each as a list of cell indices. */
function components(mask: Uint8Array, width: number, height: number): number[][] {
  const seen = new Uint8Array(mask.length);
  const result: number[][] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const stack = [start];
    const cells: number[] = [];
    seen[start] = 1;
    while (stack.length) {
      const cell = stack.pop()!;
      cells.push(cell);
      const x = cell % width;
      const y = Math.floor(cell / width);
      for (const [nx, ny] of [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ] as const) {
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const n = ny * width + nx;
        if (mask[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    result.push(cells);
  }
  return result;
}
