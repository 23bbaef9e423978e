/**
 * The `_perms` subquery binds the project too. Shared layout, two projects with the same database,
 * collection and document IDs (each document the first of its collection, so the internal sequence
 * matches as well): project B's `doc1` grants read("any"), project A's `doc1` only to a user who
 * never signs in. A guest of A must not see A's `doc1` through list, get, total or a cursor.
 *
 * Today each collection has its own `_perms` table, so B's rows can't reach A's table through the
 * API; the second test plants, next to A's own row, a row of project B for the same document
 * (copied from A's row, so it holds whether `_document` stores the `$id` or the internal sequence),
 * straight into the database over the test's own connection. Only the subquery's `_tenant`
 * predicate keeps it out.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import knexFactory, { type Knex } from 'knex';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject, rid, type Project } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { clientApi, keyApi, makeCollection, q } from '../documents/support.ts';

/** The test's own connection to the server's database (not the server's, so no guard sees it). */
function ownConnection(server: TestServer): Knex {
  const { url } = server.runtime.config.database;
  return url.startsWith('sqlite:')
    ? knexFactory({ client: 'better-sqlite3', connection: { filename: url.slice('sqlite:'.length) }, useNullAsDefault: true, pool: { min: 1, max: 1 } })
    : knexFactory({ client: 'mysql2', connection: url, pool: { min: 0, max: 1 } });
}

async function tableNames(db: Knex, server: TestServer, like: string): Promise<string[]> {
  if (server.leg === 'sqlite') return ((await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '\\'", [like])) as Array<{ name: string }>).map((r) => r.name);
  const [rows] = (await db.raw('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE ?', [like])) as unknown as [Array<{ name: string }>];
  return rows.map((r) => r.name);
}

describeLegs('security: another project\'s permission rows never grant access (shared layout)', (leg) => {
  const cleanup = useCleanup();
  let server: TestServer;
  let a: Project;
  let b: Project;
  let docs: string;
  const hidden = `user:${rid('nobody')}`; // A's doc1 is readable only by this user
  const markerB = `user:${rid('markb')}`;
  before(async () => {
    ({ server } = await useServer(leg, cleanup, { layout: 'shared' }));
    const owner = await newOwner(server);
    [a, b] = [await newProject(server, owner), await newProject(server, owner)];
    for (const [p, permissions] of [[a, [`read("${hidden}")`]], [b, ['read("any")', `read("${markerB}")`]]] as const) {
      docs = await makeCollection(keyApi(p), 'db', 'c', { permissions: [], documentSecurity: true, attributes: [['string', { key: 'title', size: 32, required: false }]] });
      const created = await keyApi(p)('POST', docs, { documentId: 'doc1', data: { title: p.id }, permissions });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.$sequence, '1', 'doc1 is the first document of its collection in both projects');
    }
  });

  async function assertHiddenFromGuest(): Promise<void> {
    const guest = clientApi(a);
    const list = await guest('GET', docs);
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.body.documents, []);
    assert.equal(list.body.total, 0);
    const filtered = await guest('GET', docs, undefined, { queries: [q('equal', '$id', ['doc1']), q('limit', undefined, [1])] });
    assert.equal(filtered.status, 200, filtered.text);
    assert.deepEqual(filtered.body.documents, []);
    assert.equal(filtered.body.total, 0);
    const get = await guest('GET', `${docs}/doc1`);
    assert.equal(get.status, 404, get.text);
    assert.equal(get.body.type, 'document_not_found');
    const cursor = await guest('GET', docs, undefined, { queries: [q('cursorAfter', undefined, ['doc1'])] });
    assert.equal(cursor.status, 400, cursor.text);
    assert.equal(cursor.body.type, 'general_cursor_not_found');
    assert.ok(![list, filtered, get, cursor].some((r) => r.text.includes(a.id) || r.text.includes(b.id)), 'no title leaks');
  }

  test('B\'s read("any") on its own doc1 (same $id, same sequence) leaves A\'s doc1 hidden', async () => {
    // B's guest does see B's doc1: the grant is real.
    const seen = await clientApi(b)('GET', `${docs}/doc1`);
    assert.equal(seen.status, 200, seen.text);
    assert.equal(seen.body.title, b.id);
    await assertHiddenFromGuest();
    const own = await keyApi(a)('GET', `${docs}/doc1`);
    assert.equal(own.status, 200, own.text);
    assert.equal(own.body.title, a.id);
  });

  test('a permission row of project B inside A\'s own _perms table grants nothing in A', async () => {
    const db = ownConnection(server);
    cleanup.defer('own database connection', () => db.destroy());
    const { namespace } = server.runtime.config;
    let tableA: string | undefined;
    let tenantB: number | undefined;
    for (const table of await tableNames(db, server, `${namespace}\\_c%\\_perms`)) {
      const rowA = await db(table).where({ _permission: hidden }).first();
      if (rowA) tableA = table;
      const rowB = await db(table).where({ _permission: markerB }).first();
      if (rowB) tenantB = Number(rowB._tenant);
    }
    assert.ok(tableA && tenantB, `found A's _perms table (${tableA}) and B's tenant (${tenantB})`);
    const rowA = await db(tableA).where({ _permission: hidden }).first();
    assert.notEqual(Number(rowA._tenant), tenantB);
    await db(tableA).insert({ _tenant: tenantB, _document: rowA._document, _type: 'read', _permission: 'any' });
    cleanup.defer('planted _perms row', () => db(tableA!).where({ _tenant: tenantB, _document: rowA._document, _permission: 'any' }).delete());
    await assertHiddenFromGuest();
  });
});
