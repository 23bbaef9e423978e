/**
 * Metadata rows (`collections`, `attributes`, `indexes`) → the `CollectionMeta` the rest of the app
 * reads, and the Appwrite response models built from it.
 */
import { eq } from '../../db/filter.ts';
import type { Row, TenantDb } from '../../db/tenant-db.ts';
import { toApiDate } from '../../lib/dates.ts';
import { parseJson } from '../../lib/json.ts';
import {
  attributeColumn, type AttributeFormat, type AttributeMeta, type AttributeStatus, type AttributeType, type CollectionMeta, type IndexMeta,
  type RelationshipOptions,
} from './collection-meta.ts';
import type { DatabaseRecord } from '../databases/databases.service.ts';
import { bigintFromRow, columnTypeModel } from '../attributes/attribute-rules.ts';

export function attributeFromRow(r: Row): AttributeMeta {
  const options = parseJson<{ min?: number; max?: number; elements?: string[]; relationship?: RelationshipOptions; bounds?: { min?: string; max?: string } }>(r.options, {});
  const sequence = Number(r._id);
  return Object.freeze({
    key: String(r.key), type: String(r.type) as AttributeType, format: String(r.format ?? '') as AttributeFormat, size: Number(r.size),
    required: Boolean(Number(r.required)), array: Boolean(Number(r.is_array)), default: parseJson<unknown>(r.default_value, null),
    ...(options.min !== undefined ? { min: options.min } : {}), ...(options.max !== undefined ? { max: options.max } : {}),
    ...(options.elements ? { elements: Object.freeze([...options.elements]) } : {}),
    ...bigintFromRow(r.type, options, r.default_value),
    ...(options.relationship ? { relationship: Object.freeze({ ...options.relationship }) } : {}),
    status: String(r.status) as AttributeStatus, error: String(r.error ?? ''), column: attributeColumn(sequence), sequence,
    createdAt: String(r._createdAt), updatedAt: String(r._updatedAt),
  });
}

export function indexFromRow(r: Row): IndexMeta {
  return Object.freeze({
    key: String(r.key), type: String(r.type) as IndexMeta['type'], attributes: Object.freeze(parseJson<string[]>(r.attributes, [])),
    orders: Object.freeze(parseJson<string[]>(r.orders, [])), lengths: Object.freeze(parseJson<(number | null)[]>(r.lengths, [])),
    status: String(r.status) as AttributeStatus, error: String(r.error ?? ''), sequence: Number(r._id),
    createdAt: String(r._createdAt), updatedAt: String(r._updatedAt),
  });
}

/** Loads one collection's full metadata (row, attributes, indexes), or null. */
export async function loadCollectionMeta(tdb: TenantDb, database: DatabaseRecord, collectionId: string): Promise<CollectionMeta | null> {
  const row = await tdb.table('collections').first(eq({ database_seq: database.sequence, _uid: collectionId }));
  if (!row || row.status === 'deleting') return null;
  const sequence = Number(row._id);
  const [attributes, indexes] = await Promise.all([
    tdb.table('attributes').find({ where: eq({ collection_seq: sequence }), orderBy: [{ column: '_id', dir: 'asc' }] }),
    tdb.table('indexes').find({ where: eq({ collection_seq: sequence }), orderBy: [{ column: '_id', dir: 'asc' }] }),
  ]);
  return Object.freeze({
    sequence, id: String(row._uid), databaseId: database.id, databaseSequence: database.sequence, databaseEnabled: database.enabled,
    databaseType: database.type,
    name: String(row.name), enabled: Boolean(Number(row.enabled)), documentSecurity: Boolean(Number(row.document_security)),
    permissions: Object.freeze(parseJson<string[]>(row.permissions, [])),
    attributes: Object.freeze(attributes.map(attributeFromRow)), indexes: Object.freeze(indexes.map(indexFromRow)),
    createdAt: String(row._createdAt), updatedAt: String(row._updatedAt),
  });
}

/** Appwrite's attribute model: common fields plus the per-type ones (float is reported as `double`). */
export function attributeModel(a: AttributeMeta): Record<string, unknown> {
  const model: Record<string, unknown> = {
    key: a.key, type: a.type, status: a.status, error: a.error, required: a.required, array: a.array,
    $createdAt: toApiDate(a.createdAt ?? null), $updatedAt: toApiDate(a.updatedAt ?? null),
  };
  if (a.type === 'string' && a.format === '') Object.assign(model, { size: a.size, default: a.default, encrypt: false });
  else if (a.type === 'string' && a.format === 'enum') Object.assign(model, { elements: [...(a.elements ?? [])], format: 'enum', default: a.default });
  else if (a.type === 'string') Object.assign(model, { format: a.format, default: a.default });
  else if (a.type === 'integer' || a.type === 'double') Object.assign(model, { min: a.min ?? null, max: a.max ?? null, default: a.default });
  else if (a.type === 'datetime') Object.assign(model, { format: 'datetime', default: a.default });
  else if (columnTypeModel(a)) Object.assign(model, columnTypeModel(a));
  else if (a.relationship) Object.assign(model, relationshipModel(a.relationship));
  else Object.assign(model, { default: a.default });
  return model;
}

/** The relationship model's extra fields (TablesDB renames `relatedCollection` to `relatedTable`). */
function relationshipModel(r: RelationshipOptions): Record<string, unknown> {
  return { relatedCollection: r.relatedCollection, relationType: r.relationType, twoWay: r.twoWay, twoWayKey: r.twoWayKey, onDelete: r.onDelete, side: r.side, default: null };
}

/**
 * The related collection's side of a one-way relationship: kept in the metadata (onDelete and the
 * storage need it, and its key stays reserved, as in utopia) but never listed or addressable.
 */
export function isHiddenTwin(a: AttributeMeta): boolean {
  return a.relationship !== undefined && a.relationship.side === 'child' && !a.relationship.twoWay;
}

export function indexModel(i: IndexMeta): Record<string, unknown> {
  return {
    $id: i.key, $createdAt: toApiDate(i.createdAt ?? null), $updatedAt: toApiDate(i.updatedAt ?? null), key: i.key, type: i.type,
    status: i.status, error: i.error, attributes: [...i.attributes], lengths: [...i.lengths], orders: [...i.orders],
  };
}

export function collectionModel(c: CollectionMeta): Record<string, unknown> {
  return {
    $id: c.id, $createdAt: toApiDate(c.createdAt ?? null), $updatedAt: toApiDate(c.updatedAt ?? null), $permissions: [...c.permissions],
    databaseId: c.databaseId, name: c.name, enabled: c.enabled, documentSecurity: c.documentSecurity,
    attributes: c.attributes.filter((a) => a.status !== 'deleting' && !isHiddenTwin(a)).map(attributeModel), indexes: c.indexes.map(indexModel), bytesMax: 0, bytesUsed: 0,
  };
}
