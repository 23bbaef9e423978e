/**
 * Commit: every staged operation replayed in staging order inside ONE database transaction, through
 * the documents service's own write paths (their document transactions reuse the outer one: the
 * service reads its TenantDb from the context, whose scope is rebound to the transaction). Isolation
 * is optimistic: a target document changed since its operation was staged (`_updatedAt` later than
 * the staging time) fails the commit with 409 `transaction_conflict`, and everything rolls back.
 *
 * The replay service publishes no realtime events (it is built without a sink): `replayAll` answers
 * each single operation's effect instead, which the service publishes once the commit is durable
 * (`events.ts`; bulk operations publish nothing, as in Appwrite).
 */
import { AppError } from '../../errors/index.ts';
import type { TenantDb } from '../../db/tenant-db.ts';
import { scopeOf, type RequestContext } from '../../http/context.ts';
import { toDbDate } from '../../lib/dates.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { DocumentStore } from '../documents/document-store.ts';
import type { DocumentsBulk } from '../documents/documents-bulk.ts';
import type { DocumentsService } from '../documents/documents.service.ts';
import { toDocument, type DocumentModel } from '../documents/document-model.ts';
import type { StagedOp } from './transaction-store.ts';

export interface Replayers {
  readonly documents: DocumentsService;
  readonly bulk: DocumentsBulk;
}

/** Errors a failed commit answers with (Appwrite's mapping): conflicts and duplicates are `transaction_conflict`. */
const CONFLICTS = new Set(['document_already_exists', 'document_unique_constraint_violation', 'transaction_conflict']);

export function commitError(e: unknown): Error {
  if (e instanceof AppError) return CONFLICTS.has(e.type) ? new AppError('transaction_conflict', { cause: e }) : e;
  return new AppError('transaction_failed', { cause: e });
}

/** A single operation a commit ran, for its realtime event; `before`: a deleted document as it was. */
export interface CommitEffect {
  readonly meta: CollectionMeta;
  readonly action: 'create' | 'update' | 'delete';
  readonly id: string;
  readonly before?: DocumentModel;
}

/** Appwrite's event per single operation: upsert, increment and decrement are updates. */
const EFFECT: Partial<Record<StagedOp['action'], CommitEffect['action']>> = {
  create: 'create', update: 'update', upsert: 'update', increment: 'update', decrement: 'update', delete: 'delete',
};

/**
 * Runs `ops` in one transaction; `finish(trx)` runs last inside it (marks the transaction committed).
 * Answers the single operations' effects in staging order (bulk operations have none).
 */
export async function replayAll(ctx: RequestContext, ops: readonly StagedOp[], replayers: Replayers, finish: (trx: TenantDb) => Promise<void>): Promise<CommitEffect[]> {
  const scope = scopeOf(ctx);
  const effects: CommitEffect[] = [];
  await scope.db.transaction(async (trx) => {
    const inner: RequestContext = Object.freeze({ ...ctx, scope: scope.within(trx) });
    // Documents this commit already wrote: their `_updatedAt` is ours, not a conflicting writer's.
    const written = new Set<string>();
    for (const op of ops) {
      const { meta } = await replayers.documents.open(inner, op.databaseId, op.collectionId);
      const key = (id: string) => `${meta.sequence}/${id}`;
      for (const id of targets(op)) {
        if (!written.has(key(id))) await assertUnchanged(trx, meta, id, op.stagedAt);
      }
      const action = EFFECT[op.action];
      let before: DocumentModel | undefined;
      if (action === 'delete') {
        const row = await new DocumentStore(trx, meta).load(op.documentId!);
        if (row) before = toDocument(row, meta);
      }
      for (const id of await run(inner, op, replayers)) written.add(key(id));
      if (action) effects.push({ meta, action, id: op.documentId!, before });
    }
    await finish(trx);
  });
  return effects;
}

/** Existing documents the operation changes, known before it runs (bulk update/delete match at commit time). */
function targets(op: StagedOp): string[] {
  switch (op.action) {
    case 'update': case 'upsert': case 'delete': case 'increment': case 'decrement': return [op.documentId!];
    case 'bulkUpsert': return (op.payload.documents ?? []).map((d) => String(d.$id));
    default: return [];
  }
}

async function assertUnchanged(trx: TenantDb, meta: CollectionMeta, id: string, stagedAt: string): Promise<void> {
  const row = await new DocumentStore(trx, meta).load(id, true);
  if (!row) return;
  const updatedAt = typeof row._updatedAt === 'string' ? row._updatedAt : toDbDate(row._updatedAt as Date);
  if (updatedAt > stagedAt) {
    throw new AppError('transaction_conflict', { message: `The transaction has a conflict: document "${id}" in collection "${meta.id}" was changed after the operation was staged.` });
  }
}

/** Runs one operation; answers the IDs it wrote. */
async function run(ctx: RequestContext, op: StagedOp, { documents, bulk }: Replayers): Promise<string[]> {
  const p = op.payload;
  const id = op.documentId ?? '';
  const at = [ctx, op.databaseId, op.collectionId] as const;
  const input = { data: p.data ?? null, permissions: p.permissions ?? null };
  const ids = (list: { documents: Record<string, unknown>[] }) => list.documents.map((d) => String(d.$id));
  switch (op.action) {
    case 'create': await documents.create(...at, id, input); return [id];
    case 'update': await documents.update(...at, id, input); return [id];
    case 'upsert': await documents.upsert(...at, id, input); return [id];
    case 'delete': await documents.delete(...at, id); return [id];
    case 'increment': case 'decrement': {
      const bound = op.action === 'increment' ? { max: p.max } : { min: p.min };
      await documents.increment(...at, id, p.attribute ?? '', { value: p.value, ...bound }, op.action === 'increment' ? 1 : -1);
      return [id];
    }
    case 'bulkCreate': return ids(await bulk.create(...at, p.documents ?? []));
    case 'bulkUpsert': return ids(await bulk.upsert(...at, p.documents ?? []));
    case 'bulkUpdate': return ids(await bulk.update(...at, p.data ?? {}, p.queries ?? []));
    case 'bulkDelete': return ids(await bulk.delete(...at, p.queries ?? []));
  }
}
