/**
 * Read-your-writes: a document (or a list page) as one transaction sees it — committed data with the
 * transaction's staged operations replayed over it in staging order. Staged creates are visible,
 * staged deletes hidden. Bulk update/delete by queries apply to the committed documents their queries
 * match; list filters are evaluated in memory over staged documents (the common operators; others
 * keep the document), and the page is re-ordered by the list's attribute orders.
 */
import { appError } from '../../errors/index.ts';
import { eq } from '../../db/filter.ts';
import type { TenantDb } from '../../db/tenant-db.ts';
import type { RequestContext } from '../../http/context.ts';
import { toApiDate } from '../../lib/dates.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { documentGrants } from '../documents/access.ts';
import { columnsFor, toDocument, type DocumentModel } from '../documents/document-model.ts';
import { findRows, type DocumentList } from '../documents/documents-read.ts';
import { compileQueries } from '../documents/query/compile.ts';
import { parseQueries, QUERY_LIMITS, type Query } from '../documents/query/parse.ts';
import { availableAttributes } from '../documents/query/schema.ts';
import type { StagedOp } from './transaction-store.ts';

type State = DocumentModel | null;

/** The staged operations of one collection, with the committed IDs each bulk update/delete matched. */
export class CollectionView {
  readonly #meta: CollectionMeta;
  readonly #ops: readonly StagedOp[];
  readonly #matched = new Map<StagedOp, Set<string>>();

  private constructor(meta: CollectionMeta, ops: readonly StagedOp[]) {
    this.#meta = meta;
    this.#ops = ops;
  }

  static async open(tdb: TenantDb, meta: CollectionMeta, all: readonly StagedOp[]): Promise<CollectionView> {
    const view = new CollectionView(meta, all.filter((op) => op.databaseId === meta.databaseId && op.collectionId === meta.id));
    for (const op of view.#ops) {
      if (op.action !== 'bulkUpdate' && op.action !== 'bulkDelete') continue;
      const parsed = parseQueries(op.payload.queries ?? []);
      const plan = compileQueries(parsed, meta);
      const limit = parsed.some((q) => q.method === 'limit') ? plan.limit : QUERY_LIMITS.limit;
      const rows = await findRows(tdb, meta, { ...plan, limit }, { kind: 'true' }, ['_id', '_uid']);
      view.#matched.set(op, new Set(rows.map((r) => String(r._uid))));
    }
    return view;
  }

  get empty(): boolean { return this.#ops.length === 0; }

  /** Every document ID a staged operation may change. */
  touched(): Set<string> {
    const ids = new Set<string>();
    for (const op of this.#ops) {
      if (op.documentId) ids.add(op.documentId);
      for (const d of op.payload.documents ?? []) if (typeof d.$id === 'string') ids.add(d.$id);
      for (const id of this.#matched.get(op) ?? []) ids.add(id);
    }
    return ids;
  }

  /** The document `id` after the staged operations, from its committed state `base` (null: absent). */
  replay(id: string, base: State): State {
    let doc = base;
    for (const op of this.#ops) doc = this.#apply(op, id, doc);
    return doc;
  }

  #apply(op: StagedOp, id: string, doc: State): State {
    const p = op.payload;
    const single = op.documentId === id;
    switch (op.action) {
      case 'create': return single ? this.#created(id, p.data ?? {}, p.permissions, op.stagedAt) : doc;
      case 'update': return single && doc ? updated(doc, p.data ?? {}, p.permissions, op.stagedAt) : doc;
      case 'upsert': return !single ? doc : doc ? updated(doc, p.data ?? {}, p.permissions, op.stagedAt) : this.#created(id, p.data ?? {}, p.permissions, op.stagedAt);
      case 'delete': return single ? null : doc;
      case 'increment': case 'decrement': {
        if (!single || !doc || !p.attribute) return doc;
        const by = (p.value ?? 1) * (op.action === 'increment' ? 1 : -1);
        return { ...doc, [p.attribute]: Number(doc[p.attribute] ?? 0) + by, $updatedAt: toApiDate(op.stagedAt) };
      }
      case 'bulkCreate': case 'bulkUpsert': {
        const d = (p.documents ?? []).find((x) => x.$id === id);
        if (!d) return doc;
        const perms = Array.isArray(d.$permissions) ? d.$permissions : null;
        if (op.action === 'bulkUpsert' && doc) return updated(doc, d, perms, op.stagedAt);
        return this.#created(id, d, perms, op.stagedAt);
      }
      case 'bulkUpdate': return doc && this.#matched.get(op)?.has(id) ? updated(doc, p.data ?? {}, null, op.stagedAt) : doc;
      case 'bulkDelete': return doc && this.#matched.get(op)?.has(id) ? null : doc;
    }
  }

  #created(id: string, data: Record<string, unknown>, permissions: readonly unknown[] | null | undefined, at: string): DocumentModel {
    const doc: DocumentModel = {};
    for (const a of availableAttributes(this.#meta)) doc[a.key] = a.default ?? null;
    Object.assign(doc, attributesOf(data));
    const when = toApiDate(at);
    return {
      ...doc, $id: id, $createdAt: when, $updatedAt: when, $permissions: (permissions ?? []).map(String),
      $databaseId: this.#meta.databaseId, $collectionId: this.#meta.id,
    };
  }
}

function attributesOf(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith('$')));
}

function updated(doc: DocumentModel, data: Record<string, unknown>, permissions: readonly unknown[] | null | undefined, at: string): DocumentModel {
  const next: DocumentModel = { ...doc, ...attributesOf(data), $updatedAt: toApiDate(at) };
  if (permissions) next.$permissions = permissions.map(String);
  return next;
}

/** The committed document (all attributes, no permission check), or null. */
export async function committed(tdb: TenantDb, meta: CollectionMeta, id: string): Promise<State> {
  const rows = await tdb.collection(meta.sequence).docs.find({ where: eq({ _uid: id }), columns: columnsFor(meta, null), limit: 1 });
  return rows[0] ? toDocument(rows[0], meta) : null;
}

/** getDocument through a transaction: 404 when the replayed document is absent or hidden. */
export async function viewDocument(tdb: TenantDb, ctx: RequestContext, meta: CollectionMeta, view: CollectionView, id: string, rawQueries: unknown): Promise<DocumentModel> {
  const doc = view.replay(id, await committed(tdb, meta, id));
  if (!doc || !documentGrants(ctx, meta, doc.$permissions as string[], 'read')) throw appError('document_not_found', id);
  return project(doc, compileQueries(parseQueries(rawQueries), meta, 'select').select);
}

/**
 * listDocuments through a transaction: the committed page without the touched documents, plus the
 * touched documents as replayed that the caller may read and the filters keep, in the list's order.
 */
export async function viewList(tdb: TenantDb, ctx: RequestContext, meta: CollectionMeta, view: CollectionView, page: DocumentList, rawQueries: unknown): Promise<DocumentList> {
  const queries = parseQueries(rawQueries);
  const plan = compileQueries(queries, meta);
  const touched = view.touched();
  const kept = page.documents.filter((d) => !touched.has(String(d.$id)));
  const added: DocumentModel[] = [];
  const removed = page.documents.length - kept.length;
  for (const id of touched) {
    const doc = view.replay(id, await committed(tdb, meta, id));
    if (doc && documentGrants(ctx, meta, doc.$permissions as string[], 'read') && queries.every((q) => matches(q, doc))) added.push(project(doc, plan.select));
  }
  // The total is exact when the committed list fits one page; past that it is the committed total adjusted by this page.
  const documents = sortBy([...kept, ...added], queries).slice(0, plan.limit);
  return { total: Math.max(0, page.total - removed + added.length), documents };
}

function project(doc: DocumentModel, select: ReadonlySet<string> | null): DocumentModel {
  if (!select) return doc;
  return Object.fromEntries(Object.entries(doc).filter(([k]) => k.startsWith('$') || select.has(k)));
}

function sortBy(docs: DocumentModel[], queries: readonly Query[]): DocumentModel[] {
  const orders = queries.filter((q): q is Extract<Query, { method: 'orderAsc' | 'orderDesc' }> => q.method === 'orderAsc' || q.method === 'orderDesc');
  if (orders.length === 0) return docs;
  return [...docs].sort((a, b) => {
    for (const o of orders) {
      const c = compare(a[o.attribute], b[o.attribute]);
      if (c !== 0) return o.method === 'orderAsc' ? c : -c;
    }
    return 0;
  });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

/** In-memory filter over a replayed document (non-filter queries and operators not listed here keep it). */
function matches(q: Query, doc: DocumentModel): boolean {
  switch (q.method) {
    case 'and': return q.queries.every((s) => matches(s, doc));
    case 'or': return q.queries.some((s) => matches(s, doc));
    case 'equal': case 'notEqual': case 'lessThan': case 'lessThanEqual': case 'greaterThan': case 'greaterThanEqual':
    case 'isNull': case 'isNotNull': case 'startsWith': case 'endsWith': case 'between': case 'contains': break;
    default: return true;
  }
  const v = doc[q.attribute];
  const vals = q.values;
  const c = (x: unknown) => compare(v, x);
  switch (q.method) {
    case 'equal': return Array.isArray(v) ? v.some((e) => vals.includes(e as never)) : vals.some((x) => c(x) === 0);
    case 'notEqual': return vals.every((x) => c(x) !== 0);
    case 'lessThan': return v !== null && v !== undefined && c(vals[0]) < 0;
    case 'lessThanEqual': return v !== null && v !== undefined && c(vals[0]) <= 0;
    case 'greaterThan': return v !== null && v !== undefined && c(vals[0]) > 0;
    case 'greaterThanEqual': return v !== null && v !== undefined && c(vals[0]) >= 0;
    case 'between': return v !== null && v !== undefined && c(vals[0]) >= 0 && c(vals[1]) <= 0;
    case 'isNull': return v === null || v === undefined;
    case 'isNotNull': return v !== null && v !== undefined;
    case 'startsWith': return typeof v === 'string' && vals.some((x) => v.startsWith(String(x)));
    case 'endsWith': return typeof v === 'string' && vals.some((x) => v.endsWith(String(x)));
    case 'contains': return Array.isArray(v) ? vals.some((x) => v.includes(x)) : typeof v === 'string' && vals.some((x) => v.includes(String(x)));
    default: return true;
  }
}
