// Tesseract workers, created once and reused across documents. Two kinds:
// - text: the LSTM model (best_int), for printed zones and CVs;
// - mrz: the legacy engine with an A-Z0-9< whitelist, because the LSTM model turns '<'
//   fillers into letters and ignores whitelists (tesseract issue #751 and its successors).
// Language data comes from @tesseract.js-data/eng on disk: nothing is fetched, nothing is
// cached to the working directory (cacheMethod 'none').
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import Tesseract from 'tesseract.js';

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
}

export interface OcrLine {
  text: string;
  confidence: number;
  bbox: OcrBox;
  words: OcrWord[];
}

export interface OcrResult {
  text: string;
  confidence: number;
  lines: OcrLine[];
}

export interface OcrRegion {
  left: number;
  top: number;
  width: number;
  height: number;
}

const MRZ_WHITELIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/**
 * The folder of @tesseract.js-data/eng (holding 4.0.0 and 4.0.0_best_int). The CLI and tests
 * run from the repository; the packaged app passes its unpacked copy explicitly.
 */
export function defaultLanguageRoot(): string {
  const requireFromCwd = createRequire(join(process.cwd(), 'package.json'));
  return dirname(requireFromCwd.resolve('@tesseract.js-data/eng/package.json'));
}

function toResult(page: Tesseract.Page): OcrResult {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        lines.push({
          text: line.text.replace(/\n$/, ''),
          confidence: line.confidence / 100,
          bbox: line.bbox,
          words: line.words.map((w) => ({ text: w.text, confidence: w.confidence / 100, bbox: w.bbox })),
        });
      }
    }
  }
  return { text: page.text, confidence: page.confidence / 100, lines };
}

export class OcrPool {
  private constructor(
    private readonly text: Tesseract.Scheduler,
    private readonly mrz: Tesseract.Scheduler,
  ) {}

  /**
   * Workers per kind default to the machine's parallelism minus one (at least one), so a
   * document's printed zone and MRZ are read at the same time on a 2-core machine.
   */
  static async create(options: { workersPerKind?: number; languageRoot?: string } = {}): Promise<OcrPool> {
    const count = options.workersPerKind ?? Math.max(1, availableParallelism() - 1);
    const root = options.languageRoot ?? defaultLanguageRoot();
    const text = Tesseract.createScheduler();
    const mrz = Tesseract.createScheduler();
    const common = { cacheMethod: 'none', gzip: true, logger: () => {}, errorHandler: () => {} };
    await Promise.all([
      ...Array.from({ length: count }, () =>
        Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
          ...common,
          langPath: join(root, '4.0.0_best_int'),
        }).then((w) => {
          text.addWorker(w);
        }),
      ),
      ...Array.from({ length: count }, () =>
        Tesseract.createWorker('eng', Tesseract.OEM.TESSERACT_ONLY, {
          ...common,
          langPath: join(root, '4.0.0'),
          legacyCore: true,
          legacyLang: true,
        }).then(async (w) => {
          await w.setParameters({
            tessedit_char_whitelist: MRZ_WHITELIST,
            tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK,
          });
          mrz.addWorker(w);
        }),
      ),
    ]);
    return new OcrPool(text, mrz);
  }

  async readText(image: Buffer, region?: OcrRegion): Promise<OcrResult> {
    const result = await this.text.addJob('recognize', image, region ? { rectangle: region } : {}, {
      blocks: true,
      text: true,
    });
    return toResult(result.data);
  }

  async readMrz(image: Buffer, region?: OcrRegion): Promise<OcrResult> {
    const result = await this.mrz.addJob('recognize', image, region ? { rectangle: region } : {}, {
      blocks: true,
      text: true,
    });
    return toResult(result.data);
  }

  async terminate(): Promise<void> {
    await Promise.all([this.text.terminate(), this.mrz.terminate()]);
  }
}
