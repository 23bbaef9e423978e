/**
 * Attributes: every type with its physical column type, defaults, arrays, update (required, default,
 * min/max, elements, size, newKey), delete, and each validation error.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { expectError, expectStatus } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import { columns, insertRow, meta, projectApi, q } from './support.ts';

describeLegs('schema: attributes', (leg) => {
  let server: TestServer;
  let p: Project;
  let api: ReturnType<typeof projectApi>;
  const base = '/databases/db/collections/c/attributes';

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project: p } = await withProject(leg, cleanup));
    api = projectApi(p);
    assert.equal((await api('POST', '/databases', { databaseId: 'db', name: 'DB' })).status, 201);
    assert.equal((await api('POST', '/databases/db/collections', { collectionId: 'c', name: 'C' })).status, 201);
  });

  async function columnOf(key: string): Promise<string | undefined> {
    const m = await meta(server, p.id, 'db', 'c');
    const a = m.attributes.find((x) => x.key === key);
    assert.ok(a, `attribute ${key} in metadata`);
    return (await columns(server, p.id, m.sequence)).get(a.column);
  }

  test('every type: 202, model, physical column type', async () => {
    const mysql = leg.name === 'mariadb';
    const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
      ['string', { key: 'title', size: 255, required: true }, { type: 'string', size: 255, encrypt: false, default: null }, 'varchar(255)'],
      ['string', { key: 'body', size: 20000, required: false }, { type: 'string', size: 20000 }, 'text'],
      ['string', { key: 'big', size: 70000, required: false }, { size: 70000 }, 'mediumtext'],
      ['string', { key: 'huge', size: 20000000, required: false }, { size: 20000000 }, 'longtext'],
      ['integer', { key: 'count', required: false }, { type: 'integer', min: -(2 ** 63), max: 2 ** 63 /* Appwrite's int64 bounds as doubles (2^63 − 1 rounds to 2^63) */ }, 'bigint'],
      ['integer', { key: 'small', required: false, min: 0, max: 100, default: 5 }, { type: 'integer', min: 0, max: 100, default: 5 }, 'int'],
      ['float', { key: 'price', required: false, min: 0, max: 1000.5, default: 9.99 }, { type: 'double', min: 0, max: 1000.5, default: 9.99 }, 'double'],
      ['boolean', { key: 'done', required: false, default: false }, { type: 'boolean', default: false }, 'tinyint(1)'],
      ['datetime', { key: 'due', required: false, default: '2026-01-02T03:04:05.678Z' }, { type: 'datetime', format: 'datetime', default: '2026-01-02T03:04:05.678+00:00' }, 'datetime(3)'],
      ['email', { key: 'mail', required: false, default: 'a@example.com' }, { type: 'string', format: 'email', default: 'a@example.com' }, 'varchar(254)'],
      ['enum', { key: 'state', required: false, elements: ['draft', 'live'], default: 'draft' }, { type: 'string', format: 'enum', elements: ['draft', 'live'] }, 'varchar(255)'],
      ['url', { key: 'link', required: false }, { type: 'string', format: 'url' }, 'varchar(2000)'],
      ['ip', { key: 'addr', required: false, default: '::1' }, { type: 'string', format: 'ip', default: '::1' }, 'varchar(39)'],
      ['string', { key: 'tags', size: 32, required: false, array: true }, { type: 'string', array: true }, mysql ? 'longtext' : 'text'],
      ['integer', { key: 'scores', required: false, array: true }, { type: 'integer', array: true }, mysql ? 'longtext' : 'text'],
    ];
    for (const [kind, body, expected, column] of cases) {
      const res = await api('POST', `${base}/${kind}`, body);
      assert.equal(res.status, 202, `${kind} ${res.text}`);
      assert.equal(res.body.status, 'available');
      assert.equal(res.body.error, '');
      assert.equal(res.body.key, body.key);
      assert.equal(res.body.required, body.required);
      assert.equal(res.body.array, body.array ?? false);
      assert.match(res.body.$createdAt, /\+00:00$/);
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(res.body[k], v, `${body.key}.${k}`);
      assert.equal(await columnOf(String(body.key)), column, `column type of ${body.key}`);
    }
    const got = await api('GET', `${base}/price`);
    assert.equal(got.status, 200);
    assert.equal(got.body.type, 'double');
    const list = await api('GET', base, undefined, { queries: [q('equal', 'type', ['string']), q('limit', undefined, [3])] });
    assert.equal(list.body.total, 9);
    assert.equal(list.body.attributes.length, 3);
    const collection = await api('GET', '/databases/db/collections/c');
    assert.equal(collection.body.attributes.length, cases.length);
  });

  test('default, array and range validation errors', async () => {
    const requiredDefault = await api('POST', `${base}/string`, { key: 'rd', size: 10, required: true, default: 'x' });
    assert.equal(requiredDefault.status, 400);
    assert.equal(requiredDefault.body.type, 'attribute_default_unsupported');
    assert.equal(requiredDefault.body.message, 'Cannot set default value for required attribute');
    const arrayDefault = await api('POST', `${base}/integer`, { key: 'ad', required: false, array: true, default: 1 });
    expectError(arrayDefault, 400, 'attribute_default_unsupported');
    assert.equal(arrayDefault.body.message, 'Cannot set default value for array attributes');
    const minMax = await api('POST', `${base}/integer`, { key: 'mm', required: false, min: 10, max: 1 });
    expectError(minMax, 400, 'attribute_value_invalid');
    const outOfRange = await api('POST', `${base}/float`, { key: 'oor', required: false, min: 0, max: 1, default: 2 });
    expectError(outOfRange, 400, 'attribute_value_invalid');
    const notElement = await api('POST', `${base}/enum`, { key: 'ne', required: false, elements: ['a'], default: 'b' });
    expectError(notElement, 400, 'attribute_value_invalid');
    const tooLong = await api('POST', `${base}/string`, { key: 'tl', size: 2, required: false, default: 'abc' });
    expectError(tooLong, 400, 'attribute_value_invalid');
    const badEmail = await api('POST', `${base}/email`, { key: 'be', required: false, default: 'not-an-email' });
    expectError(badEmail, 400, 'general_argument_invalid');
    const badIp = await api('POST', `${base}/ip`, { key: 'bi', required: false, default: '999.1.1.1' });
    expectError(badIp, 400, 'general_argument_invalid');
    const badDate = await api('POST', `${base}/datetime`, { key: 'bd', required: false, default: 'yesterday' });
    expectError(badDate, 400, 'general_argument_invalid');
    const badSize = await api('POST', `${base}/string`, { key: 'bs', size: 0, required: false });
    expectError(badSize, 400, 'general_argument_invalid');
    const missing = await api('POST', `${base}/string`, { key: 'ms', required: false });
    expectError(missing, 400, 'general_argument_invalid');
    const badKey = await api('POST', `${base}/boolean`, { key: '$bad', required: false });
    expectError(badKey, 400, 'general_argument_invalid');
    const m = await meta(server, p.id, 'db', 'c');
    for (const key of ['rd', 'ad', 'mm', 'oor', 'ne', 'tl', 'be', 'bi', 'bd', 'bs', 'ms']) assert.equal(m.attributes.some((a) => a.key === key), false, `${key} left no metadata`);
  });

  test('duplicate key → 409 attribute_already_exists; unknown → 404', async () => {
    assert.equal((await api('POST', `${base}/boolean`, { key: 'dupe', required: false })).status, 202);
    const dup = await api('POST', `${base}/string`, { key: 'dupe', size: 5, required: false });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.type, 'attribute_already_exists');
    assert.equal(dup.body.message, "Attribute with the requested key 'dupe' already exists. Attribute keys must be unique, try again with a different key.");
    const nf = await api('GET', `${base}/nothing`);
    assert.equal(nf.status, 404);
    assert.equal(nf.body.type, 'attribute_not_found');
  });

  test('attribute_limit_exceeded is decided from the row-width budget before any DDL', async () => {
    expectStatus(await api('POST', '/databases/db/collections', { collectionId: 'wide', name: 'Wide' }), 201);
    const wideBase = '/databases/db/collections/wide/attributes';
    const first = await api('POST', `${wideBase}/string`, { key: 'w1', size: 8200, required: false });
    assert.equal(first.status, 202, first.text);
    const second = await api('POST', `${wideBase}/string`, { key: 'w2', size: 8200, required: false });
    assert.equal(second.status, 400);
    assert.equal(second.body.type, 'attribute_limit_exceeded');
    assert.equal(second.body.message, "The maximum number or size of attributes for collection 'wide' has been reached.");
    const m = await meta(server, p.id, 'db', 'wide');
    assert.deepEqual(m.attributes.map((a) => a.key), ['w1']);
    const cols = await columns(server, p.id, m.sequence);
    assert.deepEqual([...cols.keys()].filter((c) => /^a\d+$/.test(c)), [m.attributes[0]!.column], 'no column for the refused attribute');
    assert.equal((await api('POST', `${wideBase}/string`, { key: 'w3', size: 100, required: false })).status, 202, 'small ones still fit');
  });

  test('update: required/default, min/max, elements, size, newKey; wrong type → attribute_type_invalid', async () => {
    expectStatus(await api('POST', `${base}/string`, { key: 'name', size: 10, required: false }), 202);
    const upd = await api('PATCH', `${base}/string/name`, { required: false, default: 'anon', size: 20 });
    assert.equal(upd.status, 200, upd.text);
    assert.equal(upd.body.default, 'anon');
    assert.equal(upd.body.size, 20);
    if (leg.name === 'mariadb') assert.equal(await columnOf('name'), 'varchar(20)');
    const wrongType = await api('PATCH', `${base}/integer/name`, { required: false, default: null });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.type, 'attribute_type_invalid');
    const reqDefault = await api('PATCH', `${base}/string/name`, { required: true, default: 'x' });
    expectError(reqDefault, 400, 'attribute_default_unsupported');
    const renamed = await api('PATCH', `${base}/string/name`, { required: true, default: null, newKey: 'fullName' });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.key, 'fullName');
    assert.equal(renamed.body.required, true);
    assert.equal((await api('GET', `${base}/name`)).status, 404);
    assert.equal((await api('GET', `${base}/fullName`)).status, 200);
    expectStatus(await api('POST', `${base}/integer`, { key: 'qty', required: false, min: 0, max: 10 }), 202);
    const range = await api('PATCH', `${base}/integer/qty`, { required: false, default: 50, min: 0, max: 100 });
    assert.equal(range.status, 200, range.text);
    assert.deepEqual([range.body.min, range.body.max, range.body.default], [0, 100, 50]);
    const badRange = await api('PATCH', `${base}/integer/qty`, { required: false, default: 500 });
    expectError(badRange, 400, 'attribute_value_invalid');
    expectStatus(await api('POST', `${base}/enum`, { key: 'level', required: false, elements: ['low'] }), 202);
    const elements = await api('PATCH', `${base}/enum/level`, { required: false, default: 'high', elements: ['low', 'high'] });
    assert.deepEqual(elements.body.elements, ['low', 'high']);
    const taken = await api('PATCH', `${base}/integer/qty`, { required: false, default: null, newKey: 'fullName' });
    expectError(taken, 409, 'attribute_already_exists');
  });

  test('shrinking a string below existing data → attribute_invalid_resize (MariaDB); metadata-only on SQLite', async () => {
    expectStatus(await api('POST', `${base}/string`, { key: 'note', size: 50, required: false }), 202);
    const m = await meta(server, p.id, 'db', 'c');
    const note = m.attributes.find((a) => a.key === 'note')!;
    await insertRow(server, p.id, m.sequence, 'row1', { [note.column]: 'a fairly long note of 30 chars' });
    const shrink = await api('PATCH', `${base}/string/note`, { required: false, default: null, size: 5 });
    if (leg.name === 'mariadb') {
      assert.equal(shrink.status, 400, shrink.text);
      assert.equal(shrink.body.type, 'attribute_invalid_resize');
      assert.equal((await api('GET', `${base}/note`)).body.size, 50, 'metadata unchanged');
      assert.equal(await columnOf('note'), 'varchar(50)');
    } else {
      assert.equal(shrink.status, 200, shrink.text);
      assert.equal(shrink.body.size, 5);
    }
  });

  test('delete drops the column; an index using the attribute blocks it (409 index_dependency)', async () => {
    expectStatus(await api('POST', `${base}/string`, { key: 'temp', size: 10, required: false }), 202);
    expectStatus(await api('POST', `${base}/string`, { key: 'indexed', size: 10, required: false }), 202);
    const before = await meta(server, p.id, 'db', 'c');
    const temp = before.attributes.find((a) => a.key === 'temp')!;
    assert.equal((await api('DELETE', `${base}/temp`)).status, 204);
    assert.equal((await columns(server, p.id, before.sequence)).has(temp.column), false);
    assert.equal((await api('GET', `${base}/temp`)).status, 404);
    assert.equal((await api('POST', '/databases/db/collections/c/indexes', { key: 'by_indexed', type: 'key', attributes: ['indexed'] })).status, 202);
    const blocked = await api('DELETE', `${base}/indexed`);
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.type, 'index_dependency');
    assert.equal(blocked.body.message, "Attribute 'indexed' cannot be renamed or deleted. Please remove the associated index first.");
    assert.equal((await api('DELETE', '/databases/db/collections/c/indexes/by_indexed')).status, 204);
    assert.equal((await api('DELETE', `${base}/indexed`)).status, 204);
    expectError(await api('DELETE', `${base}/indexed`), 404, 'attribute_not_found');
  });

  test('collection create with initial attributes and indexes; a bad entry creates nothing', async () => {
    const created = await api('POST', '/databases/db/collections', {
      collectionId: 'init', name: 'Init',
      attributes: [
        { key: 'title', type: 'string', size: 100, required: true },
        { key: 'email', type: 'string', format: 'email', required: false },
        { key: 'n', type: 'integer', required: false, min: 0, max: 9 },
        { key: 'x', type: 'double', required: false },
      ],
      indexes: [{ key: 'by_title', type: 'unique', attributes: ['title'], orders: ['desc'] }],
    });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.body.attributes.map((a: { key: string; status: string }) => `${a.key}:${a.status}`), ['title:available', 'email:available', 'n:available', 'x:available']);
    assert.equal(created.body.attributes[1].format, 'email');
    assert.equal(created.body.attributes[3].type, 'double');
    assert.deepEqual(created.body.indexes.map((i: { key: string; orders: string[] }) => [i.key, i.orders]), [['by_title', ['DESC']]]);
    const bad = await api('POST', '/databases/db/collections', {
      collectionId: 'init2', name: 'Init2',
      attributes: [{ key: 'ok', type: 'string', size: 10, required: false }],
      indexes: [{ key: 'broken', type: 'key', attributes: ['missing'] }],
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.type, 'attribute_unknown');
    assert.equal((await api('GET', '/databases/db/collections/init2')).status, 404, 'the collection was rolled back');
    const badType = await api('POST', '/databases/db/collections', { collectionId: 'init3', name: 'Init3', attributes: [{ key: 'z', type: 'polygon' }] });
    expectError(badType, 400, 'attribute_type_invalid');
  });
});
