/**
 * Document CRUD over HTTP with an API key: the response model, input validation and system-field
 * stripping, upsert, delete, increment/decrement bounds, bulk operations, conflicts.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import { ids, keyApi, makeCollection, q, type Api } from './support.ts';
import { expectError, expectStatus } from '../support/http.ts';

describeLegs('documents: CRUD', (leg) => {
  let server: TestServer;
  let p: Project;
  let api: Api;
  let docs: string;

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project: p } = await withProject(leg, cleanup));
    api = keyApi(p);
    docs = await makeCollection(api, 'db', 'movies', {
      attributes: [
        ['string', { key: 'title', size: 64, required: true }],
        ['integer', { key: 'year', required: false, min: 1800, max: 2100 }],
        ['float', { key: 'rating', required: false, default: 5.5 }],
        ['boolean', { key: 'seen', required: false, default: false }],
        ['datetime', { key: 'released', required: false }],
        ['email', { key: 'contact', required: false }],
        ['enum', { key: 'genre', required: false, elements: ['drama', 'comedy'] }],
        ['string', { key: 'tags', size: 16, required: false, array: true }],
        ['integer', { key: 'views', required: false, min: 0, max: 10 }],
        ['string', { key: 'slug', size: 32, required: false }],
      ],
      indexes: [{ key: 'slug_unique', type: 'unique', attributes: ['slug'] }],
    });
  });

  test('create → the Appwrite Document model, with defaults and typed values', async () => {
    const res = await api('POST', docs, {
      documentId: 'm1', data: { title: 'Alien', year: 1979, released: '1979-05-25T00:00:00.000Z', tags: ['space', 'horror'] },
      permissions: ['read("any")', 'write("users")'],
    });
    assert.equal(res.status, 201, res.text);
    const d = res.body;
    assert.deepEqual(Object.keys(d), ['title', 'year', 'rating', 'seen', 'released', 'contact', 'genre', 'tags', 'views', 'slug', '$id', '$sequence', '$createdAt', '$updatedAt', '$permissions', '$databaseId', '$collectionId']);
    assert.equal(d.title, 'Alien');
    assert.equal(d.year, 1979);
    assert.equal(d.rating, 5.5);
    assert.equal(d.seen, false);
    assert.equal(d.released, '1979-05-25T00:00:00.000+00:00');
    assert.deepEqual(d.tags, ['space', 'horror']);
    assert.equal(d.contact, null);
    assert.equal(d.$id, 'm1');
    assert.match(d.$sequence, /^\d+$/);
    assert.match(d.$createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    assert.deepEqual(d.$permissions, ['read("any")', 'update("users")', 'delete("users")']);
    assert.equal(d.$databaseId, 'db');
    assert.equal(d.$collectionId, 'movies');
    const got = await api('GET', `${docs}/m1`);
    assert.deepEqual(got.body, d);
  });

  test('unique() IDs, system fields stripped, _tenant and unknown attributes refused', async () => {
    const res = await api('POST', docs, { documentId: 'unique()', data: { title: 'X', $id: 'evil', $sequence: 999999, $databaseId: 'other', $collectionId: 'other', $permissions: ['read("any")'] } });
    assert.equal(res.status, 201, res.text);
    assert.match(res.body.$id, /^[0-9a-f]{20}$/);
    assert.notEqual(res.body.$sequence, '999999');
    assert.equal(res.body.$databaseId, 'db');
    assert.deepEqual(res.body.$permissions, []);
    for (const key of ['_tenant', '$tenant', '_uid', '_id', 'TITLE', 'title ', '_permissions']) {
      const bad = await api('POST', docs, { documentId: 'unique()', data: { title: 'Y', [key]: 1 } });
      assert.equal(bad.status, 400, key);
      assert.equal(bad.body.type, 'document_invalid_structure');
      assert.equal(bad.body.message, `Invalid document structure: Unknown attribute: "${key}"`);
    }
    const raw = '{"documentId":"pp","data":{"title":"a","__proto__":{"admin":true}}}';
    const proto = await fetch(`${server.url}/v1${docs}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-appwrite-project': p.id, 'x-appwrite-key': p.key }, body: raw });
    assert.equal(proto.status, 400);
    assert.equal(({} as Record<string, unknown>).admin, undefined);
  });

  test('structure errors use utopia\'s messages', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ year: 2000 }, 'Missing required attribute "title"'],
      [{ title: 5 }, 'Attribute "title" has invalid type. Value must be a valid string and no longer than 64 chars'],
      [{ title: 'x'.repeat(65) }, 'Attribute "title" has invalid type. Value must be a valid string and no longer than 64 chars'],
      [{ title: 't', year: 1.5 }, 'Attribute "year" has invalid type. Value must be a valid integer'],
      [{ title: 't', year: 1700 }, 'Attribute "year" has invalid format. Value must be a valid range between 1800 and 2100'],
      [{ title: 't', tags: 'a' }, 'Attribute "tags" must be an array'],
      [{ title: 't', contact: 'nope' }, 'Attribute "contact" has invalid format. Value must be a valid email address'],
      [{ title: 't', genre: 'horror' }, 'Attribute "genre" has invalid format. Value must be one of (drama, comedy)'],
      [{ title: 't', seen: 'yes' }, 'Attribute "seen" has invalid type. Value must be a valid boolean'],
    ];
    for (const [data, message] of cases) {
      const res = await api('POST', docs, { documentId: 'unique()', data });
      assert.equal(res.status, 400, JSON.stringify(data));
      assert.equal(res.body.type, 'document_invalid_structure');
      assert.equal(res.body.message, `Invalid document structure: ${message}`);
    }
  });

  test('create errors: missing data, missing ID, both data and documents, duplicate ID, unique index', async () => {
    expectError(await api('POST', docs, { documentId: 'x1' }), 400, 'document_missing_data');
    expectError(await api('POST', docs, { data: { title: 'a' } }), 400, 'document_missing_data', 'Document ID is required when creating a single document.');
    expectError(await api('POST', docs, { documentId: 'x', data: { title: 'a' }, documents: [] }), 400, 'general_bad_request');
    assert.equal((await api('POST', docs, { documentId: 'dup', data: { title: 'a', slug: 's1' } })).status, 201);
    const dup = await api('POST', docs, { documentId: 'dup', data: { title: 'b' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.type, 'document_already_exists');
    const uniq = await api('POST', docs, { documentId: 'dup2', data: { title: 'b', slug: 's1' } });
    assert.equal(uniq.status, 409);
    assert.equal(uniq.body.type, 'document_unique_constraint_violation');
    assert.equal((await api('GET', `${docs}/dup2`)).status, 404, 'nothing written');
    const perm = await api('POST', docs, { documentId: 'p1', data: { title: 'a' }, permissions: ['create("any")'] });
    assert.equal(perm.status, 400);
    assert.equal(perm.body.type, 'general_argument_invalid');
  });

  test('get with select; update, upsert, delete', async () => {
    expectStatus(await api('POST', docs, { documentId: 'u1', data: { title: 'Old', year: 2000 } }), 201);
    const sel = await api('GET', `${docs}/u1`, undefined, { queries: [q('select', undefined, ['title'])] });
    assert.equal(sel.status, 200, sel.text);
    assert.equal(sel.body.title, 'Old');
    assert.ok(!('year' in sel.body));
    assert.equal(sel.body.$id, 'u1');
    const notSelect = await api('GET', `${docs}/u1`, undefined, { queries: [q('limit', undefined, [1])] });
    expectError(notSelect, 400, 'general_query_invalid');

    expectError(await api('PATCH', `${docs}/u1`, {}), 400, 'document_missing_payload');
    expectError(await api('PATCH', `${docs}/u1`, { data: {} }), 400, 'document_missing_payload');
    const staged = await api('PATCH', `${docs}/u1`, { data: { year: 1990 }, transactionId: 'tx1' });
    expectError(staged, 404, 'transaction_not_found'); // an unknown transaction: nothing staged, nothing applied
    assert.equal((await api('GET', `${docs}/u1`)).body.year, 2000);
    const upd = await api('PATCH', `${docs}/u1`, { data: { year: 2001 }, permissions: ['read("users")'] });
    assert.equal(upd.status, 200, upd.text);
    assert.equal(upd.body.title, 'Old');
    assert.equal(upd.body.year, 2001);
    assert.deepEqual(upd.body.$permissions, ['read("users")']);
    assert.ok(upd.body.$updatedAt >= upd.body.$createdAt);
    expectError(await api('PATCH', `${docs}/u1`, { data: { title: null } }), 400, 'document_invalid_structure');
    assert.equal((await api('PATCH', `${docs}/nope`, { data: { year: 2001 } })).status, 404);

    const created = await api('PUT', `${docs}/up1`, { data: { title: 'New' } });
    assert.equal(created.status, 200, created.text);
    assert.equal(created.body.title, 'New');
    const updated = await api('PUT', `${docs}/up1`, { data: { year: 1999 } });
    assert.equal(updated.body.title, 'New');
    assert.equal(updated.body.year, 1999);
    assert.equal(updated.body.$sequence, created.body.$sequence);

    const del = await api('DELETE', `${docs}/up1`);
    assert.equal(del.status, 204);
    assert.equal(del.text, '');
    assert.equal((await api('GET', `${docs}/up1`)).status, 404);
    expectError(await api('DELETE', `${docs}/up1`), 404, 'document_not_found');
  });

  test('increment / decrement: bounds, attribute checks, exact under concurrency', async () => {
    expectStatus(await api('POST', docs, { documentId: 'c1', data: { title: 'c', views: 0 } }), 201);
    const inc = await api('PATCH', `${docs}/c1/views/increment`, { value: 2 });
    assert.equal(inc.status, 200, inc.text);
    assert.equal(inc.body.views, 2);
    expectError(await api('PATCH', `${docs}/c1/views/increment`, { value: 5, max: 6 }), 400, 'attribute_limit_exceeded', 'databases "views" has reached the maximum value of 6');
    assert.equal((await api('PATCH', `${docs}/c1/views/increment`, { value: 9 })).status, 400, 'the attribute max (10) bounds too');
    const dec = await api('PATCH', `${docs}/c1/views/decrement`, { min: 0 });
    assert.equal(dec.body.views, 1);
    expectError(await api('PATCH', `${docs}/c1/views/decrement`, { value: 2, min: 0 }), 400, 'attribute_limit_exceeded', 'databases "views" has reached the minimum value of 0');
    expectError(await api('PATCH', `${docs}/c1/title/increment`, {}), 400, 'attribute_type_invalid');
    expectError(await api('PATCH', `${docs}/c1/nope/increment`, {}), 404, 'attribute_not_found');
    expectError(await api('PATCH', `${docs}/zz/views/increment`, {}), 404, 'document_not_found');

    expectStatus(await api('POST', docs, { documentId: 'c2', data: { title: 'c' } }), 201);
    const results = await Promise.all(Array.from({ length: 12 }, () => api('PATCH', `${docs}/c2/views/increment`, { value: 1 })));
    assert.equal(results.filter((r) => r.status === 200).length, 10, 'exactly max successes');
    assert.ok(results.every((r) => r.status === 200 || r.body.type === 'attribute_limit_exceeded'));
    assert.equal((await api('GET', `${docs}/c2`)).body.views, 10);
  });

  test('bulk create / upsert / update / delete are atomic and key-only', async () => {
    const bulkDocs = await makeCollection(api, 'db', 'bulk', {
      attributes: [['string', { key: 'name', size: 32, required: true }], ['integer', { key: 'n', required: false }]],
      permissions: ['create("any")', 'read("any")'],
    });
    const created = await api('POST', bulkDocs, { documents: [{ $id: 'b1', name: 'one', n: 1 }, { $id: 'b2', name: 'two', n: 2, $permissions: ['read("users")'] }, { name: 'three', n: 3 }] });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.total, 3);
    assert.deepEqual(created.body.documents[1].$permissions, ['read("users")']);
    const bad = await api('POST', bulkDocs, { documents: [{ $id: 'b4', name: 'four' }, { $id: 'b5' }] });
    assert.equal(bad.status, 400);
    assert.equal((await api('GET', `${bulkDocs}/b4`)).status, 404, 'all-or-nothing');
    const dupBatch = await api('POST', bulkDocs, { documents: [{ $id: 'b6', name: 'six' }, { $id: 'b1', name: 'again' }] });
    assert.equal(dupBatch.status, 409);
    assert.equal((await api('GET', `${bulkDocs}/b6`)).status, 404, 'all-or-nothing');
    const tooMany = await api('POST', bulkDocs, { documents: Array.from({ length: 101 }, (_, i) => ({ $id: `m${i}`, name: 'x' })) });
    assert.equal(tooMany.status, 400);

    const ups = await api('PUT', bulkDocs, { documents: [{ $id: 'b1', n: 10 }, { $id: 'b7', name: 'seven', n: 7 }] });
    assert.equal(ups.status, 200, ups.text);
    assert.deepEqual(ups.body.documents.map((d: { name: string; n: number }) => [d.name, d.n]), [['one', 10], ['seven', 7]]);

    const upd = await api('PATCH', bulkDocs, { data: { n: 0 }, queries: [q('greaterThan', 'n', [5])] });
    assert.equal(upd.status, 200, upd.text);
    assert.deepEqual(upd.body.documents.map((d: { $id: string }) => d.$id).sort(), ['b1', 'b7']);
    assert.ok(upd.body.documents.every((d: { n: number }) => d.n === 0));

    const del = await api('DELETE', bulkDocs, { queries: [q('equal', 'n', [0])] });
    assert.equal(del.status, 200, del.text);
    assert.equal(del.body.total, 2);
    assert.deepEqual(ids(await api('GET', bulkDocs, undefined, { queries: [q('orderAsc', 'n')] })).length, 2);

    const guest = await p.call('POST', bulkDocs, { project: p.id, body: { documents: [{ name: 'g' }] } });
    assert.equal(guest.status, 401);
    assert.equal(guest.body.type, 'general_unauthorized_scope');
    const guestDelete = await p.call('DELETE', bulkDocs, { project: p.id, body: { queries: [] } });
    assert.equal(guestDelete.status, 401);
  });
});
