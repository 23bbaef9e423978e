/**
 * Realtime events of a committed transaction (APPWRITE-REFERENCE-2 §B.4): after the commit, each
 * single operation fires `create`, `update` (also for upsert, increment and decrement) or `delete`,
 * with the document re-read after the commit and carrying both `$collectionId` and `$tableId`; bulk
 * operations fire nothing. A document gone by then (created and deleted in the same transaction)
 * fires no create/update.
 */
import type { RequestContext } from '../../http/context.ts';
import { scopeOf } from '../../http/context.ts';
import { documentEvent } from '../../realtime/document-events.ts';
import type { EventSink } from '../../realtime/events.ts';
import { toDocument } from '../documents/document-model.ts';
import { DocumentStore } from '../documents/document-store.ts';
import type { CommitEffect } from './transaction-commit.ts';

export async function publishCommit(ctx: RequestContext, events: EventSink, effects: readonly CommitEffect[]): Promise<void> {
  const { db, tenant } = scopeOf(ctx);
  for (const { meta, action, id, before } of effects) {
    let doc = before;
    if (action !== 'delete') {
      const row = await new DocumentStore(db, meta).load(id);
      doc = row ? toDocument(row, meta) : undefined;
    }
    if (doc) events.publish(tenant, documentEvent(meta, action, { ...doc, $tableId: meta.id }));
  }
}
