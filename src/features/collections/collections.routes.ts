import { route, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import type { CreateCollectionInput, UpdateCollectionInput } from './collections.service.ts';
import { collectionModel } from './schema-rows.ts';

const READ = { scope: 'collections.read', on: 'project' } as const;
const WRITE = { scope: 'collections.write', on: 'project' } as const;
const BASE = '/databases/:databaseId/collections';

export function collectionsRoutes(services: Services): RouteDef[] {
  const { collections } = services;
  return [
    route({
      method: 'post', path: BASE, operationId: 'createCollection', access: WRITE, status: 201,
      handle: async (call) => collectionModel(await collections.create(call.ctx, call.params.databaseId, call.body)),
    }),
    route({
      method: 'get', path: BASE, operationId: 'listCollections', access: READ,
      handle: async (call) => {
        const { total, collections: list } = await collections.list(call.ctx, call.params.databaseId, call.query);
        return { total, collections: list.map(collectionModel) };
      },
    }),
    route({
      method: 'get', path: `${BASE}/:collectionId`, operationId: 'getCollection', access: READ,
      handle: async (call) => collectionModel(await collections.get(call.ctx, call.params.databaseId, call.params.collectionId)),
    }),
    route({
      method: 'put', path: `${BASE}/:collectionId`, operationId: 'updateCollection', access: WRITE,
      handle: async (call) => collectionModel(await collections.update(call.ctx, call.params.databaseId, call.params.collectionId, call.body)),
    }),
    route({
      method: 'delete', path: `${BASE}/:collectionId`, operationId: 'deleteCollection', access: WRITE, status: 204,
      handle: async (call) => { await collections.delete(call.ctx, call.params.databaseId, call.params.collectionId); },
    }),
  ];
}
