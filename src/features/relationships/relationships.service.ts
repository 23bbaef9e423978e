/**
 * Relationship attributes (Appwrite's `POST …/attributes/relationship`, `PATCH …/attributes/{key}/relationship`):
 * a row on the parent collection (`side: parent`) and its twin on the related collection
 * (`side: child`; listed only when `twoWay`, see `isHiddenTwin`), both naming the same physical
 * storage (relationship-ddl.ts, P = the parent row's sequence). Deleting either side deletes both.
 * The DDL runs before the answer (a column, an index or a junction table: quick on any table size).
 */
import { AppError, appError, invalidParam } from '../../errors/index.ts';
import { addReferenceColumn, createJunctionTable, dropJunctionTable, dropReferenceColumn } from '../../db/relationship-ddl.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq } from '../../db/filter.ts';
import type { TenantDb } from '../../db/tenant-db.ts';
import { toDbDate } from '../../lib/dates.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE } from '../../lib/ids.ts';
import type { Logger } from '../../logger.ts';
import type { RequestContext } from '../../http/context.ts';
import type { AttributeMeta, CollectionMeta, OnDelete, RelationshipOptions, RelationType } from '../collections/collection-meta.ts';
import type { CollectionsService } from '../collections/collections.service.ts';
import { attributeFromRow, isHiddenTwin } from '../collections/schema-rows.ts';
import type { RelationshipAttribute } from './relationship-meta.ts';

export interface CreateRelationshipInput {
  readonly relatedCollectionId: string;
  readonly type: RelationType;
  readonly twoWay?: boolean;
  readonly key?: string | null;
  readonly twoWayKey?: string | null;
  readonly onDelete?: OnDelete;
}

/** The `format` column of a hidden one-way twin: lets the attribute list leave it out in SQL. */
export const HIDDEN_TWIN_FORMAT = 'oneWayTwin';

export class RelationshipsService {
  readonly #collections: CollectionsService;
  readonly #logger: Logger;

  constructor(collections: CollectionsService, logger: Logger) {
    this.#collections = collections;
    this.#logger = logger;
  }

  async create(ctx: RequestContext, databaseId: string, collectionId: string, input: CreateRelationshipInput): Promise<AttributeMeta> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.loadFresh(tdb, databaseId, collectionId);
    const related = await this.#collections.loadFresh(tdb, databaseId, input.relatedCollectionId);
    const key = input.key || related.id;
    const twoWayKey = input.twoWayKey || meta.id;
    if (!CUSTOM_ID.test(key)) throw invalidParam('key', CUSTOM_ID_RULE);
    if (!CUSTOM_ID.test(twoWayKey)) throw invalidParam('twoWayKey', CUSTOM_ID_RULE);
    if (meta.attributes.some((a) => a.key === key)) throw appError('attribute_already_exists', key);
    const relatedNow = related.sequence === meta.sequence ? meta : related;
    if (relatedNow.attributes.some((a) => a.key === twoWayKey) || (relatedNow === meta && key === twoWayKey)) {
      throw new AppError('attribute_already_exists', { message: 'Attribute with the requested key already exists. Attribute keys must be unique, try again with a different key.' });
    }
    const base = { relationType: input.type, twoWay: Boolean(input.twoWay), onDelete: input.onDelete ?? 'restrict' } as const;
    const parent = await this.#insert(tdb, meta, key, { ...base, relatedCollection: related.id, relatedSequence: related.sequence, twoWayKey, side: 'parent', storage: 0 });
    const storage = parent.sequence!;
    const options = { ...base, storage };
    try {
      await this.#setOptions(tdb, storage, { ...options, relatedCollection: related.id, relatedSequence: related.sequence, twoWayKey, side: 'parent' });
      await this.#insert(tdb, related, twoWayKey, { ...options, relatedCollection: meta.id, relatedSequence: meta.sequence, twoWayKey: key, side: 'child' });
      await createStorage(tdb, meta.sequence, related.sequence, input.type, storage);
    } catch (e) {
      this.#logger.warn({ err: e, collection: meta.sequence, key }, 'relationship create failed: undoing it');
      await this.#remove(tdb, meta.sequence, related.sequence, input.type, storage);
      this.#invalidate(tdb, meta, related);
      throw e instanceof DuplicateKeyError ? appError('attribute_already_exists', twoWayKey) : e;
    }
    await tdb.table('attributes').update(eq({ _id: storage }), { status: 'available', _updatedAt: toDbDate() });
    await tdb.table('attributes').update(eq({ collection_seq: related.sequence, key: twoWayKey }), { status: 'available', _updatedAt: toDbDate() });
    this.#invalidate(tdb, meta, related);
    return attributeFromRow((await tdb.table('attributes').first(eq({ _id: storage })))!);
  }

  /** `PATCH …/{key}/relationship`: `onDelete` (both sides) and `newKey` (this side; the twin's `twoWayKey` follows). */
  async update(ctx: RequestContext, databaseId: string, collectionId: string, key: string, input: { onDelete?: OnDelete | null; newKey?: string | null }): Promise<AttributeMeta> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.loadFresh(tdb, databaseId, collectionId);
    const attribute = findVisible(meta, key);
    if (!attribute.relationship) throw appError('attribute_type_invalid', key);
    if (attribute.status !== 'available') throw appError('attribute_not_available', key);
    const r = attribute.relationship;
    const related = await this.#collections.loadFresh(tdb, databaseId, r.relatedCollection);
    const twin = twinOf(related, attribute as RelationshipAttribute);
    const newKey = input.newKey || key;
    if (!CUSTOM_ID.test(newKey)) throw invalidParam('newKey', CUSTOM_ID_RULE);
    if (newKey !== key && meta.attributes.some((a) => a.key === newKey)) throw appError('attribute_already_exists', newKey);
    const onDelete = input.onDelete ?? r.onDelete;
    await tdb.transaction(async (trx) => {
      await this.#setOptions(trx, attribute.sequence!, { ...r, onDelete }, { _uid: newKey, key: newKey });
      if (twin) await this.#setOptions(trx, twin.sequence!, { ...twin.relationship, onDelete, twoWayKey: newKey });
    });
    this.#invalidate(tdb, meta, related);
    return attributeFromRow((await tdb.table('attributes').first(eq({ _id: attribute.sequence! })))!);
  }

  /** Deletes both sides and their storage (called by the attributes feature for a relationship attribute). */
  async delete(tdb: TenantDb, meta: CollectionMeta, attribute: RelationshipAttribute): Promise<void> {
    const r = attribute.relationship;
    const related = r.relatedSequence === meta.sequence ? meta : await this.#collections.loadFresh(tdb, meta.databaseId, r.relatedCollection).catch(() => null);
    const parentSequence = r.side === 'parent' ? meta.sequence : r.relatedSequence;
    const childSequence = r.side === 'parent' ? r.relatedSequence : meta.sequence;
    await tdb.table('attributes').update(eq({ _id: attribute.sequence! }), { status: 'deleting', _updatedAt: toDbDate() });
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
    await this.#remove(tdb, parentSequence, childSequence, r.relationType, r.storage);
    if (related) this.#invalidate(tdb, meta, related);
    else this.#collections.invalidateTenant(tdb.tenant);
  }

  /**
   * A collection is being dropped: every relationship it takes part in goes (storage on the other
   * collections, junction tables, twin rows), so the other side never names a missing collection.
   * Idempotent (a resumed drop runs it again).
   */
  async dropCollection(tdb: TenantDb, sequence: number): Promise<void> {
    const rows = await tdb.table('attributes').find({ where: eq({ collection_seq: sequence, type: 'relationship' }) });
    for (const attribute of rows.map(attributeFromRow)) {
      const r = attribute.relationship;
      if (!r) continue;
      const parentSequence = r.side === 'parent' ? sequence : r.relatedSequence;
      const childSequence = r.side === 'parent' ? r.relatedSequence : sequence;
      await this.#remove(tdb, parentSequence, childSequence, r.relationType, r.storage);
    }
    if (rows.length) this.#collections.invalidateTenant(tdb.tenant);
  }

  async #insert(tdb: TenantDb, meta: CollectionMeta, key: string, relationship: RelationshipOptions): Promise<AttributeMeta> {
    const now = toDbDate();
    try {
      await tdb.table('attributes').insert({
        _uid: key, _createdAt: now, _updatedAt: now, collection_seq: meta.sequence, key, type: 'relationship',
        format: relationship.side === 'child' && !relationship.twoWay ? HIDDEN_TWIN_FORMAT : '', size: 255, required: false, is_array: false,
        default_value: 'null', options: JSON.stringify({ relationship }), status: 'processing', error: '',
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw appError('attribute_already_exists', key);
      throw e;
    }
    return attributeFromRow((await tdb.table('attributes').first(eq({ collection_seq: meta.sequence, key })))!);
  }

  async #setOptions(tdb: TenantDb, sequence: number, relationship: RelationshipOptions, also: Record<string, unknown> = {}): Promise<void> {
    await tdb.table('attributes').update(eq({ _id: sequence }), { options: JSON.stringify({ relationship }), _updatedAt: toDbDate(), ...also });
  }

  /** Drops the storage, then both metadata rows (by the storage sequence they share). */
  async #remove(tdb: TenantDb, parentSequence: number, childSequence: number, type: RelationType, storage: number): Promise<void> {
    await dropStorage(tdb, parentSequence, childSequence, type, storage);
    const rows = await tdb.table('attributes').find({ where: eq({ collection_seq: [parentSequence, childSequence], type: 'relationship' }) });
    const ids = rows.map(attributeFromRow).filter((a) => a.relationship?.storage === storage || a.sequence === storage).map((a) => a.sequence!);
    if (ids.length) await tdb.table('attributes').delete(eq({ _id: ids }));
  }

  #invalidate(tdb: TenantDb, meta: CollectionMeta, related: CollectionMeta): void {
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
    this.#collections.invalidate(tdb.tenant, related.databaseId, related.id);
  }
}

/** An attribute the API may address (hidden one-way twins answer 404 like unknown keys). */
export function findVisible(meta: CollectionMeta, key: string): AttributeMeta {
  const attribute = meta.attributes.find((a) => a.key === key);
  if (!attribute || isHiddenTwin(attribute)) throw appError('attribute_not_found', key);
  return attribute;
}

/** The other side's row, if the related collection still has it. */
export function twinOf(related: CollectionMeta, attribute: RelationshipAttribute): RelationshipAttribute | undefined {
  return related.attributes.find((a): a is RelationshipAttribute => a.relationship?.storage === attribute.relationship.storage && a.sequence !== attribute.sequence);
}

async function createStorage(tdb: TenantDb, parentSequence: number, childSequence: number, type: RelationType, storage: number): Promise<void> {
  if (type === 'manyToMany') await createJunctionTable(tdb, parentSequence, storage);
  else await addReferenceColumn(tdb, type === 'oneToMany' ? childSequence : parentSequence, storage);
}

async function dropStorage(tdb: TenantDb, parentSequence: number, childSequence: number, type: RelationType, storage: number): Promise<void> {
  if (type === 'manyToMany') await dropJunctionTable(tdb, parentSequence, storage);
  else await dropReferenceColumn(tdb, type === 'oneToMany' ? childSequence : parentSequence, storage);
}
