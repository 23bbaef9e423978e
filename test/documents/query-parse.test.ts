/** The query parser on its own: limits are checked iteratively, so absurd nesting is a 400, never a RangeError. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { assertQueryShape, parseQueries } from '../../src/features/documents/query/parse.ts';

const isQueryInvalid = (e: unknown) => (e as { type?: string }).type === 'general_query_invalid';

describeLegs('documents: query parser', () => {
  test('a 9,000-deep `or` chain (far beyond any stack) is refused by the iterative depth check', () => {
    let deep: unknown = { method: 'equal', attribute: 'a', values: [1] };
    for (let i = 0; i < 9000; i++) deep = { method: 'or', values: [deep] };
    assert.throws(() => assertQueryShape(deep), (e: unknown) => isQueryInvalid(e) && /nested at most 3/.test((e as Error).message));
  });

  test('a 20 KB query string is refused by length before it is parsed', () => {
    let deep = '{"method":"equal","attribute":"a","values":[1]}';
    while (deep.length < 20_000) deep = `{"method":"or","values":[${deep}]}`;
    assert.throws(() => parseQueries([deep]), (e: unknown) => isQueryInvalid(e) && /4096/.test((e as Error).message));
  });

  test('deep plain JSON inside values is walked iteratively and refused as a value', () => {
    let nested: unknown = 1;
    for (let i = 0; i < 9000; i++) nested = [nested];
    assert.doesNotThrow(() => assertQueryShape({ method: 'equal', attribute: 'a', values: [nested] }), 'walked without recursion');
    assert.throws(() => parseQueries([JSON.stringify({ method: 'equal', attribute: 'a', values: [[[[1]]]] })]), (e: unknown) => isQueryInvalid(e) && /must be strings, numbers, booleans or null/.test((e as Error).message));
  });

  test('prototype keys are refused at any depth, and Object.prototype stays clean', () => {
    for (const raw of [
      '{"method":"equal","attribute":"a","values":[1],"__proto__":{"polluted":true}}',
      '{"method":"or","values":[{"method":"equal","attribute":"a","values":[{"constructor":{"prototype":{"polluted":true}}}]}]}',
      '{"method":"and","values":[{"method":"equal","attribute":"a","values":[1]},{"method":"equal","attribute":"b","prototype":1}]}',
    ]) {
      assert.throws(() => parseQueries([raw]), isQueryInvalid, raw);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('round trip: SDK-shaped queries parse into the expected AST', () => {
    const parsed = parseQueries([
      '{"method":"equal","attribute":"title","values":["a","b"]}',
      '{"method":"isNull","attribute":"x"}',
      '{"method":"select","values":["a","b"]}',
      '{"method":"orderDesc","attribute":""}',
      '{"method":"limit","values":[25]}',
      '{"method":"cursorAfter","values":["abc"]}',
      '{"method":"or","values":[{"method":"equal","attribute":"a","values":[1]},{"method":"lessThan","attribute":"b","values":[2]}]}',
      '{"method":"exists","values":["a","b"]}',
    ]);
    assert.deepEqual(parsed, [
      { method: 'equal', attribute: 'title', values: ['a', 'b'] },
      { method: 'isNull', attribute: 'x', values: [] },
      { method: 'select', attributes: ['a', 'b'] },
      { method: 'orderDesc', attribute: '' },
      { method: 'limit', value: 25 },
      { method: 'cursorAfter', documentId: 'abc' },
      { method: 'or', queries: [{ method: 'equal', attribute: 'a', values: [1] }, { method: 'lessThan', attribute: 'b', values: [2] }] },
      { method: 'exists', attributes: ['a', 'b'] },
    ]);
  });
});
