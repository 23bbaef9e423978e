/**
 * `/v1/teams`: API keys (`teams.read|write`) manage every team; signed-in users create teams (they
 * become owner), see the teams they belong to, and manage those they own. Who may do what is the
 * teams service's decision (from the caller's roles); these handlers only unpack and present.
 */
import type { RequestContext } from '../../http/context.ts';
import { route, type RouteDef } from '../../http/route.ts';
import { parsePaging } from '../../lib/paging.ts';
import type { Services } from '../../services.ts';
import { membershipModel, teamModel, type Membership } from './team-model.ts';

const READ = { scope: 'teams.read', on: 'project' } as const;
const WRITE = { scope: 'teams.write', on: 'project' } as const;

export function teamsRoutes(services: Services): RouteDef[] {
  const { teams, users } = services;

  /** Memberships with their team's name and the member's name and email (as Appwrite answers them). */
  const present = async (ctx: RequestContext, list: readonly Membership[]) => {
    if (list.length === 0) return [];
    const team = await teams.get(ctx, list[0]!.teamId);
    return Promise.all(list.map(async (m) => {
      const user = await users.find(ctx, m.userId);
      return membershipModel(m, { teamName: team.name, userName: user?.name ?? '', userEmail: user?.email ?? '' });
    }));
  };
  const presentOne = async (ctx: RequestContext, m: Membership) => (await present(ctx, [m]))[0];

  return [
    route({
      method: 'post', path: '/teams', operationId: 'createTeam', access: WRITE, status: 201,
      handle: async (call) => teamModel(await teams.create(call.ctx, call.body)),
    }),
    route({
      method: 'get', path: '/teams', operationId: 'listTeams', access: READ,
      handle: async (call) => {
        const { total, teams: list } = await teams.list(call.ctx, { ...parsePaging(call.query.queries), search: call.query.search });
        return { total, teams: list.map(teamModel) };
      },
    }),
    route({
      method: 'get', path: '/teams/:teamId', operationId: 'getTeam', access: READ,
      handle: async (call) => teamModel(await teams.get(call.ctx, call.params.teamId)),
    }),
    route({
      method: 'put', path: '/teams/:teamId', operationId: 'updateTeamName', access: WRITE,
      handle: async (call) => teamModel(await teams.updateName(call.ctx, call.params.teamId, call.body.name)),
    }),
    route({
      method: 'delete', path: '/teams/:teamId', operationId: 'deleteTeam', access: WRITE, status: 204,
      handle: async (call) => { await teams.delete(call.ctx, call.params.teamId); },
    }),
    route({
      method: 'get', path: '/teams/:teamId/memberships', operationId: 'listMemberships', access: READ,
      handle: async (call) => {
        const { total, memberships } = await teams.listMemberships(call.ctx, call.params.teamId, parsePaging(call.query.queries));
        return { total, memberships: await present(call.ctx, memberships) };
      },
    }),
    route({
      method: 'post', path: '/teams/:teamId/memberships', operationId: 'createMembership', access: WRITE, status: 201,
      handle: async (call) => presentOne(call.ctx, await teams.createMembership(call.ctx, call.params.teamId, call.body)),
    }),
    route({
      method: 'get', path: '/teams/:teamId/memberships/:membershipId', operationId: 'getMembership', access: READ,
      handle: async (call) => presentOne(call.ctx, await teams.getMembership(call.ctx, call.params.teamId, call.params.membershipId)),
    }),
    route({
      method: 'patch', path: '/teams/:teamId/memberships/:membershipId', operationId: 'updateMembership', access: WRITE,
      handle: async (call) => presentOne(call.ctx, await teams.updateMembershipRoles(call.ctx, call.params.teamId, call.params.membershipId, call.body.roles)),
    }),
    route({
      method: 'delete', path: '/teams/:teamId/memberships/:membershipId', operationId: 'deleteMembership', access: WRITE, status: 204,
      handle: async (call) => { await teams.deleteMembership(call.ctx, call.params.teamId, call.params.membershipId); },
    }),
  ];
}
