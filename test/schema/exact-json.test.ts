/**
 * Exact JSON (src/lib/exact-json.ts): the byte skip scan agrees with the regex on random text, the
 * exact parse keeps integers beyond 2^53 (and only integer literals), and the exact stringify writes
 * BigInts as literals.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesMayHoldBigIntegers, exactInteger, mayHoldBigIntegers, parseExact, parseExactForRelay, stringifyExact } from '../../src/lib/exact-json.ts';

test('the 16-digit skip scan over bytes equals /\\d{16}/ on the text', () => {
  const text = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 1, arbitrary: fc.constantFrom(...'a,"{}: é-.') }), { maxLength: 80 }).map((cs) => cs.join(''));
  fc.assert(fc.property(text, (s) => bytesMayHoldBigIntegers(Buffer.from(s)) === mayHoldBigIntegers(s)), { numRuns: 20_000 });
  assert.equal(bytesMayHoldBigIntegers(Buffer.from('{"n":1234567890123456}')), true);
  assert.equal(bytesMayHoldBigIntegers(Buffer.from('{"n":123456789012345}')), false);
});

test('parseExact: BigInt beyond ±(2^53 − 1), numbers otherwise; floats and exponents stay numbers', () => {
  const v = parseExact('{"a":9223372036854775807,"b":-9007199254740993,"c":9007199254740991,"d":1e20,"e":12345678901234567.5,"f":"12345678901234567"}') as Record<string, unknown>;
  assert.deepEqual(v, { a: 9223372036854775807n, b: -9007199254740993n, c: 9007199254740991, d: 1e20, e: Number('12345678901234567.5'), f: '12345678901234567' });
  assert.deepEqual(parseExact('[1,2]'), [1, 2]);
  assert.throws(() => parseExact('{"a":12345678901234567,'), SyntaxError);
});

test('stringifyExact and exactInteger write exact literals', () => {
  assert.equal(stringifyExact({ a: 9223372036854775807n, b: [-9007199254740993n, 5n], c: 1 }), '{"a":9223372036854775807,"b":[-9007199254740993,5],"c":1}');
  assert.equal(JSON.stringify({ n: exactInteger(-9223372036854775808n), m: exactInteger(42n) }), '{"n":-9223372036854775808,"m":42}');
  assert.equal(typeof exactInteger(42n), 'number');
  assert.throws(() => stringifyExact({ toJSON() { throw new TypeError('other'); } }), /other/);
});

test('parseExactForRelay: an event relayed between processes re-serialises its large integers exactly with a plain stringify', () => {
  const text = '{"payload":{"big":9223372036854775807,"list":[1,-9007199254740993],"safe":42,"text":"12345678901234567890"}}';
  const relayed = parseExactForRelay(text) as { payload: { safe: number } };
  assert.equal(JSON.stringify(relayed), text);
  assert.equal(relayed.payload.safe, 42);
  assert.deepEqual(parseExactForRelay('{"n":1}'), { n: 1 });
});
