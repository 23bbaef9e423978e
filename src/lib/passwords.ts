/**
 * Password hashing: argon2id through @node-rs/argon2 (prebuilt N-API binary, no compiler needed),
 * whose defaults are exactly OWASP's minimum (m=19 MiB, t=2, p=1). Parameters live in the PHC string,
 * so raising them later only needs a rehash on sign-in.
 */
import { hash, verify } from '@node-rs/argon2';
import { createSemaphore } from './semaphore.ts';

const runLimited = createSemaphore(2);
let dummyHash: Promise<string> | null = null;

export function hashPassword(password: string): Promise<string> {
  return runLimited(() => hash(password));
}

/**
 * Verifies `password` against `stored`; with no stored hash (unknown email) it verifies against a
 * dummy hash, so both paths cost one argon2 verification and timing doesn't reveal which emails exist.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  const target = stored ?? (await (dummyHash ??= hash('tenantry-dummy-password-for-timing')));
  const ok = await runLimited(() => verify(target, password).catch(() => false));
  return ok && Boolean(stored);
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
