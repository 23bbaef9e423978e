/**
 * Update operators (Appwrite 1.8+, `Operator.increment(1)` & co.) over HTTP on both APIs: every
 * operator with exact results from NULL starts and at its bounds, the parse and validation errors
 * (status, type, message), upsert and bulk update, create storing the operator text as-is,
 * concurrent increments and appends that all count, and node-appwrite 27's `Operator` helpers
 * through `Databases.updateDocument` and `TablesDB.updateRow`.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Client, Condition, Databases, Operator, Query, TablesDB } from 'node-appwrite';
import type { SqlEvent } from '../../src/db/connection.ts';
import { eq } from '../../src/db/filter.ts';
import { operationText, type ColumnOperation } from '../../src/db/operators-sql.ts';
import { projectDb } from '../support/raw-db.ts';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { TestServer } from '../support/server.ts';
import type { Project } from '../support/fixtures.ts';
import { expectError, expectStatus } from '../support/http.ts';
import { keyApi, makeCollection, type Api } from './support.ts';

/** An operator as the SDK sends it: the JSON text of `{method, values}`. */
const op = (method: string, values: unknown[] = []) => JSON.stringify({ method, values });

describe('operator SQL text', () => {
  const shapes = (secret: string, n: number): ColumnOperation[] => [
    { method: 'increment', by: n, bound: n * 10, integer: true },
    { method: 'multiply', by: -n, bound: n, integer: false },
    { method: 'power', by: n + 0.5, bound: n * 100, integer: true },
    { method: 'modulo', by: n, integer: false },
    { method: 'stringConcat', text: secret },
    { method: 'stringReplace', search: secret, replace: `${secret}2` },
    { method: 'arrayAppend', items: JSON.stringify([secret]) },
    { method: 'arrayInsert', index: n, item: JSON.stringify(secret) },
    { method: 'arrayRemove', items: 'text', keys: JSON.stringify([secret]) },
    { method: 'arrayFilter', items: 'number', condition: 'greaterThan', key: n },
    { method: 'dateAddDays', days: n },
  ];
  for (const dialect of ['mysql', 'sqlite'] as const) {
    test(`${dialect}: values are bound, never inlined; one text per shape; one value per placeholder`, () => {
      const a = shapes("x';DROP_evil", 3);
      const b = shapes('secretvalue', 7);
      for (let i = 0; i < a.length; i++) {
        const va: unknown[] = [];
        const vb: unknown[] = [];
        const ta = operationText('a1', a[i]!, dialect, va);
        const tb = operationText('a1', b[i]!, dialect, vb);
        assert.equal(ta, tb, `${a[i]!.method}: one text per shape`);
        assert.ok(!ta.includes('evil') && !tb.includes('secretvalue') && !/\b[37]\b/.test(ta), `${a[i]!.method}: values bound:\n${ta}`);
        assert.equal(va.length, (ta.match(/\?/g) ?? []).length, `${a[i]!.method}: one value per placeholder`);
      }
    });
  }
  test('unsafe column names are refused', () => {
    assert.throws(() => operationText('a1`; DROP TABLE x; --', { method: 'toggle' }, 'mysql', []), /unsafe column/);
  });
});

describeLegs('documents: update operators', (leg) => {
  let server: TestServer;
  let p: Project;
  let api: Api;
  let docs: string;

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project: p } = await withProject(leg, cleanup));
    api = keyApi(p);
    docs = await makeCollection(api, 'db', 'ops', {
      attributes: [
        ['integer', { key: 'count', required: false }],
        ['float', { key: 'score', required: false }],
        ['string', { key: 'title', size: 10, required: false }],
        ['string', { key: 'label', size: 64, required: false }],
        ['boolean', { key: 'flag', required: false }],
        ['datetime', { key: 'when', required: false }],
        ['string', { key: 'tags', size: 16, required: false, array: true }],
        ['integer', { key: 'nums', required: false, array: true }],
        ['boolean', { key: 'flags', required: false, array: true }],
        ['string', { key: 'group', size: 8, required: false }],
      ],
    });
  });

  /** PATCHes `data` onto `id`; answers the returned document after checking GET returns the same values. */
  async function patch(id: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = expectStatus(await api('PATCH', `${docs}/${id}`, { data }), 200);
    const got = expectStatus(await api('GET', `${docs}/${id}`), 200);
    for (const key of Object.keys(data)) assert.deepEqual(got.body[key], res.body[key], key);
    return res.body;
  }

  /** Creates `id` (with a group, since a create needs some data). */
  async function create(id: string, data: Record<string, unknown> = {}): Promise<void> {
    expectStatus(await api('POST', docs, { documentId: id, data: { group: 'x', ...data } }), 201);
  }

  test('numeric operators: NULL starts at 0, bounds keep the value (no clamp), landing on the bound applies', async () => {
    await create('n1');
    const steps: [string, unknown[], number][] = [
      ['increment', [5], 5],
      ['increment', [3, 10], 8],
      ['increment', [3, 10], 8], // 8 + 3 > 10: unchanged, not clamped to 10
      ['increment', [2, 10], 10], // exactly the max
      ['decrement', [4, 0], 6],
      ['decrement', [7, 0], 6],
      ['multiply', [3], 18],
      ['multiply', [2, 30], 18],
      ['multiply', [-1], -18],
      ['multiply', [-2, 30], -18], // -18 * -2 = 36 > 30
      ['divide', [3], -6],
      ['divide', [2, -2], -6], // -3 < -2
      ['modulo', [4], -2],
      ['power', [2], 4],
      ['power', [3, 50], 4], // 64 > 50
      ['power', [2, 16], 16],
      ['decrement', [20], -4],
    ];
    for (const [method, values, expected] of steps) {
      const doc = await patch('n1', { count: op(method, values) });
      assert.equal(doc.count, expected, `${method}(${values.join(', ')})`);
    }
    await create('n2');
    const floats: [string, unknown[], number][] = [
      ['multiply', [2], 0], ['increment', [1.5], 1.5], ['divide', [4], 0.375], ['power', [2], 0.140625],
      ['modulo', [0.125], 0.015625], ['decrement', [0.5], -0.484375], ['divide', [0.5, 0], -0.484375],
    ];
    for (const [method, values, expected] of floats) {
      assert.equal((await patch('n2', { score: op(method, values) })).score, expected, `${method}(${values.join(', ')})`);
    }
    // Past a DOUBLE, or undefined, with a max: unchanged (the SQL never computes the huge power).
    await create('n3', { score: 10, count: 3 });
    assert.equal((await patch('n3', { score: op('power', [1000, 100]) })).score, 10);
    assert.equal((await patch('n3', { score: op('multiply', [-1]) })).score, -10);
    assert.equal((await patch('n3', { score: op('power', [0.5, 100]) })).score, -10);
    assert.equal((await patch('n3', { count: op('divide', [2]) })).count, 2); // 1.5 rounds half away from zero
    const huge = await api('PATCH', `${docs}/n3`, { data: { score: op('power', [1000]) } });
    expectError(huge, 400, 'document_invalid_structure', 'Invalid document structure: Cannot apply power operator: would overflow maximum value of 1.7976931348623157e+308');
    const undefinedResult = await api('PATCH', `${docs}/n3`, { data: { score: op('power', [0.5]) } });
    expectError(undefinedResult, 400, 'document_invalid_structure', 'Invalid document structure: Cannot apply power operator: result is undefined');
  });

  test('integer overflow and underflow are refused; the whole update is then rolled back', async () => {
    await create('o1', { count: 2147483000, title: 'before' });
    const over = await api('PATCH', `${docs}/o1`, { data: { title: 'after', count: op('increment', [1000]) } });
    expectError(over, 400, 'document_invalid_structure', 'Invalid document structure: Cannot apply increment operator: would overflow maximum value of 2147483647');
    const under = await api('PATCH', `${docs}/o1`, { data: { count: op('multiply', [-2]) } });
    expectError(under, 400, 'document_invalid_structure', 'Invalid document structure: Cannot apply multiply operator: would underflow minimum value of -2147483648');
    const got = expectStatus(await api('GET', `${docs}/o1`), 200).body;
    assert.deepEqual([got.count, got.title], [2147483000, 'before']);
    // Within the max bound, the bound decides (unchanged), not the overflow check.
    assert.equal((await patch('o1', { count: op('increment', [1000, 2147483647]) })).count, 2147483000);
  });

  test('string, boolean and date operators', async () => {
    await create('s1', { when: '2024-01-31T10:00:00.123+00:00' });
    assert.equal((await patch('s1', { title: op('stringConcat', ['ab']) })).title, 'ab');
    assert.equal((await patch('s1', { title: op('stringConcat', ['cdb']) })).title, 'abcdb');
    assert.equal((await patch('s1', { title: op('stringReplace', ['b', 'XY']) })).title, 'aXYcdXY');
    const long = await api('PATCH', `${docs}/s1`, { data: { title: op('stringConcat', ['1234']) } });
    expectError(long, 400, 'document_invalid_structure', 'Invalid document structure: Cannot apply stringConcat operator: result would exceed maximum length of 10 characters');
    assert.equal((await patch('s1', { flag: op('toggle') })).flag, true);
    assert.equal((await patch('s1', { flag: op('toggle') })).flag, false);
    assert.equal((await patch('s1', { when: op('dateAddDays', [30]) })).when, '2024-03-01T10:00:00.123+00:00');
    assert.equal((await patch('s1', { when: op('dateSubDays', [60]) })).when, '2024-01-01T10:00:00.123+00:00');
    const farOff = await api('PATCH', `${docs}/s1`, { data: { when: op('dateAddDays', [3_000_000]) } });
    expectError(farOff, 400, 'document_invalid_structure', 'Invalid document structure: Cannot apply dateAddDays operator: result would be outside the years 0000 to 9999');
    const before = Date.now();
    const now = Date.parse(String((await patch('s1', { when: op('dateSetNow') })).when));
    assert.ok(now >= before - 2000 && now <= Date.now() + 2000, `dateSetNow gave ${now}, expected about ${before}`);
    // NULL: concat starts from '', replace and date arithmetic keep NULL.
    await create('s2');
    const nulls = await patch('s2', { label: op('stringReplace', ['a', 'b']), when: op('dateAddDays', [1]), title: op('stringConcat', ['x']) });
    assert.deepEqual([nulls.label, nulls.when, nulls.title], [null, null, 'x']);
  });

  test('array operators keep order and types; NULL starts as []', async () => {
    await create('a1');
    const steps: [string, unknown[], string[]][] = [
      ['arrayAppend', ['a', 'b'], ['a', 'b']],
      ['arrayPrepend', ['z'], ['z', 'a', 'b']],
      ['arrayInsert', [1, 'q'], ['z', 'q', 'a', 'b']],
      ['arrayAppend', ['a', 'A'], ['z', 'q', 'a', 'b', 'a', 'A']],
      ['arrayRemove', ['a'], ['z', 'q', 'b', 'A']], // every equal element; case-sensitive
      ['arrayAppend', [['b', 'q']], ['z', 'q', 'b', 'A', 'b', 'q']], // a list as the only value
      ['arrayUnique', [], ['z', 'q', 'b', 'A']],
      ['arrayIntersect', ['b', 'z', 'nope'], ['z', 'b']],
      ['arrayDiff', ['z'], ['b']],
      ['arrayInsert', [1, 'end'], ['b', 'end']], // index = length appends
      ['arrayFilter', ['equal', 'b'], ['b']],
      ['arrayFilter', ['notEqual', 'b'], []],
      ['arrayAppend', ['m', 'c', 'x'], ['m', 'c', 'x']],
      ['arrayFilter', ['greaterThan', 'c'], ['m', 'x']], // text arrays compare as text
    ];
    for (const [method, values, expected] of steps) {
      assert.deepEqual((await patch('a1', { tags: op(method, values) })).tags, expected, `${method}(${JSON.stringify(values)})`);
    }
    const outOfBounds = await api('PATCH', `${docs}/a1`, { data: { tags: op('arrayInsert', [4, 'x']) } });
    expectError(outOfBounds, 400, 'document_invalid_structure', 'Invalid document structure: Cannot apply arrayInsert operator: index 4 is out of bounds for array of length 2');

    await create('a2', { nums: [5, 1, 5, 10], flags: [true, false, true] });
    const numbers: [string, unknown[], number[]][] = [
      ['arrayFilter', ['greaterThan', 4], [5, 5, 10]],
      ['arrayUnique', [], [5, 10]],
      ['arrayRemove', [10], [5]],
      ['arrayAppend', [7, -3], [5, 7, -3]],
      ['arrayFilter', ['lessThanEqual', 5], [5, -3]],
      ['arrayFilter', ['greaterThanEqual', -3], [5, -3]],
      ['arrayFilter', ['lessThan', 0], [-3]],
      ['arrayFilter', ['isNotNull', null], [-3]],
      ['arrayFilter', ['isNull', null], []],
    ];
    for (const [method, values, expected] of numbers) {
      assert.deepEqual((await patch('a2', { nums: op(method, values) })).nums, expected, `${method}(${JSON.stringify(values)})`);
    }
    const booleans: [string, unknown[], boolean[]][] = [
      ['arrayRemove', [false], [true, true]],
      ['arrayUnique', [], [true]],
      ['arrayPrepend', [false], [false, true]],
      ['arrayInsert', [1, false], [false, false, true]],
      ['arrayDiff', [true], [false, false]],
    ];
    for (const [method, values, expected] of booleans) {
      assert.deepEqual((await patch('a2', { flags: op(method, values) })).flags, expected, `${method}(${JSON.stringify(values)})`);
    }
    // Stored as JSON booleans still: a contains query finds them.
    const found = expectStatus(await api('GET', docs, undefined, { queries: [Query.contains('flags', [false]), Query.equal('$id', 'a2')] }), 200);
    assert.deepEqual(found.body.documents.map((d: { $id: string }) => d.$id), ['a2']);

    await create('a3');
    const empty = await patch('a3', { tags: op('arrayRemove', ['x']), nums: op('arrayUnique'), flags: op('arrayAppend', [true]) });
    assert.deepEqual([empty.tags, empty.nums, empty.flags], [[], [], [true]]);
    const badItem = await api('PATCH', `${docs}/a3`, { data: { nums: op('arrayAppend', [3000000000]) } });
    expectError(badItem, 400, 'document_invalid_structure', 'Invalid document structure: Cannot apply arrayAppend operator: array items must be between -2147483648 and 2147483647');
    const tooMany = await api('PATCH', `${docs}/a3`, { data: { tags: op('arrayAppend', Array.from({ length: 10_001 }, () => 'x')) } });
    expectError(tooMany, 400, 'document_invalid_structure', 'Invalid document structure: Array size 10001 exceeds maximum allowed size of 10000 for array operations');
  });

  test('malformed operators → 400 general_bad_request (before the document is looked up)', async () => {
    await create('e1');
    const cases: [string, unknown, string][] = [
      ['count', JSON.stringify({ method: 'increment', values: 5 }), 'Invalid operator values. Must be an array, got integer'],
      ['count', JSON.stringify({ method: 'increment', values: 'x' }), 'Invalid operator values. Must be an array, got string'],
      ['tags', JSON.stringify({ method: 'arrayAppend', attribute: 7, values: [] }), 'Invalid operator attribute. Must be a string, got integer'],
      ['count', { method: 'increment', values: true }, 'Invalid operator values. Must be an array, got boolean'],
    ];
    for (const [key, value, why] of cases) {
      for (const id of ['e1', 'missing']) {
        const res = await api('PATCH', `${docs}/${id}`, { data: { [key]: value } });
        expectError(res, 400, 'general_bad_request', `Invalid operator for attribute "${key}": ${why}`);
      }
    }
    // An unknown method is no operator: the text is the value.
    assert.equal((await patch('e1', { label: op('explode', [1]) })).label, op('explode', [1]));
    // A decoded {method, values} object is an operator too.
    assert.equal((await patch('e1', { count: { method: 'increment', values: [4] } })).count, 4);
  });

  test('operators that do not fit their attribute → 400 document_invalid_structure with utopia\'s messages', async () => {
    await create('v1');
    const cases: [string, string, unknown[], string][] = [
      ['title', 'increment', [1], "Cannot apply increment operator to non-numeric field 'title'"],
      ['nums', 'power', [2], "Cannot apply power operator to non-numeric field 'nums'"],
      ['count', 'increment', ['x'], 'Cannot apply increment operator: value must be numeric, got string'],
      ['count', 'decrement', [], 'Cannot apply decrement operator: value must be numeric, got NULL'],
      ['count', 'divide', [0], 'Cannot apply divide operator: division by zero'],
      ['count', 'modulo', [0], 'Cannot apply modulo operator: modulo by zero'],
      ['count', 'increment', [1, 'max'], 'Cannot apply increment operator: max/min limit must be numeric, got string'],
      ['count', 'arrayAppend', ['a'], "Cannot apply arrayAppend operator to non-array field 'count'"],
      ['count', 'arrayIntersect', ['a'], "Cannot use arrayIntersect operator on non-array attribute 'count'"],
      ['count', 'arrayDiff', ['a'], "Cannot use arrayDiff operator on non-array attribute 'count'"],
      ['tags', 'arrayIntersect', [], 'arrayIntersect operator requires a non-empty array value'],
      ['tags', 'arrayRemove', [], 'Cannot apply arrayRemove operator: requires a value to remove'],
      ['tags', 'arrayInsert', [0], 'Cannot apply arrayInsert operator: requires exactly 2 values (index and value)'],
      ['tags', 'arrayInsert', [-1, 'a'], 'Cannot apply arrayInsert operator: index must be a non-negative integer'],
      ['tags', 'arrayFilter', ['contains', 'a'], "Invalid array filter condition 'contains'. Must be one of: equal, notEqual, greaterThan, greaterThanEqual, lessThan, lessThanEqual, isNull, isNotNull"],
      ['tags', 'arrayFilter', [1], 'Cannot apply arrayFilter operator: condition must be a string'],
      ['count', 'stringConcat', ['a'], "Cannot apply stringConcat operator to non-string field 'count'"],
      ['title', 'stringConcat', [1], 'Cannot apply stringConcat operator: requires a string value'],
      ['title', 'stringReplace', ['a'], 'Cannot apply stringReplace operator: requires exactly 2 string values (search and replace)'],
      ['title', 'toggle', [], "Cannot apply toggle operator to non-boolean field 'title'"],
      ['count', 'dateSetNow', [], "Cannot apply dateSetNow operator to non-datetime field 'count'"],
      ['when', 'dateAddDays', [1.5], 'Cannot apply dateAddDays operator: requires an integer number of days'],
      ['tags', 'arrayAppend', [1], 'Attribute "tags" has invalid type. Value must be a valid string and no longer than 16 chars'],
      ['nope', 'increment', [1], 'Unknown attribute: "nope"'],
    ];
    for (const [key, method, values, message] of cases) {
      const res = await api('PATCH', `${docs}/v1`, { data: { [key]: op(method, values) } });
      expectError(res, 400, 'document_invalid_structure', `Invalid document structure: ${message}`);
    }
    expectError(await api('PATCH', `${docs}/missing`, { data: { count: op('increment', [1]) } }), 404, 'document_not_found');
  });

  test('create stores an operator string as-is: a string attribute keeps the text, a number attribute refuses it', async () => {
    const text = op('increment', [1]);
    const created = expectStatus(await api('POST', docs, { documentId: 'c1', data: { label: text } }), 201);
    assert.equal(created.body.label, text);
    assert.equal(created.body.count, null);
    const refused = await api('POST', docs, { documentId: 'c2', data: { count: text } });
    expectError(refused, 400, 'document_invalid_structure', 'Invalid document structure: Attribute "count" has invalid type. Value must be a valid integer');
  });

  test('upsert: operators apply to an existing document, and to a new one from its initial values', async () => {
    await create('u1', { count: 10, tags: ['a'] });
    const updated = expectStatus(await api('PUT', `${docs}/u1`, { data: { count: op('increment', [5]), tags: op('arrayAppend', ['b']), title: 'up' } }), 200).body;
    assert.deepEqual([updated.count, updated.tags, updated.title], [15, ['a', 'b'], 'up']);
    const created = expectStatus(await api('PUT', `${docs}/u2`, { data: { count: op('increment', [5]), tags: op('arrayPrepend', ['x']), title: 'new' } }), 200).body;
    assert.deepEqual([created.count, created.tags, created.title], [5, ['x'], 'new']);
    assert.equal(created.$createdAt, created.$updatedAt);
    const got = expectStatus(await api('GET', `${docs}/u2`), 200).body;
    assert.deepEqual([got.count, got.tags], [5, ['x']]);
    const bulk = expectStatus(await api('PUT', docs, { documents: [{ $id: 'u1', count: op('multiply', [2]) }, { $id: 'u3', count: op('decrement', [1]) }] }), 200).body;
    assert.deepEqual(bulk.documents.map((d: { $id: string; count: number }) => [d.$id, d.count]), [['u1', 30], ['u3', -1]]);
  });

  test('bulk update applies the operators to every matched document, each from its own value', async () => {
    await create('b1', { group: 'g', count: 1, tags: ['x'] });
    await create('b2', { group: 'g', count: 10 });
    await create('b3', { group: 'h', count: 100 });
    const res = expectStatus(await api('PATCH', docs, { data: { count: op('increment', [2]), tags: op('arrayAppend', ['y']) }, queries: [Query.equal('group', 'g')] }), 200);
    const byId = Object.fromEntries(res.body.documents.map((d: { $id: string; count: number; tags: string[] }) => [d.$id, [d.count, d.tags]]));
    assert.deepEqual(byId, { b1: [3, ['x', 'y']], b2: [12, ['y']] });
    assert.equal(expectStatus(await api('GET', `${docs}/b3`), 200).body.count, 100);
    // One matched row that would overflow refuses the whole bulk update.
    await create('b4', { group: 'g', count: 2147483647 });
    const over = await api('PATCH', docs, { data: { count: op('increment', [1]) }, queries: [Query.equal('group', 'g')] });
    expectError(over, 400, 'document_invalid_structure', 'Invalid document structure: Cannot apply increment operator: would overflow maximum value of 2147483647');
    assert.equal(expectStatus(await api('GET', `${docs}/b1`), 200).body.count, 3);
  });

  test('concurrent increments all count; concurrent appends keep every element', async () => {
    await create('k1');
    const n = 16;
    const results = await Promise.all(Array.from({ length: n }, (_, i) =>
      api('PATCH', `${docs}/k1`, { data: { count: op('increment', [1]), tags: op('arrayAppend', [`e${i}`]) } })));
    for (const r of results) expectStatus(r, 200);
    const got = expectStatus(await api('GET', `${docs}/k1`), 200).body;
    assert.equal(got.count, n);
    assert.deepEqual([...got.tags].sort(), Array.from({ length: n }, (_, i) => `e${i}`).sort());
    // Each response saw its own write: the counts returned are exactly 1..n.
    assert.deepEqual(results.map((r) => r.body.count).sort((a: number, b: number) => a - b), Array.from({ length: n }, (_, i) => i + 1));
  });

  test('the SQL alone is atomic: concurrent UPDATEs with operator expressions and no row lock lose nothing', async () => {
    await create('raw1', { count: 1, tags: ['r'] });
    let update: SqlEvent | undefined;
    const stop = server.runtime.database.onSql((e) => { if (e.sql.startsWith('UPDATE') && /json/i.test(e.sql)) update = e; });
    try { await patch('raw1', { count: op('increment', [1]), tags: op('arrayAppend', ['s']) }); } finally { stop(); }
    assert.ok(update, 'the operator UPDATE was seen');
    const table = /^UPDATE `\w+_c(\d+)`/.exec(update.sql);
    const count = /`(a\d+)` = (?:CAST\()?ROUND\(COALESCE\(`a\d+`, 0\) \+ \?/.exec(update.sql);
    const tags = /`(a\d+)` = JSON_MERGE_PRESERVE|`(a\d+)` = \(SELECT json_group_array/.exec(update.sql);
    assert.ok(table && count && tags, update.sql);
    const tenant = update.origin?.tenant;
    assert.ok(typeof tenant === 'number', 'the UPDATE names its issuing project');
    const tdb = projectDb(server.runtime.database, tenant);
    const n = 20;
    // Straight to the compiled table, each statement on its own pooled connection: no SELECT … FOR UPDATE first.
    await Promise.all(Array.from({ length: n }, (_, i) => tdb.collection(Number(table[1])).docs.update(eq({ _uid: 'raw1' }), {}, [
      { column: count[1]!, operation: { method: 'increment', by: 1, integer: true } },
      { column: (tags[1] ?? tags[2])!, operation: { method: 'arrayAppend', items: JSON.stringify([`c${i}`]) } },
    ])));
    const got = expectStatus(await api('GET', `${docs}/raw1`), 200).body;
    assert.equal(got.count, 2 + n);
    assert.deepEqual([...got.tags].sort(), ['r', 's', ...Array.from({ length: n }, (_, i) => `c${i}`)].sort());
  });

  test('node-appwrite 27: Operator helpers through Databases.updateDocument and TablesDB.updateRow', async () => {
    const client = new Client().setEndpoint(`${server.url}/v1`).setProject(p.id).setKey(p.key);
    const databases = new Databases(client);
    const tables = new TablesDB(client);
    await create('sdk1', { count: 1, tags: ['a'], when: '2024-01-01T00:00:00.000+00:00' });
    const doc = await databases.updateDocument({
      databaseId: 'db', collectionId: 'ops', documentId: 'sdk1',
      data: { count: Operator.increment(4, 100), tags: Operator.arrayAppend(['b', 'c']), title: Operator.stringConcat('hi'), flag: Operator.toggle(), when: Operator.dateAddDays(1) },
    });
    assert.deepEqual([doc.count, doc.tags, doc.title, doc.flag, doc.when], [5, ['a', 'b', 'c'], 'hi', true, '2024-01-02T00:00:00.000+00:00']);
    const row = await tables.updateRow({
      databaseId: 'db', tableId: 'ops', rowId: 'sdk1',
      data: { count: Operator.multiply(3), tags: Operator.arrayFilter(Condition.NotEqual, 'b'), score: Operator.decrement(2.5), nums: Operator.arrayInsert(0, 9) },
    });
    assert.deepEqual([row.count, row.tags, row.score, row.nums], [15, ['a', 'c'], -2.5, [9]]);
    assert.equal(row.$tableId, 'ops');
    const upserted = await tables.upsertRow({ databaseId: 'db', tableId: 'ops', rowId: 'sdk1', data: { count: Operator.decrement(5, 0) } });
    assert.equal(upserted.count, 10);
    const bulk = await tables.updateRows({ databaseId: 'db', tableId: 'ops', data: { count: Operator.power(2) }, queries: [Query.equal('$id', 'sdk1')] });
    assert.deepEqual(bulk.rows.map((r) => r.count), [100]);
    // TablesDB names the structure error after rows; a malformed operator is a bad request on both APIs.
    const rows = '/tablesdb/db/tables/ops/rows/sdk1';
    const wrongType = await api('PATCH', rows, { data: { title: Operator.increment(1) } });
    expectError(wrongType, 400, 'row_invalid_structure');
    // (Appwrite keeps its legacy wording in both messages; the TablesDB layer rewords them for rows and columns.)
    assert.match(wrongType.body.message, /^Invalid (document|row) structure: Cannot apply increment operator to non-numeric field 'title'$/);
    const malformed = await api('PATCH', rows, { data: { count: JSON.stringify({ method: 'increment', values: 1 }) } });
    expectError(malformed, 400, 'general_bad_request');
    assert.match(malformed.body.message, /^Invalid operator for (attribute|column) "count": Invalid operator values\. Must be an array, got integer$/);
    const viaRest = expectStatus(await api('PATCH', rows, { data: { count: Operator.increment(1) } }), 200).body;
    assert.deepEqual([viaRest.$id, viaRest.$tableId, viaRest.count], ['sdk1', 'ops', 101]);
  });
});
