/**
 * node-appwrite 27 `TablesDB` end to end against a real Tenantry server: databases (type `tablesdb`),
 * tables, columns of every type (bigint exact as BigInt; spatial types refused), column indexes, rows with queries, bulk operations,
 * increment/decrement, and the TablesDB error types (`table_*`, `row_*`, `column_*`,
 * `column_index_*`) with their statuses — the models under TablesDB names, never the legacy ones.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { AppwriteException, Client, ID, Permission, Query, Role, TablesDB, TablesDBIndexType } from 'node-appwrite';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;
const LEGACY_WORDS = ['documentSecurity', 'attributes', '$collectionId', 'documents', 'collections', 'relatedCollection'];

/** The SDK call fails with `code` and `type` (and `message`, when given). */
async function rejects(p: Promise<unknown>, code: number, type: string, message?: RegExp): Promise<AppwriteException> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppwriteException, String(e));
    assert.deepEqual([e.code, e.type], [code, type], e.message);
    if (message) assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected ${code} ${type}, the call succeeded`);
}

/** No legacy field name anywhere in a TablesDB model (row values excepted: they are the caller's). */
function noLegacyNames(model: object, what: string): void {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); walk(x); }
  };
  walk(model);
  assert.deepEqual(LEGACY_WORDS.filter((w) => keys.has(w)), [], `${what}: legacy names in ${JSON.stringify(model, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);
}

function assertRow(r: Record<string, unknown>, tableId: string): void {
  assert.equal(typeof r.$id, 'string');
  assert.equal(typeof r.$sequence, 'string');
  assert.match(String(r.$createdAt), ISO);
  assert.match(String(r.$updatedAt), ISO);
  assert.ok(Array.isArray(r.$permissions));
  assert.equal(r.$databaseId, 'shop');
  assert.equal(r.$tableId, tableId);
  assert.ok(!('$collectionId' in r), 'a row has $tableId, not $collectionId');
}

describeLegs('tablesdb: node-appwrite 27 TablesDB end to end', (leg) => {
  let server: TestServer;
  let project: Project;
  let t: TablesDB;

  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    project = await newProject(server, await newOwner(server));
    t = new TablesDB(new Client().setEndpoint(`${server.url}/v1`).setProject(project.id).setKey(project.key));
  });

  test('databases: create/get/list/update/delete; type tablesdb', async () => {
    const made = await t.create({ databaseId: 'scratch', name: 'Scratch' });
    assert.deepEqual([made.$id, made.name, made.enabled, made.type], ['scratch', 'Scratch', true, 'tablesdb']);
    assert.equal((await t.get({ databaseId: 'scratch' })).type, 'tablesdb');
    const listed = await t.list({ queries: [Query.equal('$id', 'scratch')] });
    assert.deepEqual([listed.total, listed.databases.map((d) => [d.$id, d.type])], [1, [['scratch', 'tablesdb']]]);
    const renamed = await t.update({ databaseId: 'scratch', name: 'Renamed', enabled: false });
    assert.deepEqual([renamed.name, renamed.enabled, renamed.type], ['Renamed', false, 'tablesdb']);
    await rejects(t.create({ databaseId: 'scratch', name: 'again' }), 409, 'database_already_exists');
    await t.delete({ databaseId: 'scratch' });
    await rejects(t.get({ databaseId: 'scratch' }), 404, 'database_not_found');
  });

  test('tables: create with inline columns and indexes, get, list, update, delete; Table model', async () => {
    await t.create({ databaseId: 'shop', name: 'Shop' });
    const table = await t.createTable({
      databaseId: 'shop', tableId: 'inline', name: 'Inline', permissions: [Permission.read(Role.any())], rowSecurity: true,
      columns: [{ key: 'title', type: 'string', size: 32, required: true }, { key: 'n', type: 'integer', required: false }],
      indexes: [{ key: 'by_n', type: 'key', attributes: ['n'] }],
    });
    noLegacyNames(table, 'createTable');
    assert.deepEqual(Object.keys(table).sort(), ['$createdAt', '$id', '$permissions', '$updatedAt', 'bytesMax', 'bytesUsed', 'columns', 'databaseId', 'enabled', 'indexes', 'name', 'rowSecurity']);
    assert.deepEqual([table.$id, table.name, table.rowSecurity, table.enabled, table.$permissions], ['inline', 'Inline', true, true, ['read("any")']]);
    assert.deepEqual(table.columns.map((c) => [c.key, c.type, c.status]), [['title', 'string', 'available'], ['n', 'integer', 'available']]);
    assert.deepEqual(table.indexes.map((i) => [i.key, i.columns, i.status]), [['by_n', ['n'], 'available']]);

    const got = await t.getTable({ databaseId: 'shop', tableId: 'inline' });
    assert.deepEqual(got, table);
    const listed = await t.listTables({ databaseId: 'shop', queries: [Query.equal('rowSecurity', true)] });
    assert.deepEqual(Object.keys(listed).sort(), ['tables', 'total']);
    assert.deepEqual([listed.total, listed.tables.map((x) => x.$id)], [1, ['inline']]);
    const found = await t.listTables({ databaseId: 'shop', search: 'Inline' });
    assert.deepEqual(found.tables.map((x) => x.$id), ['inline']);

    const updated = await t.updateTable({ databaseId: 'shop', tableId: 'inline', name: 'Renamed', rowSecurity: false, enabled: true });
    assert.deepEqual([updated.name, updated.rowSecurity], ['Renamed', false]);
    await rejects(t.createTable({ databaseId: 'shop', tableId: 'inline', name: 'again' }), 409, 'table_already_exists', /^A table with the requested ID 'inline' already exists/);
    await t.deleteTable({ databaseId: 'shop', tableId: 'inline' });
    await rejects(t.getTable({ databaseId: 'shop', tableId: 'inline' }), 404, 'table_not_found', /^Table with the requested ID 'inline' could not be found\.$/);
    await rejects(t.listTables({ databaseId: 'nowhere' }), 404, 'database_not_found');
  });

  test('columns of every type: create (202, available), get, list, update, delete; Column models', async () => {
    await t.createTable({ databaseId: 'shop', tableId: 'cols', name: 'Columns' });
    const at = { databaseId: 'shop', tableId: 'cols' } as const;
    const made = [
      await t.createStringColumn({ ...at, key: 's', size: 40, required: false, xdefault: 'x' }),
      await t.createIntegerColumn({ ...at, key: 'i', required: false, min: -5, max: 500, xdefault: 7 }),
      await t.createFloatColumn({ ...at, key: 'f', required: false, min: 0, max: 10.5 }),
      await t.createBooleanColumn({ ...at, key: 'b', required: false, xdefault: true }),
      await t.createDatetimeColumn({ ...at, key: 'd', required: false }),
      await t.createEmailColumn({ ...at, key: 'e', required: false }),
      await t.createEnumColumn({ ...at, key: 'en', elements: ['red', 'green'], required: false, xdefault: 'red' }),
      await t.createUrlColumn({ ...at, key: 'u', required: false }),
      await t.createIpColumn({ ...at, key: 'ip', required: false }),
      await t.createStringColumn({ ...at, key: 'tags', size: 16, required: false, array: true }),
    ];
    for (const c of made) { noLegacyNames(c, c.key); assert.equal(c.status, 'available', c.key); }
    assert.deepEqual(made.map((c) => [c.key, c.type, (c as { format?: string }).format ?? null]), [
      ['s', 'string', null], ['i', 'integer', null], ['f', 'double', null], ['b', 'boolean', null], ['d', 'datetime', 'datetime'],
      ['e', 'string', 'email'], ['en', 'string', 'enum'], ['u', 'string', 'url'], ['ip', 'string', 'ip'], ['tags', 'string', null],
    ]);
    const m = made as unknown as Array<Record<string, unknown>>;
    assert.deepEqual([m[0]!.size, m[0]!.default], [40, 'x']);
    assert.deepEqual([m[1]!.min, m[1]!.max, m[1]!.default], [-5, 500, 7]);
    assert.deepEqual(m[6]!.elements, ['red', 'green']);
    assert.equal(made[9]!.array, true);

    const list = await t.listColumns(at);
    assert.deepEqual(Object.keys(list).sort(), ['columns', 'total']);
    assert.deepEqual([list.total, list.columns.map((c) => c.key)], [10, ['s', 'i', 'f', 'b', 'd', 'e', 'en', 'u', 'ip', 'tags']]);
    assert.deepEqual(await t.getColumn({ ...at, key: 'i' }), made[1]);

    const updates = [
      await t.updateStringColumn({ ...at, key: 's', required: false, xdefault: 'y', size: 60 }),
      await t.updateIntegerColumn({ ...at, key: 'i', required: false, min: 0, max: 1000, xdefault: 1 }),
      await t.updateFloatColumn({ ...at, key: 'f', required: false, min: 1, max: 2, xdefault: 1.5 }),
      await t.updateBooleanColumn({ ...at, key: 'b', required: false, xdefault: false }),
      await t.updateDatetimeColumn({ ...at, key: 'd', required: false, xdefault: '2026-01-02T03:04:05.000+00:00' }),
      await t.updateEmailColumn({ ...at, key: 'e', required: false, xdefault: 'a@example.com' }),
      await t.updateEnumColumn({ ...at, key: 'en', elements: ['red', 'green', 'blue'], required: false, xdefault: 'blue' }),
      await t.updateUrlColumn({ ...at, key: 'u', required: false, xdefault: 'https://example.com' }),
      await t.updateIpColumn({ ...at, key: 'ip', required: false, xdefault: '10.0.0.1', newKey: 'addr' }),
    ];
    assert.deepEqual(updates.map((c) => c.default), ['y', 1, 1.5, false, '2026-01-02T03:04:05.000+00:00', 'a@example.com', 'blue', 'https://example.com', '10.0.0.1']);
    const u = updates as unknown as Array<Record<string, unknown>>;
    assert.deepEqual([u[0]!.size, u[1]!.min, u[1]!.max, u[8]!.key], [60, 0, 1000, 'addr']);
    for (const c of updates) noLegacyNames(c, c.key);

    await rejects(t.createStringColumn({ ...at, key: 's', size: 5, required: false }), 409, 'column_already_exists', /^Column with the requested key 's' already exists/);
    await rejects(t.createStringColumn({ ...at, key: 'r', size: 5, required: true, xdefault: 'x' }), 400, 'column_default_unsupported');
    await rejects(t.getColumn({ ...at, key: 'nope' }), 404, 'column_not_found', /^Column with the requested key 'nope' could not be found\.$/);
    await rejects(t.createIntegerColumn({ ...at, key: 'bad', required: false, min: 5, max: 1 }), 400, 'column_value_invalid');
    await t.deleteColumn({ ...at, key: 'tags' });
    await rejects(t.getColumn({ ...at, key: 'tags' }), 404, 'column_not_found');
    await rejects(t.createStringColumn({ databaseId: 'shop', tableId: 'nope', key: 'x', size: 5, required: false }), 404, 'table_not_found');
  });

  test('column types bigint, varchar, text, mediumtext, longtext (exact int64 rows); spatial types refused', async () => {
    await t.createTable({ databaseId: 'shop', tableId: 'wide', name: 'Wide' });
    const at = { databaseId: 'shop', tableId: 'wide' } as const;
    const MAX = 9223372036854775807n;
    const made = [
      await t.createBigIntColumn({ ...at, key: 'big', required: false, min: -MAX - 1n, max: MAX, xdefault: 9007199254740993n }),
      await t.createVarcharColumn({ ...at, key: 'v', size: 20, required: false, xdefault: 'v' }),
      await t.createTextColumn({ ...at, key: 'tx', required: false }),
      await t.createMediumtextColumn({ ...at, key: 'mt', required: false }),
      await t.createLongtextColumn({ ...at, key: 'lt', required: false, array: true }),
    ] as unknown as Array<Record<string, unknown>>;
    for (const c of made) { noLegacyNames(c, String(c.key)); assert.equal(c.status, 'available', String(c.key)); }
    assert.deepEqual(made.map((c) => [c.key, c.type]), [['big', 'bigint'], ['v', 'varchar'], ['tx', 'text'], ['mt', 'mediumtext'], ['lt', 'longtext']]);
    assert.deepEqual([made[0]!.max, made[0]!.default, made[1]!.size, made[4]!.array], [MAX, 9007199254740993n, 20, true]);
    const updated = [
      await t.updateBigIntColumn({ ...at, key: 'big', required: false, xdefault: 5n, min: 0n, max: MAX }),
      await t.updateVarcharColumn({ ...at, key: 'v', required: false, xdefault: 'w', size: 40 }),
      await t.updateTextColumn({ ...at, key: 'tx', required: false, xdefault: 'long text' }),
      await t.updateMediumtextColumn({ ...at, key: 'mt', required: false, xdefault: 'm' }),
      await t.updateLongtextColumn({ ...at, key: 'lt', required: false, xdefault: null as never, newKey: 'lts' }),
    ] as unknown as Array<Record<string, unknown>>;
    assert.deepEqual(updated.map((c) => [c.key, c.default ?? null]), [['big', 5], ['v', 'w'], ['tx', 'long text'], ['mt', 'm'], ['lts', null]]);
    assert.equal(updated[1]!.size, 40);

    const row = await t.createRow({ ...at, rowId: 'r', data: { big: MAX - 1n, v: 'varchar', tx: 'a'.repeat(1000), lts: ['x', 'y'] } as Record<string, unknown> });
    assert.deepEqual([row.big, row.v, row.tx, row.mt, row.lts, row.$tableId], [MAX - 1n, 'varchar', 'a'.repeat(1000), 'm', ['x', 'y'], 'wide']);
    const exact = await t.listRows({ ...at, queries: [Query.equal('big', [MAX - 1n as never])] });
    assert.deepEqual(exact.rows.map((r) => r.$id), ['r']);
    assert.equal((await t.updateRow({ ...at, rowId: 'r', data: { big: MAX } as Record<string, unknown> })).big, MAX);
    await rejects(t.createRow({ ...at, rowId: 'long', data: { v: 'v'.repeat(41) } as Record<string, unknown> }), 400, 'row_invalid_structure');
    await rejects(t.createBigIntColumn({ ...at, key: 'bad', required: false, min: 10n, max: 1n }), 400, 'column_value_invalid');

    await rejects(t.createPointColumn({ ...at, key: 'p', required: false }), 400, 'general_feature_unsupported');
    await rejects(t.createLineColumn({ ...at, key: 'l', required: false }), 400, 'general_feature_unsupported');
    await rejects(t.createPolygonColumn({ ...at, key: 'g', required: false }), 400, 'general_feature_unsupported');
    await rejects(t.updatePointColumn({ ...at, key: 'p', required: false }), 400, 'general_feature_unsupported');
  });

  test('indexes: create with columns (202), get, list, delete; ColumnIndex model and errors', async () => {
    const at = { databaseId: 'shop', tableId: 'cols' } as const;
    const idx = await t.createIndex({ ...at, key: 'by_i', type: TablesDBIndexType.Key, columns: ['i', 's'], orders: ['desc' as never, 'ASC' as never] });
    noLegacyNames(idx, 'index');
    assert.deepEqual([idx.key, idx.type, idx.status, idx.columns], ['by_i', 'key', 'available', ['i', 's']]);
    assert.deepEqual(Object.keys(idx).sort(), ['$createdAt', '$id', '$updatedAt', 'columns', 'error', 'key', 'lengths', 'orders', 'status', 'type']);
    await t.createIndex({ ...at, key: 'u_e', type: TablesDBIndexType.Unique, columns: ['e'] });
    const list = await t.listIndexes(at);
    assert.deepEqual(Object.keys(list).sort(), ['indexes', 'total']);
    assert.deepEqual([list.total, list.indexes.map((i) => [i.key, i.columns])], [2, [['by_i', ['i', 's']], ['u_e', ['e']]]]);
    assert.deepEqual(await t.getIndex({ ...at, key: 'by_i' }), idx);
    assert.deepEqual((await t.getTable(at)).indexes.map((i) => i.columns), [['i', 's'], ['e']]);
    await rejects(t.createIndex({ ...at, key: 'by_i', type: TablesDBIndexType.Key, columns: ['s'] }), 409, 'column_index_already_exists');
    await rejects(t.createIndex({ ...at, key: 'ghost', type: TablesDBIndexType.Key, columns: ['nope'] }), 400, 'column_unknown');
    await rejects(t.deleteColumn({ ...at, key: 'e' }), 409, 'column_index_dependency');
    await t.deleteIndex({ ...at, key: 'u_e' });
    await rejects(t.getIndex({ ...at, key: 'u_e' }), 404, 'column_index_not_found', /^Index with the requested key 'u_e' could not be found\.$/);
  });

  test('rows: create, get, list with queries, update, upsert, delete; Row model and errors', async () => {
    await t.createTable({
      databaseId: 'shop', tableId: 'products', name: 'Products', permissions: [Permission.read(Role.any())], rowSecurity: true,
      columns: [
        { key: 'name', type: 'string', size: 64, required: true }, { key: 'category', type: 'string', size: 32, required: false },
        { key: 'stock', type: 'integer', required: false, min: 0, max: 1000, default: 0 }, { key: 'price', type: 'double', required: false },
      ],
      indexes: [{ key: 'by_category', type: 'key', attributes: ['category'] }],
    });
    const at = { databaseId: 'shop', tableId: 'products' } as const;
    const items = [['lamp', 'home', 5, 19.5], ['chair', 'home', 2, 49], ['pen', 'office', 100, 1.25], ['desk', 'office', 1, 199], ['mug', 'kitchen', 30, 6]] as const;
    for (const [name, category, stock, price] of items) {
      const row = await t.createRow({ ...at, rowId: name, data: { name, category, stock, price, $tableId: 'ignored' }, permissions: [Permission.update(Role.users())] });
      assertRow(row, 'products');
      assert.deepEqual([row.$id, row.name, row.stock, row.$permissions], [name, name, stock, ['update("users")']]);
    }
    const generated = await t.createRow({ ...at, rowId: ID.unique(), data: { name: 'spare' } });
    assert.match(generated.$id, /^[0-9a-f]{20}$/);
    assert.equal(generated.stock, 0, 'column default');

    const home = await t.listRows({ ...at, queries: [Query.equal('category', 'home')] });
    assert.deepEqual(Object.keys(home).sort(), ['rows', 'total']);
    assert.deepEqual([home.total, home.rows.map((r) => r.$id).sort()], [2, ['chair', 'lamp']]);
    for (const r of home.rows) assertRow(r, 'products');
    const either = await t.listRows({ ...at, queries: [Query.or([Query.equal('category', 'kitchen'), Query.greaterThan('price', 100)]), Query.orderDesc('price')] });
    assert.deepEqual(either.rows.map((r) => r.$id), ['desk', 'mug']);
    const page1 = await t.listRows({ ...at, queries: [Query.orderDesc('stock'), Query.limit(2), Query.isNotNull('category')] });
    assert.deepEqual([page1.total, page1.rows.map((r) => r.$id)], [5, ['pen', 'mug']]);
    const page2 = await t.listRows({ ...at, queries: [Query.orderDesc('stock'), Query.limit(2), Query.isNotNull('category'), Query.cursorAfter('mug')] });
    assert.deepEqual(page2.rows.map((r) => r.$id), ['lamp', 'chair']);
    const selected = await t.listRows({ ...at, queries: [Query.select(['name']), Query.equal('$id', 'pen')] });
    assert.deepEqual([selected.rows[0]!.name, 'price' in selected.rows[0]!, selected.rows[0]!.$tableId], ['pen', false, 'products']);
    const noTotal = await t.listRows({ ...at, queries: [Query.limit(1)], total: false });
    assert.deepEqual([noTotal.total, noTotal.rows.length], [0, 1]);

    const got = await t.getRow({ ...at, rowId: 'lamp' });
    assertRow(got, 'products');
    assert.deepEqual([got.name, got.price], ['lamp', 19.5]);
    const updated = await t.updateRow({ ...at, rowId: 'lamp', data: { stock: 6, $tableId: 'ignored' } });
    assert.deepEqual([updated.stock, updated.name, updated.$tableId], [6, 'lamp', 'products']);
    const upserted = await t.upsertRow({ ...at, rowId: 'sofa', data: { name: 'sofa', category: 'home' } as Record<string, unknown> });
    assertRow(upserted, 'products');
    const upsertedAgain = await t.upsertRow({ ...at, rowId: 'sofa', data: { name: 'sofa', stock: 3 } as Record<string, unknown> });
    assert.deepEqual([upsertedAgain.$id, upsertedAgain.stock, upsertedAgain.$sequence], ['sofa', 3, upserted.$sequence]);
    await t.deleteRow({ ...at, rowId: 'sofa' });

    await rejects(t.getRow({ ...at, rowId: 'sofa' }), 404, 'row_not_found', /^Row with the requested ID 'sofa' could not be found\.$/);
    await rejects(t.getRow({ databaseId: 'shop', tableId: 'nope', rowId: 'x' }), 404, 'table_not_found');
    await rejects(t.createRow({ ...at, rowId: 'lamp', data: { name: 'again' } as Record<string, unknown> }), 409, 'row_already_exists');
    await rejects(t.createRow({ ...at, rowId: 'empty', data: {} }), 400, 'row_missing_data');
    await rejects(t.createRow({ ...at, rowId: 'bad', data: { name: 'x', nope: 1 } as Record<string, unknown> }), 400, 'row_invalid_structure');
    await rejects(t.updateRow({ ...at, rowId: 'lamp' }), 400, 'row_missing_payload');
    await rejects(t.listRows({ ...at, queries: [Query.equal('nope', 1)] }), 400, 'general_query_invalid');
  });

  test('bulk: createRows, upsertRows, updateRows, deleteRows with queries', async () => {
    await t.createTable({ databaseId: 'shop', tableId: 'bulk', name: 'Bulk', columns: [{ key: 'k', type: 'string', size: 8, required: false }, { key: 'v', type: 'integer', required: false }] });
    const at = { databaseId: 'shop', tableId: 'bulk' } as const;
    const made = await t.createRows({ ...at, rows: [{ $id: 'a', k: 'x', v: 1, $tableId: 'ignored' }, { $id: 'b', k: 'x', v: 2 }, { $id: 'c', k: 'y', v: 3 }] });
    assert.deepEqual([made.total, made.rows.map((r) => r.$id)], [3, ['a', 'b', 'c']]);
    for (const r of made.rows) assertRow(r, 'bulk');
    const upserted = await t.upsertRows({ ...at, rows: [{ $id: 'c', k: 'y', v: 30 }, { $id: 'd', k: 'z', v: 4 }] });
    assert.deepEqual(upserted.rows.map((r) => [r.$id, r.v]).sort(), [['c', 30], ['d', 4]]);
    const changed = await t.updateRows({ ...at, data: { v: 0 }, queries: [Query.equal('k', 'x')] });
    assert.deepEqual([changed.total, changed.rows.map((r) => [r.$id, r.v, r.$tableId])], [2, [['a', 0, 'bulk'], ['b', 0, 'bulk']]]);
    const deleted = await t.deleteRows({ ...at, queries: [Query.lessThan('v', 10)] });
    assert.deepEqual([deleted.total, deleted.rows.map((r) => r.$id).sort()], [3, ['a', 'b', 'd']]);
    const left = await t.listRows(at);
    assert.deepEqual(left.rows.map((r) => [r.$id, r.v]), [['c', 30]]);
    const both = await project.call('POST', '/tablesdb/shop/tables/bulk/rows', { project: project.id, key: project.key, body: { data: { k: 'q' }, rows: [{ k: 'q' }] } });
    assert.deepEqual([both.status, both.body.type, both.body.message], [400, 'general_bad_request', 'You can only send one of the following parameters: data, rows']);
  });

  test('increment and decrement: value, max / min, errors', async () => {
    const at = { databaseId: 'shop', tableId: 'products' } as const;
    const up = await t.incrementRowColumn({ ...at, rowId: 'pen', column: 'stock', value: 5 });
    assertRow(up, 'products');
    assert.equal(up.stock, 105);
    assert.equal((await t.incrementRowColumn({ ...at, rowId: 'pen', column: 'stock' })).stock, 106);
    assert.equal((await t.decrementRowColumn({ ...at, rowId: 'pen', column: 'stock', value: 6, min: 0 })).stock, 100);
    assert.equal((await t.incrementRowColumn({ ...at, rowId: 'desk', column: 'price', value: 0.5 })).price, 199.5);
    await rejects(t.incrementRowColumn({ ...at, rowId: 'pen', column: 'stock', value: 10, max: 105 }), 400, 'column_limit_exceeded', /^tablesDB "stock" has reached the maximum value of 105$/);
    await rejects(t.decrementRowColumn({ ...at, rowId: 'desk', column: 'stock', value: 5, min: 0 }), 400, 'column_limit_exceeded', /^tablesDB "stock" has reached the minimum value of 0$/);
    await rejects(t.incrementRowColumn({ ...at, rowId: 'pen', column: 'nope' }), 404, 'column_not_found');
    await rejects(t.incrementRowColumn({ ...at, rowId: 'nope', column: 'stock' }), 404, 'row_not_found');
    await rejects(t.incrementRowColumn({ ...at, rowId: 'pen', column: 'name' }), 400, 'attribute_type_invalid');
    assert.equal((await t.getRow({ ...at, rowId: 'pen' })).stock, 100, 'refused changes left the row alone');
  });

  test('cloud-only methods answer 404 general_route_not_found', async () => {
    await rejects(t.listSpecifications(), 404, 'general_route_not_found');
    await rejects(t.createFailover({ databaseId: 'shop', specification: 's' } as never), 404, 'general_route_not_found');
    await rejects(t.getReplicas({ databaseId: 'shop' }), 404, 'general_route_not_found');
    await rejects(t.getStatus({ databaseId: 'shop' }), 404, 'general_route_not_found');
  });
});
