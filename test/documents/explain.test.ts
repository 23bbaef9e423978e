/**
 * The main list shapes use the `(_tenant, …)` indexes on MariaDB: the statements a list request
 * sends (captured from the driver) are run through EXPLAIN, and any full table scan of the
 * document table or its `_perms` side table fails the test.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import { TenantDb } from '../../src/db/tenant-db.ts';
import { clientApi, keyApi, makeCollection, q, type Api } from './support.ts';

interface Captured { sql: string; bindings: readonly unknown[] }

describeLegs('documents: EXPLAIN of list queries', (leg) => {
  let server: TestServer;
  let a: Project;
  let docs: string;
  let guest: Api;
  let docsTable = '';
  let permsTable = '';

  before(async () => {
    server = await startServer(leg);
    const owner = await newOwner(server);
    a = await newProject(server, owner);
    const b = await newProject(server, owner);
    for (const p of [a, b]) {
      docs = await makeCollection(keyApi(p), 'db', 'items', {
        documentSecurity: true,
        attributes: [['string', { key: 'category', size: 16, required: false }], ['integer', { key: 'rank', required: false }]],
        indexes: [{ key: 'cat', type: 'key', attributes: ['category'] }, { key: 'cat_rank', type: 'key', attributes: ['category', 'rank'] }],
      });
      // 1,200 documents per project, 12 categories, a few readable by guests.
      for (let batch = 0; batch < 12; batch++) {
        const documents = Array.from({ length: 100 }, (_, i) => {
          const n = batch * 100 + i;
          return { $id: `d${n}`, category: `c${n % 12}`, rank: n, $permissions: n % 10 === 0 ? ['read("any")'] : [`read("user:u${n % 50}")`] };
        });
        const res = await keyApi(p)('POST', docs, { documents });
        assert.equal(res.status, 201, res.text);
      }
    }
    guest = clientApi(a);
    const project = await server.services.projects.resolve(a.id);
    const tdb = new TenantDb(server.runtime.database, project!.sequence);
    const meta = await server.services.collections.getMeta(tdb, 'db', 'items');
    ({ docs: docsTable, perms: permsTable } = tdb.collection(meta.sequence).names);
    if (leg.name === 'mariadb') await server.runtime.database.knex.raw('ANALYZE TABLE ??, ??', [docsTable, permsTable]);
    else await server.runtime.database.knex.raw('ANALYZE');
  });
  after(() => server.close());

  async function capture(run: () => Promise<unknown>): Promise<Captured[]> {
    const seen: Captured[] = [];
    const stop = server.runtime.database.onSql((e) => { if (/^select/i.test(e.sql) && e.sql.includes(`\`${docsTable}\``)) seen.push(e); });
    try { await run(); } finally { stop(); }
    return seen;
  }

  /** Table accesses that read a whole document or `_perms` table, from the backend's own plan output. */
  async function fullScans(statement: Captured): Promise<string[]> {
    const knex = server.runtime.database.knex;
    if (leg.name === 'mariadb') {
      const [rows] = (await knex.raw(`EXPLAIN ${statement.sql}`, statement.bindings as never)) as unknown as [Array<Record<string, unknown>>];
      return rows.filter((r) => (r.table === docsTable || r.table === permsTable) && (r.type === 'ALL' || !r.key)).map((r) => JSON.stringify(r));
    }
    const rows = (await knex.raw(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.bindings as never)) as Array<{ detail: string }>;
    // SQLite: `SEARCH t USING INDEX …` is an index lookup; `SCAN t` (with or without an index) reads it all.
    return rows.map((r) => r.detail).filter((d) => new RegExp(`^SCAN (${docsTable}|${permsTable})\\b`).test(d));
  }

  test('equality on an indexed attribute + permission subquery, ordered, with cursor: no full scans', async () => {
    const shapes: string[][] = [
      [q('equal', 'category', ['c3'])],
      [q('equal', 'category', ['c3']), q('orderDesc', 'rank'), q('limit', undefined, [10])],
      [q('equal', 'category', ['c3']), q('orderDesc', 'rank'), q('cursorAfter', undefined, ['d900'])],
      // c0 holds 20 guest-readable documents: a full page of 5, so the exact total needs its COUNT.
      [q('equal', 'category', ['c0']), q('orderDesc', 'rank'), q('limit', undefined, [5])],
    ];
    for (const queries of shapes) {
      const res = await guest('GET', docs, undefined, { queries });
      assert.equal(res.status, 200, res.text);
      assert.ok(res.body.documents.every((d: { $id: string }) => Number(d.$id.slice(1)) % 10 === 0), 'guests see only read("any") documents');
      const statements = await capture(() => guest('GET', docs, undefined, { queries }));
      // A page that shows everything (not full, no cursor) answers `total` without a COUNT.
      const fullPage = res.body.documents.length === 5;
      if (queries === shapes[3]) assert.ok(fullPage, 'the c0 shape fills its page of 5');
      assert.ok(statements.length >= (fullPage ? 2 : 1), fullPage ? 'list + count captured' : 'list captured');
      if (fullPage) assert.equal(res.body.total, 20);
      for (const statement of statements) {
        const scans = await fullScans(statement);
        assert.deepEqual(scans, [], `full table scan in\n${statement.sql}`);
      }
    }
  });
});
