// Error level analysis heat map, for people to look at (the detection itself is in
// jpegGhosts.ts): the image is re-saved at quality 90 and the per-pixel change is stretched
// so the 99th percentile is full red. The PNG is at most 1024 pixels wide.
import sharp from 'sharp';
import type { Rgb } from './jpegGhosts';

export const ELA_QUALITY = 90;

export async function elaHeatMap(image: Rgb): Promise<Buffer> {
  const { width, height } = image;
  const jpeg = await sharp(image.data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: ELA_QUALITY })
    .toBuffer();
  const again = await sharp(jpeg).raw().toBuffer();
  const change = new Uint8Array(width * height);
  const histogram = new Uint32Array(256);
  for (let p = 0; p < width * height; p++) {
    const i = p * 3;
    const d = Math.max(
      Math.abs(image.data[i]! - again[i]!),
      Math.abs(image.data[i + 1]! - again[i + 1]!),
      Math.abs(image.data[i + 2]! - again[i + 2]!),
    );
    change[p] = d;
    histogram[d]! += 1;
  }
  let seen = 0;
  let p99 = 1;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= 0.99 * width * height) {
      p99 = Math.max(1, v);
      break;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const level = Math.min(255, Math.round((change[p]! * 255) / p99));
    rgba[p * 4] = 255;
    rgba[p * 4 + 1] = 255 - level;
    rgba[p * 4 + 2] = 255 - level;
    rgba[p * 4 + 3] = Math.round(level * 0.85);
  }
  return sharp(rgba, { raw: { width, height, channels: 4 } })
    .resize({ width: Math.min(1024, width), withoutEnlargement: true })
    .png()
    .toBuffer();
}
