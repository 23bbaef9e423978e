/**
 * The queryable view of a collection: API attribute names → physical columns and value types.
 * Lookups go through a Map built per metadata object, so hostile names (`__proto__`, `_tenant`,
 * `` a`b ``) can only ever miss — no user text becomes a column name.
 */
import type { AttributeMeta, AttributeType, CollectionMeta } from '../../collections/collection-meta.ts';
import { relationshipFields } from '../../relationships/relationship-meta.ts';

export interface Field {
  readonly key: string;
  readonly column: string;
  readonly type: AttributeType;
  readonly format: AttributeMeta['format'];
  readonly array: boolean;
  readonly system: boolean;
  readonly elements?: readonly string[];
}

const SYSTEM_FIELDS: readonly Field[] = [
  { key: '$id', column: '_uid', type: 'string', format: '', array: false, system: true },
  { key: '$sequence', column: '_id', type: 'integer', format: '', array: false, system: true },
  { key: '$createdAt', column: '_createdAt', type: 'datetime', format: '', array: false, system: true },
  { key: '$updatedAt', column: '_updatedAt', type: 'datetime', format: '', array: false, system: true },
];

const cache = new WeakMap<CollectionMeta, Map<string, Field>>();

/** Available attributes plus the queryable system fields, by API name. */
export function fieldsOf(meta: CollectionMeta): Map<string, Field> {
  let fields = cache.get(meta);
  if (fields) return fields;
  fields = new Map();
  for (const f of SYSTEM_FIELDS) fields.set(f.key, f);
  for (const a of availableAttributes(meta)) {
    fields.set(a.key, { key: a.key, column: a.column, type: a.type, format: a.format, array: a.array, system: false, elements: a.elements });
  }
  for (const f of relationshipFields(meta)) fields.set(f.key, f);
  cache.set(meta, fields);
  return fields;
}

const available = new WeakMap<CollectionMeta, readonly AttributeMeta[]>();

/** Attributes a document reads and writes: only `available` ones (a processing column may not exist yet). */
export function availableAttributes(meta: CollectionMeta): readonly AttributeMeta[] {
  // Per metadata object, like `fieldsOf`: every read and every listed row asks again.
  let list = available.get(meta);
  // Relationship attributes are read and written by src/features/relationships, not as plain columns.
  if (!list) { list = Object.freeze(meta.attributes.filter((a) => a.status === 'available' && a.type !== 'relationship')); available.set(meta, list); }
  return list;
}

/** True when an available fulltext index covers exactly this one attribute. */
export function hasFulltextIndex(meta: CollectionMeta, key: string): boolean {
  return meta.indexes.some((i) => i.type === 'fulltext' && i.status === 'available' && i.attributes.length === 1 && i.attributes[0] === key);
}
