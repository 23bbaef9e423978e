import { route, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { databaseModel } from './databases.service.ts';

const READ = { scope: 'databases.read', on: 'project' } as const;
const WRITE = { scope: 'databases.write', on: 'project' } as const;

/** `/v1/databases`: Appwrite's legacy Databases service, top level. */
export function databasesRoutes(services: Services): RouteDef[] {
  const { databases } = services;
  return [
    route({
      method: 'post', path: '/databases', operationId: 'createDatabase', access: WRITE, status: 201,
      handle: async (call) => databaseModel(await databases.create(call.ctx, call.body)),
    }),
    route({
      method: 'get', path: '/databases', operationId: 'listDatabases', access: READ,
      handle: async (call) => {
        const { total, databases: list } = await databases.list(call.ctx, call.query);
        return { total, databases: list.map(databaseModel) };
      },
    }),
    route({
      method: 'get', path: '/databases/:databaseId', operationId: 'getDatabase', access: READ,
      handle: async (call) => databaseModel(await databases.get(call.ctx, call.params.databaseId)),
    }),
    route({
      method: 'put', path: '/databases/:databaseId', operationId: 'updateDatabase', access: WRITE,
      handle: async (call) => databaseModel(await databases.update(call.ctx, call.params.databaseId, call.body)),
    }),
    route({
      method: 'delete', path: '/databases/:databaseId', operationId: 'deleteDatabase', access: WRITE, status: 204,
      handle: async (call) => { await databases.delete(call.ctx, call.params.databaseId); },
    }),
  ];
}
