/**
 * Bulk document operations — API keys and console admins only (Appwrite: `auth: [ADMIN, KEY]`),
 * each all-or-nothing in one transaction: create (≤100 documents, each may carry `$id` and
 * `$permissions`), upsert (≤100), update-by-queries and delete-by-queries (the matched documents,
 * up to `limit`, default and at most 5000 per call).
 */
import { refuseBulkWithRelationships } from '../relationships/relationship-meta.ts';
import { AppError, invalidParam } from '../../errors/index.ts';
import { eq } from '../../db/filter.ts';
import type { Row, TenantDb } from '../../db/tenant-db.ts';
import { isPrivileged, type RequestContext } from '../../http/context.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId } from '../../lib/ids.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { DOCUMENT_PERMISSION_TYPES, parsePermissions } from '../permissions/permissions.ts';
import { prepareData } from './document-input.ts';
import { columnsFor, toDocument } from './document-model.ts';
import { DocumentStore, type NewDocument } from './document-store.ts';
import { findRows, type DocumentList } from './documents-read.ts';
import type { DocumentsService } from './documents.service.ts';
import type { DocumentAction } from '../../realtime/document-events.ts';
import { compileQueries } from './query/compile.ts';
import { parseQueries, QUERY_LIMITS } from './query/parse.ts';
import { applyOperators, checkOperators, planOperators, splitOperators } from './operators.ts';

export const MAX_BULK_DOCUMENTS = 100;

export class DocumentsBulk {
  readonly #documents: DocumentsService;

  constructor(documents: DocumentsService) {
    this.#documents = documents;
  }

  async #open(ctx: RequestContext, databaseId: string, collectionId: string) {
    if (!isPrivileged(ctx)) {
      throw new AppError('general_unauthorized_scope', { message: 'Bulk document operations are only available to API keys.' });
    }
    return this.#documents.open(ctx, databaseId, collectionId);
  }

  async create(ctx: RequestContext, databaseId: string, collectionId: string, documents: readonly Record<string, unknown>[]): Promise<DocumentList> {
    const { tdb, meta } = await this.#open(ctx, databaseId, collectionId);
    refuseBulkWithRelationships(meta, 'create');
    const prepared = documents.map((d, i) => toNew(meta, d, i));
    assertDistinct(prepared.map((d) => d.id));
    const list = await tdb.documentTransaction(async (trx) => {
      const rows = await new DocumentStore(trx, meta).create(prepared);
      return { total: rows.length, documents: rows.map((r) => toDocument(r, meta)) };
    });
    return this.#published(ctx, meta, 'create', list);
  }

  /** Each document is created, or — when its `$id` exists — updated with the attributes it carries. */
  async upsert(ctx: RequestContext, databaseId: string, collectionId: string, documents: readonly Record<string, unknown>[]): Promise<DocumentList> {
    const { tdb, meta } = await this.#open(ctx, databaseId, collectionId);
    refuseBulkWithRelationships(meta, 'upsert');
    const ids = documents.map((d, i) => documentId(d, i));
    assertDistinct(ids);
    const list = await tdb.documentTransaction(async (trx) => {
      const store = new DocumentStore(trx, meta);
      const existing = new Map((await store.loadMany(eq({ _uid: ids }), { lock: true })).map((r) => [String(r._uid), r]));
      for (let i = 0; i < documents.length; i++) {
        const { data: doc, operators } = splitOperators(meta, documents[i]!);
        const planned = planOperators(meta, operators);
        let row = existing.get(ids[i]!);
        if (!row) {
          await store.insert([toNew(meta, { ...doc, $id: ids[i] }, i)]);
          if (planned.length === 0) continue;
          // Operators on a new document start from its initial values.
          row = (await store.load(ids[i]!, true))!;
          await applyOperators(row, planned, (sets) => store.update(ids[i]!, {}, null, String(row!._updatedAt), sets));
          continue;
        }
        const data = prepareData(meta, doc, 'update', true);
        const perms = Array.isArray(doc.$permissions) ? parsePermissions(doc.$permissions, DOCUMENT_PERMISSION_TYPES, `documents[${i}].$permissions`) : null;
        await applyOperators(row, planned, (sets) => store.update(ids[i]!, data.columns, perms, data.updatedAt, sets));
      }
      return this.#reload(store, meta, ids);
    });
    return this.#published(ctx, meta, 'upsert', list);
  }

  /** Applies `data` to every document the queries match (filters, orders, limit, offset, cursor). */
  async update(ctx: RequestContext, databaseId: string, collectionId: string, data: Record<string, unknown>, queries: unknown): Promise<DocumentList> {
    const { tdb, meta } = await this.#open(ctx, databaseId, collectionId);
    refuseBulkWithRelationships(meta, 'update');
    const split = splitOperators(meta, data);
    const prepared = prepareData(meta, split.data, 'update', true);
    const planned = planOperators(meta, split.operators);
    const list = await tdb.documentTransaction(async (trx) => {
      const store = new DocumentStore(trx, meta);
      const rows = await this.#matched(trx, meta, queries);
      const ids = rows.map((r) => String(r._uid));
      // Each matched row (locked) must allow the operators; one statement then applies them all.
      for (const r of rows) checkOperators(planned, r);
      if (Object.keys(prepared.columns).length || prepared.updatedAt || planned.length) {
        await store.updateMany(ids, prepared.columns, prepared.updatedAt, planned.map((p) => p.set));
      }
      return this.#reload(store, meta, ids);
    });
    return this.#published(ctx, meta, 'update', list);
  }

  /** Deletes every document the queries match; answers with them as they were. */
  async delete(ctx: RequestContext, databaseId: string, collectionId: string, queries: unknown): Promise<DocumentList> {
    const { tdb, meta } = await this.#open(ctx, databaseId, collectionId);
    refuseBulkWithRelationships(meta, 'delete');
    const list = await tdb.documentTransaction(async (trx) => {
      const rows = await this.#matched(trx, meta, queries);
      await new DocumentStore(trx, meta).delete(rows.map((r) => String(r._uid)));
      return { total: rows.length, documents: rows.map((r) => toDocument(r, meta)) };
    });
    return this.#published(ctx, meta, 'delete', list);
  }

  /**
   * One event per document once the bulk transaction committed (the replay service of a transaction
   * commit has no sink: bulk operations in a transaction publish nothing, as in Appwrite).
   */
  #published(ctx: RequestContext, meta: CollectionMeta, action: DocumentAction, list: DocumentList): DocumentList {
    this.#documents.publishAll(ctx, meta, action, list.documents);
    return list;
  }

  async #matched(tdb: TenantDb, meta: CollectionMeta, queries: unknown): Promise<Row[]> {
    const parsed = parseQueries(queries);
    const plan = compileQueries(parsed, meta);
    const limit = parsed.some((q) => q.method === 'limit') ? plan.limit : QUERY_LIMITS.limit;
    return findRows(tdb, meta, { ...plan, limit }, { kind: 'true' }, columnsFor(meta, null), true);
  }

  async #reload(store: DocumentStore, meta: CollectionMeta, ids: readonly string[]): Promise<DocumentList> {
    const byId = new Map<string, Row>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await store.loadMany(eq({ _uid: ids.slice(i, i + 500) }))) byId.set(String(r._uid), r);
    }
    const documents = ids.map((id) => byId.get(id)).filter((r): r is Row => !!r).map((r) => toDocument(r, meta));
    return { total: documents.length, documents };
  }
}

function documentId(doc: Record<string, unknown>, index: number): string {
  const raw = doc.$id ?? 'unique()';
  if (typeof raw !== 'string') throw invalidParam(`documents[${index}].$id`, CUSTOM_ID_RULE);
  const id = resolveCustomId(raw);
  if (!CUSTOM_ID.test(id)) throw invalidParam(`documents[${index}].$id`, CUSTOM_ID_RULE);
  return id;
}

function toNew(meta: CollectionMeta, doc: Record<string, unknown>, index: number): NewDocument {
  const data = prepareData(meta, doc, 'create', true);
  const raw = Array.isArray(doc.$permissions) ? doc.$permissions : [];
  return { id: documentId(doc, index), columns: data.columns, permissions: parsePermissions(raw, DOCUMENT_PERMISSION_TYPES, `documents[${index}].$permissions`), createdAt: data.createdAt, updatedAt: data.updatedAt };
}

function assertDistinct(ids: readonly string[]): void {
  if (new Set(ids).size !== ids.length) throw invalidParam('documents', 'Every document must have a distinct $id.');
}

