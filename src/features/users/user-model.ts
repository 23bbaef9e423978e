/** A project end user as stored, and Appwrite's User model for the wire. */
import type { Row } from '../../db/tenant-db.ts';
import { toApiDate } from '../../lib/dates.ts';
import { parseJson } from '../../lib/json.ts';

export interface User {
  readonly id: string;
  readonly email: string | null;
  readonly name: string;
  readonly passwordHash: string | null;
  readonly status: boolean;
  readonly emailVerification: boolean;
  readonly labels: readonly string[];
  readonly prefs: Readonly<Record<string, unknown>>;
  readonly passwordUpdate: string | null;
  readonly accessedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function userFromRow(r: Row): User {
  return Object.freeze({
    id: String(r._uid),
    email: r.email === null || r.email === undefined ? null : String(r.email),
    name: String(r.name ?? ''),
    passwordHash: r.password_hash === null || r.password_hash === undefined ? null : String(r.password_hash),
    status: Boolean(r.status),
    emailVerification: Boolean(r.email_verification),
    labels: Object.freeze(parseJson<string[]>(r.labels, [])),
    prefs: Object.freeze(parseJson<Record<string, unknown>>(r.prefs, {})),
    passwordUpdate: (r.password_update as string | null) ?? null,
    accessedAt: (r.accessed_at as string | null) ?? null,
    createdAt: String(r._createdAt),
    updatedAt: String(r._updatedAt),
  });
}

/** Appwrite's User model (the password hash is never part of it). */
export function userModel(u: User) {
  return {
    $id: u.id, $createdAt: toApiDate(u.createdAt)!, $updatedAt: toApiDate(u.updatedAt)!, name: u.name,
    registration: toApiDate(u.createdAt)!, status: u.status, labels: [...u.labels],
    passwordUpdate: toApiDate(u.passwordUpdate) ?? '', email: u.email ?? '', phone: '',
    emailVerification: u.emailVerification, phoneVerification: false, mfa: false, prefs: { ...u.prefs }, targets: [],
    accessedAt: toApiDate(u.accessedAt) ?? '',
  };
}
