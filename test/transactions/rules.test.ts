/**
 * Transaction rules over HTTP (both legs): PATCH and TTL checks, `createOperations` shape checks and
 * handler checks (Appwrite's wording), the 100-operation limit, expiry (410), ownership (someone
 * else's transaction is 404), permission checks at staging time, the purge.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { expectError } from '../support/http.ts';
import { projectDb } from '../support/raw-db.ts';
import type { TestServer } from '../support/server.ts';
import type { Project } from '../support/fixtures.ts';
import { clientApi, q, type Api } from '../documents/support.ts';
import { expire, itemsCollection, keyApi, storedOperations } from './support.ts';

const TX = '/databases/transactions';

describeLegs('transactions: rules', (leg) => {
  let server: TestServer;
  let project: Project;
  let key: Api;
  let docs: string;

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project } = await withProject(leg, cleanup));
    key = keyApi(project);
    docs = await itemsCollection(key, 'shop', 'items', { permissions: ['read("users")', 'create("users")'], documentSecurity: true });
    assert.equal((await key('POST', docs, { documentId: 'a', data: { name: 'a', qty: 1 } })).status, 201);
  });

  async function open(api: Api = key, ttl?: number): Promise<string> {
    const res = await api('POST', TX, ttl === undefined ? {} : { ttl });
    assert.equal(res.status, 201, res.text);
    return res.body.$id;
  }

  async function user(id: string): Promise<Api> {
    assert.equal((await key('POST', '/users', { userId: id, email: `${id}@example.com`, password: 'password-123', name: id })).status, 201);
    const session = await key('POST', `/users/${id}/sessions`, {});
    assert.equal(session.status, 201, session.text);
    return clientApi(project, session.body.secret);
  }

  test('PATCH needs exactly one of commit / rollback; unknown IDs are 404; TTL is 60..3600', async () => {
    const id = await open();
    expectError(await key('PATCH', `${TX}/${id}`, {}), 400, 'general_bad_request', 'Either commit or rollback must be true');
    expectError(await key('PATCH', `${TX}/${id}`, { commit: true, rollback: true }), 400, 'general_bad_request', 'Cannot commit and rollback at the same time');
    expectError(await key('PATCH', `${TX}/nope`, { commit: true }), 404, 'transaction_not_found');
    expectError(await key('GET', `${TX}/nope`), 404, 'transaction_not_found');
    expectError(await key('POST', `${TX}/nope/operations`, { operations: [{ action: 'delete', databaseId: 'shop', tableId: 'items', rowId: 'a' }] }), 404, 'transaction_not_found');
    expectError(await key('PATCH', `${docs}/a`, { data: { qty: 2 }, transactionId: 'nope' }), 404, 'transaction_not_found');
    assert.equal((await key('POST', TX, { ttl: 59 })).status, 400);
    assert.equal((await key('POST', TX, { ttl: 3601 })).status, 400);
    const long = await key('POST', TX, { ttl: 3600 });
    assert.equal(long.status, 201, long.text);
    assert.ok(Math.abs(Date.parse(long.body.expiresAt) - Date.now() - 3600_000) < 60_000);
    // An empty log commits at once.
    const empty = await key('PATCH', `${TX}/${id}`, { commit: true });
    assert.equal(empty.status, 200, empty.text);
    assert.equal(empty.body.status, 'committed');
    expectError(await key('PATCH', `${TX}/${id}`, { rollback: true }), 400, 'transaction_not_ready');
  });

  test('createOperations: shape checks and handler checks', async () => {
    const id = await open();
    const ops = (operations: unknown[]) => key('POST', `${TX}/${id}/operations`, { operations });
    const row = { databaseId: 'shop', tableId: 'items' };
    expectError(await ops([]), 400, 'general_bad_request', 'Operations array cannot be empty');
    const shapes: Array<[unknown, string]> = [
      [{ tableId: 'items', action: 'create', rowId: 'x', data: {} }, 'Missing required key: databaseId'],
      [{ databaseId: 'shop', action: 'create', rowId: 'x', data: {} }, 'Missing required key: tableId'],
      [{ ...row, rowId: 'x', data: {} }, 'Missing required key: action'],
      [{ ...row, action: 'merge', rowId: 'x', data: {} }, "Key 'action' must be one of: create, update, upsert, delete, increment, decrement, bulkCreate, bulkUpdate, bulkUpsert, bulkDelete"],
      [{ ...row, action: 'update', data: {} }, "Key 'rowId' is required for action 'update'"],
      [{ ...row, action: 'create', rowId: 'x' }, 'Missing required key: data'],
      [{ ...row, action: 'bulkUpdate', data: { data: {} } }, "Key 'queries' is required in data for bulkUpdate"],
      [{ ...row, action: 'bulkDelete', data: {} }, "Key 'queries' is required in data for bulkDelete"],
      [{ ...row, action: 'increment', rowId: 'a', data: { value: 1 } }, "Key 'column' is required in data for increment"],
      [{ ...row, action: 'decrement', rowId: 'a', data: { column: 'qty', value: 'x' } }, "Key 'value' must be a numeric value for decrement"],
    ];
    for (const [op, why] of shapes) expectError(await ops([op]), 400, 'general_argument_invalid', `Invalid \`operations\` param: ${why}`);
    expectError(await ops([{ action: 'delete', databaseId: 'nodb', tableId: 'items', rowId: 'a' }]), 404, 'database_not_found');
    expectError(await ops([{ action: 'delete', databaseId: 'shop', tableId: 'nope', rowId: 'a' }]), 404, 'collection_not_found');
    expectError(await ops([{ ...row, action: 'update', rowId: 'ghost', data: { qty: 1 } }]), 404, 'document_not_found');
    expectError(await ops([{ ...row, action: 'create', rowId: 'bad', data: { qty: 1 } }]), 400, 'document_invalid_structure');
    assert.equal((await key('GET', `${TX}/${id}`)).body.operations, 0, 'refused batches stage nothing');
    // A row created earlier in the same batch may be updated, incremented and deleted after it.
    const ok = await ops([
      { ...row, action: 'create', rowId: 'n1', data: { name: 'n1', qty: 1 } },
      { ...row, action: 'update', rowId: 'n1', data: { qty: 2 } },
      { databaseId: 'shop', collectionId: 'items', documentId: 'n1', action: 'increment', data: { attribute: 'qty', value: 3 } },
      { ...row, action: 'delete', rowId: 'n1' },
    ]);
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.operations, 4);
    assert.equal(await storedOperations(server, project, id), 4);
    // The log says create → update → increment → delete: the transaction no longer sees n1.
    expectError(await key('GET', `${docs}/n1`, undefined, { transactionId: id }), 404, 'document_not_found');
    expectError(await ops([{ ...row, action: 'update', rowId: 'n1', data: { qty: 9 } }]), 404, 'document_not_found');
    const done = await key('PATCH', `${TX}/${id}`, { commit: true });
    assert.equal(done.status, 200, done.text);
    expectError(await key('GET', `${docs}/n1`), 404, 'document_not_found');
    expectError(await ops([{ ...row, action: 'delete', rowId: 'a' }]), 400, 'general_bad_request', 'Invalid or non-pending transaction');
  });

  test('at most 100 operations: a write or a batch past it is transaction_limit_exceeded', async () => {
    const id = await open();
    const creates = Array.from({ length: 60 }, (_, i) => ({ action: 'create', databaseId: 'shop', tableId: 'items', rowId: `l${i}`, data: { name: `l${i}` } }));
    assert.equal((await key('POST', `${TX}/${id}/operations`, { operations: creates })).body.operations, 60);
    const more = Array.from({ length: 41 }, (_, i) => ({ action: 'create', databaseId: 'shop', tableId: 'items', rowId: `m${i}`, data: { name: `m${i}` } }));
    expectError(await key('POST', `${TX}/${id}/operations`, { operations: more }), 400, 'transaction_limit_exceeded', 'Transaction already has 60 operations, adding 41 would exceed the maximum of 100');
    const fill = await key('POST', `${TX}/${id}/operations`, { operations: more.slice(0, 40) });
    assert.equal(fill.status, 201, fill.text);
    assert.equal(fill.body.operations, 100);
    expectError(await key('POST', docs, { documentId: 'over', data: { name: 'over' }, transactionId: id }), 400, 'transaction_limit_exceeded', 'Transaction already has 100 operations, adding 1 would exceed the maximum of 100');
    // A bulk write counts as one.
    const other = await open();
    const bulk = await key('POST', docs, { documents: Array.from({ length: 100 }, (_, i) => ({ $id: `k${i}`, name: `k${i}` })), transactionId: other });
    assert.equal(bulk.status, 201, bulk.text);
    assert.deepEqual(bulk.body, { total: 100, documents: [] });
    assert.equal((await key('GET', `${TX}/${other}`)).body.operations, 1);
    const committed = await key('PATCH', `${TX}/${id}`, { commit: true });
    assert.equal(committed.status, 200, committed.text);
    assert.equal((await key('GET', docs, undefined, { queries: [q('startsWith', 'name', ['l']), q('limit', undefined, [100])] })).body.total, 60);
  });

  test('an expired transaction answers 410 to writes, batches and commits; the purge removes it later', async () => {
    const id = await open();
    assert.equal((await key('PATCH', `${docs}/a`, { data: { qty: 3 }, transactionId: id })).status, 200);
    await expire(server, project, id);
    expectError(await key('PATCH', `${docs}/a`, { data: { qty: 4 }, transactionId: id }), 410, 'transaction_expired');
    expectError(await key('POST', `${TX}/${id}/operations`, { operations: [{ action: 'delete', databaseId: 'shop', tableId: 'items', rowId: 'a' }] }), 410, 'transaction_expired');
    expectError(await key('PATCH', `${TX}/${id}`, { commit: true }), 410, 'transaction_expired');
    assert.equal((await key('GET', `${docs}/a`)).body.qty, 1, 'nothing applied');
    const sequence = (await server.services.projects.resolve(project.id))!.sequence;
    const tdb = projectDb(server.runtime.database, sequence);
    assert.equal(await server.services.transactions.purgeExpired(tdb), 0, 'still inside the grace period');
    assert.equal((await key('GET', `${TX}/${id}`)).status, 200);
    assert.ok((await server.services.transactions.purgeExpired(tdb, Date.now() + 11 * 60_000)) >= 1);
    expectError(await key('GET', `${TX}/${id}`), 404, 'transaction_not_found');
    assert.equal(await storedOperations(server, project, id), -1);
    // The periodic purge (every active project) removes one that expired an hour ago.
    const old = await open();
    assert.equal((await key('DELETE', `${docs}/a`, { transactionId: old })).status, 204);
    await expire(server, project, old, 3600);
    assert.ok((await server.services.transactionPurge.sweep()) >= 1);
    expectError(await key('GET', `${TX}/${old}`), 404, 'transaction_not_found');
    assert.equal(await storedOperations(server, project, old), -1);
    assert.equal((await key('GET', `${docs}/a`)).status, 200, 'an expired transaction never applies');
  });

  test("ownership: a user's transaction is theirs (another user gets 404, a key sees it); staging checks permissions", async () => {
    const alice = await user('alice');
    const bob = await user('bob');
    const id = await open(alice);
    assert.equal((await alice('GET', `${TX}/${id}`)).status, 200);
    assert.equal((await key('GET', `${TX}/${id}`)).status, 200);
    expectError(await bob('GET', `${TX}/${id}`), 404, 'transaction_not_found');
    expectError(await bob('POST', docs, { documentId: 'b1', data: { name: 'b1' }, transactionId: id }), 404, 'transaction_not_found');
    expectError(await bob('PATCH', `${TX}/${id}`, { commit: true }), 404, 'transaction_not_found');
    expectError(await bob('DELETE', `${TX}/${id}`), 404, 'transaction_not_found');
    assert.deepEqual((await bob('GET', TX)).body, { total: 0, transactions: [] });
    assert.deepEqual((await alice('GET', TX)).body.transactions.map((t: { $id: string }) => t.$id), [id]);

    // Alice may create (collection grant) but not update `a` (no document grant); roles she lacks can't be granted.
    const staged = await alice('POST', docs, { documentId: 'al', data: { name: 'al' }, transactionId: id });
    assert.equal(staged.status, 201, staged.text);
    assert.deepEqual(staged.body, { $id: 'al', $databaseId: 'shop', $collectionId: 'items', name: 'al' });
    expectError(await alice('PATCH', `${docs}/a`, { data: { qty: 5 }, transactionId: id }), 401, 'user_unauthorized');
    expectError(await alice('POST', docs, { documentId: 'al2', data: { name: 'al2' }, permissions: ['read("user:bob")'], transactionId: id }), 401, 'user_unauthorized');
    expectError(await alice('POST', `${TX}/${id}/operations`, { operations: [{ action: 'bulkDelete', databaseId: 'shop', tableId: 'items', data: { queries: [] } }] }), 401, 'user_unauthorized');
    expectError(await alice('DELETE', docs, { queries: [], transactionId: id }), 401, 'general_unauthorized_scope');
    // Her staged document is hers to read through the transaction (default permissions), not bob's.
    const mine = await alice('GET', `${docs}/al`, undefined, { transactionId: id });
    assert.equal(mine.status, 200, mine.text);
    assert.deepEqual(mine.body.$permissions, ['read("user:alice")', 'update("user:alice")', 'delete("user:alice")']);
    const done = await alice('PATCH', `${TX}/${id}`, { commit: true });
    assert.equal(done.status, 200, done.text);
    assert.deepEqual((await key('GET', `${docs}/al`)).body.$permissions, ['read("user:alice")', 'update("user:alice")', 'delete("user:alice")']);
  });
});
