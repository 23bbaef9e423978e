/**
 * Every supported query method against a small fixed data set, on both backends; cursors, select,
 * total; and the refusals: unknown attributes, unsupported methods, limits, prototype keys.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { expectError } from '../support/http.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import { ids, keyApi, makeCollection, q, type Api } from './support.ts';

const ROWS = [
  { $id: 'a', name: 'Apple pie', n: 1, price: 1.5, ok: true, at: '2026-01-01T00:00:00.000Z', tags: ['red', 'sweet'], nums: [1, 2] },
  { $id: 'b', name: 'banana_split', n: 2, price: 2.5, ok: false, at: '2026-02-01T00:00:00.000Z', tags: ['yellow', 'sweet'], nums: [2, 3] },
  { $id: 'c', name: 'Cherry 100%', n: 3, price: null, ok: true, at: '2026-03-01T00:00:00.000Z', tags: ['red'], nums: [] },
  { $id: 'd', name: 'date', n: 4, price: 4.5, ok: null, at: null, tags: null, nums: [4] },
  { $id: 'e', name: 'Elderberry wine', n: 5, price: 5.5, ok: false, at: '2026-05-01T00:00:00.000Z', tags: ['dark'], nums: [5, 1] },
];

describeLegs('documents: queries', (leg) => {
  let p: Project;
  let api: Api;
  let docs: string;
  const list = async (...queries: string[]) => api('GET', docs, undefined, { queries });
  const expectIds = async (queries: string[], expected: string[], sorted = true) => {
    const got = ids(await list(...queries));
    assert.deepEqual(sorted ? got.sort() : got, expected, queries.join(' '));
  };
  const expectInvalid = async (queries: string[], message?: RegExp) => {
    const res = await list(...queries);
    assert.equal(res.status, 400, `${queries.join(' ')} → ${res.text}`);
    assert.match(res.body.type, /general_query_invalid|general_argument_invalid/);
    if (message) assert.match(res.body.message, message);
  };

  const cleanup = useCleanup();
  before(async () => {
    ({ project: p } = await withProject(leg, cleanup));
    api = keyApi(p);
    docs = await makeCollection(api, 'db', 'food', {
      attributes: [
        ['string', { key: 'name', size: 64, required: true }],
        ['integer', { key: 'n', required: true }],
        ['float', { key: 'price', required: false }],
        ['boolean', { key: 'ok', required: false }],
        ['datetime', { key: 'at', required: false }],
        ['string', { key: 'tags', size: 16, required: false, array: true }],
        ['integer', { key: 'nums', required: false, array: true }],
        ['string', { key: 'body', size: 200, required: false }],
      ],
      indexes: [{ key: 'n_idx', type: 'key', attributes: ['n'] }, { key: 'body_ft', type: 'fulltext', attributes: ['body'] }],
    });
    for (const { $id, ...data } of ROWS) {
      const res = await api('POST', docs, { documentId: $id, data: { ...data, body: `${data.name} tasting notes` } });
      assert.equal(res.status, 201, res.text);
    }
  });

  test('comparisons, null checks, between', async () => {
    await expectIds([q('equal', 'n', [1, 3])], ['a', 'c']);
    await expectIds([q('equal', 'name', ['date'])], ['d']);
    await expectIds([q('equal', 'name', ['DATE'])], [], true);
    await expectIds([q('notEqual', 'n', [1, 3])], ['b', 'd', 'e']);
    await expectIds([q('lessThan', 'n', [3])], ['a', 'b']);
    await expectIds([q('lessThanEqual', 'n', [3])], ['a', 'b', 'c']);
    await expectIds([q('greaterThan', 'price', [2.5])], ['d', 'e']);
    await expectIds([q('greaterThanEqual', 'price', [2.5])], ['b', 'd', 'e']);
    await expectIds([q('between', 'n', [2, 4])], ['b', 'c', 'd']);
    await expectIds([q('notBetween', 'n', [2, 4])], ['a', 'e']);
    await expectIds([q('isNull', 'price')], ['c']);
    await expectIds([q('isNotNull', 'ok')], ['a', 'b', 'c', 'e']);
    await expectIds([q('equal', 'ok', [true])], ['a', 'c']);
    await expectIds([q('greaterThan', 'at', ['2026-02-01T00:00:00.000+00:00'])], ['c', 'e']);
    await expectIds([q('lessThan', '$createdAt', ['2999-01-01T00:00:00Z'])], ['a', 'b', 'c', 'd', 'e']);
    await expectIds([q('equal', '$id', ['b', 'e'])], ['b', 'e']);
    await expectIds([q('exists', undefined, ['price', 'at'])], ['a', 'b', 'e']);
    await expectIds([q('notExists', undefined, ['tags'])], ['d']);
  });

  test('strings: wildcards are literal, matching is case-sensitive', async () => {
    await expectIds([q('startsWith', 'name', ['Apple'])], ['a']);
    await expectIds([q('startsWith', 'name', ['apple'])], []);
    await expectIds([q('endsWith', 'name', ['100%'])], ['c']);
    await expectIds([q('contains', 'name', ['_'])], ['b']);
    await expectIds([q('contains', 'name', ['%'])], ['c']);
    await expectIds([q('contains', 'name', ['a_s'])], ['b']);
    await expectIds([q('contains', 'name', ['a%s'])], []);
    await expectIds([q('notStartsWith', 'name', ['A', 'b'])], ['c', 'd', 'e']);
    await expectIds([q('notEndsWith', 'name', ['e'])], ['b', 'c']);
    await expectIds([q('notContains', 'name', ['e'])], ['b']);
    await expectIds([q('containsAll', 'name', ['A', 'p'])], ['a']);
  });

  test('arrays: contains / containsAny / containsAll / notContains', async () => {
    await expectIds([q('contains', 'tags', ['red'])], ['a', 'c']);
    await expectIds([q('containsAny', 'tags', ['yellow', 'dark'])], ['b', 'e']);
    await expectIds([q('containsAll', 'tags', ['red', 'sweet'])], ['a']);
    await expectIds([q('notContains', 'tags', ['sweet'])], ['c', 'e']);
    await expectIds([q('contains', 'nums', [1])], ['a', 'e']);
    await expectIds([q('containsAll', 'nums', [1, 2])], ['a']);
    await expectInvalid([q('equal', 'tags', ['red'])], /array/);
  });

  test('and / or nesting', async () => {
    const or = JSON.stringify({ method: 'or', values: [JSON.parse(q('equal', 'n', [1])), JSON.parse(q('greaterThan', 'n', [4]))] });
    await expectIds([or], ['a', 'e']);
    const nested = JSON.stringify({ method: 'and', values: [JSON.parse(or), JSON.parse(q('equal', 'ok', [false]))] });
    await expectIds([nested], ['e']);
    await expectIds([or, q('equal', 'ok', [true])], ['a']);
  });

  test('search needs a fulltext index; notSearch', async () => {
    await expectInvalid([q('search', 'name', ['apple'])], /^Searching by attribute "name" requires a fulltext index\.$/);
    await expectIds([q('search', 'body', ['banana_split'])], ['b']);
    await expectIds([q('search', 'body', ['Elderberry'])], ['e']);
    await expectIds([q('notSearch', 'body', ['Elderberry'])], ['a', 'b', 'c', 'd']);
  });

  test('order, limit, offset, select, total', async () => {
    await expectIds([q('orderDesc', 'n')], ['e', 'd', 'c', 'b', 'a'], false);
    await expectIds([q('orderAsc', 'price')], ['c', 'a', 'b', 'd', 'e'], false);
    await expectIds([q('orderDesc', 'n'), q('limit', undefined, [2]), q('offset', undefined, [1])], ['d', 'c'], false);
    const page = await list(q('limit', undefined, [1]));
    assert.equal(page.body.total, 5);
    assert.equal(page.body.documents.length, 1);
    // `total` stays exact whether or not the page alone shows it (a short page skips the COUNT).
    for (const [limit, offset] of [[10, 0], [10, 3], [10, 7], [2, 4], [2, 0]] as Array<[number, number]>) {
      const res = await list(q('limit', undefined, [limit]), q('offset', undefined, [offset]));
      assert.equal(res.body.total, 5, `limit ${limit} offset ${offset}`);
      assert.equal(res.body.documents.length, Math.max(0, Math.min(limit, 5 - offset)));
    }
    const noTotal = await api('GET', docs, undefined, { queries: [q('limit', undefined, [1])], total: false });
    assert.equal(noTotal.body.total, 0);
    const sel = await list(q('select', undefined, ['name']), q('equal', '$id', ['a']));
    assert.deepEqual(Object.keys(sel.body.documents[0]), ['name', '$id', '$sequence', '$createdAt', '$updatedAt', '$permissions', '$databaseId', '$collectionId']);
    const random = ids(await list(q('orderRandom')));
    assert.deepEqual(random.sort(), ['a', 'b', 'c', 'd', 'e']);
  });

  test('cursors: keyset pages in both directions, unknown cursor', async () => {
    await expectIds([q('orderDesc', 'n'), q('cursorAfter', undefined, ['d']), q('limit', undefined, [2])], ['c', 'b'], false);
    await expectIds([q('orderDesc', 'n'), q('cursorBefore', undefined, ['b']), q('limit', undefined, [2])], ['d', 'c'], false);
    await expectIds([q('cursorAfter', undefined, ['c'])], ['d', 'e'], false);
    const missing = await list(q('cursorAfter', undefined, ['nope']));
    assert.equal(missing.status, 400);
    assert.equal(missing.body.type, 'general_cursor_not_found');
    const nullOrder = await list(q('orderAsc', 'price'), q('cursorAfter', undefined, ['c']));
    expectError(nullOrder, 400, 'database_query_order_null');
  });

  test('refusals: unknown attributes, unsupported methods, bad values', async () => {
    await expectInvalid([q('equal', 'nope', [1])], /^Invalid query: Attribute not found in schema: nope$/);
    for (const name of ['_tenant', '_uid', '$tenant', '__proto__', 'n`; DROP TABLE x; --', 'N', 'n ', '$permissions']) {
      await expectInvalid([q('equal', name, [1])], /Attribute not found in schema/);
      await expectInvalid([q('orderAsc', name)], /Attribute not found in schema/);
    }
    for (const method of ['regex', 'elemMatch', 'distanceLessThan', 'vectorDot', 'intersects']) {
      await expectInvalid([q(method, 'name', ['x'])], /not supported/);
    }
    await expectInvalid([q('bogus', 'name', ['x'])], /Method not valid/);
    await expectInvalid([q('equal', 'n', ['1'])], /must be an integer/);
    await expectInvalid([q('equal', 'n', [])], /at least one value/);
    await expectInvalid([q('between', 'n', [1])], /exactly 2 values/);
    await expectInvalid([q('startsWith', 'n', ['1'])], /not a string/);
    await expectInvalid(['not json'], /Syntax error/);
    await expectInvalid(['{"method":"equal","attribute":"n","values":[1],"__proto__":{"x":1}}'], /"__proto__" is not allowed/);
    await expectInvalid(['{"method":"equal","attribute":"n","values":[{"constructor":1}]}'], /"constructor" is not allowed/);
    await expectInvalid([q('limit', undefined, [5001])], /Limit/);
    await expectInvalid([q('limit', undefined, [-1])], /Limit/);
    await expectInvalid([q('offset', undefined, [1.5])], /Offset/);
  });

  test('limits: count, length, depth, values — checked before recursion', async () => {
    await expectIds(Array.from({ length: 100 }, () => q('greaterThan', 'n', [0])), ['a', 'b', 'c', 'd', 'e']);
    const tooMany = await list(...Array.from({ length: 101 }, () => q('greaterThan', 'n', [0])));
    assert.equal(tooMany.status, 400);
    await expectInvalid([q('equal', 'name', ['x'.repeat(4100)])]);
    await expectInvalid([q('equal', 'n', Array.from({ length: 101 }, (_, i) => i))], /at most 100 values/);
    await expectIds([q('equal', 'n', Array.from({ length: 100 }, (_, i) => i))], ['a', 'b', 'c', 'd', 'e']);
    const leaf = { method: 'equal', attribute: 'n', values: [1] };
    const depth3 = { method: 'or', values: [{ method: 'and', values: [leaf, leaf] }, leaf] };
    await expectIds([JSON.stringify(depth3)], ['a']);
    const depth4 = { method: 'or', values: [{ method: 'and', values: [{ method: 'or', values: [leaf] }] }] };
    await expectInvalid([JSON.stringify(depth4)], /nested at most 3/);
    // A deep `or` chain that still fits in 4 KB: refused by the iterative depth check, no recursion.
    let deep: unknown = leaf;
    for (let i = 0; i < 140; i++) deep = { method: 'or', values: [deep] };
    assert.ok(JSON.stringify(deep).length < 4096);
    await expectInvalid([JSON.stringify(deep)], /nested at most 3/);
    let deepSmall = '[1]';
    for (let i = 0; i < 1000; i++) deepSmall = `[${deepSmall}]`;
    await expectInvalid([`{"method":"equal","attribute":"n","values":${deepSmall}}`]);
  });
});
