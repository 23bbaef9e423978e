/**
 * Compiled document statements: one SQL text per query shape, values only ever bound, the tenant
 * predicate first with the caller's condition grouped after it, and every statement seen by the
 * `onSql` hook (so by the tenant guard) — checked on the SQL compiler itself and on what a running
 * server sends for document requests, on both legs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SqlEvent } from '../../src/db/connection.ts';
import type { Condition } from '../../src/db/filter.ts';
import { conditionText } from '../../src/db/sql-text.ts';
import { describeLegs } from '../support/describe-legs.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { projectDb } from '../support/raw-db.ts';
import { checkStatement } from '../support/sql-guard.ts';
import { clientApi, keyApi, makeCollection, q, type Api } from '../documents/support.ts';

const PERMS = { table: 'tt_c1_perms', tenant: 7 };

function text(c: Condition, dialect: 'mysql' | 'sqlite' = 'mysql'): { sql: string | null; values: unknown[] } {
  const values: unknown[] = [];
  return { sql: conditionText(c, { dialect, perms: PERMS }, values), values };
}

describe('SQL text of conditions', () => {
  const shapes: Array<[string, (v: string) => Condition]> = [
    ['cmp', (v) => ({ kind: 'cmp', column: 'a1', op: '>', value: v })],
    ['in', (v) => ({ kind: 'in', column: 'a1', values: [v, `${v}2`] })],
    ['between', (v) => ({ kind: 'between', column: 'a1', low: v, high: `${v}z` })],
    ['like', (v) => ({ kind: 'like', column: 'a1', text: v, anchor: 'contains' })],
    ['jsonHas', (v) => ({ kind: 'jsonHas', column: 'a2', values: [v], mode: 'any' })],
    ['search', (v) => ({ kind: 'search', column: 'a3', text: v })],
    ['permitted', (v) => ({ kind: 'permitted', action: 'read', roles: [`user:${v}`, 'any'] })],
    ['or/not', (v) => ({ kind: 'or', conditions: [{ kind: 'not', condition: { kind: 'cmp', column: 'a1', op: '=', value: v } }, { kind: 'null', column: 'a2' }] })],
  ];

  for (const dialect of ['mysql', 'sqlite'] as const) {
    test(`${dialect}: the same shape gives the same text, and no value ever appears in it`, () => {
      for (const [name, make] of shapes) {
        // (One word each: on SQLite a search's word count is part of its shape.)
        const a = text(make("x';DROP_evil"), dialect);
        const b = text(make('secretvalue'), dialect);
        assert.ok(a.sql, name);
        assert.equal(a.sql, b.sql, `${name}: one text per shape`);
        assert.ok(!a.sql!.includes('evil') && !b.sql!.includes('secretvalue'), `${name}: values are bound, never inlined:\n${a.sql}`);
        assert.equal(a.values.length, (a.sql!.match(/\?/g) ?? []).length, `${name}: one value per placeholder`);
        assert.ok(b.values.some((v) => String(v).includes('secretvalue')), `${name}: the value is bound`);
      }
    });
  }

  test('different shapes give different texts; the permission subquery carries its own tenant predicate', () => {
    const texts = new Set(shapes.map(([, make]) => text(make('v')).sql));
    assert.equal(texts.size, shapes.length);
    assert.notEqual(text({ kind: 'in', column: 'a1', values: ['a'] }).sql, text({ kind: 'in', column: 'a1', values: ['a', 'b'] }).sql);
    assert.notEqual(text({ kind: 'cmp', column: 'a1', op: '=', value: 'a' }).sql, text({ kind: 'cmp', column: 'a1', op: '=', value: null }).sql);
    const permitted = text({ kind: 'permitted', action: 'update', roles: ['any'] });
    assert.equal(permitted.sql, '`_id` IN (SELECT `_document` FROM `tt_c1_perms` WHERE `_tenant` = ? AND `_type` = ? AND `_permission` IN (?))');
    assert.deepEqual(permitted.values, [7, 'update', 'any']);
  });

  test('edge shapes: always-true parts drop out, empty lists never match, unsafe columns are refused', () => {
    assert.equal(text({ kind: 'true' }).sql, null);
    assert.equal(text({ kind: 'and', conditions: [{ kind: 'true' }, { kind: 'null', column: 'a1' }] }).sql, '(`a1` IS NULL)');
    assert.equal(text({ kind: 'or', conditions: [{ kind: 'true' }, { kind: 'cmp', column: 'a1', op: '=', value: 1 }] }).sql, null);
    assert.deepEqual(text({ kind: 'or', conditions: [{ kind: 'cmp', column: 'a1', op: '=', value: 1 }, { kind: 'true' }] }).values, []);
    assert.equal(text({ kind: 'in', column: 'a1', values: [] }).sql, '1 = 0');
    assert.equal(text({ kind: 'in', column: 'a1', values: [], negate: true }).sql, null);
    assert.equal(text({ kind: 'permitted', action: 'read', roles: [] }).sql, '1 = 0');
    assert.equal(text({ kind: 'not', condition: { kind: 'true' } }).sql, '1 = 0');
    assert.throws(() => text({ kind: 'cmp', column: 'a1`; DROP TABLE x; --', op: '=', value: 1 }), /unsafe column/);
    assert.throws(() => conditionText({ kind: 'permitted', action: 'read', roles: ['any'] }, { dialect: 'mysql' }, []), /document table/);
  });
});

describeLegs('compiled document statements on a running server', (leg) => {
  let server: TestServer;
  let project: Project;
  let docs: string;
  let user: Api;

  before(async () => {
    server = await startServer(leg);
    project = await newProject(server, await newOwner(server));
    const key = keyApi(project);
    docs = await makeCollection(key, 'db', 'items', {
      permissions: ['create("users")'],
      documentSecurity: true,
      attributes: [['string', { key: 'category', size: 32, required: false }], ['integer', { key: 'rank', required: false }], ['boolean', { key: 'flag', required: false, default: true }]],
      indexes: [{ key: 'cat', type: 'key', attributes: ['category'] }],
    });
    assert.equal((await key('POST', '/users', { userId: 'alice', email: 'alice@example.com', password: 'password-123', name: 'alice' })).status, 201);
    const session = await key('POST', '/users/alice/sessions', {});
    assert.equal(session.status, 201, session.text);
    user = clientApi(project, session.body.secret);
  });
  after(() => server.close());

  async function capture(run: () => Promise<unknown>): Promise<SqlEvent[]> {
    const seen: SqlEvent[] = [];
    const attributed = server.guard.attributed;
    const stop = server.runtime.database.onSql((e) => { if (/`\w+_c\d+(_perms)?`/.test(e.sql)) seen.push(e); });
    try { await run(); } finally { stop(); }
    // The running server's own tenant guard checked each of them against its issuing project.
    assert.ok(server.guard.attributed - attributed >= seen.length, 'the tenant guard saw every compiled statement');
    return seen;
  }

  test('create, get and list send one text per shape, values bound, tenant first, all seen by the guard', async () => {
    const created: SqlEvent[][] = [];
    for (const id of ['doc-one', 'doc-two']) {
      created.push(await capture(async () => {
        const res = await user('POST', docs, { documentId: id, data: { category: `cat-${id}`, rank: id.length } });
        assert.equal(res.status, 201, res.text);
        assert.equal(res.body.$id, id);
        assert.equal(res.body.flag, true, 'the stored default comes back without a read-back');
        assert.equal(res.body.category, `cat-${id}`);
      }));
    }
    // A create is the row insert and the permission rows: no read-back.
    assert.deepEqual(created[0]!.map((s) => s.sql.split(' ')[0]), ['INSERT', 'INSERT']);
    assert.deepEqual(created[0]!.map((s) => s.sql), created[1]!.map((s) => s.sql), 'same shape, same text');

    const gets = [];
    for (const id of ['doc-one', 'doc-two']) {
      gets.push(await capture(async () => {
        const res = await user('GET', `${docs}/${id}`);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.category, `cat-${id}`);
      }));
    }
    assert.equal(gets[0]!.length, 1);
    assert.equal(gets[0]![0]!.sql, gets[1]![0]!.sql);
    assert.ok(gets[1]![0]!.bindings.includes('doc-two'));

    const lists = [];
    for (const category of ['cat-doc-one', 'cat-doc-two']) {
      lists.push(await capture(async () => {
        const res = await user('GET', docs, undefined, { queries: [q('equal', 'category', [category]), q('limit', undefined, [1])] });
        assert.equal(res.status, 200, res.text);
        assert.deepEqual(res.body.documents.map((d: { category: string }) => d.category), [category]);
        assert.equal(res.body.total, 1);
      }));
    }
    assert.deepEqual(lists[0]!.map((s) => s.sql), lists[1]!.map((s) => s.sql));
    const other = await capture(() => user('GET', docs, undefined, { queries: [q('greaterThan', 'rank', [1])] }));
    assert.notEqual(other[0]!.sql, lists[0]![0]!.sql, 'a different shape, a different text');

    const all = [...created.flat(), ...gets.flat(), ...lists.flat(), ...other];
    for (const s of all) {
      for (const v of ['doc-one', 'doc-two', 'cat-doc-one', 'cat-doc-two', 'user:alice']) assert.ok(!s.sql.includes(v), `value ${v} inlined in\n${s.sql}`);
      // The guard's full check: tenant predicate or value present, issued by a project scope, binding that project.
      assert.equal(checkStatement(server.runtime.config.namespace, s.sql, s.bindings, s.origin), null, s.sql);
      assert.equal(s.origin?.system, false, 'issued from the request\'s scope');
      assert.equal((s.sql.match(/\?/g) ?? []).length, s.bindings.length, s.sql);
      const statement = s.sql.replace(/^SELECT COUNT\(\*\) AS `n` FROM \(/, '');
      if (!/^INSERT/.test(s.sql)) assert.match(statement, /^[^(]*? WHERE `_tenant` = \?( AND \(|$| LIMIT| ORDER)/, 'the tenant predicate comes first');
    }
    // The list's permission filter is the semi-join on the integer row key, under the tenant predicate.
    assert.match(lists[0]![0]!.sql, /`_id` IN \(SELECT `_document` FROM `\w+_perms` WHERE `_tenant` = \? AND `_type` = \? AND `_permission` IN \(/);
  });

  test('update and upsert answer the row without reading it back, byte for byte what a read gives', async () => {
    const statements = await capture(async () => {
      const res = await user('PATCH', `${docs}/doc-one`, { data: { rank: 42 } });
      assert.equal(res.status, 200, res.text);
      const read = await user('GET', `${docs}/doc-one`);
      assert.equal(res.text, read.text);
      assert.equal(res.body.rank, 42);
      const put = await user('PUT', `${docs}/doc-two`, { data: { category: 'moved' } });
      assert.equal(put.status, 200, put.text);
      assert.equal(put.text, (await user('GET', `${docs}/doc-two`)).text);
      const fresh = await user('PUT', `${docs}/doc-three`, { data: { category: 'new' } });
      assert.equal(fresh.status, 200, fresh.text);
      assert.equal(fresh.text, (await user('GET', `${docs}/doc-three`)).text);
    });
    const selects = statements.filter((s) => /^SELECT/.test(s.sql));
    // Per write only its locking load; the GETs after each write are the test's own.
    assert.equal(selects.length, 3 + 3, selects.map((s) => s.sql).join('\n'));
  });

  test('documentTransaction: BEGIN … COMMIT around compiled statements, all or nothing, knex-built statements refused', async () => {
    const project1 = await server.services.projects.resolve(project.id);
    const tdb = projectDb(server.runtime.database, project1!.sequence);
    const meta = await server.services.collections.metaIn(tdb, 'db', 'items');
    const row = (uid: string) => ({ _uid: uid, _createdAt: '2024-01-02 03:04:05.000', _updatedAt: '2024-01-02 03:04:05.000', _permissions: '[]' });
    const sent: string[] = [];
    const stop = server.runtime.database.onSql((e) => sent.push(e.sql));
    try {
      const id = await tdb.documentTransaction(async (trx) => {
        assert.equal(trx.inTransaction, true);
        return trx.collection(meta.sequence).docs.insert(row('tx-kept'));
      });
      assert.ok(typeof id === 'number' && id > 0);
      await assert.rejects(tdb.documentTransaction(async (trx) => {
        await trx.collection(meta.sequence).docs.insert(row('tx-rolled-back'));
        await trx.collection(meta.sequence).docs.insert(row('tx-kept')); // duplicate ID: the whole transaction goes
      }), (e: Error) => e.name === 'DuplicateKeyError');
      await assert.rejects(tdb.documentTransaction((trx) => trx.table('users').find()), TypeError);
      await assert.rejects(tdb.documentTransaction((trx) => trx.table('users').count()), TypeError);
    } finally {
      stop();
    }
    assert.deepEqual(sent.filter((s) => /^(BEGIN|COMMIT|ROLLBACK)$/.test(s)), ['BEGIN', 'COMMIT', 'BEGIN', 'ROLLBACK', 'BEGIN', 'ROLLBACK', 'BEGIN', 'ROLLBACK']);
    const kept = await tdb.collection(meta.sequence).docs.find({ where: { kind: 'in', column: '_uid', values: ['tx-kept', 'tx-rolled-back'] }, columns: ['_uid'] });
    assert.deepEqual(kept.map((r) => r._uid), ['tx-kept']);
    // The connection went back to the pool in a usable state (no transaction left open on it).
    const res = await user('GET', `${docs}/doc-one`);
    assert.equal(res.status, 200, res.text);
  });

  test('a statement that fails is translated like knex\'s (duplicate ID → 409) and the guard saw it', async () => {
    const seen = await capture(async () => {
      const res = await user('POST', docs, { documentId: 'doc-one', data: { category: 'again' } });
      assert.equal(res.status, 409, res.text);
      assert.equal(res.body.type, 'document_already_exists');
    });
    assert.ok(seen.some((s) => /^INSERT INTO `\w+_c\d+` \(`_tenant`/.test(s.sql)));
  });
});
