/**
 * Who an end user is for a request: their context fields and permission roles. Computed once per
 * request from the user row and their confirmed memberships, and cached in the KV store under a
 * tenant-scoped key. Every write that changes roles (membership, labels, status, verification,
 * deletion) calls `invalidate`; the short TTL bounds staleness if an invalidation is ever lost
 * (e.g. the store was down at that moment).
 */
import { eq } from '../../db/filter.ts';
import type { ProjectScope } from '../../db/scope.ts';
import type { ContextUser } from '../../http/context.ts';
import { parseJson } from '../../lib/json.ts';
import { storeKey, type KvStore, type StoreScope } from '../../store/kv-store.ts';
import { userFromRow } from './user-model.ts';

const IDENTITY_TTL_MS = 60_000;

export interface Identity {
  readonly user: ContextUser;
  readonly roles: readonly string[];
}

export interface ConfirmedMembership { readonly id: string; readonly teamId: string; readonly roles: readonly string[] }

/** Appwrite's role set for a signed-in user (`User::getRoles`). */
export function computeRoles(user: ContextUser, memberships: readonly ConfirmedMembership[]): string[] {
  const state = user.emailVerification ? 'verified' : 'unverified';
  const roles = new Set<string>(['any', 'users', `user:${user.id}`, `users/${state}`, `user:${user.id}/${state}`]);
  for (const m of memberships) {
    roles.add(`team:${m.teamId}`);
    roles.add(`member:${m.id}`);
    for (const r of m.roles) roles.add(`team:${m.teamId}/${r}`);
  }
  for (const label of user.labels) roles.add(`label:${label}`);
  return [...roles];
}

export class IdentityService {
  readonly #store: KvStore;
  readonly #ns: StoreScope;

  constructor(store: KvStore, namespace: StoreScope) {
    this.#store = store;
    this.#ns = namespace;
  }

  #key(scope: ProjectScope, userId: string) { return storeKey(this.#ns, scope.tenant, 'identity', userId); }

  /** The cache key, for a caller that folds the cache read into another round trip (then passes `cached` to `load`). */
  cacheKey(scope: ProjectScope, userId: string): string { return this.#key(scope, userId); }

  /**
   * The user's identity, from the cache when warm; null when the user no longer exists.
   * `cached`: the cache entry already read by the caller (null = a miss); omitted, it is read here.
   */
  async load(scope: ProjectScope, userId: string, cached?: string | null): Promise<Identity | null> {
    if (cached === undefined) cached = await this.#store.get(this.#key(scope, userId));
    if (cached) return parseJson<Identity | null>(cached, null);
    const tdb = scope.db;
    const row = await tdb.table('users').first(eq({ _uid: userId }));
    if (!row) return null;
    const u = userFromRow(row);
    const user: ContextUser = { id: u.id, email: u.email, name: u.name, status: u.status, emailVerification: u.emailVerification, labels: u.labels };
    const rows = await tdb.table('memberships').find({ where: eq({ user_uid: userId, confirm: true }), columns: ['_uid', 'team_uid', 'roles'] });
    const memberships = rows.map((r) => ({ id: String(r._uid), teamId: String(r.team_uid), roles: parseJson<string[]>(r.roles, []) }));
    const identity: Identity = { user, roles: computeRoles(user, memberships) };
    await this.#store.set(this.#key(scope, userId), JSON.stringify(identity), IDENTITY_TTL_MS);
    return identity;
  }

  async invalidate(scope: ProjectScope, ...userIds: string[]): Promise<void> {
    if (userIds.length) await this.#store.del(...userIds.map((id) => this.#key(scope, id)));
  }
}
