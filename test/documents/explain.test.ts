/**
 * The plans of the main list shapes, from the backends themselves: the statements a list request
 * sends (captured from the driver) are run through EXPLAIN / EXPLAIN QUERY PLAN.
 * - No statement reads a whole document or `_perms` table.
 * - Every `_perms` access is index-only (its primary key or its `…_doc` index, both covering).
 * - The permission COUNT of a filtered list touches no document row: the candidates come from a
 *   covering index of the document table (it carries `_id`), each probed in `_perms` (MariaDB:
 *   `Using index` on both tables, no materialized subquery; SQLite: covering-index / primary-key SEARCHes).
 * The fixture holds guest-readable documents in every shape, so the visibility check has teeth.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import { clientApi, keyApi, makeCollection, q, type Api } from './support.ts';
import { projectDb, rawKnex } from '../support/raw-db.ts';

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
      // 1,200 documents per project, 12 categories; every fifth is readable by guests (20 per category).
      for (let batch = 0; batch < 12; batch++) {
        const documents = Array.from({ length: 100 }, (_, i) => {
          const n = batch * 100 + i;
          return { $id: `d${n}`, category: `c${n % 12}`, rank: n, $permissions: guestReadable(n) ? ['read("any")'] : [`read("user:u${n % 50}")`] };
        });
        const res = await keyApi(p)('POST', docs, { documents });
        assert.equal(res.status, 201, res.text);
      }
    }
    guest = clientApi(a);
    const project = await server.services.projects.resolve(a.id);
    const tdb = projectDb(server.runtime.database, project!.sequence);
    const meta = await server.services.collections.metaIn(tdb, 'db', 'items');
    ({ docs: docsTable, perms: permsTable } = tdb.collection(meta.sequence).names);
    if (leg.name === 'mariadb') await rawKnex(server.runtime.database).raw('ANALYZE TABLE ??, ??', [docsTable, permsTable]);
    else await rawKnex(server.runtime.database).raw('ANALYZE');
  });
  after(() => server.close());

  async function capture(run: () => Promise<unknown>): Promise<Captured[]> {
    const seen: Captured[] = [];
    const stop = server.runtime.database.onSql((e) => { if (/^select/i.test(e.sql) && e.sql.includes(`\`${docsTable}\``)) seen.push(e); });
    try { await run(); } finally { stop(); }
    return seen;
  }

  /**
   * What the backend's plan says is wrong with a statement (empty: nothing). `filtered`: the list
   * filters on an indexed attribute, so its COUNT must find the candidates in that covering index.
   */
  async function planProblems(statement: Captured, filtered: boolean): Promise<string[]> {
    const knex = rawKnex(server.runtime.database);
    const counting = filtered && /count\(\*\)/i.test(statement.sql);
    const problems: string[] = [];
    if (leg.name === 'mariadb') {
      const [rows] = (await knex.raw(`EXPLAIN ${statement.sql}`, statement.bindings as never)) as unknown as [Array<Record<string, unknown>>];
      for (const r of rows) {
        const line = JSON.stringify(r);
        // `Using index` (not `Using index condition`): the access read the index alone, no clustered row.
        const indexOnly = /\bUsing index\b(?! condition)/.test(String(r.Extra ?? ''));
        if (r.select_type === 'MATERIALIZED') problems.push(`materialized subquery: ${line}`);
        if (r.table !== docsTable && r.table !== permsTable) continue;
        if (r.type === 'ALL' || !r.key) problems.push(`full scan: ${line}`);
        if (r.table === permsTable && !(indexOnly && (r.key === 'PRIMARY' || r.key === `${permsTable}_doc`))) problems.push(`_perms access not index-only: ${line}`);
        if (counting && r.table === docsTable && !indexOnly) problems.push(`count reads document rows: ${line}`);
      }
      return problems;
    }
    const rows = (await knex.raw(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.bindings as never)) as Array<{ detail: string }>;
    for (const { detail } of rows) {
      const table = new RegExp(`^(SCAN|SEARCH) (${docsTable}|${permsTable})\\b`).exec(detail);
      if (!table) continue;
      // `SCAN t` (with or without an index) reads it all; `SEARCH t USING …` is an index lookup.
      if (table[1] === 'SCAN') problems.push(`full scan: ${detail}`);
      if (table[2] === permsTable && !/ USING (PRIMARY KEY|COVERING INDEX) /.test(detail)) problems.push(`_perms access not index-only: ${detail}`);
      if (counting && table[2] === docsTable && !/ USING COVERING INDEX /.test(detail)) problems.push(`count reads document rows: ${detail}`);
    }
    return problems;
  }

  test('permission-filtered lists and their exact totals: index-only permission checks, no full scans', async () => {
    const c3 = range(1200).filter((n) => n % 12 === 3 && guestReadable(n));
    const c0 = range(1200).filter((n) => n % 12 === 0 && guestReadable(n));
    const shapes: Array<{ queries: string[]; expect: number[]; total: number; counts: boolean }> = [
      // 20 readable in c3, default page of 25: the page shows everything, so no COUNT.
      { queries: [q('equal', 'category', ['c3'])], expect: c3, total: 20, counts: false },
      { queries: [q('equal', 'category', ['c3']), q('orderDesc', 'rank'), q('limit', undefined, [10])], expect: [...c3].reverse().slice(0, 10), total: 20, counts: true },
      // The same count as the shape above (orders and cursors are not part of it): the total cache answers it.
      { queries: [q('equal', 'category', ['c3']), q('orderDesc', 'rank'), q('cursorAfter', undefined, ['d975'])], expect: [...c3].reverse().filter((n) => n < 975), total: 20, counts: false },
      { queries: [q('equal', 'category', ['c0']), q('orderDesc', 'rank'), q('limit', undefined, [5])], expect: [...c0].reverse().slice(0, 5), total: 20, counts: true },
      // No attribute filter: the permission subquery alone selects (240 readable of 1,200).
      { queries: [q('limit', undefined, [5])], expect: range(1200).filter(guestReadable).slice(0, 5), total: 240, counts: true },
    ];
    for (const { queries, expect, total, counts } of shapes) {
      // The first list of each shape: a repeated one takes its total from the total cache (total-cache.ts).
      let res: Awaited<ReturnType<typeof guest>> | undefined;
      const statements = await capture(async () => { res = await guest('GET', docs, undefined, { queries }); });
      assert.equal(res!.status, 200, res!.text);
      assert.deepEqual(res!.body.documents.map((d: { $id: string }) => d.$id), expect.map((n) => `d${n}`), `guests see exactly the read("any") documents: ${queries.join(' ')}`);
      assert.equal(res!.body.total, total);
      const countStatements = statements.filter((st) => /count\(\*\)/i.test(st.sql));
      assert.equal(countStatements.length, counts ? 1 : 0, `COUNT statements for ${queries.join(' ')}`);
      assert.ok(statements.length > countStatements.length, 'the page statement was captured');
      for (const statement of statements) {
        assert.deepEqual(await planProblems(statement, queries.some((x) => JSON.parse(x).method === 'equal')), [], `plan of\n${statement.sql}`);
      }
    }
  });
});

function guestReadable(n: number): boolean {
  return n % 5 === 0;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
