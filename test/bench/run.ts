import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importEvidence } from '../../electron/engine/evidence/importEvidence';
import { canonicalJson } from '../../electron/engine/log/canonicalJson';
import { Vault } from '../../electron/engine/store/vault';

/** Median of `runs` timings of `work`, in milliseconds. */
function medianMs(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const row = (name: string, subject: number, baseline: number, note: string) =>
  console.log(
    `${name.padEnd(34)} ${subject.toFixed(1).padStart(9)} ms  vs ${baseline.toFixed(1).padStart(8)} ms  ratio ${(subject / baseline).toFixed(2).padStart(6)}  ${note}`,
  );

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vetbench-bench-'));
  try {
    const vault = await Vault.create(join(dir, 'vault'), {
      passphrase: 'bench only: granite lantern orbit',
      reviewer: 'Benchmark Reviewer',
      kdfCost: 'test',
    });
    console.log('benchmark                           vetbench        baseline         ratio  (lower is better)');

    // Import: encrypted, hashed, logged storage vs. hashing and writing the same bytes in clear.
    const files = Array.from({ length: 20 }, () => randomBytes(2 * 1024 * 1024));
    files.forEach((f) => f.write('%PDF-1.7\n', 0, 'latin1'));
    let round = 0;
    const importMs = medianMs(5, () => {
      const c = vault.cases.create(`bench ${round++}`);
      importEvidence(
        vault,
        c.id,
        files.map((bytes, i) => ({
          name: `f${i}.pdf`,
          sizeBytes: bytes.length,
          read: () => {
            bytes.writeUInt32LE(round, 100);
            return bytes;
          },
        })),
        { actor: 'bench', maxImportBytes: 1e9 },
      );
    });
    const plainMs = medianMs(5, () => {
      files.forEach((bytes, i) => {
        createHash('sha256').update(bytes).digest('hex');
        writeFileSync(join(dir, `plain-${i}.bin`), bytes);
      });
    });
    row('import 20 × 2 MB into the vault', importMs, plainMs, 'baseline: sha256 + plain file write');

    // Log verification: full chain walk vs. hashing the same canonical payloads.
    for (let i = 0; i < 20_000; i++)
      vault.log.append({ actor: 'bench', caseId: 'c', type: 'case.renamed', payload: { from: `a${i}`, to: `b${i}` } });
    const events = vault.log.list({ limit: 10_000 });
    const verifyMs = medianMs(5, () => {
      if (!vault.log.verify().ok) throw new Error('log broken');
    });
    const count = vault.log.verify().eventCount;
    const hashMs = medianMs(5, () => {
      for (let i = 0; i < count; i++) {
        const e = events[i % events.length]!;
        createHash('sha256').update(canonicalJson(e)).digest('hex');
      }
    });
    row(`verify a ${count}-event log`, verifyMs, hashMs, 'baseline: hashing the same events in memory');
    vault.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
