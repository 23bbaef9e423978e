/**
 * Transactions end to end with node-appwrite 27, through `Databases` and `TablesDB`: staged writes
 * with `transactionId` (create, update, increment, delete, bulk), `createOperations`,
 * read-your-writes, commit (everything applied) and rollback (nothing written).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { AppwriteException, Databases, type Models, Operator, Query, RelationshipType, TablesDB } from 'node-appwrite';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { TestServer } from '../support/server.ts';
import type { Project } from '../support/fixtures.ts';
import { itemsCollection, keyApi, sdkClient, storedOperations } from './support.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;

async function refused(promise: Promise<unknown>, code: number, type: string): Promise<AppwriteException> {
  const e = await promise.then(() => null, (err: unknown) => err);
  assert.ok(e instanceof AppwriteException, `expected ${code} ${type}, got ${String(e)}`);
  assert.equal(e.code, code, e.message);
  assert.equal(e.type, type, e.message);
  return e;
}

describeLegs('transactions: node-appwrite 27 end to end', (leg) => {
  let server: TestServer;
  let project: Project;
  let db: Databases;
  let tables: TablesDB;

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project } = await withProject(leg, cleanup));
    db = new Databases(sdkClient(server, project));
    tables = new TablesDB(sdkClient(server, project));
    await itemsCollection(keyApi(project));
    await db.createDocument({ databaseId: 'shop', collectionId: 'items', documentId: 'a', data: { name: 'a', qty: 1 } });
    await db.createDocument({ databaseId: 'shop', collectionId: 'items', documentId: 'b', data: { name: 'b', qty: 2 } });
  });

  const at = { databaseId: 'shop', collectionId: 'items' } as const;
  const names = (list: { documents: Array<{ $id: string }> }) => list.documents.map((d) => d.$id).sort();

  test('Databases: staged writes are checked, not written, visible through the transaction, then committed together', async () => {
    const before = Date.now();
    const tx = await db.createTransaction();
    assert.equal(tx.status, 'pending');
    assert.equal(tx.operations, 0);
    assert.match(tx.$createdAt, ISO);
    assert.match(tx.expiresAt, ISO);
    const ttl = (Date.parse(tx.expiresAt) - before) / 1000;
    assert.ok(ttl > 295 && ttl < 310, `default TTL 300 s, got ${ttl}`);

    const created = await db.createDocument({ ...at, documentId: 'c', data: { name: 'c', qty: 3 }, transactionId: tx.$id });
    assert.deepEqual({ ...created }, { $id: 'c', $databaseId: 'shop', $collectionId: 'items', name: 'c', qty: 3 });
    const updated = await db.updateDocument({ ...at, documentId: 'a', data: { qty: 5 }, transactionId: tx.$id });
    assert.equal(updated.$id, 'a');
    assert.equal(updated.qty, 5);
    assert.equal(updated.name, 'a');
    const inc = await db.incrementDocumentAttribute({ ...at, documentId: 'a', attribute: 'qty', value: 2, transactionId: tx.$id });
    assert.deepEqual({ ...inc }, { $id: 'a', $databaseId: 'shop', $collectionId: 'items', qty: 2 });
    assert.deepEqual(await db.deleteDocument({ ...at, documentId: 'b', transactionId: tx.$id }), { message: '' }, '204, nothing written');
    const batch = await db.createOperations({ transactionId: tx.$id, operations: [{ action: 'create', databaseId: 'shop', collectionId: 'items', documentId: 'd', data: { name: 'd' } }] });
    assert.equal(batch.operations, 5);
    assert.equal(batch.status, 'pending');

    // Validation and permissions run when staging: a bad value is refused and not staged.
    await refused(db.updateDocument<Models.DefaultDocument>({ ...at, documentId: 'a', data: { qty: 'many' }, transactionId: tx.$id }), 400, 'document_invalid_structure');
    await refused(db.updateDocument<Models.DefaultDocument>({ ...at, documentId: 'zz', data: { qty: 1 }, transactionId: tx.$id }), 404, 'document_not_found');
    assert.equal((await db.getTransaction({ transactionId: tx.$id })).operations, 5);

    // Nothing is written yet…
    await refused(db.getDocument({ ...at, documentId: 'c' }), 404, 'document_not_found');
    assert.deepEqual(names(await db.listDocuments(at)), ['a', 'b']);
    assert.equal((await db.getDocument({ ...at, documentId: 'a' })).qty, 1);
    // …but the transaction reads its own writes.
    assert.equal((await db.getDocument({ ...at, documentId: 'c', transactionId: tx.$id })).name, 'c');
    assert.equal((await db.getDocument({ ...at, documentId: 'a', transactionId: tx.$id })).qty, 7);
    await refused(db.getDocument({ ...at, documentId: 'b', transactionId: tx.$id }), 404, 'document_not_found');
    const seen = await db.listDocuments({ ...at, transactionId: tx.$id, queries: [Query.orderAsc('name')] });
    assert.deepEqual(seen.documents.map((d) => d.$id), ['a', 'c', 'd']);
    assert.equal(seen.total, 3);
    assert.deepEqual((await db.listDocuments({ ...at, transactionId: tx.$id, queries: [Query.greaterThan('qty', 4)] })).documents.map((d) => d.$id), ['a']);

    const done = await db.updateTransaction({ transactionId: tx.$id, commit: true });
    assert.equal(done.status, 'committed');
    assert.equal(done.operations, 5);
    const after = await db.listDocuments({ ...at, queries: [Query.orderAsc('name')] });
    assert.deepEqual(after.documents.map((d) => [d.$id, d.qty]), [['a', 7], ['c', 3], ['d', null]]);
    assert.equal(await storedOperations(server, project, tx.$id), 0, 'the log is dropped once committed');
    const again = await refused(db.updateTransaction({ transactionId: tx.$id, commit: true }), 400, 'transaction_not_ready');
    assert.match(again.message, /not ready/);
  });

  test('Databases: a rolled-back transaction writes nothing; bulk writes stage as one operation each', async () => {
    const tx = await db.createTransaction({ ttl: 120 });
    await db.createDocument({ ...at, documentId: 'e', data: { name: 'e' }, transactionId: tx.$id });
    await db.updateDocument({ ...at, documentId: 'a', data: { qty: 100 }, transactionId: tx.$id });
    const bulk = await db.createDocuments({ ...at, documents: [{ $id: 'f', name: 'f' }, { $id: 'g', name: 'g' }], transactionId: tx.$id });
    assert.deepEqual({ ...bulk }, { total: 2, documents: [] });
    assert.equal((await db.getTransaction({ transactionId: tx.$id })).operations, 3);
    assert.deepEqual(names(await db.listDocuments({ ...at, transactionId: tx.$id })), ['a', 'c', 'd', 'e', 'f', 'g']);

    const rolled = await db.updateTransaction({ transactionId: tx.$id, rollback: true });
    assert.equal(rolled.status, 'failed');
    assert.deepEqual(names(await db.listDocuments(at)), ['a', 'c', 'd']);
    assert.equal((await db.getDocument({ ...at, documentId: 'a' })).qty, 7);
    // A transaction that is no longer pending reads plain data.
    assert.deepEqual(names(await db.listDocuments({ ...at, transactionId: tx.$id })), ['a', 'c', 'd']);
    await refused(db.createDocument<Models.DefaultDocument>({ ...at, documentId: 'h', data: { name: 'h' }, transactionId: tx.$id }), 400, 'transaction_not_ready');

    const listed = await db.listTransactions({ queries: [Query.equal('status', 'failed')] });
    assert.ok(listed.transactions.some((t) => t.$id === tx.$id));
    assert.ok(listed.transactions.every((t) => t.status === 'failed'));
    assert.deepEqual(await db.deleteTransaction({ transactionId: tx.$id }), { message: '' });
    await refused(db.getTransaction({ transactionId: tx.$id }), 404, 'transaction_not_found');
  });

  test('TablesDB: createTransaction, staged rows, createOperations with tableId/rowId/column, commit', async () => {
    const tx = await tables.createTransaction({ ttl: 60 });
    assert.equal(tx.status, 'pending');
    const row = await tables.createRow({ databaseId: 'shop', tableId: 'items', rowId: 'r1', data: { name: 'r1', qty: 1 }, transactionId: tx.$id });
    assert.deepEqual({ ...row }, { $id: 'r1', $databaseId: 'shop', $tableId: 'items', name: 'r1', qty: 1 });
    const staged = await tables.createOperations({
      transactionId: tx.$id,
      operations: [
        { action: 'increment', databaseId: 'shop', tableId: 'items', rowId: 'r1', data: { column: 'qty', value: 4, max: 10 } },
        { action: 'upsert', databaseId: 'shop', tableId: 'items', rowId: 'r2', data: { name: 'r2' } },
        { action: 'bulkUpdate', databaseId: 'shop', tableId: 'items', data: { queries: [Query.equal('name', ['c']).toString()], data: { qty: 42 } } },
      ],
    });
    assert.equal(staged.operations, 4);
    const seen = await tables.getRow({ databaseId: 'shop', tableId: 'items', rowId: 'r1', transactionId: tx.$id });
    assert.equal(seen.qty, 5);
    assert.equal(seen.$tableId, 'items');
    assert.equal((await tables.getRow({ databaseId: 'shop', tableId: 'items', rowId: 'c', transactionId: tx.$id })).qty, 42);
    await refused(tables.getRow({ databaseId: 'shop', tableId: 'items', rowId: 'r1' }), 404, 'row_not_found');

    const done = await tables.updateTransaction({ transactionId: tx.$id, commit: true });
    assert.equal(done.status, 'committed');
    const rows = await tables.listRows({ databaseId: 'shop', tableId: 'items', queries: [Query.equal('$id', ['r1', 'r2', 'c'])] });
    assert.deepEqual(rows.rows.map((r) => [r.$id, r.qty]).sort(), [['c', 42], ['r1', 5], ['r2', null]]);
    // One store: the TablesDB transaction is the Databases one.
    assert.equal((await db.getTransaction({ transactionId: tx.$id })).status, 'committed');
  });

  test('Databases: an operator staged on a number attribute is checked at staging and applied at commit', async () => {
    await db.createDocument({ ...at, documentId: 'op', data: { name: 'op', qty: 10 } });
    const tx = await db.createTransaction();
    const staged = await db.updateDocument({ ...at, documentId: 'op', data: { qty: Operator.increment(5) }, transactionId: tx.$id });
    assert.equal(staged.$id, 'op');
    // A malformed operator is refused when staged, and nothing is added to the transaction.
    await refused(db.updateDocument<Models.DefaultDocument>({ ...at, documentId: 'op', data: { qty: JSON.stringify({ method: 'increment', values: 'x' }) }, transactionId: tx.$id }), 400, 'general_bad_request');
    assert.equal((await db.getTransaction({ transactionId: tx.$id })).operations, 1);
    assert.equal((await db.getDocument({ ...at, documentId: 'op' })).qty, 10, 'nothing written before the commit');
    const done = await db.updateTransaction({ transactionId: tx.$id, commit: true });
    assert.equal(done.status, 'committed');
    assert.equal((await db.getDocument({ ...at, documentId: 'op' })).qty, 15);
  });

  test('Databases: a document staged with a relationship value is linked at commit', async () => {
    for (const id of ['authors', 'books']) {
      await db.createCollection({ databaseId: 'shop', collectionId: id, name: id });
      await db.createStringAttribute({ databaseId: 'shop', collectionId: id, key: 'name', size: 64, required: false });
    }
    await db.createRelationshipAttribute({ databaseId: 'shop', collectionId: 'books', relatedCollectionId: 'authors', type: RelationshipType.ManyToOne, key: 'author' });
    await db.createDocument({ databaseId: 'shop', collectionId: 'authors', documentId: 'le-guin', data: { name: 'Le Guin' } });
    const tx = await db.createTransaction();
    await db.createDocument<Models.DefaultDocument>({ databaseId: 'shop', collectionId: 'books', documentId: 'earthsea', data: { name: 'Earthsea', author: 'le-guin' }, transactionId: tx.$id });
    await refused(db.getDocument({ databaseId: 'shop', collectionId: 'books', documentId: 'earthsea' }), 404, 'document_not_found');
    assert.equal((await db.updateTransaction({ transactionId: tx.$id, commit: true })).status, 'committed');
    const book = await db.getDocument({ databaseId: 'shop', collectionId: 'books', documentId: 'earthsea', queries: [Query.select(['*', 'author.*'])] }) as unknown as { name: string; author: { $id: string; name: string } };
    assert.equal(book.name, 'Earthsea');
    assert.deepEqual([book.author.$id, book.author.name], ['le-guin', 'Le Guin']);
  });
});
