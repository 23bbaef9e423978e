/**
 * The tenant guard itself must be able to fail: these cases prove it flags statements on project
 * tables that lack the tenant predicate, that have no issuer, or that bind a project other than the
 * issuer's — and that it sees what the running server sends, with the issuing scope attached.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundTenants, checkStatement, createSqlGuard } from '../support/sql-guard.ts';
import { legs } from '../support/legs.ts';
import { startServer } from '../support/server.ts';
import { newOwner, newProject } from '../support/fixtures.ts';
import { projectDb, rawKnex } from '../support/raw-db.ts';
import { eq } from '../../src/db/filter.ts';
import { ProjectScope, systemAccess } from '../../src/db/scope.ts';
import { SystemDb, TenantDb } from '../../src/db/tenant-db.ts';

const P7 = { tenant: 7, system: false } as const;

test('guard flags project-table statements without _tenant and passes scoped ones', () => {
  const bad = [
    'select * from `tt_users` where `_uid` = ?',
    'update `tt_users` set `name` = ? where `_uid` = ?',
    'delete from "tt_c5" where "_uid" = ?',
    'insert into `tt_users` (`_uid`, `name`) values (?, ?)',
    'select * from `tt_c5` where `_tenant` = ? and `_uid` in (select `_document` from `tt_c5_perms` where `_permission` = ?)',
    'select * from `users` where `_uid` = ?',
  ];
  for (const sql of bad) assert.notEqual(checkStatement('tt', sql, [7, 'x', 'y'], P7), null, sql);
  const good: Array<[string, unknown[]]> = [
    ['select * from `tt_users` where `_tenant` = ? and (`_uid` = ?)', [7, 'a']],
    ['insert into `tt_users` (`_createdAt`, `_tenant`, `_uid`) values (?, ?, ?)', ['2026-01-01', 7, 'a']],
    ['select * from `tt_c5` where `_tenant` = ? and `_uid` in (select `_document` from `tt_c5_perms` where `_tenant` = ? and `_permission` in (?))', [7, 7, 'any']],
  ];
  for (const [sql, bindings] of good) assert.equal(checkStatement('tt', sql, bindings, P7), null, sql);
  // Platform tables and DDL need no tenant, whoever sends them.
  assert.equal(checkStatement('tt', 'select * from `tt_console_projects` where `uid` = ?', ['p'], { tenant: null, system: true }), null);
  assert.equal(checkStatement('tt', 'create table `tt_c9` (`_id` bigint)', []), null);
});

test('guard catches a statement that binds another project\'s tenant (read, write, insert, permission subquery)', () => {
  const cases: Array<[string, unknown[]]> = [
    ['select * from `tt_users` where `_tenant` = ? and (`_uid` = ?)', [8, 'a']],
    ['update `tt_users` set `name` = ? where `_tenant` = ? and (`_uid` = ?)', ['n', 8, 'a']],
    ['delete from "tt_c5" where "_tenant" = ? and ("_uid" = ?)', [8, 'a']],
    ['insert into `tt_users` (`_createdAt`, `_tenant`, `_uid`) values (?, ?, ?)', ['2026-01-01', 8, 'a']],
    // A second row for another project hides behind a first one for the issuer.
    ['insert into `tt_users` (`_tenant`, `_uid`) values (?, ?), (?, ?)', [7, 'a', 8, 'b']],
    // The document predicate is the issuer's, the permission subquery another project's.
    ['select * from `tt_c5` where `_tenant` = ? and `_uid` in (select `_document` from `tt_c5_perms` where `_tenant` = ? and `_permission` in (?))', [7, 8, 'any']],
    ['select * from `tt_users` where `_tenant` in (?, ?)', [7, 8]],
  ];
  for (const [sql, bindings] of cases) {
    assert.match(checkStatement('tt', sql, bindings, P7) ?? '', /binds _tenant 8, but its issuer is project 7/, sql);
  }
  // The same statements from platform code working on project 8 (e.g. its deletion) are fine.
  for (const [sql, bindings] of cases.slice(0, 4)) assert.equal(checkStatement('tt', sql, bindings, { tenant: 8, system: true }), null, sql);
});

test('guard refuses project-table statements without an issuer, or issued for console tables', () => {
  const sql = 'select * from `tt_users` where `_tenant` = ? and (`_uid` = ?)';
  assert.match(checkStatement('tt', sql, [7, 'a']) ?? '', /no issuer/);
  assert.match(checkStatement('tt', sql, [7, 'a'], { tenant: null, system: true }) ?? '', /console tables/);
});

test('boundTenants reads predicate bindings by position and each inserted row\'s _tenant', () => {
  assert.deepEqual(boundTenants('select * from `t` where `a` = ? and `_tenant` = ? and `b` in (?, ?)', ['x', 3, 'y', 'z']), [3]);
  assert.deepEqual(boundTenants('insert into `t` (`a`, `_tenant`) values (?, ?), (?, ?)', ['x', 3, 'y', 4]), [3, 4]);
  assert.deepEqual(boundTenants('select count(*) as `n` from (select 1 from `t` where `_tenant` = ? limit ?) as `counted`', [5, 10]), [5]);
});

test('the data layer is built inside src/db only: constructors refuse a caller without the token', () => {
  const database = {} as never;
  assert.throws(() => new TenantDb(Symbol('forged') as never, database, 1), /built inside src\/db only/);
  assert.throws(() => new SystemDb(Symbol('forged') as never, database), /built inside src\/db only/);
  assert.throws(() => new ProjectScope(Symbol('forged') as never, database, 'p'), /built inside src\/db only/);
});

test('the running server records each statement\'s issuer: a request\'s scope, bound to its own project', async () => {
  const server = await startServer(legs()[0]!);
  try {
    const owner = await newOwner(server);
    const project = await newProject(server, owner);
    const before = server.guard.attributed;
    const seen: Array<{ tenant: number | null; system: boolean } | undefined> = [];
    const stop = server.runtime.database.onSql((e) => { if (e.sql.includes('_users')) seen.push(e.origin); });
    const created = await project.call('POST', '/users', { project: project.id, key: project.key, body: { userId: 'guarded', email: 'guarded@example.com', password: 'password123', name: 'G' } });
    stop();
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.$id, 'guarded');
    const sequence = (await server.services.projects.resolve(project.id))!.sequence;
    assert.ok(seen.length >= 2, 'the insert and the read-back reached the users table');
    assert.deepEqual([...new Set(seen.map((o) => JSON.stringify(o)))], [JSON.stringify({ tenant: sequence, system: false })]);
    assert.ok(server.guard.attributed > before, 'the guard compared those statements\' tenants with their issuer');
    assert.deepEqual(server.guard.violations, []);
  } finally {
    await server.close();
  }
});

test('TenantDb scopes every statement and refuses rows that set _tenant', async () => {
  const server = await startServer(legs()[0]!);
  try {
    const seen: string[] = [];
    const stop = server.runtime.database.onSql((e) => seen.push(e.sql));
    const db = projectDb(server.runtime.database, 4242);
    await db.table('users').find({ where: { kind: 'or', conditions: [eq({ _uid: 'a' }), eq({ _uid: 'b' })] } });
    stop();
    assert.match(seen.at(-1)!, /`_tenant` = \? and \(\(/i, 'the user filter is grouped after the tenant predicate');
    await assert.rejects(db.table('users').insert({ _uid: 'x', _TENANT: 1 }), /_tenant/);
    await assert.rejects(db.table('users').update(eq({ _uid: 'x' }), { _tenant: 2 }), /_tenant/);
    await assert.rejects(db.table('users').find({ where: eq({ 'name; drop table x': 'y' }) }), /unsafe column/);
  } finally {
    await server.close();
  }
});

test('a scope\'s statement that reaches another project is caught by the running server\'s guard', async () => {
  const server = await startServer(legs()[0]!);
  try {
    const mine = projectDb(server.runtime.database, 4242);
    // A filter on `_tenant` inside project 4242's scope: its own predicate binds 4242, this one 4243.
    await mine.table('users').find({ where: eq({ _tenant: 4243 }) });
    assert.equal(server.guard.violations.length, 1);
    assert.match(server.guard.violations[0]!.reason, /binds _tenant 4243, but its issuer is project 4242/);
    server.guard.violations.length = 0; // the violation was the point of this test
    // Platform code purging project 4243 may bind it.
    await systemAccess(server.runtime.database).project(4243).table('users').find({ where: eq({ _uid: 'x' }) });
    assert.deepEqual(server.guard.violations, []);
  } finally {
    await server.close();
  }
});

test('a raw statement that skips TenantDb is caught by the running server\'s guard', async () => {
  const server = await startServer(legs()[0]!);
  try {
    await rawKnex(server.runtime.database)(`${server.runtime.config.namespace}_users`).where('_tenant', 1).select('*');
    assert.equal(server.guard.violations.length, 1);
    assert.match(server.guard.violations[0]!.reason, /no issuer/);
    server.guard.violations.length = 0; // the violation was the point of this test
  } finally {
    await server.close();
  }
});

test('a guard fed a foreign-tenant event records the violation (createSqlGuard)', () => {
  const guard = createSqlGuard('tt');
  guard.observe({ sql: 'select * from `tt_users` where `_tenant` = ?', bindings: [9], origin: P7 });
  guard.observe({ sql: 'select * from `tt_users` where `_tenant` = ?', bindings: [7], origin: P7 });
  assert.equal(guard.statements, 2);
  assert.equal(guard.attributed, 1);
  assert.deepEqual(guard.violations.map((v) => v.reason), ['binds _tenant 9, but its issuer is project 7']);
});
