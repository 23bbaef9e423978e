/**
 * Where a relationship attribute's values live, from either side (P = the parent side's attribute
 * sequence, `storage`): see src/db/relationship-ddl.ts. A side either owns a column holding the
 * related `$id` (`own`), finds its related documents by their column holding its own `$id`
 * (`reverse`), or reads the junction table (`junction`).
 */
import { AppError } from '../../errors/index.ts';
import type { AttributeMeta, CollectionMeta, RelationshipOptions } from '../collections/collection-meta.ts';
import type { Field } from '../documents/query/schema.ts';

export type RelationshipAttribute = AttributeMeta & { readonly relationship: RelationshipOptions };

export type Placement =
  | { readonly kind: 'own'; readonly column: string }
  | { readonly kind: 'reverse'; readonly column: string }
  | { readonly kind: 'junction'; readonly parentSequence: number; readonly mine: '_parent' | '_child'; readonly theirs: '_parent' | '_child' };

export function storageColumn(r: RelationshipOptions): string {
  return `a${r.storage}`;
}

/** How this side reaches its related documents. */
export function placementOf(meta: CollectionMeta, r: RelationshipOptions): Placement {
  const parent = r.side === 'parent';
  switch (r.relationType) {
    case 'oneToOne': case 'manyToOne':
      return { kind: parent ? 'own' : 'reverse', column: storageColumn(r) };
    case 'oneToMany':
      return { kind: parent ? 'reverse' : 'own', column: storageColumn(r) };
    case 'manyToMany':
      return parent
        ? { kind: 'junction', parentSequence: meta.sequence, mine: '_parent', theirs: '_child' }
        : { kind: 'junction', parentSequence: r.relatedSequence, mine: '_child', theirs: '_parent' };
  }
}

/** True when this side holds a list of related documents. */
export function isMany(r: RelationshipOptions): boolean {
  return r.relationType === 'manyToMany' || (r.relationType === 'oneToMany' && r.side === 'parent') || (r.relationType === 'manyToOne' && r.side === 'child');
}

/** Available relationship attributes of a collection, hidden one-way twins included (onDelete needs them). */
export function relationshipsOf(meta: CollectionMeta): RelationshipAttribute[] {
  return meta.attributes.filter((a): a is RelationshipAttribute => a.relationship !== undefined && a.status === 'available');
}

/** Attributes a document's `data` may name and `select` may load: hidden twins are not among them. */
export function visibleRelationships(meta: CollectionMeta): RelationshipAttribute[] {
  return relationshipsOf(meta).filter((a) => a.relationship.side === 'parent' || a.relationship.twoWay);
}

/** Queryable relationship fields: the sides that own a column (equal / isNull on a related `$id`). */
export function relationshipFields(meta: CollectionMeta): Field[] {
  return visibleRelationships(meta).flatMap((a): Field[] => {
    const placement = placementOf(meta, a.relationship);
    return placement.kind === 'own' ? [{ key: a.key, column: placement.column, type: 'relationship', format: '', array: false, system: false }] : [];
  });
}

/**
 * Bulk operations skip relationship handling (nested values, onDelete), so a collection with
 * relationships refuses them (Appwrite refuses bulk create there; Tenantry refuses every bulk
 * operation rather than leave links or restrict rules unapplied).
 */
export function refuseBulkWithRelationships(meta: CollectionMeta, operation: 'create' | 'upsert' | 'update' | 'delete'): void {
  if (relationshipsOf(meta).length === 0) return;
  throw new AppError('general_bad_request', { message: `Bulk ${operation} is not supported for collections with relationship attributes` });
}
