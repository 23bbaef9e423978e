/** Helpers for the transaction tests: a keyed SDK client, a small schema, raw access to the staging rows. */
import assert from 'node:assert/strict';
import { Client } from 'node-appwrite';
import type { Project } from '../support/fixtures.ts';
import { projectDb } from '../support/raw-db.ts';
import type { TestServer } from '../support/server.ts';
import { keyApi, makeCollection, type Api } from '../documents/support.ts';

export function sdkClient(server: TestServer, p: Project): Client {
  return new Client().setEndpoint(`${server.url}/v1`).setProject(p.id).setKey(p.key);
}

/** `shop.items`: name (string, required), qty (integer 0..1000). Answers the documents path. */
export async function itemsCollection(api: Api, databaseId = 'shop', collectionId = 'items', spec: { permissions?: string[]; documentSecurity?: boolean } = {}): Promise<string> {
  return makeCollection(api, databaseId, collectionId, {
    permissions: spec.permissions, documentSecurity: spec.documentSecurity,
    attributes: [['string', { key: 'name', size: 64, required: true }], ['integer', { key: 'qty', required: false, min: 0, max: 1000 }]],
  });
}

/** Moves a transaction's expiry into the past (the API refuses TTLs under 60 s), as its project would write it. */
export async function expire(server: TestServer, p: Project, transactionId: string, secondsAgo = 1): Promise<void> {
  const sequence = (await server.services.projects.resolve(p.id))!.sequence;
  const when = new Date(Date.now() - secondsAgo * 1000).toISOString().replace('T', ' ').replace('Z', '');
  const changed = await projectDb(server.runtime.database, sequence).table('transactions').update({ kind: 'cmp', column: '_uid', op: '=', value: transactionId }, { expires_at: when });
  assert.equal(changed, 1);
}

/** Staged operations stored for a transaction (all of them, by its public ID). */
export async function storedOperations(server: TestServer, p: Project, transactionId: string): Promise<number> {
  const sequence = (await server.services.projects.resolve(p.id))!.sequence;
  const tdb = projectDb(server.runtime.database, sequence);
  const t = await tdb.table('transactions').first({ kind: 'cmp', column: '_uid', op: '=', value: transactionId });
  if (!t) return -1;
  return tdb.table('transaction_logs').count({ kind: 'cmp', column: 'transaction_seq', op: '=', value: Number(t._id) });
}

export { keyApi };
