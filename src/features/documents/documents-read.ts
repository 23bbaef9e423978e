/**
 * Document reads: get (with `select`) and list (filters, orders, paging, cursors, projection, total).
 * Permissions are part of the SQL — the `_perms` subquery — so `total`, `limit`, `offset` and
 * cursors count only what the caller may read; a cursor the caller can't see is as unknown as a
 * deleted one.
 */
import { AppError, appError } from '../../errors/index.ts';
import { eq, type Condition } from '../../db/filter.ts';
import type { Order, Row, TenantDb } from '../../db/tenant-db.ts';
import type { RequestContext } from '../../http/context.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { documentGrants, readFilter } from './access.ts';
import { columnsFor, permissionsOf, readsExact, toDocument, type DocumentModel } from './document-model.ts';
import { compileQueries, type QueryPlan } from './query/compile.ts';
import { parseQueries } from './query/parse.ts';

/** `total` is exact up to this many documents (Appwrite's APP_LIMIT_COUNT). */
export const TOTAL_CAP = 5000;

export interface DocumentList { total: number; documents: DocumentModel[] }

export async function getDocument(tdb: TenantDb, ctx: RequestContext, meta: CollectionMeta, documentId: string, rawQueries: unknown): Promise<DocumentModel> {
  const plan = compileQueries(parseQueries(rawQueries), meta, 'select');
  const { docs } = tdb.collection(meta.sequence);
  const rows = await docs.find({ where: eq({ _uid: documentId }), columns: columnsFor(meta, plan.select), limit: 1, exactIntegers: readsExact(meta) });
  const row = rows[0];
  // Hidden is 404: a document the caller may not read is indistinguishable from a missing one.
  if (!row || !documentGrants(ctx, meta, permissionsOf(row), 'read')) throw appError('document_not_found', documentId);
  return toDocument(row, meta, { select: plan.select });
}

/** Answers a capped count of `where`: `run()` itself, or a cached total (total-cache.ts). */
export type CountThrough = (where: Condition, run: () => Promise<number>) => Promise<number>;

export async function listDocuments(tdb: TenantDb, ctx: RequestContext, meta: CollectionMeta, rawQueries: unknown, withTotal: boolean, counted?: CountThrough): Promise<DocumentList> {
  const visible = readFilter(ctx, meta);
  const plan = compileQueries(parseQueries(rawQueries), meta);
  const rows = await findRows(tdb, meta, plan, visible, columnsFor(meta, plan.select));
  const total = !withTotal ? 0 : knownTotal(plan, rows.length) ?? await countVisible(tdb, meta, all([visible, plan.where]), counted);
  return { total, documents: rows.map((r) => toDocument(r, meta, { select: plan.select })) };
}

function countVisible(tdb: TenantDb, meta: CollectionMeta, where: Condition, counted: CountThrough | undefined): Promise<number> {
  const run = () => tdb.collection(meta.sequence).docs.count(where, TOTAL_CAP);
  return counted ? counted(where, run) : run();
}

/**
 * The total without a COUNT query when the page already shows it: no cursor, and a page that is
 * not full yet not empty past an offset — then everything visible is `offset + rows`.
 */
function knownTotal(plan: QueryPlan, rows: number): number | null {
  if (plan.cursor || rows >= plan.limit || (rows === 0 && plan.offset > 0)) return null;
  return Math.min(plan.offset + rows, TOTAL_CAP);
}

/** Runs a plan under a visibility condition: keyset cursor, orders (flipped for cursorBefore), paging. */
export async function findRows(tdb: TenantDb, meta: CollectionMeta, plan: QueryPlan, visible: Condition, columns: string[], lock = false): Promise<Row[]> {
  const { docs } = tdb.collection(meta.sequence);
  const conditions = [visible, plan.where];
  const before = plan.cursor?.direction === 'before';
  const orders = before ? plan.orders.map((o): Order => ({ column: o.column, dir: o.dir === 'asc' ? 'desc' : 'asc' })) : plan.orders;
  if (plan.cursor) {
    const cursorRow = (await docs.find({ where: all([visible, eq({ _uid: plan.cursor.documentId })]), columns: [...new Set([...orders.map((o) => o.column), '_id'])], limit: 1, exactIntegers: readsExact(meta) }))[0];
    if (!cursorRow) throw new AppError('general_cursor_not_found', { message: `Document '${plan.cursor.documentId}' for the 'cursor' value not found.` });
    conditions.push(keysetAfter(orders, cursorRow));
  }
  const rows = await docs.find({ where: all(conditions), columns, orderBy: orders, random: plan.random, limit: plan.limit, offset: plan.offset, forUpdate: lock, exactIntegers: readsExact(meta) });
  return before ? rows.reverse() : rows;
}

/** `(a > c0) OR (a = c0 AND b > c1) …` over the (unique, thanks to `_id`) order. */
function keysetAfter(orders: readonly Order[], cursor: Row): Condition {
  const branches: Condition[] = [];
  for (let i = 0; i < orders.length; i++) {
    const parts: Condition[] = [];
    for (let j = 0; j < i; j++) parts.push({ kind: 'cmp', column: orders[j]!.column, op: '=', value: cursorValue(orders[j]!, cursor) });
    parts.push({ kind: 'cmp', column: orders[i]!.column, op: orders[i]!.dir === 'asc' ? '>' : '<', value: cursorValue(orders[i]!, cursor) });
    branches.push(all(parts));
  }
  return branches.length === 1 ? branches[0]! : { kind: 'or', conditions: branches };
}

function cursorValue(order: Order, cursor: Row): string | number {
  const v = cursor[order.column];
  if (v === null || v === undefined) throw new AppError('database_query_order_null');
  return typeof v === 'number' || typeof v === 'string' ? v : String(v);
}

export function all(conditions: readonly Condition[]): Condition {
  const real = conditions.filter((c) => c.kind !== 'true');
  if (real.length === 0) return { kind: 'true' };
  return real.length === 1 ? real[0]! : { kind: 'and', conditions: real };
}
