// JSON with binary data, for the test bridge: a Uint8Array travels as { "$bytes": "<base64>" }
// in both directions. The functions are self-contained (no imports, no module state) because
// client.ts also ships their source text into the page, so Node and the browser use the same code.

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * JSON.stringify replacer. It looks at the holder's own value, not `value`: a Node Buffer
 * has toJSON(), which would otherwise turn it into { type: 'Buffer', data: [...] } first.
 */
export function bytesReplacer(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Uint8Array) return { $bytes: bytesToBase64(original) };
  return value;
}

/** JSON.parse reviver: the inverse of bytesReplacer. */
export function bytesReviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const encoded = (value as { $bytes?: unknown }).$bytes;
    if (keys.length === 1 && typeof encoded === 'string') return base64ToBytes(encoded);
  }
  return value;
}

export const encodeJson = (value: unknown): string => JSON.stringify(value, bytesReplacer);
export const decodeJson = (text: string): unknown => JSON.parse(text, bytesReviver);
