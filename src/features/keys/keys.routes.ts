import { route, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { ownerScope } from '../projects/projects.routes.ts';
import { keyModel } from './keys.service.ts';

/** API keys of a project the calling owner manages. The secret is in the response only at creation. */
export function keysRoutes(services: Services): RouteDef[] {
  const { keys, projects } = services;
  return [
    route({
      method: 'post', path: '/projects/:projectId/keys', operationId: 'createKey', access: { scope: 'keys.write', on: 'console' }, status: 201,
      handle: async (call) => {
        const project = await projects.getOwned(ownerScope(call), call.params.projectId);
        const { key, secret } = await keys.create(project.sequence, call.body);
        return keyModel(key, secret);
      },
    }),
    route({
      method: 'get', path: '/projects/:projectId/keys', operationId: 'listKeys', access: { scope: 'keys.read', on: 'console' },
      handle: async (call) => {
        const project = await projects.getOwned(ownerScope(call), call.params.projectId);
        const { total, keys: list } = await keys.list(project.sequence);
        return { total, keys: list.map((k) => keyModel(k)) };
      },
    }),
    route({
      method: 'get', path: '/projects/:projectId/keys/:keyId', operationId: 'getKey', access: { scope: 'keys.read', on: 'console' },
      handle: async (call) => {
        const project = await projects.getOwned(ownerScope(call), call.params.projectId);
        return keyModel(await keys.get(project.sequence, call.params.keyId));
      },
    }),
    route({
      method: 'put', path: '/projects/:projectId/keys/:keyId', operationId: 'updateKey', access: { scope: 'keys.write', on: 'console' },
      handle: async (call) => {
        const project = await projects.getOwned(ownerScope(call), call.params.projectId);
        return keyModel(await keys.update(project.sequence, call.params.keyId, call.body));
      },
    }),
    route({
      method: 'delete', path: '/projects/:projectId/keys/:keyId', operationId: 'deleteKey', access: { scope: 'keys.write', on: 'console' }, status: 204,
      handle: async (call) => {
        const project = await projects.getOwned(ownerScope(call), call.params.projectId);
        await keys.delete(project.sequence, call.params.keyId);
      },
    }),
  ];
}
