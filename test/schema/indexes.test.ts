/**
 * Indexes: key/unique/fulltext, orders and lengths, system attributes, `_tenant` leading every
 * key/unique index (per-project uniqueness), and each validation error.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { expectError, expectStatus } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject, type Owner, type Project } from '../support/fixtures.ts';
import { DuplicateKeyError } from '../../src/db/errors.ts';
import { eq } from '../../src/db/filter.ts';
import { toDbDate } from '../../src/lib/dates.ts';
import { indexNames, insertRow, meta, projectApi, q, tenantDb } from './support.ts';
import { rawKnex } from '../support/raw-db.ts';

describeLegs('schema: indexes', (leg) => {
  let server: TestServer;
  let owner: Owner;
  let p: Project;
  let api: ReturnType<typeof projectApi>;
  const base = '/databases/db/collections/c/indexes';

  async function schema(project: Project): Promise<void> {
    const call = projectApi(project);
    assert.equal((await call('POST', '/databases', { databaseId: 'db', name: 'DB' })).status, 201);
    assert.equal((await call('POST', '/databases/db/collections', { collectionId: 'c', name: 'C' })).status, 201);
    for (const [kind, body] of [
      ['string', { key: 'sku', size: 32, required: false }], ['string', { key: 'text', size: 40000, required: false }],
      ['integer', { key: 'n', required: false }], ['string', { key: 'tags', size: 10, required: false, array: true }],
    ] as const) assert.equal((await call('POST', `/databases/db/collections/c/attributes/${kind}`, body)).status, 202);
  }

  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    owner = await newOwner(server);
    p = await newProject(server, owner);
    api = projectApi(p);
    await schema(p);
  });

  /** Columns of a physical index in key order. */
  async function indexColumns(projectId: string, name: string): Promise<string[]> {
    const knex = rawKnex(server.runtime.database);
    if (leg.name === 'mariadb') {
      const [rows] = (await knex.raw('SELECT column_name AS c FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = ? ORDER BY seq_in_index', [name])) as unknown as [Array<{ c: string }>];
      return rows.map((r) => r.c);
    }
    void projectId;
    const rows = (await knex.raw(`PRAGMA index_info("${name}")`)) as Array<{ name: string }>;
    return rows.map((r) => r.name);
  }

  test('key index: 202, model, orders case-insensitive, _tenant first', async () => {
    const res = await api('POST', base, { key: 'by_sku', type: 'key', attributes: ['sku', 'n'], orders: ['asc', 'Desc'] });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.status, 'available');
    assert.equal(res.body.key, 'by_sku');
    assert.equal(res.body.type, 'key');
    assert.deepEqual(res.body.attributes, ['sku', 'n']);
    assert.deepEqual(res.body.orders, ['ASC', 'DESC']);
    assert.deepEqual(res.body.lengths, [null, null]);
    assert.equal(res.body.error, '');
    const m = await meta(server, p.id, 'db', 'c');
    const tdb = await tenantDb(server, p.id);
    const name = `${tdb.collection(m.sequence).names.docs}_i${m.indexes[0]!.sequence}`;
    assert.ok((await indexNames(server, p.id, m.sequence)).includes(name));
    const sku = m.attributes.find((a) => a.key === 'sku')!.column;
    const n = m.attributes.find((a) => a.key === 'n')!.column;
    assert.deepEqual(await indexColumns(p.id, name), ['_tenant', sku, n]);
    assert.equal((await api('GET', `${base}/by_sku`)).body.key, 'by_sku');
    const list = await api('GET', base, undefined, { queries: [q('equal', 'type', ['key'])] });
    assert.equal(list.body.total, 1);
    const badOrder = await api('POST', base, { key: 'bad_order', type: 'key', attributes: ['sku'], orders: ['up'] });
    expectError(badOrder, 400, 'general_argument_invalid');
  });

  test('system attributes and string prefixes', async () => {
    const sys = await api('POST', base, { key: 'by_created', type: 'key', attributes: ['$createdAt', '$id'] });
    assert.equal(sys.status, 202, sys.text);
    assert.equal(sys.body.status, 'available');
    const long = await api('POST', base, { key: 'by_text', type: 'key', attributes: ['text'] });
    assert.equal(long.status, 202, long.text);
    assert.equal(long.body.status, 'available', 'TEXT columns get a prefix length');
    const sized = await api('POST', base, { key: 'by_text_20', type: 'key', attributes: ['text'], lengths: [20] });
    assert.deepEqual(sized.body.lengths, [20]);
    const tooLong = await api('POST', base, { key: 'too_long', type: 'key', attributes: ['sku'], lengths: [33] });
    expectError(tooLong, 400, 'index_invalid');
    const lengthOnInt = await api('POST', base, { key: 'len_int', type: 'key', attributes: ['n'], lengths: [4] });
    expectError(lengthOnInt, 400, 'index_invalid');
  });

  test('errors: attribute_unknown, attribute_not_available, index_invalid, index_already_exists, index_not_found', async () => {
    const unknown = await api('POST', base, { key: 'u', type: 'key', attributes: ['ghost'] });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.type, 'attribute_unknown');
    assert.equal(unknown.body.message, "The attribute 'ghost' required for the index could not be found. Please confirm all your attributes are in the available state.");
    const arr = await api('POST', base, { key: 'arr', type: 'key', attributes: ['tags'] });
    expectError(arr, 400, 'index_invalid');
    const ftInt = await api('POST', base, { key: 'ft_int', type: 'fulltext', attributes: ['n'] });
    expectError(ftInt, 400, 'index_invalid');
    const spatial = await api('POST', base, { key: 'sp', type: 'spatial', attributes: ['sku'] });
    expectError(spatial, 400, 'general_argument_invalid');
    // An attribute still `processing` (as while its DDL runs) can't be indexed yet.
    expectStatus(await api('POST', '/databases/db/collections/c/attributes/boolean', { key: 'pending', required: false }), 202);
    const tdb = await tenantDb(server, p.id);
    const m = await meta(server, p.id, 'db', 'c');
    await tdb.table('attributes').update(eq({ collection_seq: m.sequence, key: 'pending' }), { status: 'processing' });
    const notAvailable = await api('POST', base, { key: 'na', type: 'key', attributes: ['pending'] });
    expectError(notAvailable, 400, 'attribute_not_available');
    await tdb.table('attributes').update(eq({ collection_seq: m.sequence, key: 'pending' }), { status: 'available' });
    assert.equal((await api('POST', base, { key: 'dup', type: 'key', attributes: ['n'] })).status, 202);
    const dup = await api('POST', base, { key: 'dup', type: 'key', attributes: ['sku'] });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.type, 'index_already_exists');
    const nf = await api('GET', `${base}/nope`);
    assert.equal(nf.status, 404);
    assert.equal(nf.body.type, 'index_not_found');
    expectError(await api('DELETE', `${base}/nope`), 404, 'index_not_found');
    const physicalBefore = await indexNames(server, p.id, m.sequence);
    assert.equal((await api('DELETE', `${base}/dup`)).status, 204);
    assert.equal((await indexNames(server, p.id, m.sequence)).length, physicalBefore.length - 1, 'physical index dropped');
  });

  test('fulltext: a real FULLTEXT index on MariaDB (without _tenant), metadata only on SQLite', async () => {
    const res = await api('POST', base, { key: 'ft', type: 'fulltext', attributes: ['text'] });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.status, 'available');
    const m = await meta(server, p.id, 'db', 'c');
    const tdb = await tenantDb(server, p.id);
    const name = `${tdb.collection(m.sequence).names.docs}_i${m.indexes.find((i) => i.key === 'ft')!.sequence}`;
    const text = m.attributes.find((a) => a.key === 'text')!.column;
    if (leg.name === 'mariadb') assert.deepEqual(await indexColumns(p.id, name), [text]);
    else assert.equal((await indexNames(server, p.id, m.sequence)).includes(name), false);
  });

  test('unique index: per project (two projects hold the same value, one project cannot hold it twice)', async () => {
    const other = await newProject(server, owner);
    await schema(other);
    for (const project of [p, other]) {
      const res = await projectApi(project)('POST', base, { key: 'uniq_sku', type: 'unique', attributes: ['sku'] });
      assert.equal(res.status, 202, res.text);
      assert.equal(res.body.status, 'available');
    }
    const ma = await meta(server, p.id, 'db', 'c');
    const mb = await meta(server, other.id, 'db', 'c');
    const colA = ma.attributes.find((a) => a.key === 'sku')!.column;
    const colB = mb.attributes.find((a) => a.key === 'sku')!.column;
    await insertRow(server, p.id, ma.sequence, 'a1', { [colA]: 'SKU-1' });
    await insertRow(server, other.id, mb.sequence, 'b1', { [colB]: 'SKU-1' });
    await assert.rejects(insertRow(server, p.id, ma.sequence, 'a2', { [colA]: 'SKU-1' }), DuplicateKeyError);
    await insertRow(server, p.id, ma.sequence, 'a3', { [colA]: 'SKU-2' });
  });

  test('a unique index over duplicate data fails cleanly: status failed, no physical index, retry after fixing', async () => {
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'dupes', name: 'Dupes' }), 201);
    expectStatus(await api('POST', '/databases/db/collections/dupes/attributes/string', { key: 'v', size: 10, required: false }), 202);
    const m = await meta(server, p.id, 'db', 'dupes');
    const col = m.attributes[0]!.column;
    await insertRow(server, p.id, m.sequence, 'x1', { [col]: 'same' });
    await insertRow(server, p.id, m.sequence, 'x2', { [col]: 'same' });
    const before = await indexNames(server, p.id, m.sequence);
    const res = await api('POST', '/databases/db/collections/dupes/indexes', { key: 'u', type: 'unique', attributes: ['v'] });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.status, 'failed');
    assert.match(res.body.error, /duplicate/);
    assert.deepEqual(await indexNames(server, p.id, m.sequence), before, 'no half-made index');
    const tdb = await tenantDb(server, p.id);
    await tdb.collection(m.sequence).docs.delete(eq({ _uid: 'x2' }));
    const retry = await api('POST', '/databases/db/collections/dupes/indexes', { key: 'u', type: 'unique', attributes: ['v'] });
    assert.equal(retry.status, 202, retry.text);
    assert.equal(retry.body.status, 'available', 'a failed index can be re-created with the same key');
    assert.equal((await indexNames(server, p.id, m.sequence)).length, before.length + 1);
  });

  test('index_limit_exceeded once the table would pass 64 indexes', async () => {
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'many', name: 'Many' }), 201);
    expectStatus(await api('POST', '/databases/db/collections/many/attributes/integer', { key: 'n', required: false }), 202);
    const m = await meta(server, p.id, 'db', 'many');
    const tdb = await tenantDb(server, p.id);
    const now = toDbDate();
    // 60 user indexes + the primary key and 3 system indexes = 64 (metadata rows stand in for the DDL).
    await tdb.table('indexes').insert(Array.from({ length: 60 }, (_, i) => ({
      _uid: `i${i}`, _createdAt: now, _updatedAt: now, collection_seq: m.sequence, key: `i${i}`, type: 'key',
      attributes: '["n"]', orders: '[]', lengths: '[null]', status: 'available', error: '',
    })));
    const res = await api('POST', '/databases/db/collections/many/indexes', { key: 'one_more', type: 'key', attributes: ['n'] });
    assert.equal(res.status, 400);
    assert.equal(res.body.type, 'index_limit_exceeded');
    assert.equal(res.body.message, "The maximum number of indexes for collection 'many' has been reached.");
  });
});
