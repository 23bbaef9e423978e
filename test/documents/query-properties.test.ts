/**
 * Property-based check of the query language (fast-check, bounded runs, seed printed — rerun one
 * with FC_SEED=<seed>). Random schemas get random documents with random read permissions, in two
 * projects with the same database, collection and document IDs. Random query trees (depth ≤ 3) must
 * return exactly what the in-memory reference returns over the caller-visible documents of the
 * caller's own project, in order; hostile queries (unknown or internal attribute names, wrong value
 * types, injection text) must answer 400 — never 500, never another project's rows.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject } from '../support/fixtures.ts';
import { clientApi, keyApi, makeCollection, type Api, type AttributeSpec } from './support.ts';
import { matches, sortDocs, type Doc, type Json, type QueryJson } from './reference-filter.ts';

const SEED = Number(process.env.FC_SEED ?? (Date.now() % 2 ** 31));
const RUNS = 100;
console.log(`query-properties: fast-check seed ${SEED} (FC_SEED=${SEED} to replay)`);

type Kind = 'string' | 'integer' | 'double' | 'boolean' | 'strings' | 'integers' | 'bigint' | 'varchar' | 'text';
/** String-valued kinds: the same text operators, compared the same way (byte-exact). */
const TEXTUAL = new Set<Kind>(['string', 'varchar', 'text']);
interface Attr { key: string; kind: Kind }

const POOLS: Record<Kind, Json[]> = {
  string: ['a', 'ab', 'abc', 'b', 'B', 'a_c', 'a%c', 'zz', 'Zebra', '10', ''],
  strings: ['a', 'b', 'c', 'a_', '%'],
  integer: [-5, 0, 1, 2, 3, 7, 100],
  // The largest safe integers: the JSON plumbing of this test is plain numbers (exactness beyond is test/schema/column-types).
  bigint: [-9007199254740991, -5, 0, 3, 9007199254740990, 9007199254740991],
  varchar: ['a', 'ab', 'b', 'B', 'a_c', '%', ''],
  text: ['a', 'abc', 'b', 'Zebra', '10', 'a%c'],
  integers: [0, 1, 2, 3],
  double: [-1.5, 0, 0.25, 1, 2.5, 1e6],
  boolean: [true, false],
};
const FRAGMENTS = ['a', 'b', 'c', '_', '%', 'ab', 'Z', '0', ''];
const HOSTILE_NAMES = ['_tenant', '_uid', '_id', '$tenant', '$permissions', '__proto__', 'constructor', 'k0`; DROP TABLE x; --', "k0' OR '1'='1", 'K0_STRING', 'k0_string ', 'a.b', '', 'SLEEP(3)', 'main._tenant'];
const ROLES = ['read("any")', 'read("guests")', 'read("users")', 'read("user:someone")'];

function specOf(a: Attr): AttributeSpec {
  switch (a.kind) {
    case 'string': return ['string', { key: a.key, size: 16, required: false }];
    case 'strings': return ['string', { key: a.key, size: 8, required: false, array: true }];
    case 'integer': return ['integer', { key: a.key, required: false }];
    case 'integers': return ['integer', { key: a.key, required: false, array: true }];
    case 'double': return ['float', { key: a.key, required: false }];
    case 'boolean': return ['boolean', { key: a.key, required: false }];
    case 'bigint': return ['bigint', { key: a.key, required: false }];
    case 'varchar': return ['varchar', { key: a.key, size: 16, required: false }];
    case 'text': return ['text', { key: a.key, required: false }];
  }
}

const schemaArb = fc.uniqueArray(fc.constantFrom<Kind>('string', 'integer', 'double', 'boolean', 'strings', 'integers', 'string', 'bigint', 'varchar', 'text'), { minLength: 3, maxLength: 6, selector: (k) => k })
  .map((kinds) => kinds.map((kind, i): Attr => ({ key: `k${i}_${kind}`, kind })));

function docArb(schema: Attr[]): fc.Arbitrary<Doc> {
  const fields: Record<string, fc.Arbitrary<Json>> = {};
  for (const a of schema) {
    const pool = fc.constantFrom(...POOLS[a.kind]);
    const value = a.kind === 'strings' || a.kind === 'integers' ? fc.uniqueArray(pool, { maxLength: 3 }) as fc.Arbitrary<Json> : pool;
    fields[a.key] = fc.option(value, { nil: null, freq: 4 });
  }
  return fc.record({ data: fc.record(fields), perms: fc.subarray(ROLES) }).map(({ data, perms }) => ({ ...data, $permissions: perms }));
}

function leafArb(schema: Attr[]): fc.Arbitrary<QueryJson> {
  return fc.constantFrom(...schema).chain((a): fc.Arbitrary<QueryJson> => {
    const one = fc.constantFrom(...POOLS[a.kind]);
    const some = fc.uniqueArray(one, { minLength: 1, maxLength: 3 });
    const nulls = fc.constantFrom('isNull', 'isNotNull').map((method) => ({ method, attribute: a.key }));
    if (a.kind === 'strings' || a.kind === 'integers') {
      return fc.oneof(nulls, fc.record({ method: fc.constantFrom('contains', 'containsAny', 'containsAll', 'notContains'), attribute: fc.constant(a.key), values: some as fc.Arbitrary<Json[]> }));
    }
    const compare = fc.record({ method: fc.constantFrom('lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual'), attribute: fc.constant(a.key), values: one.map((v) => [v]) });
    const equality = fc.record({ method: fc.constantFrom('equal', 'notEqual'), attribute: fc.constant(a.key), values: some as fc.Arbitrary<Json[]> });
    const range = fc.record({ method: fc.constantFrom('between', 'notBetween'), attribute: fc.constant(a.key), values: fc.tuple(one, one).map(([x, y]) => [x, y]) });
    if (a.kind === 'boolean') return fc.oneof(nulls, equality);
    if (!TEXTUAL.has(a.kind)) return fc.oneof(nulls, equality, compare, range);
    const text = fc.record({
      method: fc.constantFrom('startsWith', 'endsWith', 'contains', 'notStartsWith', 'notEndsWith', 'notContains', 'containsAll'),
      attribute: fc.constant(a.key), values: fc.uniqueArray(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 2 }),
    });
    return fc.oneof(nulls, equality, compare, range, text);
  });
}

function treeArb(schema: Attr[], depth = 1): fc.Arbitrary<QueryJson> {
  if (depth >= 3) return leafArb(schema);
  const logical = fc.record({ method: fc.constantFrom('and', 'or'), values: fc.array(treeArb(schema, depth + 1), { minLength: 1, maxLength: 3 }) }) as unknown as fc.Arbitrary<QueryJson>;
  return fc.oneof({ weight: 3, arbitrary: leafArb(schema) }, { weight: 1, arbitrary: logical });
}

const hostileArb = (schema: Attr[]) => fc.oneof(
  fc.record({ method: fc.constantFrom('equal', 'startsWith', 'isNull', 'orderAsc', 'contains'), attribute: fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 12 })), values: fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 2 }) })
    .filter((q) => q.attribute !== '' && !schema.some((a) => a.key === q.attribute) && !['$id', '$sequence', '$createdAt', '$updatedAt'].includes(q.attribute)),
  // Wrong value types: text for numbers and booleans, numbers for strings.
  fc.constantFrom(...schema).map((a) => ({ method: 'equal', attribute: a.key, values: [(TEXTUAL.has(a.kind) || a.kind === 'strings' ? 1 : '1 OR 1=1') as Json] })),
  fc.record({ method: fc.constantFrom('regex', 'elemMatch', 'vectorDot', 'drop', '__proto__'), attribute: fc.constant(schema[0]!.key), values: fc.constant(['x'] as Json[]) }),
);

describeLegs('documents: query properties', (leg) => {
  let server: TestServer;
  const schemas = fc.sample(schemaArb, { seed: SEED, numRuns: 2 });
  const worlds: Array<{ schema: Attr[]; path: string; docs: Doc[]; key: Api; guest: Api }> = [];

  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    const owner = await newOwner(server);
    const [a, b] = [await newProject(server, owner), await newProject(server, owner)];
    for (let s = 0; s < schemas.length; s++) {
      const schema = schemas[s]!;
      const spec = { documentSecurity: true, attributes: schema.map(specOf) };
      const generated = fc.sample(docArb(schema), { seed: SEED + s, numRuns: 40 });
      const path = await makeCollection(keyApi(a), 'db', `c${s}`, spec);
      await makeCollection(keyApi(b), 'db', `c${s}`, spec);
      const withIds = generated.map((d, i) => ({ ...d, $id: `d${i}` }));
      const created = await keyApi(a)('POST', path, { documents: withIds });
      assert.equal(created.status, 201, created.text);
      // Project B: same IDs, different values — any leak shows up as a value mismatch.
      const other = await keyApi(b)('POST', path, { documents: withIds.map((d) => ({ $id: d.$id, $permissions: ['read("any")'] })) });
      assert.equal(other.status, 201, other.text);
      const docs = (created.body.documents as Doc[]);
      worlds.push({ schema, path, docs, key: keyApi(a), guest: clientApi(a) });
    }
  });

  test(`random query trees equal the in-memory reference (seed ${SEED})`, async () => {
    const caseArb = fc.nat({ max: worlds.length - 1 }).chain((w) => fc.record({
      world: fc.constant(w),
      filters: fc.array(treeArb(worlds[w]!.schema), { maxLength: 3 }),
      order: fc.option(fc.record({ attribute: fc.constantFrom(...worlds[w]!.schema.filter((a) => a.kind !== 'strings' && a.kind !== 'integers').map((a) => a.key)), dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') }), { nil: null }),
      limit: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
      guest: fc.boolean(),
    }));
    await fc.assert(fc.asyncProperty(caseArb, async (c) => {
      const world = worlds[c.world]!;
      const queries = c.filters.map((f) => JSON.stringify(f));
      if (c.order) queries.push(JSON.stringify({ method: c.order.dir === 'asc' ? 'orderAsc' : 'orderDesc', attribute: c.order.attribute }));
      queries.push(JSON.stringify({ method: 'limit', values: [c.limit ?? 5000] }));
      const res = await (c.guest ? world.guest : world.key)('GET', world.path, undefined, { queries });
      assert.equal(res.status, 200, `${queries.join(' ')} → ${res.text}`);
      const visible = world.docs.filter((d) => !c.guest || (d.$permissions as string[]).some((p) => p === 'read("any")' || p === 'read("guests")'));
      const matching = visible.filter((d) => c.filters.every((f) => matches(d, f)));
      const expected = sortDocs(matching, c.order).slice(0, c.limit ?? 5000);
      const got = res.body.documents as Doc[];
      assert.deepEqual(got.map((d) => d.$id), expected.map((d) => d.$id), queries.join(' '));
      assert.deepEqual(got, expected, 'whole documents, so a row of the other project with the same ID would differ');
      assert.equal(res.body.total, matching.length);
    }), { seed: SEED, numRuns: RUNS });
  });

  test(`hostile queries answer 400, never 500 (seed ${SEED})`, async () => {
    const caseArb = fc.nat({ max: worlds.length - 1 }).chain((w) => fc.record({ world: fc.constant(w), bad: hostileArb(worlds[w]!.schema), good: fc.array(treeArb(worlds[w]!.schema), { maxLength: 1 }), guest: fc.boolean() }));
    await fc.assert(fc.asyncProperty(caseArb, async (c) => {
      const world = worlds[c.world]!;
      const queries = [...c.good.map((g) => JSON.stringify(g)), JSON.stringify(c.bad)];
      const res = await (c.guest ? world.guest : world.key)('GET', world.path, undefined, { queries });
      assert.equal(res.status, 400, `${queries.join(' ')} → ${res.text}`);
      assert.match(res.body.type, /^general_(query|argument)_invalid$/);
      assert.doesNotMatch(res.text, /SQLITE_|ER_[A-Z_]{3,}|knex|select `/, 'no driver text');
    }), { seed: SEED, numRuns: RUNS });
  });
});
