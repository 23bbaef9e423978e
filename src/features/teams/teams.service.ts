/**
 * Teams and memberships. Memberships made here are confirmed at once (Tenantry sends no invitation
 * emails): by an API key for any user (an unknown email creates the user, as Appwrite does), by a
 * team owner for an existing user. Who may call what is decided by the routes from the caller's
 * roles; this service keeps the rows, the team's member count and the members' cached identities right.
 */
import { AppError, invalidParam } from '../../errors/index.ts';
import type { Database } from '../../db/connection.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq, type Condition } from '../../db/filter.ts';
import { TenantDb } from '../../db/tenant-db.ts';
import { toDbDate } from '../../lib/dates.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId, uniqueId } from '../../lib/ids.ts';
import type { IdentityService } from '../users/identity.service.ts';
import type { UsersService } from '../users/users.service.ts';
import type { User } from '../users/user-model.ts';
import { membershipFromRow, teamFromRow, type Membership, type Team } from './team-model.ts';

export const TEAM_ROLE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;
const MAX_ROLES = 100;

export interface Paging { readonly limit: number; readonly offset: number }

function checkRoles(roles: readonly string[]): string[] {
  if (roles.length > MAX_ROLES) throw invalidParam('roles', `At most ${MAX_ROLES} roles.`);
  for (const r of roles) if (!TEAM_ROLE.test(r)) throw invalidParam('roles', 'Each role must be 1–81 chars of a-z, A-Z, 0-9, period, hyphen and underscore.');
  return [...new Set(roles)];
}

export class TeamsService {
  readonly #db: Database;
  readonly #users: UsersService;
  readonly #identities: IdentityService;

  constructor(db: Database, users: UsersService, identities: IdentityService) {
    this.#db = db;
    this.#users = users;
    this.#identities = identities;
  }

  #tdb(tenant: number) { return new TenantDb(this.#db, tenant); }

  /** Creates a team; when a user creates it, they become its first member with `roles` (default owner). */
  async create(tenant: number, input: { teamId: string; name: string; roles?: string[] }, creator: string | null): Promise<Team> {
    const id = resolveCustomId(input.teamId);
    if (!CUSTOM_ID.test(id)) throw invalidParam('teamId', CUSTOM_ID_RULE);
    const roles = checkRoles(input.roles ?? ['owner']);
    const now = toDbDate();
    try {
      await this.#tdb(tenant).transaction(async (tx) => {
        await tx.table('teams').insert({ _uid: id, _createdAt: now, _updatedAt: now, name: input.name, total: creator ? 1 : 0, prefs: '{}' });
        if (creator) {
          await tx.table('memberships').insert({
            _uid: uniqueId(), _createdAt: now, _updatedAt: now, team_uid: id, user_uid: creator, roles: JSON.stringify(roles), confirm: true, invited: now, joined: now,
          });
        }
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw new AppError('team_already_exists');
      throw e;
    }
    if (creator) await this.#identities.invalidate(tenant, creator);
    return this.get(tenant, id);
  }

  async get(tenant: number, id: string): Promise<Team> {
    const row = CUSTOM_ID.test(id) ? await this.#tdb(tenant).table('teams').first(eq({ _uid: id })) : undefined;
    if (!row) throw new AppError('team_not_found');
    return teamFromRow(row);
  }

  /** Lists teams; `only` restricts to the given IDs (a user sees the teams they belong to). */
  async list(tenant: number, options: Paging & { search?: string; only?: readonly string[] }): Promise<{ total: number; teams: Team[] }> {
    const conditions: Condition[] = [];
    if (options.only) conditions.push({ kind: 'in', column: '_uid', values: [...options.only] });
    if (options.search) conditions.push({ kind: 'or', conditions: [
      { kind: 'like', column: 'name', text: options.search, anchor: 'contains' },
      { kind: 'like', column: '_uid', text: options.search, anchor: 'contains' },
    ] });
    const where: Condition = conditions.length ? { kind: 'and', conditions } : { kind: 'true' };
    const table = this.#tdb(tenant).table('teams');
    const rows = await table.find({ where, orderBy: [{ column: '_id', dir: 'asc' }], limit: options.limit, offset: options.offset });
    return { total: await table.count(where, 5000), teams: rows.map(teamFromRow) };
  }

  async updateName(tenant: number, id: string, name: string): Promise<Team> {
    const changed = await this.#tdb(tenant).table('teams').update(eq({ _uid: id }), { name, _updatedAt: toDbDate() });
    if (changed === 0) throw new AppError('team_not_found');
    return this.get(tenant, id);
  }

  /** Deletes the team and its memberships; former members lose the team's roles at once. */
  async delete(tenant: number, id: string): Promise<void> {
    let members: string[] = [];
    await this.#tdb(tenant).transaction(async (tx) => {
      members = (await tx.table('memberships').find({ where: eq({ team_uid: id }), columns: ['user_uid'] })).map((r) => String(r.user_uid));
      await tx.table('memberships').delete(eq({ team_uid: id }));
      if ((await tx.table('teams').delete(eq({ _uid: id }))) === 0) throw new AppError('team_not_found');
    });
    await this.#identities.invalidate(tenant, ...members);
  }

  async listMemberships(tenant: number, teamId: string, paging: Paging): Promise<{ total: number; memberships: Membership[] }> {
    await this.get(tenant, teamId);
    const table = this.#tdb(tenant).table('memberships');
    const where = eq({ team_uid: teamId });
    const rows = await table.find({ where, orderBy: [{ column: '_id', dir: 'asc' }], limit: paging.limit, offset: paging.offset });
    return { total: await table.count(where, 5000), memberships: rows.map(membershipFromRow) };
  }

  async getMembership(tenant: number, teamId: string, membershipId: string): Promise<Membership> {
    const row = CUSTOM_ID.test(membershipId) ? await this.#tdb(tenant).table('memberships').first(eq({ _uid: membershipId })) : undefined;
    if (!row) throw new AppError('membership_not_found');
    const m = membershipFromRow(row);
    if (m.teamId !== teamId) throw new AppError('team_membership_mismatch');
    return m;
  }

  /**
   * Adds a confirmed member by `userId` or `email`. `createMissing` (API keys only) creates a user
   * for an unknown email; otherwise an unknown user is 404.
   */
  async createMembership(tenant: number, teamId: string, input: { userId?: string; email?: string; name?: string; roles: string[] }, createMissing: boolean): Promise<Membership> {
    await this.get(tenant, teamId);
    const roles = checkRoles(input.roles);
    const user = await this.#memberUser(tenant, input, createMissing);
    const now = toDbDate();
    const id = uniqueId();
    try {
      await this.#tdb(tenant).transaction(async (tx) => {
        await tx.table('memberships').insert({ _uid: id, _createdAt: now, _updatedAt: now, team_uid: teamId, user_uid: user.id, roles: JSON.stringify(roles), confirm: true, invited: now, joined: now });
        await tx.table('teams').increment(eq({ _uid: teamId }), 'total', 1);
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw new AppError('membership_already_confirmed', { message: 'The user is already a member of this team.' });
      throw e;
    }
    await this.#identities.invalidate(tenant, user.id);
    return this.getMembership(tenant, teamId, id);
  }

  async #memberUser(tenant: number, input: { userId?: string; email?: string; name?: string }, createMissing: boolean): Promise<User> {
    if (input.userId) return this.#users.get(tenant, input.userId);
    if (!input.email) throw invalidParam('userId', 'Either userId or email is required.');
    const existing = await this.#users.findByEmail(tenant, input.email);
    if (existing) return existing;
    if (!createMissing) throw new AppError('user_not_found');
    return this.#users.create(tenant, { userId: 'unique()', email: input.email, name: input.name ?? '' });
  }

  async updateMembershipRoles(tenant: number, teamId: string, membershipId: string, roles: string[]): Promise<Membership> {
    const m = await this.getMembership(tenant, teamId, membershipId);
    await this.#tdb(tenant).table('memberships').update(eq({ _uid: m.id }), { roles: JSON.stringify(checkRoles(roles)), _updatedAt: toDbDate() });
    await this.#identities.invalidate(tenant, m.userId);
    return this.getMembership(tenant, teamId, membershipId);
  }

  async deleteMembership(tenant: number, teamId: string, membershipId: string): Promise<void> {
    const m = await this.getMembership(tenant, teamId, membershipId);
    await this.#tdb(tenant).transaction(async (tx) => {
      if ((await tx.table('memberships').delete(eq({ _uid: m.id }))) === 0) throw new AppError('membership_not_found');
      await tx.table('teams').increment(eq({ _uid: teamId }), 'total', -1, { min: 0 });
    });
    await this.#identities.invalidate(tenant, m.userId);
  }
}
