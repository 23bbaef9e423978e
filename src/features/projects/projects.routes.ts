import { route, type RouteDef, type Call } from '../../http/route.ts';
import { AppError } from '../../errors/index.ts';
import { parsePaging } from '../../lib/paging.ts';
import type { Services } from '../../services.ts';
import { projectModel, type ProjectOwnerScope } from './projects.service.ts';

/** The console owner behind a console-scoped call (access `on: 'console'` guarantees one). */
export function ownerScope(call: Call): ProjectOwnerScope {
  const p = call.ctx.principal;
  if (p.kind !== 'owner') throw new AppError('user_unauthorized');
  return { ownerId: p.owner.id, isRoot: p.owner.isRoot };
}

export function projectsRoutes(services: Services): RouteDef[] {
  const { projects } = services;
  return [
    route({
      method: 'post', path: '/projects', operationId: 'createProject', access: { scope: 'projects.write', on: 'console' }, status: 201,
      handle: async (call) => projectModel(await projects.create(ownerScope(call), call.body)),
    }),
    route({
      method: 'get', path: '/projects', operationId: 'listProjects', access: { scope: 'projects.read', on: 'console' },
      handle: async (call) => {
        const paging = parsePaging(call.query.queries);
        const { total, projects: list } = await projects.list(ownerScope(call), { ...paging, search: call.query.search });
        return { total, projects: list.map(projectModel) };
      },
    }),
    route({
      method: 'get', path: '/projects/:projectId', operationId: 'getProject', access: { scope: 'projects.read', on: 'console' },
      handle: async (call) => projectModel(await projects.getOwned(ownerScope(call), call.params.projectId)),
    }),
    route({
      method: 'patch', path: '/projects/:projectId', operationId: 'updateProject', access: { scope: 'projects.write', on: 'console' },
      handle: async (call) => projectModel(await projects.update(ownerScope(call), call.params.projectId, call.body)),
    }),
    route({
      method: 'delete', path: '/projects/:projectId', operationId: 'deleteProject', access: { scope: 'projects.write', on: 'console' }, status: 204,
      handle: async (call) => { await projects.delete(ownerScope(call), call.params.projectId); },
    }),
  ];
}
