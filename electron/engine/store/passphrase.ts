import { VetbenchError } from '../errors';

export const MIN_PASSPHRASE_LENGTH = 12;

// A short list of the passphrases people reach for first; length rules alone let these in.
const COMMON = new Set([
  'passwordpassword',
  'password1234',
  '123456789012',
  'qwertyuiopas',
  'letmeinletmein',
  'iloveyouiloveyou',
  'correcthorsebatterystaple',
  'vetbenchvetbench',
  'administrator',
]);

/**
 * Refuses passphrases that would not survive an offline guessing attack on a stolen vault
 * (the keyring's scrypt slows each guess, it does not make a weak secret strong).
 * Returns nothing when acceptable; throws WEAK_PASSPHRASE with what to change.
 */
export function assertPassphraseStrength(passphrase: string, reviewer?: string): void {
  const chars = [...passphrase];
  const distinct = new Set(chars.map((c) => c.toLowerCase())).size;
  const lowered = passphrase.toLowerCase().replace(/\s+/g, '');
  const problem =
    chars.length < MIN_PASSPHRASE_LENGTH
      ? `it has ${chars.length} characters; use at least ${MIN_PASSPHRASE_LENGTH}`
      : distinct < 6
        ? 'it repeats too few different characters'
        : COMMON.has(lowered)
          ? 'it is one of the most commonly used passphrases'
          : reviewer && reviewer.trim().length >= 3 && lowered.includes(reviewer.toLowerCase().replace(/\s+/g, ''))
            ? 'it contains the reviewer name'
            : null;
  if (problem) {
    throw new VetbenchError(
      'WEAK_PASSPHRASE',
      `Passphrase too weak: ${problem}. Try four or five unrelated words, e.g. "granite lantern orbit velvet".`,
    );
  }
}
