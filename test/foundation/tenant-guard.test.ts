/**
 * The tenant guard itself must be able to fail: these cases prove it flags statements on project
 * tables that lack the tenant predicate, and that it sees what the running server sends.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkStatement } from '../support/sql-guard.ts';
import { legs } from '../support/legs.ts';
import { startServer } from '../support/server.ts';
import { TenantDb } from '../../src/db/tenant-db.ts';
import { eq } from '../../src/db/filter.ts';

test('guard flags project-table statements without _tenant and passes scoped ones', () => {
  const bad = [
    'select * from `tt_users` where `_uid` = ?',
    'update `tt_users` set `name` = ? where `_uid` = ?',
    'delete from "tt_c5" where "_uid" = ?',
    'insert into `tt_users` (`_uid`, `name`) values (?, ?)',
    'select * from `tt_c5` where `_tenant` = ? and `_uid` in (select `_document` from `tt_c5_perms` where `_permission` = ?)',
    'select * from `users` where `_uid` = ?',
  ];
  for (const sql of bad) assert.notEqual(checkStatement('tt', sql), null, sql);
  const good = [
    'select * from `tt_users` where `_tenant` = ? and (`_uid` = ?)',
    'insert into `tt_users` (`_createdAt`, `_tenant`, `_uid`) values (?, ?, ?)',
    'select * from `tt_console_projects` where `uid` = ?',
    'create table `tt_c9` (`_id` bigint)',
    'select * from `tt_c5` where `_tenant` = ? and `_uid` in (select `_document` from `tt_c5_perms` where `_tenant` = ? and `_permission` in (?))',
  ];
  for (const sql of good) assert.equal(checkStatement('tt', sql), null, sql);
});

test('TenantDb scopes every statement and refuses rows that set _tenant', async () => {
  const server = await startServer(legs()[0]!);
  try {
    const seen: string[] = [];
    const stop = server.runtime.database.onSql((e) => seen.push(e.sql));
    const db = new TenantDb(server.runtime.database, 4242);
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

test('a raw statement that skips TenantDb is caught by the running server\'s guard', async () => {
  const server = await startServer(legs()[0]!);
  await server.runtime.database.knex(`${server.runtime.config.namespace}_users`).select('*');
  assert.equal(server.guard.violations.length, 1);
  server.guard.violations.length = 0; // the violation was the point of this test
  await server.close();
});
