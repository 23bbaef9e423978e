/**
 * The staging store: one `transactions` row per transaction and one `transaction_logs` row per staged
 * operation, in the project's system tables (migration 0005), so staged work survives a restart until
 * the transaction expires.
 */
import { appError } from '../../errors/index.ts';
import { eq, type Condition } from '../../db/filter.ts';
import type { Row, TenantDb } from '../../db/tenant-db.ts';
import { toApiDate, toDbDate } from '../../lib/dates.ts';
import { parseStoredExact, stringifyExact } from '../../lib/exact-json.ts';

export type TransactionStatus = 'pending' | 'committing' | 'committed' | 'failed';

export const ACTIONS = ['create', 'update', 'upsert', 'delete', 'increment', 'decrement', 'bulkCreate', 'bulkUpdate', 'bulkUpsert', 'bulkDelete'] as const;
export type Action = (typeof ACTIONS)[number];

/** What a staged operation carries (a normalised form of both the write routes' bodies and `createOperations`). */
export interface Payload {
  readonly data?: Record<string, unknown> | null;
  readonly permissions?: readonly unknown[] | null;
  readonly attribute?: string;
  readonly value?: number;
  readonly max?: number;
  readonly min?: number;
  readonly documents?: readonly Record<string, unknown>[];
  readonly queries?: unknown;
}

export interface StagedOp {
  readonly action: Action;
  readonly databaseId: string;
  readonly collectionId: string;
  readonly documentId: string | null;
  readonly payload: Payload;
  /** When it was staged (DB date form); the commit's conflict check compares rows' `_updatedAt` with it. */
  readonly stagedAt: string;
}

export interface TransactionRecord {
  readonly sequence: number;
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly status: TransactionStatus;
  readonly operations: number;
  readonly expiresAt: string;
  readonly owner: string;
}

export interface TransactionModel {
  $id: string;
  $createdAt: string;
  $updatedAt: string;
  status: TransactionStatus;
  operations: number;
  expiresAt: string;
}

export function toModel(t: TransactionRecord): TransactionModel {
  return { $id: t.id, $createdAt: toApiDate(t.createdAt)!, $updatedAt: toApiDate(t.updatedAt)!, status: t.status, operations: t.operations, expiresAt: toApiDate(t.expiresAt)! };
}

function dbDate(v: unknown): string {
  return typeof v === 'string' ? v : toDbDate(v as Date);
}

function record(r: Row): TransactionRecord {
  return {
    sequence: Number(r._id), id: String(r._uid), createdAt: dbDate(r._createdAt), updatedAt: dbDate(r._updatedAt),
    status: String(r.status) as TransactionStatus, operations: Number(r.operations), expiresAt: dbDate(r.expires_at), owner: String(r.owner),
  };
}

export class TransactionStore {
  readonly #tdb: TenantDb;

  constructor(tdb: TenantDb) {
    this.#tdb = tdb;
  }

  async insert(id: string, owner: string, ttlSeconds: number): Promise<TransactionRecord> {
    const now = new Date();
    const row = { _uid: id, _createdAt: toDbDate(now), _updatedAt: toDbDate(now), status: 'pending', operations: 0, expires_at: toDbDate(new Date(now.getTime() + ttlSeconds * 1000)), owner };
    const seq = await this.#tdb.table('transactions').insert(row);
    return record({ ...row, _id: seq });
  }

  async find(id: string): Promise<TransactionRecord | undefined> {
    const row = await this.#tdb.table('transactions').first(eq({ _uid: id }));
    return row ? record(row) : undefined;
  }

  async list(where: Condition, options: { limit: number; offset: number; orderBy: { column: string; dir: 'asc' | 'desc' }[] }): Promise<{ total: number; items: TransactionRecord[] }> {
    const table = this.#tdb.table('transactions');
    const rows = await table.find({ where, ...options });
    return { total: await table.count(where, 5000), items: rows.map(record) };
  }

  /** Moves `from` → `to` only if the transaction is still in `from` (false: someone else moved it first). */
  async setStatus(t: TransactionRecord, to: TransactionStatus, from?: TransactionStatus): Promise<boolean> {
    const where = from ? eq({ _id: t.sequence, status: from }) : eq({ _id: t.sequence });
    return (await this.#tdb.table('transactions').update(where, { status: to, _updatedAt: toDbDate() })) > 0;
  }

  /**
   * Appends operations and raises the count in one conditional update: the count only moves while
   * the transaction is pending and stays within `limit` (false otherwise, and nothing is appended).
   */
  async append(t: TransactionRecord, ops: readonly StagedOp[], limit: number): Promise<boolean> {
    return this.#tdb.transaction(async (trx) => {
      const table = trx.table('transactions');
      const row = (await table.find({ where: eq({ _id: t.sequence }), limit: 1, forUpdate: true }))[0];
      if (row?.status !== 'pending' || Number(row.operations) + ops.length > limit) return false;
      await table.update(eq({ _id: t.sequence }), { operations: Number(row.operations) + ops.length, _updatedAt: toDbDate() });
      await trx.table('transaction_logs').insert(ops.map((op) => ({
        transaction_seq: t.sequence, _createdAt: op.stagedAt, database_uid: op.databaseId, collection_uid: op.collectionId,
        document_uid: op.documentId, action: op.action, data: stringifyExact(op.payload),
      })));
      return true;
    });
  }

  /** The staged operations in staging order. */
  async operations(t: TransactionRecord): Promise<StagedOp[]> {
    const rows = await this.#tdb.table('transaction_logs').find({ where: eq({ transaction_seq: t.sequence }), orderBy: [{ column: '_id', dir: 'asc' }] });
    return rows.map((r) => ({
      action: String(r.action) as Action, databaseId: String(r.database_uid), collectionId: String(r.collection_uid),
      documentId: r.document_uid === null || r.document_uid === undefined ? null : String(r.document_uid),
      payload: parseStoredExact(String(r.data), {}) as Payload, stagedAt: dbDate(r._createdAt),
    }));
  }

  async dropOperations(t: TransactionRecord): Promise<void> {
    await this.#tdb.table('transaction_logs').delete(eq({ transaction_seq: t.sequence }));
  }

  async delete(t: TransactionRecord): Promise<void> {
    await this.#tdb.transaction(async (trx) => {
      await trx.table('transaction_logs').delete(eq({ transaction_seq: t.sequence }));
      await trx.table('transactions').delete(eq({ _id: t.sequence }));
    });
  }

  /** Deletes transactions (and their logs) that expired before `before`. Answers how many. */
  async purgeExpired(before: string): Promise<number> {
    const expired = await this.#tdb.table('transactions').find({ where: { kind: 'cmp', column: 'expires_at', op: '<', value: before }, columns: ['_id'], limit: 500 });
    if (expired.length === 0) return 0;
    const seqs = expired.map((r) => Number(r._id));
    await this.#tdb.transaction(async (trx) => {
      await trx.table('transaction_logs').delete(eq({ transaction_seq: seqs }));
      await trx.table('transactions').delete(eq({ _id: seqs }));
    });
    return seqs.length;
  }
}

export function notFound(id: string): Error {
  return appError('transaction_not_found', id);
}
