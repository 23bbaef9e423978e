/**
 * JSON with exact 64-bit integers. `JSON.parse` turns `9007199254740993` into 9007199254740992;
 * here an integer literal outside ±(2^53 − 1) becomes a BigInt instead (read from the literal's
 * source text, Node 22+), and on the way out a BigInt (or a value already marked with
 * `JSON.rawJSON`) is written as its exact literal — what node-appwrite's json-bigint reads back as
 * a BigInt. Any integer that loses precision has at least 16 digits, so text without a run of 16
 * digits takes the plain (several times faster) parse.
 */

const LONG_DIGITS = /\d{16}/;
const INTEGER_SOURCE = /^-?\d+$/;

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

function exactReviver(this: unknown, _key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source !== undefined && INTEGER_SOURCE.test(context.source)) {
    return BigInt(context.source);
  }
  return value;
}

/** Could `text` hold an integer that a plain parse would round? (A run of 16 digits, anywhere.) */
export function mayHoldBigIntegers(text: string): boolean {
  return LONG_DIGITS.test(text);
}

/**
 * The same test on raw bytes (a request body before decoding), several times cheaper than decoding
 * plus the regex: any run of 16 digits covers one index ≡ 15 (mod 16) past the last run looked at,
 * so only every 16th byte is read, and the run around a digit found there is measured.
 */
export function bytesMayHoldBigIntegers(buf: Uint8Array): boolean {
  const n = buf.length;
  for (let i = 15; i < n; i += 16) {
    if (!isDigit(buf[i]!)) continue;
    let lo = i;
    let hi = i;
    while (lo > 0 && isDigit(buf[lo - 1]!)) lo--;
    while (hi + 1 < n && isDigit(buf[hi + 1]!)) hi++;
    if (hi - lo + 1 >= 16) return true;
    i = hi; // the next look is 16 past this run's end
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `JSON.parse`, except that integer literals beyond ±(2^53 − 1) come back as BigInt. Throws as `JSON.parse` does. */
export function parseExact(text: string): unknown {
  return LONG_DIGITS.test(text) ? JSON.parse(text, exactReviver as never) : JSON.parse(text);
}

/**
 * `parseExact` for JSON that is only passed on (an event relayed between processes): large integer
 * literals come back already marked with `JSON.rawJSON`, so a later plain `JSON.stringify` writes them
 * exactly again instead of throwing on a BigInt.
 */
export function parseExactForRelay(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  return JSON.parse(text, function (this: unknown, key: string, value: unknown, context?: { source?: string }) {
    const exact = exactReviver.call(this, key, value, context);
    return typeof exact === 'bigint' ? exactInteger(exact) : exact;
  } as never);
}

/** `parseExact` for stored JSON: `fallback` when empty or malformed (never throws on stored data). */
export function parseStoredExact<T>(raw: unknown, fallback: T): T {
  if (typeof raw !== 'string' || raw === '') return fallback;
  try {
    return parseExact(raw) as T;
  } catch {
    return fallback;
  }
}

/** An integer as JSON writes it exactly: a plain number when safe, else its literal (`JSON.rawJSON`). */
export function exactInteger(value: bigint | number): number | object {
  if (typeof value === 'number') return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : (JSON as unknown as { rawJSON(text: string): object }).rawJSON(value.toString());
}

function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? exactInteger(value) : value;
}

/**
 * `JSON.stringify` that writes BigInts as exact integer literals. The plain stringify runs first; only
 * a value holding a BigInt (it throws a TypeError) pays for the replacer.
 */
export function stringifyExact(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (!(e instanceof TypeError) || !/BigInt/i.test(e.message)) throw e;
    return JSON.stringify(value, bigintReplacer);
  }
}

/** An integer value as a BigInt, when it is one: a safe-integer number, a BigInt, or a decimal string. Else null. */
export function toBigInt(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string' && INTEGER_SOURCE.test(value)) return BigInt(value);
  return null;
}
