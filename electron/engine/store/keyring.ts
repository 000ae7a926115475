// The keyring is the one part of a vault readable before unlock: the KDF parameters, the
// salt and the database key wrapped under the passphrase-derived key. SQLCipher encrypts
// the whole database file, so these cannot live inside it.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { VetbenchError } from '../errors';

export const KEYRING_FORMAT = 'vetbench.keyring/1';

export interface ScryptParams {
  name: 'scrypt';
  /** CPU/memory cost (power of two). */
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}

export interface Keyring {
  format: typeof KEYRING_FORMAT;
  vaultId: string;
  createdAt: string;
  kdf: ScryptParams;
  /** The 256-bit database key under AES-256-GCM; the vault id is the additional data. */
  wrappedKey: { iv: string; ciphertext: string; tag: string };
}

export type KdfCost = 'interactive' | 'test';

// OWASP's scrypt guidance (N=2^17, r=8, p=1) costs ~128 MiB and a few hundred ms here;
// 'test' exists so the unit and UI suites can create many vaults quickly.
const COSTS: Record<KdfCost, Pick<ScryptParams, 'N' | 'r' | 'p'>> = {
  interactive: { N: 2 ** 17, r: 8, p: 1 },
  test: { N: 2 ** 10, r: 8, p: 1 },
};

function deriveKek(passphrase: string, kdf: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // Runs on libuv's thread pool: the Electron main thread stays responsive.
    scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function wrap(kek: Buffer, dataKey: Buffer, vaultId: string): Keyring['wrappedKey'] {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(vaultId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

function unwrap(kek: Buffer, keyring: Keyring): Buffer {
  const { iv, ciphertext, tag } = keyring.wrappedKey;
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(keyring.vaultId, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
  } catch {
    // GCM authentication failure: either the passphrase is wrong or the keyring was
    // altered; both are indistinguishable by design.
    throw new VetbenchError(
      'WRONG_PASSPHRASE',
      'Wrong passphrase: the vault was not unlocked and nothing was changed.',
    );
  }
}

function newKdfParams(cost: KdfCost): ScryptParams {
  return { name: 'scrypt', ...COSTS[cost], salt: randomBytes(16).toString('base64') };
}

export async function createKeyring(
  passphrase: string,
  vaultId: string,
  cost: KdfCost,
): Promise<{ keyring: Keyring; dataKey: Buffer }> {
  const dataKey = randomBytes(32);
  const kdf = newKdfParams(cost);
  const kek = await deriveKek(passphrase, kdf);
  const keyring: Keyring = {
    format: KEYRING_FORMAT,
    vaultId,
    createdAt: new Date().toISOString(),
    kdf,
    wrappedKey: wrap(kek, dataKey, vaultId),
  };
  return { keyring, dataKey };
}

export async function unlockKeyring(keyring: Keyring, passphrase: string): Promise<Buffer> {
  return unwrap(await deriveKek(passphrase, keyring.kdf), keyring);
}

/** Re-wraps the same database key under a new passphrase (fresh salt): the data is untouched. */
export async function rewrapKeyring(keyring: Keyring, current: string, next: string, cost: KdfCost): Promise<Keyring> {
  const dataKey = await unlockKeyring(keyring, current);
  const kdf = newKdfParams(cost);
  const kek = await deriveKek(next, kdf);
  return { ...keyring, kdf, wrappedKey: wrap(kek, dataKey, keyring.vaultId) };
}

export function readKeyring(path: string): Keyring {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new VetbenchError(
      'VAULT_CORRUPT',
      `${path}: the vault keyring cannot be read (${(error as Error).message}). Restore it from a backup.`,
    );
  }
  const k = parsed as Partial<Keyring>;
  if (
    k?.format !== KEYRING_FORMAT ||
    typeof k.vaultId !== 'string' ||
    k.kdf?.name !== 'scrypt' ||
    !Number.isInteger(k.kdf.N) ||
    typeof k.wrappedKey?.ciphertext !== 'string'
  ) {
    throw new VetbenchError(
      'VAULT_CORRUPT',
      `${path}: not a Vetbench keyring (format ${String(k?.format)}). Restore it from a backup.`,
    );
  }
  return k as Keyring;
}

/** Write-then-rename so a crash leaves either the old or the new keyring, never half of one. */
export function writeKeyring(path: string, keyring: Keyring): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, JSON.stringify(keyring, null, 2) + '\n', { mode: 0o600 });
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
