/**
 * The `appwrite` 28 web SDK's `TablesDB` (rows only, as the web SDK exposes) as a signed-in user under
 * Node (a `window.localStorage` stand-in; the SDK falls back to `X-Fallback-Cookies`): create, get,
 * list, update, upsert, increment, delete of the user's own rows on a table with row security; rows of
 * others stay invisible (404 row_not_found) and unwritable (401 user_unauthorized, as the legacy
 * route answers); bulk writes are for keys only (401).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { rid, type Project } from '../support/fixtures.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { keyApi } from '../documents/support.ts';
import { MemoryStorage } from '../support/memory-storage.ts';

const quietConsole = { ...console, warn: () => {} };

async function rejects(p: Promise<unknown>, code: number, type: string): Promise<void> {
  await assert.rejects(p, (e: { code?: number; type?: string; message?: string }) => {
    assert.deepEqual([e.code, e.type], [code, type], e.message);
    return true;
  });
}

describeLegs('tablesdb: appwrite 28 web SDK rows as a signed-in user', (leg) => {
  let server: TestServer;
  let project: Project;
  const previousWindow = (globalThis as { window?: unknown }).window;
  const cleanup = useCleanup();
  before(async () => {
    cleanup.defer('window stand-in', () => { (globalThis as { window?: unknown }).window = previousWindow; });
    ({ server, project } = await withProject(leg, cleanup));
    const api = keyApi(project);
    assert.equal((await api('POST', '/tablesdb', { databaseId: 'app', name: 'App' })).status, 201);
    const table = await api('POST', '/tablesdb/app/tables', {
      tableId: 'notes', name: 'Notes', permissions: ['create("users")'], rowSecurity: true,
      columns: [{ key: 'title', type: 'string', size: 64, required: true }, { key: 'likes', type: 'integer', required: false, default: 0 }],
    });
    assert.equal(table.status, 201, table.text);
    const theirs = await api('POST', '/tablesdb/app/tables/notes/rows', { rowId: 'theirs', data: { title: 'not yours' }, permissions: [] });
    assert.equal(theirs.status, 201, theirs.text);
    (globalThis as { window?: unknown }).window = { localStorage: new MemoryStorage(), console: quietConsole, location: { host: 'localhost' } };
  });

  test('own rows: create, get, list, update, upsert, increment, decrement, delete; others\' rows hidden; bulk refused', async () => {
    const web = await import('appwrite');
    const client = new web.Client().setEndpoint(`${server.url}/v1`).setProject(project.id);
    const account = new web.Account(client);
    const tables = new web.TablesDB(client);
    const email = `${rid('web')}@example.com`;
    const user = await account.create({ userId: web.ID.unique(), email, password: 'web sdk password', name: 'Web' });
    await account.createEmailPasswordSession({ email, password: 'web sdk password' });
    const at = { databaseId: 'app', tableId: 'notes' } as const;

    const mine = await tables.createRow({ ...at, rowId: web.ID.unique(), data: { title: 'mine' } });
    assert.deepEqual([mine.title, mine.likes, mine.$tableId, mine.$databaseId], ['mine', 0, 'notes', 'app']);
    assert.ok(!('$collectionId' in mine));
    assert.deepEqual([...mine.$permissions].sort(), [`delete("user:${user.$id}")`, `read("user:${user.$id}")`, `update("user:${user.$id}")`].sort());

    const listed = await tables.listRows(at);
    assert.deepEqual([listed.total, listed.rows.map((r) => r.$id)], [1, [mine.$id]]);
    assert.equal((await tables.getRow({ ...at, rowId: mine.$id })).title, 'mine');
    const byTitle = await tables.listRows({ ...at, queries: [web.Query.equal('title', 'mine')] });
    assert.deepEqual(byTitle.rows.map((r) => r.$id), [mine.$id]);

    assert.equal((await tables.updateRow({ ...at, rowId: mine.$id, data: { title: 'edited' } })).title, 'edited');
    assert.equal((await tables.incrementRowColumn({ ...at, rowId: mine.$id, column: 'likes', value: 3 })).likes, 3);
    assert.equal((await tables.decrementRowColumn({ ...at, rowId: mine.$id, column: 'likes' })).likes, 2);
    const upserted = await tables.upsertRow({ ...at, rowId: 'upserted', data: { title: 'new via upsert' } });
    assert.deepEqual([upserted.$id, upserted.$tableId], ['upserted', 'notes']);

    await rejects(tables.getRow({ ...at, rowId: 'theirs' }), 404, 'row_not_found');
    await rejects(tables.updateRow({ ...at, rowId: 'theirs', data: { title: 'pwned' } as Record<string, unknown> }), 401, 'user_unauthorized');
    await rejects(tables.getRow({ databaseId: 'app', tableId: 'nope', rowId: 'x' }), 404, 'table_not_found');
    await rejects(tables.createRow({ ...at, rowId: 'bad', data: { nope: 1 } as Record<string, unknown> }), 400, 'row_invalid_structure');
    const bulk = await project.call('POST', '/tablesdb/app/tables/notes/rows', {
      project: project.id, session: await sessionOf(), body: { rows: [{ title: 'a' }] },
    });
    assert.deepEqual([bulk.status, bulk.body.type], [401, 'general_unauthorized_scope'], bulk.text);

    await tables.deleteRow({ ...at, rowId: mine.$id });
    await tables.deleteRow({ ...at, rowId: 'upserted' });
    const after = await tables.listRows(at);
    assert.deepEqual([after.total, after.rows], [0, []]);
    const stillThere = await keyApi(project)('GET', '/tablesdb/app/tables/notes/rows/theirs');
    assert.deepEqual([stillThere.status, stillThere.body.title], [200, 'not yours']);
  });

  /** The signed-in session's token, from the SDK's fallback-cookie store. */
  async function sessionOf(): Promise<string> {
    const store = (globalThis as unknown as { window: { localStorage: MemoryStorage } }).window.localStorage.getItem('cookieFallback');
    const token = JSON.parse(store ?? '{}')[`a_session_${project.id}`] as string | undefined;
    assert.ok(token, 'the SDK stored the session in its fallback cookie');
    return token;
  }
});
