// Does the EXIF thumbnail show the same picture as the main image? Both are reduced to a
// 32 × 24 colour grid and compared cell by cell, so re-encoding and scaling do not matter but
// a changed portrait or name does. Cameras letterbox a 3:2 picture into a 4:3 thumbnail, so
// the thumbnail is first cut to the main image's aspect ratio around its centre.
import sharp from 'sharp';

const GRID_W = 32;
const GRID_H = 24;

async function grid(image: Buffer, aspect?: number): Promise<Buffer> {
  let input = sharp(image).rotate();
  if (aspect) {
    const { width = 0, height = 0 } = await sharp(image).metadata();
    const current = width / Math.max(1, height);
    if (width > 0 && height > 0 && Math.abs(current - aspect) / aspect > 0.03) {
      const cropWidth = current > aspect ? Math.round(height * aspect) : width;
      const cropHeight = current > aspect ? height : Math.round(width / aspect);
      input = sharp(image).extract({
        left: Math.floor((width - cropWidth) / 2),
        top: Math.floor((height - cropHeight) / 2),
        width: cropWidth,
        height: cropHeight,
      });
    }
  }
  return input.resize(GRID_W, GRID_H, { fit: 'fill', kernel: 'cubic' }).removeAlpha().raw().toBuffer();
}

export interface ThumbnailComparison {
  /** Mean absolute difference per channel over the grid, 0-255. */
  meanDifference: number;
  /** The largest difference of a 4 × 4-cell patch, 0-255: local edits show here. */
  worstPatchDifference: number;
  worstPatch: { column: number; row: number };
}

export async function compareThumbnail(main: Buffer, thumbnail: Buffer): Promise<ThumbnailComparison> {
  const { width = 1, height = 1 } = await sharp(main).metadata();
  const [a, b] = await Promise.all([grid(main), grid(thumbnail, width / height)]);
  const cell = new Float64Array(GRID_W * GRID_H);
  let total = 0;
  for (let c = 0; c < GRID_W * GRID_H; c++) {
    const d =
      (Math.abs(a[c * 3]! - b[c * 3]!) +
        Math.abs(a[c * 3 + 1]! - b[c * 3 + 1]!) +
        Math.abs(a[c * 3 + 2]! - b[c * 3 + 2]!)) /
      3;
    cell[c] = d;
    total += d;
  }
  let worst = { value: 0, column: 0, row: 0 };
  for (let row = 0; row + 4 <= GRID_H; row++) {
    for (let column = 0; column + 4 <= GRID_W; column++) {
      let sum = 0;
      for (let y = row; y < row + 4; y++) for (let x = column; x < column + 4; x++) sum += cell[y * GRID_W + x]!;
      if (sum / 16 > worst.value) worst = { value: sum / 16, column, row };
    }
  }
  return {
    meanDifference: total / (GRID_W * GRID_H),
    worstPatchDifference: worst.value,
    worstPatch: { column: worst.column, row: worst.row },
  };
}
