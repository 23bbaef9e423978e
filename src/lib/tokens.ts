import { createHash, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time equality of two strings' SHA-256 digests (lengths never leak). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** Appwrite session token: base64 of `{"id":USER_ID,"secret":SECRET}`. */
export function encodeSessionToken(userId: string, secret: string): string {
  return Buffer.from(JSON.stringify({ id: userId, secret })).toString('base64');
}

export function decodeSessionToken(token: string): { id: string; secret: string } | null {
  if (!token || token.length > 1024) return null;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object') {
      const { id, secret } = parsed as Record<string, unknown>;
      if (typeof id === 'string' && typeof secret === 'string' && id && secret) return { id, secret };
    }
  } catch { /* not a token */ }
  return null;
}
