import { AppError } from '../../errors/index.ts';
import { route, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { attributeModel } from '../collections/schema-rows.ts';
import { ATTRIBUTE_KINDS, SPATIAL_KINDS, type AttributeKind, type SpatialKind } from './attribute-rules.ts';

// Appwrite checks collections.* on attribute routes (not attributes.*).
const READ = { scope: 'collections.read', on: 'project' } as const;
const WRITE = { scope: 'collections.write', on: 'project' } as const;
const BASE = '/databases/:databaseId/collections/:collectionId/attributes';

/** `createStringAttribute`, `updateIpAttribute`, … */
export function attributeOperation<V extends 'create' | 'update', K extends AttributeKind | SpatialKind>(verb: V, kind: K): `${V}${Capitalize<K>}Attribute` {
  return `${verb}${kind[0]!.toUpperCase()}${kind.slice(1)}Attribute` as `${V}${Capitalize<K>}Attribute`;
}

/** Spatial types need a spatial adapter, which Tenantry doesn't have (Appwrite's answer on such an adapter). */
function spatialUnsupported(kind: SpatialKind): never {
  throw new AppError('general_feature_unsupported', { message: `Spatial attributes (${kind}) are not supported: Tenantry has no spatial column types.` });
}

export function attributesRoutes(services: Services): RouteDef[] {
  const { attributes } = services;
  const perKind = ATTRIBUTE_KINDS.flatMap((kind): RouteDef[] => [
    route({
      method: 'post', path: `${BASE}/${kind}`, operationId: attributeOperation('create', kind), access: WRITE, status: 202,
      handle: async (call) => attributeModel(await attributes.create(call.ctx, call.params.databaseId, call.params.collectionId, kind, call.body)),
    }),
    route({
      method: 'patch', path: `${BASE}/${kind}/:key`, operationId: attributeOperation('update', kind), access: WRITE,
      handle: async (call) => attributeModel(await attributes.update(call.ctx, call.params.databaseId, call.params.collectionId, kind, call.params.key, call.body)),
    }),
  ]);
  const spatial = SPATIAL_KINDS.flatMap((kind): RouteDef[] => [
    route({ method: 'post', path: `${BASE}/${kind}`, operationId: attributeOperation('create', kind), access: WRITE, status: 202, handle: async () => spatialUnsupported(kind) }),
    route({ method: 'patch', path: `${BASE}/${kind}/:key`, operationId: attributeOperation('update', kind), access: WRITE, handle: async () => spatialUnsupported(kind) }),
  ]);
  return [
    ...perKind,
    ...spatial,
    route({
      method: 'get', path: BASE, operationId: 'listAttributes', access: READ,
      handle: async (call) => {
        const { total, attributes: list } = await attributes.list(call.ctx, call.params.databaseId, call.params.collectionId, call.query);
        return { total, attributes: list.map(attributeModel) };
      },
    }),
    route({
      method: 'get', path: `${BASE}/:key`, operationId: 'getAttribute', access: READ,
      handle: async (call) => attributeModel(await attributes.get(call.ctx, call.params.databaseId, call.params.collectionId, call.params.key)),
    }),
    route({
      method: 'delete', path: `${BASE}/:key`, operationId: 'deleteAttribute', access: WRITE, status: 204,
      handle: async (call) => { await attributes.delete(call.ctx, call.params.databaseId, call.params.collectionId, call.params.key); },
    }),
  ];
}
