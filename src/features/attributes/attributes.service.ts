/**
 * Attributes: one metadata row and one real, typed column each (`a{sequence}`). Creation is
 * write-ahead: the row goes in as `processing`, the ALTER runs, then the row flips to `available` —
 * or to `failed` with `error` after the half-made column is dropped again. A failed attribute can
 * be re-created with the same key (the leftover row and column are cleaned first). The answer waits
 * for the DDL up to `syncWaitMs`; longer DDL (big tables) finishes in the background.
 */
import { AppError, appError, invalidParam } from '../../errors/index.ts';
import type { Database } from '../../db/connection.ts';
import { addAttributeColumn, dropAttributeColumn, modifyAttributeColumn } from '../../db/collection-ddl.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq, type Condition } from '../../db/filter.ts';
import type { Row, TenantDb } from '../../db/tenant-db.ts';
import { toDbDate } from '../../lib/dates.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE } from '../../lib/ids.ts';
import type { Logger } from '../../logger.ts';
import type { RequestContext } from '../../http/context.ts';
import { attributeColumn, type AttributeMeta, type CollectionMeta } from '../collections/collection-meta.ts';
import type { CollectionsService } from '../collections/collections.service.ts';
import { listRows, type ListFields, type ListRequest } from '../databases/list-query.ts';
import { attributeFromRow } from '../collections/schema-rows.ts';
import type { RelationshipAttribute } from '../relationships/relationship-meta.ts';
import { findVisible, HIDDEN_TWIN_FORMAT } from '../relationships/relationships.service.ts';

export interface RelationshipRemover {
  delete(tdb: TenantDb, meta: CollectionMeta, attribute: RelationshipAttribute): Promise<void>;
}
import type { SchemaLeases } from '../collections/schema-leases.ts';
import { checkSpec, fitsRow, int64Param, kindOf, specFromCreate, sqlType, storedBigint, storedDefault, type AttributeKind, type AttributeSpec } from './attribute-rules.ts';

const FIELDS: ListFields = {
  key: { column: 'key', kind: 'string' }, type: { column: 'type', kind: 'string' }, status: { column: 'status', kind: 'string' },
  required: { column: 'required', kind: 'boolean' }, array: { column: 'is_array', kind: 'boolean' }, size: { column: 'size', kind: 'number' },
};

/** The `error` of a create whose process stopped mid-DDL (set by the sweep). */
const INTERRUPTED = 'The server stopped before the column was created. Delete the attribute and try again.';

export interface SchemaOptions {
  /** How long a create waits for its DDL before answering `processing` (default 2 s). */
  readonly syncWaitMs?: number;
}

/** Runs `work`; resolves true when it finished within `waitMs`, false when it is still running (it keeps going). */
export async function waitUpTo(work: Promise<unknown>, waitMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), waitMs); });
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export class AttributesService {
  readonly #collections: CollectionsService;
  readonly #dialect: 'mysql' | 'sqlite';
  readonly #logger: Logger;
  readonly #syncWaitMs: number;
  readonly #leases: SchemaLeases;
  #relationships: RelationshipRemover | null = null;

  constructor(db: Database, collections: CollectionsService, logger: Logger, options: SchemaOptions = {}) {
    this.#collections = collections;
    this.#dialect = db.dialect.name;
    this.#logger = logger;
    this.#syncWaitMs = options.syncWaitMs ?? 2_000;
    this.#leases = collections.leases;
    this.#leases.onSweep('attributes', (tdb, row) => this.#sweep(tdb, row));
  }

  /** Deleting a relationship attribute is the relationships feature's work (both sides, their storage). */
  useRelationships(remover: RelationshipRemover): void {
    this.#relationships = remover;
  }

  async create(ctx: RequestContext, databaseId: string, collectionId: string, kind: AttributeKind, body: Readonly<Record<string, unknown>>): Promise<AttributeMeta> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.loadFresh(tdb, databaseId, collectionId);
    return this.createInCollection(tdb, meta, specFromCreate(kind, body));
  }

  /** Validates, writes the `processing` row, runs the DDL (waiting up to syncWaitMs), returns the attribute. */
  async createInCollection(tdb: TenantDb, meta: CollectionMeta, spec: AttributeSpec): Promise<AttributeMeta> {
    if (!CUSTOM_ID.test(spec.key)) throw invalidParam('key', CUSTOM_ID_RULE);
    const existing = meta.attributes.find((a) => a.key === spec.key);
    if (existing && existing.status !== 'failed') throw appError('attribute_already_exists', spec.key);
    if (existing) await this.#discard(tdb, meta, existing);
    if (!fitsRow(meta.attributes, spec, spec.key)) throw appError('attribute_limit_exceeded', meta.id);
    const now = toDbDate();
    try {
      await tdb.table('attributes').insert({
        _uid: spec.key, _createdAt: now, _updatedAt: now, collection_seq: meta.sequence,
        key: spec.key, type: spec.type, format: spec.format, size: spec.size, required: spec.required, is_array: spec.array,
        default_value: storedDefault(spec), options: JSON.stringify(optionsOf(spec)), status: 'processing', error: '', ...this.#leases.take(),
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw appError('attribute_already_exists', spec.key);
      throw e;
    }
    const row = await tdb.table('attributes').first(eq({ collection_seq: meta.sequence, key: spec.key }));
    const attribute = attributeFromRow(row!);
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
    const ddl = this.#leases.run(tdb, 'attributes', attribute.sequence!, () => this.#runCreateDdl(tdb, meta, attribute, spec));
    await waitUpTo(ddl, this.#syncWaitMs);
    return this.#reload(tdb, meta, spec.key);
  }

  async #runCreateDdl(tdb: TenantDb, meta: CollectionMeta, attribute: AttributeMeta, spec: AttributeSpec): Promise<void> {
    let status = 'available';
    let error = '';
    try {
      await addAttributeColumn(tdb, meta.sequence, attribute.column, sqlType(spec, this.#dialect));
    } catch (e) {
      status = 'failed';
      error = 'The column could not be created. Delete the attribute and try again.';
      this.#logger.warn({ err: e, collection: meta.sequence, key: spec.key }, 'attribute DDL failed');
      await dropAttributeColumn(tdb, meta.sequence, attribute.column).catch((dropError) => this.#logger.error({ err: dropError }, 'could not drop half-made column'));
    }
    const kept = await this.#leases.finish(tdb, 'attributes', attribute.sequence!, { status, error, _updatedAt: toDbDate() })
      .catch((e) => { this.#logger.error({ err: e }, 'could not record attribute status'); return true; });
    // Lost lease: a sweep took the row over (and marked it failed) while this DDL ran: undo our column.
    if (!kept && status === 'available') {
      this.#logger.warn({ collection: meta.sequence, key: spec.key }, 'attribute lease lost mid-DDL: dropping the column again');
      await dropAttributeColumn(tdb, meta.sequence, attribute.column).catch((e) => this.#logger.error({ err: e }, 'could not drop the column'));
    }
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
  }

  /** A dead process's leftover (claimed by the sweep): a create fails cleanly, a delete is finished. */
  async #sweep(tdb: TenantDb, row: Row): Promise<void> {
    const id = Number(row._id);
    await dropAttributeColumn(tdb, Number(row.collection_seq), attributeColumn(id));
    if (row.status === 'deleting') await tdb.table('attributes').delete(eq({ _id: id, lease_owner: this.#leases.ownerId }));
    else await this.#leases.finish(tdb, 'attributes', id, { status: 'failed', error: INTERRUPTED, _updatedAt: toDbDate() });
    this.#collections.invalidateTenant(tdb.tenant);
  }

  async #reload(tdb: TenantDb, meta: CollectionMeta, key: string): Promise<AttributeMeta> {
    const row = await tdb.table('attributes').first(eq({ collection_seq: meta.sequence, key }));
    if (!row) throw appError('attribute_not_found', key);
    return attributeFromRow(row);
  }

  /** Removes a failed or half-deleted attribute's leftovers: column first, then the row. */
  async #discard(tdb: TenantDb, meta: CollectionMeta, attribute: AttributeMeta): Promise<void> {
    await dropAttributeColumn(tdb, meta.sequence, attribute.column);
    await tdb.table('attributes').delete(eq({ _id: attribute.sequence! }));
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
  }

  async list(ctx: RequestContext, databaseId: string, collectionId: string, request: ListRequest): Promise<{ total: number; attributes: AttributeMeta[] }> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.metaIn(tdb, databaseId, collectionId);
    const notHiddenTwin: Condition = { kind: 'cmp', column: 'format', op: '!=', value: HIDDEN_TWIN_FORMAT };
    const { total, rows } = await listRows(tdb.table('attributes'), { kind: 'and', conditions: [eq({ collection_seq: meta.sequence }), notHiddenTwin] }, FIELDS, request, 'key');
    return { total, attributes: rows.map(attributeFromRow) };
  }

  async get(ctx: RequestContext, databaseId: string, collectionId: string, key: string): Promise<AttributeMeta> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.loadFresh(tdb, databaseId, collectionId);
    const attribute = findVisible(meta, key);
    return attribute;
  }

  /** `PATCH /attributes/<kind>/{key}`: required, default, min/max, elements, size, newKey. */
  async update(ctx: RequestContext, databaseId: string, collectionId: string, kind: AttributeKind, key: string, body: Readonly<Record<string, unknown>>): Promise<AttributeMeta> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.loadFresh(tdb, databaseId, collectionId);
    const current = meta.attributes.find((a) => a.key === key);
    if (!current) throw appError('attribute_not_found', key);
    if (kindOf(current) !== kind) throw appError('attribute_type_invalid', key);
    if (current.status !== 'available') throw appError('attribute_not_available', key);
    const newKey = typeof body.newKey === 'string' && body.newKey !== '' ? body.newKey : key;
    if (!CUSTOM_ID.test(newKey)) throw invalidParam('newKey', CUSTOM_ID_RULE);
    if (newKey !== key && meta.attributes.some((a) => a.key === newKey)) throw appError('attribute_already_exists', newKey);
    const next = checkSpec({
      key: newKey, type: current.type, format: current.format, required: Boolean(body.required), array: current.array,
      default: body.default ?? null,
      size: (kind === 'string' || kind === 'varchar') && body.size != null ? Number(body.size) : current.size,
      ...(current.min !== undefined ? { min: (body.min as number | null | undefined) ?? current.min, max: (body.max as number | null | undefined) ?? current.max } : {}),
      ...(current.bounds ? { bounds: { min: int64Param('min', body.min, current.bounds.min), max: int64Param('max', body.max, current.bounds.max) } } : {}),
      ...(current.elements ? { elements: (body.elements as string[] | undefined) ?? current.elements } : {}),
    });
    const newType = sqlType(next, this.#dialect);
    if (newType !== sqlType(current, this.#dialect)) {
      if (!fitsRow(meta.attributes, next, key)) throw appError('attribute_limit_exceeded', meta.id);
      await this.#resize(tdb, meta, current, newType);
    }
    await tdb.transaction(async (trx) => {
      await trx.table('attributes').update(eq({ _id: current.sequence! }), {
        _uid: newKey, key: newKey, size: next.size, required: next.required, default_value: storedDefault(next),
        options: JSON.stringify(optionsOf(next)), _updatedAt: toDbDate(),
      });
      if (newKey !== key) await renameInIndexes(trx, meta, key, newKey);
    });
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
    return this.#reload(tdb, meta, newKey);
  }

  async #resize(tdb: TenantDb, meta: CollectionMeta, current: AttributeMeta, newType: string): Promise<void> {
    try {
      await modifyAttributeColumn(tdb, meta.sequence, current.column, newType);
    } catch (e) {
      const errno = (e as { errno?: number }).errno;
      // 1406 data too long, 1265 data truncated: existing values don't fit the new size.
      if (errno === 1406 || errno === 1265) throw new AppError('attribute_invalid_resize', { cause: e });
      throw e;
    }
  }

  /** Deletes an attribute (refused while an index uses it). Resumable: a `deleting` row is finished on retry. */
  async delete(ctx: RequestContext, databaseId: string, collectionId: string, key: string): Promise<void> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.loadFresh(tdb, databaseId, collectionId);
    const attribute = findVisible(meta, key);
    if (meta.indexes.some((i) => i.attributes.includes(key))) throw appError('index_dependency', key);
    if (attribute.relationship && this.#relationships) return this.#relationships.delete(tdb, meta, attribute as RelationshipAttribute);
    await tdb.table('attributes').update(eq({ _id: attribute.sequence! }), { status: 'deleting', _updatedAt: toDbDate(), ...this.#leases.take() });
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
    await this.#leases.run(tdb, 'attributes', attribute.sequence!, () => this.#discard(tdb, meta, attribute));
  }
}

function optionsOf(spec: AttributeSpec): Record<string, unknown> {
  return {
    ...(spec.min !== undefined ? { min: spec.min } : {}), ...(spec.max !== undefined ? { max: spec.max } : {}),
    ...(spec.elements ? { elements: [...spec.elements] } : {}),
    ...storedBigint(spec),
  };
}

/** A rename is metadata only (columns are named by sequence); indexes naming the old key follow it. */
async function renameInIndexes(tdb: TenantDb, meta: CollectionMeta, from: string, to: string): Promise<void> {
  for (const index of meta.indexes) {
    if (!index.attributes.includes(from)) continue;
    const attributes = index.attributes.map((a) => (a === from ? to : a));
    await tdb.table('indexes').update(eq({ _id: index.sequence! }), { attributes: JSON.stringify(attributes), _updatedAt: toDbDate() });
  }
}
