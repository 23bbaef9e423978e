/**
 * The issue-13 column types — bigint, varchar, text, mediumtext, longtext — on the legacy API and
 * TablesDB: physical column types, models, sizes, defaults, arrays, validation errors, indexes, and
 * bigint values exact end to end (raw JSON text, queries, node-appwrite's BigInt). Spatial types
 * answer 400 general_feature_unsupported on both APIs.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { type AppwriteException, Client, Databases, Query, TablesDB } from 'node-appwrite';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { expectError, expectStatus } from '../support/http.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import { columns, meta, projectApi } from './support.ts';
import { newEndUser } from '../account/helpers.ts';

const MAX = '9223372036854775807';
const MIN = '-9223372036854775808';
const ABOVE_SAFE = '9007199254740993'; // 2^53 + 1: a JS number would read 9007199254740992
const BELOW_SAFE = '-9007199254740993';
/** `default: null` on an update: the SDK sends it (it refuses only undefined), its types don't say so. */
const NO_DEFAULT = null as unknown as undefined;

describeLegs('schema: column types (bigint, varchar, text, mediumtext, longtext)', (leg) => {
  let server: TestServer;
  let p: Project;
  let api: ReturnType<typeof projectApi>;
  /** A request whose body is sent as written (integer literals beyond 2^53 included); the raw answer text. */
  let raw: (method: string, path: string, body?: string) => Promise<{ status: number; text: string }>;

  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    p = await newProject(server, await newOwner(server));
    api = projectApi(p);
    raw = async (method, path, body) => {
      const res = await fetch(`${server.url}/v1${path}`, {
        method, body, headers: { 'content-type': 'application/json', 'x-appwrite-project': p.id, 'x-appwrite-key': p.key },
      });
      return { status: res.status, text: await res.text() };
    };
    expectStatus(await api('POST', '/databases', { databaseId: 'db', name: 'DB' }), 201);
  });

  test('each type: 202 model, physical column type, stored size', async () => {
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'kinds', name: 'Kinds', documentSecurity: false, permissions: [] }), 201);
    const base = '/databases/db/collections/kinds/attributes';
    const big = await raw('POST', `${base}/bigint`, `{"key":"big","required":false,"min":${MIN},"max":${MAX},"default":${ABOVE_SAFE}}`);
    assert.equal(big.status, 202, big.text);
    // The exact literals, as written (a lossy number would print 9223372036854776000).
    assert.match(big.text, new RegExp(`"min":${MIN},"max":${MAX},"default":${ABOVE_SAFE}`));
    assert.equal(JSON.parse(big.text).type, 'bigint');
    const v = expectStatus(await api('POST', `${base}/varchar`, { key: 'v', size: 20, required: false, default: 'hi' }), 202).body;
    assert.deepEqual([v.type, v.size, v.default, v.encrypt, v.status], ['varchar', 20, 'hi', false, 'available']);
    for (const kind of ['text', 'mediumtext', 'longtext']) {
      const m = expectStatus(await api('POST', `${base}/${kind}`, { key: kind, required: false }), 202).body;
      assert.deepEqual([m.type, m.default, m.encrypt, 'size' in m], [kind, null, false, false]);
    }
    const a = expectStatus(await api('POST', `${base}/bigint`, { key: 'bigs', required: false, array: true }), 202).body;
    assert.deepEqual([a.type, a.array], ['bigint', true]);

    const list = expectStatus(await api('GET', base), 200).body;
    assert.deepEqual(list.attributes.map((x: { key: string; type: string }) => `${x.key}:${x.type}`), ['big:bigint', 'v:varchar', 'text:text', 'mediumtext:mediumtext', 'longtext:longtext', 'bigs:bigint']);
    const got = await raw('GET', `${base}/big`);
    assert.match(got.text, new RegExp(`"min":${MIN},"max":${MAX},"default":${ABOVE_SAFE}`));

    const m = await meta(server, p.id, 'db', 'kinds');
    const cols = await columns(server, p.id, m.sequence);
    const typeOf = (key: string) => cols.get(m.attributes.find((x) => x.key === key)!.column);
    assert.equal(typeOf('big'), 'bigint');
    assert.equal(typeOf('v'), 'varchar(20)');
    assert.equal(typeOf('text'), 'text');
    assert.equal(typeOf('mediumtext'), 'mediumtext');
    assert.equal(typeOf('longtext'), 'longtext');
    assert.equal(typeOf('bigs'), leg.name === 'mariadb' ? 'longtext' : 'text'); // JSON is LONGTEXT + CHECK on MariaDB
    assert.deepEqual(['v', 'text', 'mediumtext', 'longtext'].map((k) => m.attributes.find((x) => x.key === k)!.size), [20, 65535, 16777215, 2147483647]);
  });

  test('validation: sizes, ranges, defaults (status and type)', async () => {
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'rules', name: 'Rules', documentSecurity: false, permissions: [] }), 201);
    const base = '/databases/db/collections/rules/attributes';
    expectError(await api('POST', `${base}/varchar`, { key: 'a', size: 16382, required: false }), 400, 'general_argument_invalid');
    expectError(await api('POST', `${base}/varchar`, { key: 'a', size: 0, required: false }), 400, 'general_argument_invalid');
    expectError(await api('POST', `${base}/varchar`, { key: 'a', size: 3, required: false, default: 'four' }), 400, 'attribute_value_invalid');
    expectError(await api('POST', `${base}/text`, { key: 'a', required: true, default: 'x' }), 400, 'attribute_default_unsupported');
    expectError(await api('POST', `${base}/longtext`, { key: 'a', required: false, array: true, default: 'x' }), 400, 'attribute_default_unsupported');
    expectError(await api('POST', `${base}/bigint`, { key: 'a', required: false, min: 10, max: 1 }), 400, 'attribute_value_invalid');
    expectError(await api('POST', `${base}/bigint`, { key: 'a', required: false, min: 0, max: 10, default: 11 }), 400, 'attribute_value_invalid');
    expectError(await api('POST', `${base}/bigint`, { key: 'a', required: false, default: 1.5 }), 400, 'general_argument_invalid');
    const beyond = await raw('POST', `${base}/bigint`, '{"key":"a","required":false,"max":9223372036854775808}');
    assert.equal(beyond.status, 400, beyond.text);
    assert.equal(JSON.parse(beyond.text).type, 'general_argument_invalid');
    // Nothing half-made: the key is still free.
    expectStatus(await api('POST', `${base}/bigint`, { key: 'a', required: true, min: -5, max: 5 }), 202);

    expectStatus(await api('POST', `${base}/varchar`, { key: 'v', size: 4, required: false }), 202);
    expectStatus(await api('POST', `${base}/bigint`, { key: 'b', required: false }), 202);
    const docs = '/databases/db/collections/rules/documents';
    expectError(await api('POST', docs, { documentId: 'x', data: { a: 6 } }), 400, 'document_invalid_structure');
    expectError(await api('POST', docs, { documentId: 'x', data: { a: 1, v: 'toolong' } }), 400, 'document_invalid_structure');
    expectError(await api('POST', docs, { documentId: 'x', data: { a: 1, b: 1.5 } }), 400, 'document_invalid_structure');
    expectError(await api('POST', docs, { documentId: 'x', data: { a: 1, b: '12' } }), 400, 'document_invalid_structure');
    const over = await raw('POST', docs, '{"documentId":"x","data":{"a":1,"b":9223372036854775808}}');
    assert.equal(over.status, 400, over.text);
    assert.equal(JSON.parse(over.text).type, 'document_invalid_structure');
    expectStatus(await api('POST', docs, { documentId: 'ok', data: { a: -5, v: 'four' } }), 201);
  });

  test('bigint values round-trip exactly through REST: create, get, list, queries, arrays, defaults', async () => {
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'nums', name: 'Nums', documentSecurity: false, permissions: ['read("any")', 'create("any")', 'update("any")'] }), 201);
    const base = '/databases/db/collections/nums';
    expectStatus(await api('POST', `${base}/attributes/bigint`, { key: 'n', required: false }), 202);
    expectStatus(await api('POST', `${base}/attributes/bigint`, { key: 'list', required: false, array: true }), 202);
    const withDefault = await raw('POST', `${base}/attributes/bigint`, `{"key":"d","required":false,"default":${BELOW_SAFE}}`);
    assert.equal(withDefault.status, 202, withDefault.text);
    const values = [MAX, MIN, ABOVE_SAFE, BELOW_SAFE, '9007199254740992', '42'];
    for (const [i, n] of values.entries()) {
      const created = await raw('POST', `${base}/documents`, `{"documentId":"d${i}","data":{"n":${n},"list":[${n},1]}}`);
      assert.equal(created.status, 201, created.text);
      assert.match(created.text, new RegExp(`"n":${n},"list":\\[${n},1\\],"d":${BELOW_SAFE}`));
    }
    for (const [i, n] of values.entries()) {
      const got = await raw('GET', `${base}/documents/d${i}`);
      assert.equal(got.status, 200, got.text);
      assert.match(got.text, new RegExp(`"n":${n},"list":\\[${n},1\\],"d":${BELOW_SAFE}`), got.text);
    }
    const query = async (q: string) => {
      const res = await raw('GET', `${base}/documents?queries%5B0%5D=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, res.text);
      return [...res.text.matchAll(/"\$id":"(d\d)"/g)].map((m) => m[1]).sort();
    };
    // 2^53 and 2^53 + 1 are one double apart: only an exact comparison tells them apart.
    assert.deepEqual(await query(`{"method":"equal","attribute":"n","values":[${ABOVE_SAFE}]}`), ['d2']);
    assert.deepEqual(await query(`{"method":"greaterThan","attribute":"n","values":[9007199254740992]}`), ['d0', 'd2']);
    assert.deepEqual(await query(`{"method":"lessThanEqual","attribute":"n","values":[${BELOW_SAFE}]}`), ['d1', 'd3']);
    assert.deepEqual(await query(`{"method":"between","attribute":"n","values":[${ABOVE_SAFE},${MAX}]}`), ['d0', 'd2']);
    assert.deepEqual(await query(`{"method":"notEqual","attribute":"n","values":[${MIN},42]}`), ['d0', 'd2', 'd3', 'd4']);
    const ordered = await raw('GET', `${base}/documents?queries%5B0%5D=${encodeURIComponent('{"method":"orderDesc","attribute":"n"}')}`);
    assert.deepEqual([...ordered.text.matchAll(/"\$id":"(d\d)"/g)].map((m) => m[1]), ['d0', 'd2', 'd4', 'd5', 'd3', 'd1']);
    // A cursor on a bigint order: the keyset compares the cursor row's exact value (2^53 + 1 vs 2^53).
    const after = await raw('GET', `${base}/documents?queries%5B0%5D=${encodeURIComponent('{"method":"orderDesc","attribute":"n"}')}&queries%5B1%5D=${encodeURIComponent('{"method":"cursorAfter","values":["d2"]}')}`);
    assert.deepEqual([...after.text.matchAll(/"\$id":"(d\d)"/g)].map((m) => m[1]), ['d4', 'd5', 'd3', 'd1'], after.text);
    const bad = await raw('GET', `${base}/documents?queries%5B0%5D=${encodeURIComponent('{"method":"equal","attribute":"n","values":[9223372036854775808]}')}`);
    assert.equal(bad.status, 400, bad.text);
    assert.equal(JSON.parse(bad.text).type, 'general_query_invalid');

    const updated = await raw('PATCH', `${base}/documents/d5`, `{"data":{"n":${MIN}}}`);
    assert.equal(updated.status, 200, updated.text);
    assert.match(updated.text, new RegExp(`"n":${MIN}`));
    assert.match((await raw('GET', `${base}/documents/d5`)).text, new RegExp(`"n":${MIN}`));
  });

  test('bigint values staged in a transaction and in prefs stay exact', async () => {
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'tx', name: 'Tx', documentSecurity: false, permissions: [] }), 201);
    expectStatus(await api('POST', '/databases/db/collections/tx/attributes/bigint', { key: 'n', required: false }), 202);
    const tx = expectStatus(await api('POST', '/databases/transactions', {}), 201).body;
    const staged = await raw('POST', '/databases/db/collections/tx/documents', `{"documentId":"s","data":{"n":${MAX}},"transactionId":"${tx.$id}"}`);
    assert.equal(staged.status, 201, staged.text);
    assert.match(staged.text, new RegExp(`"n":${MAX}`));
    expectStatus(await api('PATCH', `/databases/transactions/${tx.$id}`, { commit: true }), 200);
    assert.match((await raw('GET', '/databases/db/collections/tx/documents/s')).text, new RegExp(`"n":${MAX}`));
    // Any body may now carry a BigInt: free-form JSON (prefs) is stored, not a 500 (read back as a JS number: prefs aren't typed).
    const user = await newEndUser(p.call, p.id);
    const res = await fetch(`${server.url}/v1/account/prefs`, {
      method: 'PATCH', body: `{"prefs":{"big":${ABOVE_SAFE}}}`, headers: { 'content-type': 'application/json', 'x-appwrite-project': p.id, 'x-appwrite-session': user.session },
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(typeof ((await res.json()) as { prefs: { big: unknown } }).prefs.big, 'number');
  });

  test('node-appwrite 27: bigint as BigInt both ways (legacy Databases)', async () => {
    const db = new Databases(new Client().setEndpoint(`${server.url}/v1`).setProject(p.id).setKey(p.key));
    await db.createCollection({ databaseId: 'db', collectionId: 'sdk', name: 'SDK' });
    const ids = { databaseId: 'db', collectionId: 'sdk' };
    const attr = await db.createBigIntAttribute({ ...ids, key: 'n', required: false, min: BigInt(MIN), max: BigInt(MAX), xdefault: BigInt(ABOVE_SAFE) });
    assert.deepEqual([attr.type, attr.min, attr.max, attr.default], ['bigint', BigInt(MIN), BigInt(MAX), BigInt(ABOVE_SAFE)]);
    assert.equal((await db.createVarcharAttribute({ ...ids, key: 'v', size: 10, required: false })).size, 10);
    const doc = await db.createDocument({ ...ids, documentId: 'one', data: { n: BigInt(MAX), v: 'x' } });
    assert.equal(doc.n, BigInt(MAX));
    const two = await db.createDocument({ ...ids, documentId: 'two', data: { v: 'y' } });
    assert.equal(two.n, BigInt(ABOVE_SAFE));
    assert.equal((await db.getDocument({ ...ids, documentId: 'one' })).n, BigInt(MAX));
    const found = await db.listDocuments({ ...ids, queries: [Query.equal('n', [BigInt(ABOVE_SAFE)])] });
    assert.deepEqual(found.documents.map((d) => d.$id), ['two']);
    const updated = await db.updateBigIntAttribute({ ...ids, key: 'n', required: false, xdefault: NO_DEFAULT, min: BigInt(BELOW_SAFE), newKey: 'm' });
    assert.deepEqual([updated.key, updated.min, updated.max, updated.default], ['m', BigInt(BELOW_SAFE), BigInt(MAX), null]);
    const resized = await db.updateVarcharAttribute({ ...ids, key: 'v', required: false, xdefault: NO_DEFAULT, size: 30 });
    assert.equal(resized.size, 30);
    const m = await meta(server, p.id, 'db', 'sdk');
    const cols = await columns(server, p.id, m.sequence);
    assert.equal(cols.get(m.attributes.find((a) => a.key === 'v')!.column), leg.name === 'mariadb' ? 'varchar(30)' : 'varchar(10)');
  });

  test('varchar resize refused when values no longer fit; indexes on the new types', async () => {
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'idx', name: 'Idx', documentSecurity: false, permissions: [] }), 201);
    const base = '/databases/db/collections/idx';
    expectStatus(await api('POST', `${base}/attributes/varchar`, { key: 'v', size: 10, required: false }), 202);
    expectStatus(await api('POST', `${base}/attributes/text`, { key: 't', required: false }), 202);
    expectStatus(await api('POST', `${base}/attributes/bigint`, { key: 'b', required: false }), 202);
    expectStatus(await api('POST', `${base}/documents`, { documentId: 'a', data: { v: 'abcdefghij', t: 'hello world', b: 1 } }), 201);
    if (leg.name === 'mariadb') {
      expectError(await api('PATCH', `${base}/attributes/varchar/v`, { required: false, default: null, size: 5 }), 400, 'attribute_invalid_resize');
    }
    const key = expectStatus(await api('POST', `${base}/indexes`, { key: 'by_b', type: 'unique', attributes: ['b'] }), 202).body;
    assert.equal(key.status, 'available');
    const text = expectStatus(await api('POST', `${base}/indexes`, { key: 'by_t', type: 'key', attributes: ['t', 'v'] }), 202).body;
    assert.deepEqual([text.status, text.lengths], ['available', [null, null]]);
    const ft = expectStatus(await api('POST', `${base}/indexes`, { key: 'ft', type: 'fulltext', attributes: ['t'] }), 202).body;
    assert.equal(ft.status, 'available');
    expectError(await api('POST', `${base}/indexes`, { key: 'bad', type: 'fulltext', attributes: ['b'] }), 400, 'index_invalid');
    expectError(await api('POST', `${base}/indexes`, { key: 'bad', type: 'key', attributes: ['t'], lengths: [70000] }), 400, 'index_invalid');
    // The unique index holds on the bigint column.
    expectError(await api('POST', `${base}/documents`, { documentId: 'b', data: { b: 1 } }), 409, 'document_unique_constraint_violation');
    const search = await api('GET', `${base}/documents`, undefined, { 'queries[]': [JSON.stringify({ method: 'search', attribute: 't', values: ['hello'] })] });
    assert.deepEqual(expectStatus(search, 200).body.documents.map((d: { $id: string }) => d.$id), ['a']);
  });

  test('TablesDB: the new column types through node-appwrite, exact bigint rows', async () => {
    const t = new TablesDB(new Client().setEndpoint(`${server.url}/v1`).setProject(p.id).setKey(p.key));
    await t.create({ databaseId: 'tdb', name: 'T' });
    await t.createTable({ databaseId: 'tdb', tableId: 'rows', name: 'Rows' });
    const ids = { databaseId: 'tdb', tableId: 'rows' };
    const col = await t.createBigIntColumn({ ...ids, key: 'n', required: false, max: BigInt(MAX) });
    assert.deepEqual([col.type, col.min, col.max], ['bigint', BigInt(MIN), BigInt(MAX)]);
    assert.equal((await t.createVarcharColumn({ ...ids, key: 'v', size: 12, required: false })).type, 'varchar');
    assert.equal((await t.createTextColumn({ ...ids, key: 'tx', required: false })).type, 'text');
    assert.equal((await t.createMediumtextColumn({ ...ids, key: 'mt', required: false })).type, 'mediumtext');
    assert.equal((await t.createLongtextColumn({ ...ids, key: 'lt', required: false })).type, 'longtext');
    const row = await t.createRow({ ...ids, rowId: 'r', data: { n: BigInt(BELOW_SAFE), v: 'v', tx: 't', mt: 'm', lt: 'l' } });
    assert.equal(row.n, BigInt(BELOW_SAFE));
    assert.equal((await t.getRow({ ...ids, rowId: 'r' })).n, BigInt(BELOW_SAFE));
    const list = await t.listRows({ ...ids, queries: [Query.lessThan('n', BigInt('-9007199254740992'))] });
    assert.deepEqual(list.rows.map((r) => r.$id), ['r']);
    await assert.rejects(t.createVarcharColumn({ ...ids, key: 'w', size: 20000, required: false }), (e: AppwriteException) => e.code === 400 && e.type === 'general_argument_invalid');
    await assert.rejects(t.createBigIntColumn({ ...ids, key: 'w', required: false, min: 5, max: 1 }), (e: AppwriteException) => e.code === 400 && e.type === 'column_value_invalid');
    await assert.rejects(t.updateVarcharColumn({ ...ids, key: 'n', required: false, xdefault: NO_DEFAULT }), (e: AppwriteException) => e.code === 400 && e.type === 'attribute_type_invalid');
  });

  test('spatial types: 400 general_feature_unsupported on both APIs (inline: attribute_type_invalid)', async () => {
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'geo', name: 'Geo', documentSecurity: false, permissions: [] }), 201);
    for (const kind of ['point', 'line', 'polygon']) {
      expectError(await api('POST', `/databases/db/collections/geo/attributes/${kind}`, { key: 'g', required: false }), 400, 'general_feature_unsupported');
      expectError(await api('PATCH', `/databases/db/collections/geo/attributes/${kind}/g`, { required: false, default: null }), 400, 'general_feature_unsupported');
      expectError(await api('POST', `/tablesdb/db/tables/geo/columns/${kind}`, { key: 'g', required: false }), 400, 'general_feature_unsupported');
    }
    expectError(await api('POST', '/databases/db/collections', { collectionId: 'geo2', name: 'Geo', attributes: [{ key: 'g', type: 'point' }] }), 400, 'attribute_type_invalid');
    const q = await api('GET', '/databases/db/collections/geo/documents', undefined, { 'queries[]': [JSON.stringify({ method: 'distanceLessThan', attribute: 'g', values: [[[0, 0], 1, true]] })] });
    expectError(q, 400, 'general_query_invalid');
  });
});
