/**
 * Collection indexes: `key`, `unique`, `fulltext`. Same write-ahead pattern as attributes: the row
 * goes in `processing`, the CREATE INDEX runs, the row flips to `available` — or to `failed` with
 * `error` once the half-made index is dropped. Key/unique indexes lead with `_tenant` (per-project
 * uniqueness); fulltext ones can't and are always queried with the tenant predicate. On SQLite a
 * fulltext index is metadata only and `search` queries use LIKE.
 */
import { AppError, appError, invalidParam } from '../../errors/index.ts';
import type { Database } from '../../db/connection.ts';
import { collectionIndexName, createCollectionIndex, dropCollectionIndex, type IndexPart } from '../../db/collection-ddl.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import type { Dialect } from '../../db/dialect.ts';
import { eq } from '../../db/filter.ts';
import type { Row, TenantDb } from '../../db/tenant-db.ts';
import { toDbDate } from '../../lib/dates.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE } from '../../lib/ids.ts';
import type { Logger } from '../../logger.ts';
import type { RequestContext } from '../../http/context.ts';
import { isStringType, SYSTEM_COLUMNS, type CollectionMeta, type IndexMeta } from '../collections/collection-meta.ts';
import type { CollectionsService } from '../collections/collections.service.ts';
import { indexFromRow } from '../collections/schema-rows.ts';
import type { SchemaLeases } from '../collections/schema-leases.ts';
import { listRows, type ListFields, type ListRequest } from '../databases/list-query.ts';
import { sqlType } from '../attributes/attribute-rules.ts';
import { waitUpTo, type SchemaOptions } from '../attributes/attributes.service.ts';

/** MariaDB allows 64 indexes a table; the primary key and 3 system indexes use 4 of them. */
export const MAX_INDEXES = 64;
const SYSTEM_INDEXES = 4;
/** InnoDB's key-prefix limit (bytes); `_tenant` takes 8 of them. */
const MAX_KEY_BYTES = 3072 - 8;
/** Prefix for long strings (TEXT, or VARCHAR over 766 chars) when the request gives no length. */
const DEFAULT_PREFIX_CHARS = 255;
const INDEX_TYPES = ['key', 'unique', 'fulltext'] as const;
/** The `error` of a create whose process stopped mid-DDL (set by the sweep). */
const INTERRUPTED = 'The server stopped before the index was created. Delete it and try again.';

const FIELDS: ListFields = {
  key: { column: 'key', kind: 'string' }, type: { column: 'type', kind: 'string' }, status: { column: 'status', kind: 'string' },
};

export interface IndexInput { key: string; type: string; attributes: string[]; orders?: (string | null)[] | null; lengths?: (number | null)[] | null }

interface PlannedIndex { readonly type: IndexMeta['type']; readonly attributes: string[]; readonly orders: string[]; readonly lengths: (number | null)[]; readonly parts: IndexPart[] }

const SYSTEM_SIZES: Record<string, number> = { $id: 36, $createdAt: 0, $updatedAt: 0 };

export class IndexesService {
  readonly #collections: CollectionsService;
  readonly #dialect: Dialect;
  readonly #logger: Logger;
  readonly #syncWaitMs: number;
  readonly #leases: SchemaLeases;

  constructor(db: Database, collections: CollectionsService, logger: Logger, options: SchemaOptions = {}) {
    this.#collections = collections;
    this.#dialect = db.dialect;
    this.#logger = logger;
    this.#syncWaitMs = options.syncWaitMs ?? 2_000;
    this.#leases = collections.leases;
    this.#leases.onSweep('indexes', (tdb, row) => this.#sweep(tdb, row));
  }

  async create(ctx: RequestContext, databaseId: string, collectionId: string, input: IndexInput): Promise<IndexMeta> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.loadFresh(tdb, databaseId, collectionId);
    return this.createInCollection(tdb, meta, input);
  }

  async createInCollection(tdb: TenantDb, meta: CollectionMeta, input: IndexInput): Promise<IndexMeta> {
    if (!CUSTOM_ID.test(input.key)) throw invalidParam('key', CUSTOM_ID_RULE);
    const existing = meta.indexes.find((i) => i.key === input.key);
    if (existing && existing.status !== 'failed') throw appError('index_already_exists', input.key);
    if (existing) await this.#discard(tdb, meta, existing);
    if (meta.indexes.filter((i) => i.key !== input.key).length + SYSTEM_INDEXES >= MAX_INDEXES) throw appError('index_limit_exceeded', meta.id);
    const plan = planIndex(meta, input);
    const now = toDbDate();
    try {
      await tdb.table('indexes').insert({
        _uid: input.key, _createdAt: now, _updatedAt: now, collection_seq: meta.sequence, key: input.key, type: plan.type,
        attributes: JSON.stringify(plan.attributes), orders: JSON.stringify(plan.orders), lengths: JSON.stringify(plan.lengths), status: 'processing', error: '',
        ...this.#leases.take(),
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw appError('index_already_exists', input.key);
      throw e;
    }
    const index = indexFromRow((await tdb.table('indexes').first(eq({ collection_seq: meta.sequence, key: input.key })))!);
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
    await waitUpTo(this.#leases.run(tdb, 'indexes', index.sequence!, () => this.#runCreateDdl(tdb, meta, index, plan)), this.#syncWaitMs);
    return this.#reload(tdb, meta, input.key);
  }

  async #runCreateDdl(tdb: TenantDb, meta: CollectionMeta, index: IndexMeta, plan: PlannedIndex): Promise<void> {
    const name = collectionIndexName(tdb, meta.sequence, index.sequence!);
    let status = 'available';
    let error = '';
    try {
      await createCollectionIndex(tdb, meta.sequence, name, plan.type, plan.parts);
    } catch (e) {
      status = 'failed';
      error = this.#dialect.isDuplicateKey(e)
        ? 'The unique index could not be created: existing documents hold duplicate values.'
        : 'The index could not be created. Delete it and try again.';
      this.#logger.warn({ err: e, collection: meta.sequence, key: index.key }, 'index DDL failed');
      await dropCollectionIndex(tdb, meta.sequence, name).catch((dropError) => this.#logger.error({ err: dropError }, 'could not drop half-made index'));
    }
    const kept = await this.#leases.finish(tdb, 'indexes', index.sequence!, { status, error, _updatedAt: toDbDate() })
      .catch((e) => { this.#logger.error({ err: e }, 'could not record index status'); return true; });
    // Lost lease: a sweep took the row over (and marked it failed) while this DDL ran: undo our index.
    if (!kept && status === 'available') {
      this.#logger.warn({ collection: meta.sequence, key: index.key }, 'index lease lost mid-DDL: dropping the index again');
      await dropCollectionIndex(tdb, meta.sequence, name).catch((e) => this.#logger.error({ err: e }, 'could not drop the index'));
    }
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
  }

  /** A dead process's leftover (claimed by the sweep): a create fails cleanly, a delete is finished. */
  async #sweep(tdb: TenantDb, row: Row): Promise<void> {
    const id = Number(row._id);
    const collection = Number(row.collection_seq);
    await dropCollectionIndex(tdb, collection, collectionIndexName(tdb, collection, id));
    if (row.status === 'deleting') await tdb.table('indexes').delete(eq({ _id: id, lease_owner: this.#leases.ownerId }));
    else await this.#leases.finish(tdb, 'indexes', id, { status: 'failed', error: INTERRUPTED, _updatedAt: toDbDate() });
    this.#collections.invalidateTenant(tdb.tenant);
  }

  async #reload(tdb: TenantDb, meta: CollectionMeta, key: string): Promise<IndexMeta> {
    const row = await tdb.table('indexes').first(eq({ collection_seq: meta.sequence, key }));
    if (!row) throw appError('index_not_found', key);
    return indexFromRow(row);
  }

  async #discard(tdb: TenantDb, meta: CollectionMeta, index: IndexMeta): Promise<void> {
    await dropCollectionIndex(tdb, meta.sequence, collectionIndexName(tdb, meta.sequence, index.sequence!));
    await tdb.table('indexes').delete(eq({ _id: index.sequence! }));
    this.#collections.invalidate(tdb.tenant, meta.databaseId, meta.id);
  }

  async list(ctx: RequestContext, databaseId: string, collectionId: string, request: ListRequest): Promise<{ total: number; indexes: IndexMeta[] }> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.metaIn(tdb, databaseId, collectionId);
    const { total, rows } = await listRows(tdb.table('indexes'), eq({ collection_seq: meta.sequence }), FIELDS, request, 'key');
    return { total, indexes: rows.map(indexFromRow) };
  }

  async get(ctx: RequestContext, databaseId: string, collectionId: string, key: string): Promise<IndexMeta> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.loadFresh(tdb, databaseId, collectionId);
    const index = meta.indexes.find((i) => i.key === key);
    if (!index) throw appError('index_not_found', key);
    return index;
  }

  /** Drops the physical index, then the row (so a crash in between leaves a row a retry can finish). */
  async delete(ctx: RequestContext, databaseId: string, collectionId: string, key: string): Promise<void> {
    const tdb = this.#collections.tenantDb(ctx);
    const meta = await this.#collections.loadFresh(tdb, databaseId, collectionId);
    const index = meta.indexes.find((i) => i.key === key);
    if (!index) throw appError('index_not_found', key);
    await tdb.table('indexes').update(eq({ _id: index.sequence! }), { status: 'deleting', _updatedAt: toDbDate(), ...this.#leases.take() });
    await this.#leases.run(tdb, 'indexes', index.sequence!, () => this.#discard(tdb, meta, index));
  }
}

function indexInvalid(message: string): AppError {
  return new AppError('index_invalid', { message });
}

/** Validates an index request against the collection and works out its physical key parts. */
export function planIndex(meta: CollectionMeta, input: IndexInput): PlannedIndex {
  const type = input.type as IndexMeta['type'];
  if (!(INDEX_TYPES as readonly string[]).includes(type)) throw invalidParam('type', `Value must be one of (${INDEX_TYPES.join(', ')})`);
  const attributes = input.attributes;
  if (attributes.length === 0) throw indexInvalid('Index must have at least one attribute.');
  if (new Set(attributes).size !== attributes.length) throw indexInvalid('Duplicate attributes provided.');
  const orders = (input.orders ?? []).map((o, i) => {
    if (o === null || o === '') return '';
    const upper = String(o).toUpperCase();
    if (upper !== 'ASC' && upper !== 'DESC') throw invalidParam('orders', `Value at ${i} must be one of (ASC, DESC)`);
    return upper;
  });
  const lengths = input.lengths ?? [];
  if (orders.length > attributes.length || lengths.length > attributes.length) throw indexInvalid('The lengths and orders arrays can not be longer than the attributes.');
  if (type === 'fulltext' && orders.some((o) => o !== '')) throw indexInvalid('Fulltext indexes do not support orders.');
  let keyBytes = 0;
  const parts = attributes.map((key, i): IndexPart => {
    const { column, stringSize } = resolveIndexAttribute(meta, key, type);
    const given = lengths[i] ?? null;
    if (given !== null && (!Number.isInteger(given) || given < 1)) throw indexInvalid('Index lengths must be positive integers.');
    if (given !== null && stringSize === null) throw indexInvalid(`Cannot set a length on "${key}": only string attributes take one.`);
    if (given !== null && stringSize !== null && given > stringSize) throw indexInvalid(`Index length ${given} is larger than the size of "${key}" (${stringSize}).`);
    const prefix = stringSize === null ? null : given ?? (stringSize * 4 > MAX_KEY_BYTES || sqlType({ type: 'string', size: stringSize, array: false }, 'mysql') !== `VARCHAR(${stringSize})` ? DEFAULT_PREFIX_CHARS : null);
    keyBytes += stringSize === null ? 8 : (prefix ?? stringSize) * 4;
    const order = orders[i] ? (orders[i] as 'ASC' | 'DESC') : null;
    return { column, length: type === 'fulltext' ? null : prefix, order };
  });
  if (type !== 'fulltext' && keyBytes > MAX_KEY_BYTES) throw indexInvalid(`Index length is longer than the maximum: ${MAX_KEY_BYTES / 4} characters.`);
  return { type, attributes: [...attributes], orders, lengths: attributes.map((_, i) => lengths[i] ?? null), parts };
}

function resolveIndexAttribute(meta: CollectionMeta, key: string, type: string): { column: string; stringSize: number | null } {
  if (key in SYSTEM_SIZES) {
    if (type === 'fulltext' && key !== '$id') throw indexInvalid(`Fulltext indexes need string attributes; "${key}" is not one.`);
    return { column: SYSTEM_COLUMNS[key]!, stringSize: key === '$id' ? SYSTEM_SIZES[key]! : null };
  }
  const attribute = meta.attributes.find((a) => a.key === key && a.status !== 'deleting' && a.status !== 'failed');
  if (!attribute) throw appError('attribute_unknown', key);
  if (attribute.status !== 'available') throw appError('attribute_not_available', key);
  if (attribute.array) throw indexInvalid(`Array attribute "${key}" can not be indexed.`);
  if (type === 'fulltext' && !isStringType(attribute.type)) throw indexInvalid(`Fulltext indexes need string attributes; "${key}" is not one.`);
  // varchar/text/mediumtext/longtext index like strings: TEXT types always by a prefix (255 unless `lengths` says).
  return { column: attribute.column, stringSize: isStringType(attribute.type) ? attribute.size : null };
}
