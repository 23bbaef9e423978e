/**
 * Teams and memberships. Memberships made here are confirmed at once (Tenantry sends no invitation
 * emails): by an API key for any user (an unknown email creates the user, as Appwrite does), by a
 * team owner for an existing user. Who may call what is decided here, from the caller's roles
 * (`team:T`, `team:T/owner`: the same cache and invalidation as document permissions); API keys and
 * console admins manage every team. A team the caller isn't in answers 404, like a missing one. This
 * service also keeps the team's member count and the members' cached identities right.
 *
 * Like every project service, each method takes the request context and reaches the project's data
 * through its scope (`scopeOf(ctx)`).
 */
import { AppError, invalidParam } from '../../errors/index.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq, type Condition } from '../../db/filter.ts';
import { isPrivileged, scopeOf, type RequestContext } from '../../http/context.ts';
import { toDbDate } from '../../lib/dates.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId, uniqueId } from '../../lib/ids.ts';
import type { IdentityService } from '../users/identity.service.ts';
import type { UsersService } from '../users/users.service.ts';
import type { User } from '../users/user-model.ts';
import { membershipFromRow, teamFromRow, type Membership, type Team } from './team-model.ts';
import type { EventSink } from '../../realtime/events.ts';
import { membershipEvent, teamEvent, type TeamChange } from './events.ts';

export const TEAM_ROLE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;
const MAX_ROLES = 100;

export interface Paging { readonly limit: number; readonly offset: number }

function checkRoles(roles: readonly string[]): string[] {
  if (roles.length > MAX_ROLES) throw invalidParam('roles', `At most ${MAX_ROLES} roles.`);
  for (const r of roles) if (!TEAM_ROLE.test(r)) throw invalidParam('roles', 'Each role must be 1–81 chars of a-z, A-Z, 0-9, period, hyphen and underscore.');
  return [...new Set(roles)];
}

/** 404 unless the caller belongs to the team (keys and console admins see every team). */
function requireMember(ctx: RequestContext, teamId: string): void {
  if (!isPrivileged(ctx) && !ctx.roles.includes(`team:${teamId}`)) throw new AppError('team_not_found');
}

/** Members who aren't owners get 401, as in Appwrite. */
function requireOwner(ctx: RequestContext, teamId: string): void {
  requireMember(ctx, teamId);
  if (!isPrivileged(ctx) && !ctx.roles.includes(`team:${teamId}/owner`)) throw new AppError('user_unauthorized');
}

/** Team IDs the caller belongs to (`team:T` roles, without the `/role` forms). */
function memberTeamIds(ctx: RequestContext): string[] {
  return ctx.roles.filter((r) => r.startsWith('team:') && !r.includes('/')).map((r) => r.slice(5));
}

/** The user who made the request, if it is an end user (team creators become its first member). */
function callerUserId(ctx: RequestContext): string | null {
  return ctx.principal.kind === 'user' ? ctx.principal.user.id : null;
}

export class TeamsService {
  readonly #users: UsersService;
  readonly #identities: IdentityService;

  #events: EventSink | null = null;

  constructor(users: UsersService, identities: IdentityService) {
    this.#users = users;
    this.#identities = identities;
  }

  /** Where stored team and membership changes are published (realtime); none, nothing is. */
  useEvents(events: EventSink | null): void { this.#events = events; }

  #publishTeam(ctx: RequestContext, change: TeamChange, team: Team): Team {
    this.#events?.publish(scopeOf(ctx).tenant, teamEvent(change, team));
    return team;
  }

  /** Publishes with the team's and the member's names, as the Membership model carries them. */
  async #publishMembership(ctx: RequestContext, change: TeamChange, m: Membership, team?: Team): Promise<Membership> {
    if (!this.#events) return m;
    const t = team ?? await this.#find(ctx, m.teamId).catch(() => undefined);
    const user = await this.#users.find(ctx, m.userId);
    this.#events.publish(scopeOf(ctx).tenant, membershipEvent(change, m, { teamName: t?.name ?? '', userName: user?.name ?? '', userEmail: user?.email ?? '' }));
    return m;
  }

  #tdb(ctx: RequestContext) { return scopeOf(ctx).db; }

  /** Creates a team; when a user creates it, they become its first member with `roles` (default owner). */
  async create(ctx: RequestContext, input: { teamId: string; name: string; roles?: string[] }): Promise<Team> {
    const creator = callerUserId(ctx);
    const id = resolveCustomId(input.teamId);
    if (!CUSTOM_ID.test(id)) throw invalidParam('teamId', CUSTOM_ID_RULE);
    const roles = checkRoles(input.roles ?? ['owner']);
    const now = toDbDate();
    try {
      await this.#tdb(ctx).transaction(async (tx) => {
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
    if (creator) await this.#identities.invalidate(scopeOf(ctx), creator);
    return this.#publishTeam(ctx, 'create', await this.#find(ctx, id));
  }

  async get(ctx: RequestContext, id: string): Promise<Team> {
    requireMember(ctx, id);
    return this.#find(ctx, id);
  }

  async #find(ctx: RequestContext, id: string): Promise<Team> {
    const row = CUSTOM_ID.test(id) ? await this.#tdb(ctx).table('teams').first(eq({ _uid: id })) : undefined;
    if (!row) throw new AppError('team_not_found');
    return teamFromRow(row);
  }

  /** Lists teams: every team for keys and console admins, the teams they belong to for users. */
  async list(ctx: RequestContext, options: Paging & { search?: string }): Promise<{ total: number; teams: Team[] }> {
    const conditions: Condition[] = [];
    if (!isPrivileged(ctx)) conditions.push({ kind: 'in', column: '_uid', values: memberTeamIds(ctx) });
    if (options.search) conditions.push({ kind: 'or', conditions: [
      { kind: 'like', column: 'name', text: options.search, anchor: 'contains' },
      { kind: 'like', column: '_uid', text: options.search, anchor: 'contains' },
    ] });
    const where: Condition = conditions.length ? { kind: 'and', conditions } : { kind: 'true' };
    const table = this.#tdb(ctx).table('teams');
    const rows = await table.find({ where, orderBy: [{ column: '_id', dir: 'asc' }], limit: options.limit, offset: options.offset });
    return { total: await table.count(where, 5000), teams: rows.map(teamFromRow) };
  }

  async updateName(ctx: RequestContext, id: string, name: string): Promise<Team> {
    requireOwner(ctx, id);
    const changed = await this.#tdb(ctx).table('teams').update(eq({ _uid: id }), { name, _updatedAt: toDbDate() });
    if (changed === 0) throw new AppError('team_not_found');
    return this.#publishTeam(ctx, 'update', await this.#find(ctx, id));
  }

  /** Deletes the team and its memberships; former members lose the team's roles at once. */
  async delete(ctx: RequestContext, id: string): Promise<void> {
    requireOwner(ctx, id);
    const team = this.#events ? await this.#find(ctx, id) : null;
    let members: string[] = [];
    await this.#tdb(ctx).transaction(async (tx) => {
      members = (await tx.table('memberships').find({ where: eq({ team_uid: id }), columns: ['user_uid'] })).map((r) => String(r.user_uid));
      await tx.table('memberships').delete(eq({ team_uid: id }));
      if ((await tx.table('teams').delete(eq({ _uid: id }))) === 0) throw new AppError('team_not_found');
    });
    await this.#identities.invalidate(scopeOf(ctx), ...members);
    if (team) this.#publishTeam(ctx, 'delete', team);
  }

  async listMemberships(ctx: RequestContext, teamId: string, paging: Paging): Promise<{ total: number; memberships: Membership[] }> {
    await this.get(ctx, teamId);
    const table = this.#tdb(ctx).table('memberships');
    const where = eq({ team_uid: teamId });
    const rows = await table.find({ where, orderBy: [{ column: '_id', dir: 'asc' }], limit: paging.limit, offset: paging.offset });
    return { total: await table.count(where, 5000), memberships: rows.map(membershipFromRow) };
  }

  async getMembership(ctx: RequestContext, teamId: string, membershipId: string): Promise<Membership> {
    requireMember(ctx, teamId);
    return this.#membership(ctx, teamId, membershipId);
  }

  async #membership(ctx: RequestContext, teamId: string, membershipId: string): Promise<Membership> {
    const row = CUSTOM_ID.test(membershipId) ? await this.#tdb(ctx).table('memberships').first(eq({ _uid: membershipId })) : undefined;
    if (!row) throw new AppError('membership_not_found');
    const m = membershipFromRow(row);
    if (m.teamId !== teamId) throw new AppError('team_membership_mismatch');
    return m;
  }

  /**
   * Adds a confirmed member by `userId` or `email` (team owners, keys, console admins). Keys and
   * console admins create a user for an unknown email; for anyone else an unknown user is 404.
   */
  async createMembership(ctx: RequestContext, teamId: string, input: { userId?: string; email?: string; name?: string; roles: string[] }): Promise<Membership> {
    requireOwner(ctx, teamId);
    await this.#find(ctx, teamId);
    const roles = checkRoles(input.roles);
    const user = await this.#memberUser(ctx, input, isPrivileged(ctx));
    const now = toDbDate();
    const id = uniqueId();
    try {
      await this.#tdb(ctx).transaction(async (tx) => {
        await tx.table('memberships').insert({ _uid: id, _createdAt: now, _updatedAt: now, team_uid: teamId, user_uid: user.id, roles: JSON.stringify(roles), confirm: true, invited: now, joined: now });
        await tx.table('teams').increment(eq({ _uid: teamId }), 'total', 1);
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw new AppError('membership_already_confirmed', { message: 'The user is already a member of this team.' });
      throw e;
    }
    await this.#identities.invalidate(scopeOf(ctx), user.id);
    return this.#publishMembership(ctx, 'create', await this.#membership(ctx, teamId, id));
  }

  async #memberUser(ctx: RequestContext, input: { userId?: string; email?: string; name?: string }, createMissing: boolean): Promise<User> {
    if (input.userId) return this.#users.get(ctx, input.userId);
    if (!input.email) throw invalidParam('userId', 'Either userId or email is required.');
    const existing = await this.#users.findByEmail(ctx, input.email);
    if (existing) return existing;
    if (!createMissing) throw new AppError('user_not_found');
    return this.#users.create(ctx, { userId: 'unique()', email: input.email, name: input.name ?? '' });
  }

  async updateMembershipRoles(ctx: RequestContext, teamId: string, membershipId: string, roles: string[]): Promise<Membership> {
    requireOwner(ctx, teamId);
    const m = await this.#membership(ctx, teamId, membershipId);
    await this.#tdb(ctx).table('memberships').update(eq({ _uid: m.id }), { roles: JSON.stringify(checkRoles(roles)), _updatedAt: toDbDate() });
    await this.#identities.invalidate(scopeOf(ctx), m.userId);
    return this.#publishMembership(ctx, 'update', await this.#membership(ctx, teamId, membershipId));
  }

  /** Owners remove anyone; a member may leave on their own. */
  async deleteMembership(ctx: RequestContext, teamId: string, membershipId: string): Promise<void> {
    const m = await this.getMembership(ctx, teamId, membershipId);
    if (callerUserId(ctx) !== m.userId) requireOwner(ctx, teamId);
    await this.#tdb(ctx).transaction(async (tx) => {
      if ((await tx.table('memberships').delete(eq({ _uid: m.id }))) === 0) throw new AppError('membership_not_found');
      await tx.table('teams').increment(eq({ _uid: teamId }), 'total', -1, { min: 0 });
    });
    await this.#identities.invalidate(scopeOf(ctx), m.userId);
    await this.#publishMembership(ctx, 'delete', m);
  }
}
