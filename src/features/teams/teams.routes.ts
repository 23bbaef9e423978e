/**
 * `/v1/teams`: API keys (`teams.read|write`) manage every team; signed-in users create teams (they
 * become owner), see the teams they belong to, and manage those they own. Membership is decided
 * from the caller's roles (`team:T`, `team:T/owner`), so it follows the same cache and invalidation
 * as document permissions. A team the caller isn't in answers 404, like a missing one.
 */
import { AppError } from '../../errors/index.ts';
import { isPrivileged, requireProject, type RequestContext } from '../../http/context.ts';
import { route, type Call, type RouteDef } from '../../http/route.ts';
import { parsePaging } from '../../lib/paging.ts';
import type { Services } from '../../services.ts';
import { membershipModel, teamModel, type Membership } from './team-model.ts';

const READ = { scope: 'teams.read', on: 'project' } as const;
const WRITE = { scope: 'teams.write', on: 'project' } as const;

function requireMember(ctx: RequestContext, teamId: string): void {
  if (!isPrivileged(ctx) && !ctx.roles.includes(`team:${teamId}`)) throw new AppError('team_not_found');
}

function requireOwner(ctx: RequestContext, teamId: string): void {
  requireMember(ctx, teamId);
  if (!isPrivileged(ctx) && !ctx.roles.includes(`team:${teamId}/owner`)) throw new AppError('user_unauthorized');
}

/** Team IDs the caller belongs to (`team:T` roles, without the `/role` forms). */
function memberTeamIds(ctx: RequestContext): string[] {
  return ctx.roles.filter((r) => r.startsWith('team:') && !r.includes('/')).map((r) => r.slice(5));
}

export function teamsRoutes(services: Services): RouteDef[] {
  const { teams, users } = services;
  const tenant = (call: Call) => requireProject(call.ctx).sequence;
  const teamId = (call: Call) => call.params.teamId!;

  const present = async (call: Call, list: readonly Membership[]) => {
    if (list.length === 0) return [];
    const team = await teams.get(tenant(call), list[0]!.teamId);
    return Promise.all(list.map(async (m) => {
      const user = await users.find(tenant(call), m.userId);
      return membershipModel(m, { teamName: team.name, userName: user?.name ?? '', userEmail: user?.email ?? '' });
    }));
  };

  return [
    route({
      method: 'post', path: '/teams', operationId: 'createTeam', access: WRITE, status: 201,
      handle: async (call) => {
        const p = call.ctx.principal;
        const creator = p.kind === 'user' ? p.user.id : null;
        return teamModel(await teams.create(tenant(call), call.body as { teamId: string; name: string; roles?: string[] }, creator));
      },
    }),
    route({
      method: 'get', path: '/teams', operationId: 'listTeams', access: READ,
      handle: async (call) => {
        const only = isPrivileged(call.ctx) ? undefined : memberTeamIds(call.ctx);
        const { total, teams: list } = await teams.list(tenant(call), { ...parsePaging(call.query.queries), search: call.query.search as string | undefined, only });
        return { total, teams: list.map(teamModel) };
      },
    }),
    route({
      method: 'get', path: '/teams/:teamId', operationId: 'getTeam', access: READ,
      handle: async (call) => { requireMember(call.ctx, teamId(call)); return teamModel(await teams.get(tenant(call), teamId(call))); },
    }),
    route({
      method: 'put', path: '/teams/:teamId', operationId: 'updateTeamName', access: WRITE,
      handle: async (call) => { requireOwner(call.ctx, teamId(call)); return teamModel(await teams.updateName(tenant(call), teamId(call), (call.body as { name: string }).name)); },
    }),
    route({
      method: 'delete', path: '/teams/:teamId', operationId: 'deleteTeam', access: WRITE, status: 204,
      handle: async (call) => { requireOwner(call.ctx, teamId(call)); await teams.delete(tenant(call), teamId(call)); },
    }),
    route({
      method: 'get', path: '/teams/:teamId/memberships', operationId: 'listMemberships', access: READ,
      handle: async (call) => {
        requireMember(call.ctx, teamId(call));
        const { total, memberships } = await teams.listMemberships(tenant(call), teamId(call), parsePaging(call.query.queries));
        return { total, memberships: await present(call, memberships) };
      },
    }),
    route({
      method: 'post', path: '/teams/:teamId/memberships', operationId: 'createMembership', access: WRITE, status: 201,
      handle: async (call) => {
        requireOwner(call.ctx, teamId(call));
        const body = call.body as { userId?: string; email?: string; name?: string; roles: string[] };
        const m = await teams.createMembership(tenant(call), teamId(call), body, isPrivileged(call.ctx));
        return (await present(call, [m]))[0];
      },
    }),
    route({
      method: 'get', path: '/teams/:teamId/memberships/:membershipId', operationId: 'getMembership', access: READ,
      handle: async (call) => {
        requireMember(call.ctx, teamId(call));
        return (await present(call, [await teams.getMembership(tenant(call), teamId(call), call.params.membershipId!)]))[0];
      },
    }),
    route({
      method: 'patch', path: '/teams/:teamId/memberships/:membershipId', operationId: 'updateMembership', access: WRITE,
      handle: async (call) => {
        requireOwner(call.ctx, teamId(call));
        const m = await teams.updateMembershipRoles(tenant(call), teamId(call), call.params.membershipId!, (call.body as { roles: string[] }).roles);
        return (await present(call, [m]))[0];
      },
    }),
    route({
      method: 'delete', path: '/teams/:teamId/memberships/:membershipId', operationId: 'deleteMembership', access: WRITE, status: 204,
      handle: async (call) => {
        requireMember(call.ctx, teamId(call));
        const m = await teams.getMembership(tenant(call), teamId(call), call.params.membershipId!);
        const p = call.ctx.principal;
        // Owners remove anyone; a member may leave on their own.
        if (!(p.kind === 'user' && p.user.id === m.userId)) requireOwner(call.ctx, teamId(call));
        await teams.deleteMembership(tenant(call), teamId(call), m.id);
      },
    }),
  ];
}
