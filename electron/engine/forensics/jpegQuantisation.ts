// Reads the quantisation tables of a JPEG (ITU-T T.81 §B.2.4.1, DQT marker 0xFFDB) and
// estimates the encoder quality by comparing them with the example tables of T.81 Annex K
// scaled the way libjpeg (IJG) scales them. Tables that match a scaled Annex K table exactly
// come from a standard encoder (libjpeg and its descendants: editors, browsers, most phones);
// tables that match none are a camera maker's own.

/** T.81 Annex K.1, luminance and chrominance, in natural (row-major) order. */
const ANNEX_K_LUMA = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51,
  87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];
const ANNEX_K_CHROMA = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  99,
  99,
  99,
  99,
  99,
  99,
  ...Array(32).fill(99),
];

/** Zig-zag position k → natural index (T.81 Figure A.6). */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47,
  55, 62, 63,
];

export interface QuantisationTable {
  id: number;
  /** 64 values in natural order. */
  values: number[];
}

/** IJG's scaling (jcparam.c jpeg_quality_scaling + jpeg_add_quant_table with force_baseline). */
export function scaledAnnexKTable(quality: number, chroma: boolean): number[] {
  const q = Math.min(100, Math.max(1, quality));
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - q * 2;
  return (chroma ? ANNEX_K_CHROMA : ANNEX_K_LUMA).map((v) =>
    Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100))),
  );
}

/** All DQT tables of the first frame; null when the bytes are not a readable JPEG. */
export function readQuantisationTables(bytes: Uint8Array): QuantisationTable[] | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const tables = new Map<number, QuantisationTable>();
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return tables.size ? [...tables.values()] : null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end of image
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2 || offset + 2 + length > bytes.length) break;
    if (marker === 0xdb) {
      let p = offset + 4;
      const end = offset + 2 + length;
      while (p < end) {
        const precision = bytes[p]! >> 4; // 0: 8-bit, 1: 16-bit
        const id = bytes[p]! & 0x0f;
        p += 1;
        const values = new Array<number>(64);
        for (let k = 0; k < 64; k++) {
          values[ZIGZAG[k]!] = precision ? (bytes[p + 2 * k]! << 8) | bytes[p + 2 * k + 1]! : bytes[p + k]!;
        }
        p += precision ? 128 : 64;
        tables.set(id, { id, values });
      }
    }
    offset += 2 + length;
  }
  return tables.size ? [...tables.values()].sort((a, b) => a.id - b.id) : null;
}

export interface QualityEstimate {
  /** 1-100 on the IJG scale. */
  quality: number;
  /** True when the tables are exactly a scaled Annex K pair (a standard encoder wrote them). */
  standardTables: boolean;
}

/** The IJG quality whose scaled tables are closest to the file's (sum of absolute differences). */
export function estimateQuality(tables: QuantisationTable[]): QualityEstimate | null {
  const luma = tables.find((t) => t.id === 0);
  if (!luma) return null;
  const chroma = tables.find((t) => t.id === 1);
  let best = { quality: 0, error: Infinity };
  for (let q = 1; q <= 100; q++) {
    const l = scaledAnnexKTable(q, false);
    let error = luma.values.reduce((s, v, i) => s + Math.abs(v - l[i]!), 0);
    if (chroma) {
      const c = scaledAnnexKTable(q, true);
      error += chroma.values.reduce((s, v, i) => s + Math.abs(v - c[i]!), 0);
    }
    if (error < best.error) best = { quality: q, error };
  }
  return { quality: best.quality, standardTables: best.error === 0 };
}
