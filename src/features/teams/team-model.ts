/** Teams and memberships as stored, and Appwrite's Team / Membership models. */
import type { Row } from '../../db/tenant-db.ts';
import { toApiDate } from '../../lib/dates.ts';
import { parseJson } from '../../lib/json.ts';

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly total: number;
  readonly prefs: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Membership {
  readonly id: string;
  readonly teamId: string;
  readonly userId: string;
  readonly roles: readonly string[];
  readonly confirm: boolean;
  readonly invited: string | null;
  readonly joined: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function teamFromRow(r: Row): Team {
  return Object.freeze({
    id: String(r._uid), name: String(r.name), total: Number(r.total ?? 0), prefs: parseJson<Record<string, unknown>>(r.prefs, {}),
    createdAt: String(r._createdAt), updatedAt: String(r._updatedAt),
  });
}

export function membershipFromRow(r: Row): Membership {
  return Object.freeze({
    id: String(r._uid), teamId: String(r.team_uid), userId: String(r.user_uid), roles: Object.freeze(parseJson<string[]>(r.roles, [])),
    confirm: Boolean(r.confirm), invited: (r.invited as string | null) ?? null, joined: (r.joined as string | null) ?? null,
    createdAt: String(r._createdAt), updatedAt: String(r._updatedAt),
  });
}

export function teamModel(t: Team) {
  return { $id: t.id, $createdAt: toApiDate(t.createdAt)!, $updatedAt: toApiDate(t.updatedAt)!, name: t.name, total: t.total, prefs: { ...t.prefs } };
}

export function membershipModel(m: Membership, names: { teamName: string; userName: string; userEmail: string }) {
  return {
    $id: m.id, $createdAt: toApiDate(m.createdAt)!, $updatedAt: toApiDate(m.updatedAt)!, userId: m.userId,
    userName: names.userName, userEmail: names.userEmail, teamId: m.teamId, teamName: names.teamName,
    invited: toApiDate(m.invited) ?? '', joined: toApiDate(m.joined) ?? '', confirm: m.confirm, mfa: false, roles: [...m.roles],
  };
}
