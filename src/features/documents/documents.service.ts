/**
 * Documents: create / get / list / update / upsert / delete / increment, with Appwrite's permission
 * rules (see access.ts) and input checks (document-input.ts). Every write runs in one transaction
 * with the document row locked, and its permission rows change in the same transaction.
 * Bulk operations (API keys only) live in documents-bulk.ts.
 */
import { AppError, appError, invalidParam } from '../../errors/index.ts';
import type { Database } from '../../db/connection.ts';
import { TenantDb, type Row } from '../../db/tenant-db.ts';
import { isPrivileged, scopeOf, type RequestContext } from '../../http/context.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId } from '../../lib/ids.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { DOCUMENT_PERMISSION_TYPES, parsePermissions } from '../permissions/permissions.ts';
import { assertMayGrant, collectionGrants, defaultPermissions, documentGrants } from './access.ts';
import { prepareData } from './document-input.ts';
import { permissionsOf, toDocument, type DocumentModel } from './document-model.ts';
import { DocumentStore } from './document-store.ts';
import { getDocument, listDocuments, type DocumentList } from './documents-read.ts';
import { applyOperators, planOperators, splitOperators, type OperatorInput } from './operators.ts';
import { availableAttributes } from './query/schema.ts';
import type { EventSink } from '../../realtime/events.ts';
import { documentEvent, type DocumentAction } from '../../realtime/document-events.ts';
import type { TotalCache, TotalsSnapshot } from './total-cache.ts';
import { loadRelatedMetas, type RelatedMetas } from '../relationships/related-metas.ts';
import { splitRelationships, writeRelationships } from '../relationships/relationship-writes.ts';
import { loadRelationships, splitSelect } from '../relationships/relationship-reads.ts';
import { beforeDelete } from '../relationships/relationship-delete.ts';

/** Where the documents feature gets collection metadata (the collections service). */
export interface CollectionLookup {
  getMeta(ctx: RequestContext, databaseId: string, collectionId: string): Promise<CollectionMeta>;
}

export interface WriteInput {
  readonly data?: Record<string, unknown> | null;
  readonly permissions?: readonly unknown[] | null;
  /** Collections reachable through relationships (loaded before the transaction; relationships feature). */
  readonly related?: RelatedMetas;
}

export class DocumentsService {
  readonly #db: Database;
  readonly #collections: CollectionLookup;
  readonly #events: EventSink | null;
  readonly #totals: TotalCache | null;

  /** `events`: where committed writes are published (realtime); none, nothing is published. `totals`: the list-total cache. */
  constructor(db: Database, collections: CollectionLookup, events: EventSink | null = null, totals: TotalCache | null = null) {
    this.#db = db;
    this.#collections = collections;
    this.#events = events;
    this.#totals = totals;
  }

  /** Publishes a committed write (called after the transaction commits, never for a rolled-back one). */
  #published(ctx: RequestContext, meta: CollectionMeta, action: DocumentAction, doc: DocumentModel): DocumentModel {
    this.#events?.publish(scopeOf(ctx).tenant, documentEvent(meta, action, doc));
    return doc;
  }

  /** Publishes committed writes of several documents, one event each (bulk operations, after their transaction). */
  publishAll(ctx: RequestContext, meta: CollectionMeta, action: DocumentAction, docs: readonly DocumentModel[]): void {
    for (const doc of docs) this.#published(ctx, meta, action, doc);
  }

  /** The tenant's database handle and the collection's metadata (404 if missing or hidden). */
  async open(ctx: RequestContext, databaseId: string, collectionId: string): Promise<{ tdb: TenantDb; meta: CollectionMeta }> {
    const meta = await this.#collections.getMeta(ctx, databaseId, collectionId);
    return { tdb: scopeOf(ctx).db, meta };
  }

  async get(ctx: RequestContext, databaseId: string, collectionId: string, documentId: string, queries: unknown): Promise<DocumentModel> {
    const { tdb, meta } = await this.open(ctx, databaseId, collectionId);
    const { queries: own, load } = splitSelect(meta, queries);
    const doc = await getDocument(tdb, ctx, meta, documentId, own);
    if (load.size) await loadRelationships(tdb, ctx, await loadRelatedMetas(ctx, meta, this.#collections), meta, [doc], load);
    return doc;
  }

  /** `counters`: the collection's total-cache counters, when the request read them already (session round trip). */
  async list(ctx: RequestContext, databaseId: string, collectionId: string, queries: unknown, total = true, counters?: TotalsSnapshot | null): Promise<DocumentList> {
    const { tdb, meta } = await this.open(ctx, databaseId, collectionId);
    const { queries: own, load } = splitSelect(meta, queries);
    const totals = this.#totals;
    const list = await listDocuments(tdb, ctx, meta, own, total, totals ? (where, run) => totals.count(tdb, meta, where, counters, run) : undefined);
    if (load.size) await loadRelationships(tdb, ctx, await loadRelatedMetas(ctx, meta, this.#collections), meta, list.documents, load);
    return list;
  }

  async create(ctx: RequestContext, databaseId: string, collectionId: string, documentId: string, input: WriteInput): Promise<DocumentModel> {
    const { tdb, meta } = await this.open(ctx, databaseId, collectionId);
    const id = resolveCustomId(documentId);
    if (!CUSTOM_ID.test(id)) throw invalidParam('documentId', CUSTOM_ID_RULE);
    const related = await loadRelatedMetas(ctx, meta, this.#collections);
    const doc = await tdb.documentTransaction((trx) => this.#createIn(trx, ctx, meta, id, { ...input, related }));
    return this.#published(ctx, meta, 'create', doc);
  }

  /** `operators` (upsert of a new ID): applied to the new row's initial values, in the same transaction. */
  async #createIn(tdb: TenantDb, ctx: RequestContext, meta: CollectionMeta, id: string, input: WriteInput, operators: readonly OperatorInput[] = []): Promise<DocumentModel> {
    if (!collectionGrants(ctx, meta, 'create')) throw new AppError('user_unauthorized');
    const relations = splitRelationships(meta, input.data);
    const data = prepareData(meta, relations.data, 'create', isPrivileged(ctx));
    const planned = planOperators(meta, operators);
    const permissions = parsePermissions(input.permissions ?? defaultPermissions(ctx), DOCUMENT_PERMISSION_TYPES);
    if (input.permissions) assertMayGrant(ctx, meta, permissions, null);
    const store = new DocumentStore(tdb, meta);
    const [row] = await store.create([{ id, columns: data.columns, permissions, createdAt: data.createdAt, updatedAt: data.updatedAt }]);
    if (relations.relations.length) await writeRelationships(tdb, ctx, input.related ?? new Map(), meta, id, relations.relations);
    if (planned.length === 0) return toDocument(row!, meta);
    await applyOperators(row!, planned, (sets) => store.update(id, {}, null, String(row!._updatedAt), sets));
    return toDocument((await store.load(id))!, meta);
  }

  async update(ctx: RequestContext, databaseId: string, collectionId: string, documentId: string, input: WriteInput): Promise<DocumentModel> {
    if (isEmpty(input.data) && !input.permissions) throw new AppError('document_missing_payload');
    const { tdb, meta } = await this.open(ctx, databaseId, collectionId);
    const split = splitOperators(meta, input.data);
    const related = await loadRelatedMetas(ctx, meta, this.#collections);
    const doc = await tdb.documentTransaction(async (trx) => {
      const store = new DocumentStore(trx, meta);
      const row = await store.load(documentId, true);
      if (!row) throw appError('document_not_found', documentId);
      return this.#updateIn(store, ctx, meta, row, { ...input, data: split.data, related }, split.operators);
    });
    return this.#published(ctx, meta, 'update', doc);
  }

  /** `row` was loaded (and locked) through `store`, which so knows its `_id`. */
  async #updateIn(store: DocumentStore, ctx: RequestContext, meta: CollectionMeta, row: Row, input: WriteInput, operators: readonly OperatorInput[] = []): Promise<DocumentModel> {
    const id = String(row._uid);
    const previous = permissionsOf(row);
    if (!documentGrants(ctx, meta, previous, 'update')) throw new AppError('user_unauthorized');
    const relations = splitRelationships(meta, input.data);
    const data = prepareData(meta, relations.data, 'update', isPrivileged(ctx));
    const planned = planOperators(meta, operators);
    let permissions = null;
    if (input.permissions) {
      permissions = parsePermissions(input.permissions, DOCUMENT_PERMISSION_TYPES);
      assertMayGrant(ctx, meta, permissions, previous);
    }
    // The row is locked since it was loaded: it is now exactly that row with the patch applied
    // (operators computed their values in SQL: those are read back inside the transaction).
    const written = { ...row, ...(await applyOperators(row, planned, (sets) => store.update(id, data.columns, permissions, data.updatedAt, sets))) };
    if (relations.relations.length) await writeRelationships(store.db, ctx, input.related ?? new Map(), meta, id, relations.relations);
    const after = planned.length ? (await store.load(id))! : written;
    // Appwrite #7529: a caller who may update but not read gets no attribute values back.
    return toDocument(after, meta, { withAttributes: documentGrants(ctx, meta, permissionsOf(after), 'read') });
  }

  /** PUT: creates the document (collection `create` grant) or updates the existing one (update rule). */
  async upsert(ctx: RequestContext, databaseId: string, collectionId: string, documentId: string, input: WriteInput): Promise<DocumentModel> {
    const { tdb, meta } = await this.open(ctx, databaseId, collectionId);
    if (!CUSTOM_ID.test(documentId)) throw invalidParam('documentId', CUSTOM_ID_RULE);
    const split = splitOperators(meta, input.data);
    const related = await loadRelatedMetas(ctx, meta, this.#collections);
    const attempt = () => tdb.documentTransaction(async (trx) => {
      const store = new DocumentStore(trx, meta);
      const row = await store.load(documentId, true);
      if (!row) return this.#createIn(trx, ctx, meta, documentId, { ...input, data: split.data, related }, split.operators);
      if (isEmpty(input.data) && !input.permissions) return toDocument(row, meta, { withAttributes: documentGrants(ctx, meta, permissionsOf(row), 'read') });
      return this.#updateIn(store, ctx, meta, row, { ...input, data: split.data, related }, split.operators);
    });
    let doc: DocumentModel;
    try {
      doc = await attempt();
    } catch (e) {
      // Two upserts of a new ID raced and the other one created it: this one is now an update.
      if (!(e instanceof AppError && e.type === 'document_already_exists')) throw e;
      doc = await attempt();
    }
    return this.#published(ctx, meta, 'upsert', doc);
  }

  async delete(ctx: RequestContext, databaseId: string, collectionId: string, documentId: string): Promise<void> {
    const { tdb, meta } = await this.open(ctx, databaseId, collectionId);
    const related = await loadRelatedMetas(ctx, meta, this.#collections);
    const deleted = await tdb.documentTransaction(async (trx) => {
      const store = new DocumentStore(trx, meta);
      const row = await store.load(documentId, true);
      if (!row) throw appError('document_not_found', documentId);
      if (!documentGrants(ctx, meta, permissionsOf(row), 'delete')) throw new AppError('user_unauthorized');
      await beforeDelete(trx, related, meta, [documentId]);
      await store.delete([documentId]);
      return toDocument(row, meta);
    });
    this.#published(ctx, meta, 'delete', deleted);
  }

  /** Atomic increment (sign 1) / decrement (sign -1) of a numeric attribute, within `max` / `min`. */
  async increment(ctx: RequestContext, databaseId: string, collectionId: string, documentId: string, attribute: string, input: { value?: number; max?: number; min?: number }, sign: 1 | -1): Promise<DocumentModel> {
    const { tdb, meta } = await this.open(ctx, databaseId, collectionId);
    const attr = availableAttributes(meta).find((a) => a.key === attribute);
    if (!attr) throw appError('attribute_not_found', attribute);
    if ((attr.type !== 'integer' && attr.type !== 'double') || attr.array) throw appError('attribute_type_invalid', attribute);
    const value = input.value ?? 1;
    if (!(value > 0) || (attr.type === 'integer' && !Number.isSafeInteger(value))) throw invalidParam('value', `Value must be a ${attr.type === 'integer' ? 'whole ' : ''}number greater than 0.`);
    const bound = sign > 0 ? { max: minOf(input.max, attr.max) } : { min: maxOf(input.min, attr.min) };
    const doc = await tdb.documentTransaction(async (trx) => {
      const store = new DocumentStore(trx, meta);
      const row = await store.load(documentId, true);
      if (!row) throw appError('document_not_found', documentId);
      if (!documentGrants(ctx, meta, permissionsOf(row), 'update')) throw new AppError('user_unauthorized');
      if (!(await store.increment(documentId, attr.column, sign * value, bound))) {
        // Appwrite's type and wording (`Database::increaseDocumentAttribute`); TablesDB re-types it to column_limit_exceeded.
        const limit = sign > 0 ? `maximum value of ${bound.max}` : `minimum value of ${bound.min}`;
        throw new AppError('attribute_limit_exceeded', { message: `databases "${attribute}" has reached the ${limit}` });
      }
      const after = (await store.load(documentId))!;
      return toDocument(after, meta, { withAttributes: documentGrants(ctx, meta, permissionsOf(after), 'read') });
    });
    return this.#published(ctx, meta, 'update', doc);
  }
}

function isEmpty(data: WriteInput['data']): boolean {
  return !data || Object.keys(data).length === 0;
}

function minOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function maxOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

