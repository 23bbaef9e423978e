import { route, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { indexModel } from '../collections/schema-rows.ts';
import type { IndexInput } from './indexes.service.ts';

// Appwrite checks collections.* on index routes (not indexes.*).
const READ = { scope: 'collections.read', on: 'project' } as const;
const WRITE = { scope: 'collections.write', on: 'project' } as const;
const BASE = '/databases/:databaseId/collections/:collectionId/indexes';

export function indexesRoutes(services: Services): RouteDef[] {
  const { indexes } = services;
  return [
    route({
      method: 'post', path: BASE, operationId: 'createIndex', access: WRITE, status: 202,
      handle: async (call) => indexModel(await indexes.create(call.ctx, call.params.databaseId, call.params.collectionId, call.body)),
    }),
    route({
      method: 'get', path: BASE, operationId: 'listIndexes', access: READ,
      handle: async (call) => {
        const { total, indexes: list } = await indexes.list(call.ctx, call.params.databaseId, call.params.collectionId, call.query);
        return { total, indexes: list.map(indexModel) };
      },
    }),
    route({
      method: 'get', path: `${BASE}/:key`, operationId: 'getIndex', access: READ,
      handle: async (call) => indexModel(await indexes.get(call.ctx, call.params.databaseId, call.params.collectionId, call.params.key)),
    }),
    route({
      method: 'delete', path: `${BASE}/:key`, operationId: 'deleteIndex', access: WRITE, status: 204,
      handle: async (call) => { await indexes.delete(call.ctx, call.params.databaseId, call.params.collectionId, call.params.key); },
    }),
  ];
}
