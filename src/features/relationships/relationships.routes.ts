import { route, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { attributeModel } from '../collections/schema-rows.ts';

// Appwrite checks collections.* on attribute routes (not attributes.*).
const WRITE = { scope: 'collections.write', on: 'project' } as const;
const BASE = '/databases/:databaseId/collections/:collectionId/attributes';

export function relationshipsRoutes(services: Services): RouteDef[] {
  const { relationships } = services;
  return [
    route({
      method: 'post', path: `${BASE}/relationship`, operationId: 'createRelationshipAttribute', access: WRITE, status: 202,
      handle: async (call) => attributeModel(await relationships.create(call.ctx, call.params.databaseId, call.params.collectionId, call.body)),
    }),
    route({
      method: 'patch', path: `${BASE}/:key/relationship`, operationId: 'updateRelationshipAttribute', access: WRITE,
      handle: async (call) => attributeModel(await relationships.update(call.ctx, call.params.databaseId, call.params.collectionId, call.params.key, call.body ?? {})),
    }),
    // node-appwrite 27's `Databases.updateRelationshipAttribute` sends this path (TablesDB's twin uses `{key}/relationship`).
    route({
      method: 'patch', path: `${BASE}/relationship/:key`, operationId: 'updateRelationshipAttributeBySdkPath', access: WRITE,
      handle: async (call) => attributeModel(await relationships.update(call.ctx, call.params.databaseId, call.params.collectionId, call.params.key, call.body ?? {})),
    }),
  ];
}
