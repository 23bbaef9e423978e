/**
 * The collections a document write or read may reach through relationships, loaded before the
 * document transaction opens (inside it only compiled statements run, and metadata reads are not
 * among them). A collection without relationships costs nothing here.
 */
import type { RequestContext } from '../../http/context.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { relationshipsOf } from './relationship-meta.ts';

/** Collection metadata by collection sequence: the starting collection and everything it reaches. */
export type RelatedMetas = ReadonlyMap<number, CollectionMeta>;

export interface MetaLookup {
  getMeta(ctx: RequestContext, databaseId: string, collectionId: string): Promise<CollectionMeta>;
}

const NONE: RelatedMetas = new Map();

/** Every collection reachable from `meta` through relationship attributes (cycles visited once). */
export async function loadRelatedMetas(ctx: RequestContext, meta: CollectionMeta, lookup: MetaLookup): Promise<RelatedMetas> {
  if (relationshipsOf(meta).length === 0) return NONE;
  const found = new Map<number, CollectionMeta>([[meta.sequence, meta]]);
  const queue = [meta];
  while (queue.length) {
    const current = queue.shift()!;
    for (const a of relationshipsOf(current)) {
      if (found.has(a.relationship.relatedSequence)) continue;
      const related = await lookup.getMeta(ctx, current.databaseId, a.relationship.relatedCollection);
      found.set(related.sequence, related);
      queue.push(related);
    }
  }
  return found;
}

export function relatedMeta(metas: RelatedMetas, sequence: number): CollectionMeta {
  const meta = metas.get(sequence);
  if (!meta) throw new Error(`related collection ${sequence} was not loaded`);
  return meta;
}
