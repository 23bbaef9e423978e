/**
 * Staged transactions (Appwrite 1.8): create / list / get / delete, `createOperations`, staging of
 * ordinary document writes that name a `transactionId`, reads through a transaction
 * (read-your-writes), and commit / rollback. One store and one implementation serve
 * `/databases/transactions` and `/tablesdb/transactions`.
 *
 * Ownership: the creator's transaction (a user's `user:<id>`); keys and admins reach every
 * transaction of the project; anyone else gets 404 `transaction_not_found`. Expired transactions
 * answer 410 and are purged a while after they expire (lazily, at most once a minute per project).
 */
import { AppError, appError, invalidParam } from '../../errors/index.ts';
import { ALL, eq, type Condition } from '../../db/filter.ts';
import type { TenantDb } from '../../db/tenant-db.ts';
import { isPrivileged, scopeOf, type RequestContext } from '../../http/context.ts';
import { parseApiDate, toDbDate } from '../../lib/dates.ts';
import { uniqueId } from '../../lib/ids.ts';
import type { DocumentModel } from '../documents/document-model.ts';
import type { DocumentList } from '../documents/documents-read.ts';
import type { DocumentsService } from '../documents/documents.service.ts';
import { parseQueries, type Query } from '../documents/query/parse.ts';
import { parseOperations } from './operations.ts';
import { checkOperation, MAX_OPERATIONS, payloadOf, stagedId, type Origin } from './staging.ts';
import { commitError, replayAll, type CommitEffect, type Replayers } from './transaction-commit.ts';
import { publishCommit } from './events.ts';
import type { EventSink } from '../../realtime/events.ts';
import { toModel, TransactionStore, type Action, type StagedOp, type TransactionModel, type TransactionRecord } from './transaction-store.ts';
import { committed, CollectionView, viewDocument, viewList } from './transaction-view.ts';

export const TTL = { min: 60, max: 3600, default: 300 } as const;
/** Expired transactions stay (answering 410) this long before the purge removes them. */
const PURGE_GRACE_MS = 10 * 60_000;
const PURGE_EVERY_MS = 60_000;

export interface TransactionList { total: number; transactions: TransactionModel[] }

/** Where a staged write came from: the route's action, path ids and JSON body. */
export interface StagedWrite {
  readonly action: Action;
  readonly databaseId: string;
  readonly collectionId: string;
  readonly documentId?: string;
  readonly attribute?: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export class TransactionsService {
  readonly #documents: DocumentsService;
  readonly #replayers: Replayers;
  readonly #lastPurge = new Map<number, number>();

  readonly #events: EventSink | null;

  /**
   * `documents` serves reads and metadata; `replayers` run commits (built without an event sink);
   * `events`: where a commit's single operations are published once it is durable (none, nothing is).
   */
  constructor(documents: DocumentsService, replayers: Replayers, events: EventSink | null = null) {
    this.#documents = documents;
    this.#replayers = replayers;
    this.#events = events;
  }

  #store(ctx: RequestContext): TransactionStore {
    const tdb = scopeOf(ctx).db;
    this.#purgeLazily(tdb);
    return new TransactionStore(tdb);
  }

  #purgeLazily(tdb: TenantDb): void {
    const now = Date.now();
    if (now - (this.#lastPurge.get(tdb.tenant) ?? 0) < PURGE_EVERY_MS) return;
    this.#lastPurge.set(tdb.tenant, now);
    void this.purgeExpired(tdb).catch(() => this.#lastPurge.delete(tdb.tenant));
  }

  /** Removes transactions that expired more than the grace period ago (and their staged operations). */
  async purgeExpired(tdb: TenantDb, now = Date.now()): Promise<number> {
    return new TransactionStore(tdb).purgeExpired(toDbDate(new Date(now - PURGE_GRACE_MS)));
  }

  async create(ctx: RequestContext, ttl: number | undefined): Promise<TransactionModel> {
    const seconds = ttl ?? TTL.default;
    if (!Number.isInteger(seconds) || seconds < TTL.min || seconds > TTL.max) throw invalidParam('ttl', `Value must be a valid range between ${TTL.min} and ${TTL.max}`);
    return toModel(await this.#store(ctx).insert(uniqueId(), ownerOf(ctx), seconds));
  }

  async list(ctx: RequestContext, rawQueries: unknown): Promise<TransactionList> {
    const { where, limit, offset, orderBy } = listPlan(parseQueries(rawQueries ?? []));
    const mine: Condition = isPrivileged(ctx) ? ALL : eq({ owner: ownerOf(ctx) || '\u0000' });
    const conditions = [mine, where].filter((c) => c.kind !== 'true');
    const all: Condition = conditions.length === 0 ? ALL : conditions.length === 1 ? conditions[0]! : { kind: 'and', conditions };
    const { total, items } = await this.#store(ctx).list(all, { limit, offset, orderBy });
    return { total, transactions: items.map(toModel) };
  }

  async get(ctx: RequestContext, id: string): Promise<TransactionModel> {
    return toModel(await this.#load(ctx, id));
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    await this.#store(ctx).delete(await this.#load(ctx, id));
  }

  /** The caller's transaction (404 when unknown or someone else's). */
  async #load(ctx: RequestContext, id: string, owned = true): Promise<TransactionRecord> {
    const t = await this.#store(ctx).find(id);
    // Keys and admins reach every transaction; a user only their own (guests and keys own none: '').
    const mine = isPrivileged(ctx) || (t !== undefined && t.owner !== '' && t.owner === ownerOf(ctx));
    if (!t || (owned && !mine)) throw appError('transaction_not_found', id);
    return t;
  }

  /** A pending, unexpired transaction (`notPending` is the refusal's wording for this caller). */
  #assertOpen(t: TransactionRecord, notPending: () => AppError): void {
    if (t.status !== 'pending') throw notPending();
    if (t.expiresAt <= toDbDate()) throw new AppError('transaction_expired');
  }

  /** The transaction's staged operations plus `extra`, as the view of one collection's documents. */
  async #current(ctx: RequestContext, databaseId: string, collectionId: string, ops: readonly Omit<StagedOp, 'stagedAt'>[]) {
    const { tdb, meta } = await this.#documents.open(ctx, databaseId, collectionId);
    const view = await CollectionView.open(tdb, meta, ops.map((o) => ({ ...o, stagedAt: toDbDate() })));
    return { meta, current: async (id: string) => view.replay(id, await committed(tdb, meta, id)) };
  }

  /** Validates and stages `ops` (all or none), checking pending / expiry / size. */
  async #stage(ctx: RequestContext, t: TransactionRecord, incoming: readonly Omit<StagedOp, 'stagedAt'>[], origin: Origin, notPending: () => AppError): Promise<unknown[]> {
    const store = this.#store(ctx);
    const staged = await store.operations(t);
    const accepted: Omit<StagedOp, 'stagedAt'>[] = [];
    const mocks: unknown[] = [];
    for (const op of incoming) {
      const { meta, current } = await this.#current(ctx, op.databaseId, op.collectionId, [...staged, ...accepted]);
      const checked = await checkOperation(ctx, meta, op, current, origin);
      accepted.push(checked.op);
      mocks.push(checked.mock);
    }
    this.#assertOpen(t, notPending);
    if (t.operations + accepted.length > MAX_OPERATIONS) throw limitExceeded(t.operations, accepted.length);
    const stagedAt = toDbDate();
    if (!(await store.append(t, accepted.map((op) => ({ ...op, stagedAt })), MAX_OPERATIONS))) {
      // Someone committed, rolled back or filled the transaction since it was read.
      const now = await this.#load(ctx, t.id, false);
      this.#assertOpen(now, notPending);
      throw limitExceeded(now.operations, accepted.length);
    }
    return mocks;
  }

  /** `createOperations`: every operation checked, then all staged at once. 201 with the new count. */
  async createOperations(ctx: RequestContext, id: string, operations: readonly unknown[]): Promise<TransactionModel> {
    const ops = parseOperations(operations);
    const t = await this.#load(ctx, id);
    this.#assertOpen(t, invalidTransaction);
    await this.#stage(ctx, t, ops, 'batch', invalidTransaction);
    return toModel(await this.#load(ctx, id));
  }

  /** An ordinary document write naming `transactionId`: checked now, staged, answered with a mock. */
  async stageWrite(ctx: RequestContext, transactionId: string, write: StagedWrite): Promise<unknown> {
    const t = await this.#load(ctx, transactionId);
    const documentId = write.documentId === undefined ? null : write.action === 'create' ? stagedId(write.documentId, 'documentId') : write.documentId;
    const op = { action: write.action, databaseId: write.databaseId, collectionId: write.collectionId, documentId, payload: payloadOf(write.action, write.body, write.attribute) };
    const notPending = write.action === 'increment' || write.action === 'decrement' ? invalidTransaction : () => new AppError('transaction_not_ready');
    const [mock] = await this.#stage(ctx, t, [op], 'write', notPending);
    return mock;
  }

  /** getDocument with `transactionId`: the staged operations replayed over committed data. */
  async getDocument(ctx: RequestContext, transactionId: string, databaseId: string, collectionId: string, documentId: string, queries: unknown): Promise<DocumentModel> {
    const view = await this.#view(ctx, transactionId, databaseId, collectionId);
    if (!view) return this.#documents.get(ctx, databaseId, collectionId, documentId, queries);
    return viewDocument(view.tdb, ctx, view.meta, view.view, documentId, queries);
  }

  async listDocuments(ctx: RequestContext, transactionId: string, databaseId: string, collectionId: string, queries: unknown, total: boolean): Promise<DocumentList> {
    const view = await this.#view(ctx, transactionId, databaseId, collectionId);
    const page = await this.#documents.list(ctx, databaseId, collectionId, queries, total);
    return view ? viewList(view.tdb, ctx, view.meta, view.view, page, queries) : page;
  }

  /** The collection as the transaction sees it; null when it stages nothing there or is no longer pending. */
  async #view(ctx: RequestContext, transactionId: string, databaseId: string, collectionId: string) {
    const { tdb, meta } = await this.#documents.open(ctx, databaseId, collectionId);
    const t = await this.#load(ctx, transactionId, false);
    if (t.status !== 'pending') return null;
    const view = await CollectionView.open(tdb, meta, await this.#store(ctx).operations(t));
    return view.empty ? null : { tdb, meta, view };
  }

  /** PATCH: commit or roll back. */
  async update(ctx: RequestContext, id: string, flags: { commit?: boolean; rollback?: boolean }): Promise<TransactionModel> {
    if (!flags.commit && !flags.rollback) throw new AppError('general_bad_request', { message: 'Either commit or rollback must be true' });
    if (flags.commit && flags.rollback) throw new AppError('general_bad_request', { message: 'Cannot commit and rollback at the same time' });
    const t = await this.#load(ctx, id);
    this.#assertOpen(t, () => new AppError('transaction_not_ready'));
    const store = this.#store(ctx);
    if (flags.rollback) {
      if (!(await store.setStatus(t, 'failed', 'pending'))) throw new AppError('transaction_not_ready');
      await store.dropOperations(t);
      return this.get(ctx, id);
    }
    if (!(await store.setStatus(t, 'committing', 'pending'))) throw new AppError('transaction_not_ready');
    let effects: CommitEffect[];
    try {
      const ops = await store.operations(t);
      effects = await replayAll(ctx, ops, this.#replayers, async (trx) => {
        const inTrx = new TransactionStore(trx);
        await inTrx.dropOperations(t);
        await inTrx.setStatus(t, 'committed');
      });
    } catch (e) {
      await store.setStatus(t, 'failed');
      await store.dropOperations(t);
      throw commitError(e);
    }
    if (this.#events) await publishCommit(ctx, this.#events, effects);
    return this.get(ctx, id);
  }
}

function ownerOf(ctx: RequestContext): string {
  return ctx.principal.kind === 'user' ? `user:${ctx.principal.user.id}` : '';
}

function invalidTransaction(): AppError {
  return new AppError('general_bad_request', { message: 'Invalid or non-pending transaction' });
}

function limitExceeded(existing: number, adding: number): AppError {
  return new AppError('transaction_limit_exceeded', { message: `Transaction already has ${existing} operations, adding ${adding} would exceed the maximum of ${MAX_OPERATIONS}` });
}

const LIST_COLUMNS: Record<string, string> = { status: 'status', expiresAt: 'expires_at', $createdAt: '_createdAt', $updatedAt: '_updatedAt', $id: '_uid', operations: 'operations' };
const COMPARISONS = { equal: '=', notEqual: '!=', lessThan: '<', lessThanEqual: '<=', greaterThan: '>', greaterThanEqual: '>=' } as const;

/** Transaction list queries: filters on status / expiresAt / $createdAt / $id, orders, limit, offset. */
function listPlan(queries: readonly Query[]) {
  const conditions: Condition[] = [];
  const orderBy: { column: string; dir: 'asc' | 'desc' }[] = [];
  let limit = 25;
  let offset = 0;
  const column = (attribute: string) => {
    const c = LIST_COLUMNS[attribute];
    if (!c) throw new AppError('general_query_invalid', { message: `Invalid query: Cannot query on attribute "${attribute}"` });
    return c;
  };
  const isDate = (c: string) => c === 'expires_at' || c === '_createdAt' || c === '_updatedAt';
  const value = (c: string, v: unknown) => (typeof v === 'string' && isDate(c) ? parseApiDate(v) ?? v : v) as string | number;
  for (const q of queries) {
    if (q.method === 'limit') limit = q.value;
    else if (q.method === 'offset') offset = q.value;
    else if (q.method === 'orderAsc' || q.method === 'orderDesc') orderBy.push({ column: column(q.attribute), dir: q.method === 'orderAsc' ? 'asc' : 'desc' });
    else if (q.method in COMPARISONS && 'attribute' in q && 'values' in q) {
      const c = column(q.attribute);
      const op = COMPARISONS[q.method as keyof typeof COMPARISONS];
      if (op === '=') conditions.push({ kind: 'in', column: c, values: q.values.map((v) => value(c, v)) });
      else conditions.push({ kind: 'cmp', column: c, op, value: value(c, q.values[0]) });
    } else throw new AppError('general_query_invalid', { message: `Invalid query: Query method "${q.method}" is not supported on transactions` });
  }
  orderBy.push({ column: '_id', dir: 'asc' });
  const where: Condition = conditions.length === 0 ? ALL : conditions.length === 1 ? conditions[0]! : { kind: 'and', conditions };
  return { where, limit, offset, orderBy };
}
