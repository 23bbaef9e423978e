import { randomBytes } from 'node:crypto';

/** Appwrite-style custom IDs: ≤36 chars of [A-Za-z0-9._-], not starting with a special char. */
export const CUSTOM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;
export const CUSTOM_ID_RULE = 'Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can\'t start with a special char';

let lastMs = 0;
let counter = 0;

/**
 * A 20-character lowercase hex ID, time-ordered like Appwrite's `ID.unique()`: 11 hex of
 * milliseconds, 3 of a per-millisecond counter, 6 random — sortable and collision-resistant.
 */
export function uniqueId(now = Date.now()): string {
  if (now === lastMs) counter = (counter + 1) & 0xfff;
  else { lastMs = now; counter = randomBytes(2).readUInt16BE() & 0x7ff; }
  return now.toString(16).padStart(11, '0').slice(-11) + counter.toString(16).padStart(3, '0') + randomBytes(3).toString('hex');
}

/** Resolves a create-style ID param: the literal `unique()` makes a new one. */
export function resolveCustomId(raw: string): string {
  return raw === 'unique()' ? uniqueId() : raw;
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('hex');
}
