/**
 * Rate-limit presets (API.md, "Tenantry's own decisions"). Attach them to routes with
 * `limits: [RATE_LIMITS.documentWrite]`; the limiter scopes every counter by project, and a
 * project may override `limit`/`windowSeconds` per preset name via `/v1/projects/{id}/limits`.
 *
 * Clients are limited by the presets on the route; API keys instead by `apiKey`, on every route.
 * Two routes sharing a preset share its counter (so `/account/sessions` can't dodge
 * `/account/sessions/email`'s budget).
 */
import type { RouteLimit } from '../../http/route.ts';

export const RATE_LIMITS = {
  /** Document create/update/upsert/increment by clients, per (IP, user). */
  documentWrite: { name: 'documents.write', limit: 120, windowSeconds: 60, key: ['ip', 'user'] },
  /** Document delete by clients, per (IP, user). */
  documentDelete: { name: 'documents.delete', limit: 60, windowSeconds: 60, key: ['ip', 'user'] },
  /** Reads by clients, per IP. */
  clientRead: { name: 'reads', limit: 1200, windowSeconds: 60, key: ['ip'] },
  accountCreate: { name: 'account.create', limit: 10, windowSeconds: 3600, key: ['ip'] },
  /** Sign-in, per email; a successful sign-in resets it. Checked before the password is hashed. */
  emailSession: { name: 'account.sessions.email', limit: 10, windowSeconds: 3600, key: ['email'], resetOn: [201] },
  anonymousSession: { name: 'account.sessions.anonymous', limit: 50, windowSeconds: 3600, key: ['ip'] },
  jwt: { name: 'account.jwt', limit: 120, windowSeconds: 60, key: ['user'] },
  /** Password change checks the old password: limited per user like sign-in is per email. */
  passwordChange: { name: 'account.password', limit: 10, windowSeconds: 3600, key: ['user'] },
  sessionDelete: { name: 'account.sessions.delete', limit: 100, windowSeconds: 3600, key: ['user'] },
  /** Every request made with an API key, per key. */
  apiKey: { name: 'key', limit: 6000, windowSeconds: 60, key: ['key'] },
} as const satisfies Record<string, RouteLimit>;

export const RATE_LIMIT_NAMES: ReadonlySet<string> = new Set(Object.values(RATE_LIMITS).map((l) => l.name));
