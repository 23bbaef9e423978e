/**
 * Migration 0003 (`_perms` by row key) on collections created with the old side-table shape, on both
 * legs and layouts: it converts every collection of every project (namespace), keeps exactly the
 * same grants, survives a crash after either of its steps (the rerun finishes the job), and the API
 * reads and writes through the converted tables. The migration runs the way `tenantry migrate` runs
 * it: on its own connection, while the test server is idle.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Knex } from 'knex';
import { setPermsMigrationFaultHook } from '../../migrations/project/0003_perms_row_key.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { migrateAll, pendingCount } from '../../src/db/migrate.ts';
import type { Layout } from '../../src/config.ts';
import { describeLegs } from '../support/describe-legs.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { TEST_NAMESPACES } from '../support/legs.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import { projectDb, rawKnex } from '../support/raw-db.ts';
import { clientApi, ids, keyApi, makeCollection } from './support.ts';

const MIGRATION = '0003_perms_row_key';

interface Target { readonly project: Project; readonly collection: string; readonly prefix: string; readonly docs: string; readonly perms: string; readonly seq: number; readonly tenant: number }

for (const layout of ['shared', 'isolated'] as const satisfies readonly Layout[]) {
  describeLegs(`documents: _perms row-key migration (${layout} layout)`, (leg) => {
    let server: TestServer;
    let knex: Knex;
    const targets: Target[] = [];
    /** Each target's grants before the conversion, as `$id|type|role`. */
    const grants = new Map<Target, string[]>();

    before(async () => {
      // Its own namespace on MariaDB: while this suite holds a pending migration, the run's other files (sharing the
      // run's database and namespaces) must still be able to start.
      server = await startServer(leg, { layout, env: leg.name === 'sqlite' ? {} : { TENANTRY_NAMESPACE: `${TEST_NAMESPACES[layout]}pm` } });
      knex = rawKnex(server.runtime.database);
      const owner = await newOwner(server);
      for (const [project, collections] of [[await newProject(server, owner), ['one', 'two']], [await newProject(server, owner), ['one']]] as const) {
        for (const collection of collections) {
          const path = await makeCollection(keyApi(project), 'db', collection, { documentSecurity: true, attributes: [['integer', { key: 'n', required: false }]] });
          const documents = Array.from({ length: 30 }, (_, n) => ({ $id: `d${n}`, n, $permissions: n % 3 === 0 ? ['read("any")', 'update("user:x")'] : ['read("user:x")', 'delete("user:x")'] }));
          const res = await keyApi(project)('POST', path, { documents });
          assert.equal(res.status, 201, res.text);
          const sequence = (await server.services.projects.resolve(project.id))!.sequence;
          const tdb = projectDb(server.runtime.database, sequence);
          const meta = await server.services.collections.metaIn(tdb, 'db', collection);
          const { docs, perms } = tdb.collection(meta.sequence).names;
          targets.push({ project, collection, prefix: tdb.prefix, docs, perms, seq: meta.sequence, tenant: sequence });
        }
      }
      for (const t of targets) {
        grants.set(t, await currentGrants(t));
        assert.equal(grants.get(t)!.length, 60, 'two grants per document');
        await revertToOldShape(t);
      }
      for (const prefix of new Set(targets.map((t) => t.prefix))) {
        const removed = await knex(`${prefix}migrations`).where('name', MIGRATION).delete();
        assert.equal(removed, 1, `${prefix}migrations recorded ${MIGRATION}`);
      }
    });
    after(async () => {
      setPermsMigrationFaultHook(null);
      await server.close();
    });

    /** The side table's grants through the app's scoped tables, documents named by `$id`. */
    async function currentGrants(t: Target): Promise<string[]> {
      const tables = projectDb(server.runtime.database, t.tenant).collection(t.seq);
      const uids = new Map((await tables.docs.find({ columns: ['_id', '_uid'] })).map((r) => [String(r._id), String(r._uid)]));
      const rows = await tables.perms.find({ columns: ['_document', '_type', '_permission'] });
      return rows.map((r) => `${uids.get(String(r._document)) ?? String(r._document)}|${String(r._type)}|${String(r._permission)}`).sort();
    }

    /** Rebuilds a side table in the shape migration 0003 converts from (rows written through the app's scoped table). */
    async function revertToOldShape(t: Target): Promise<void> {
      const rows = grants.get(t)!.map((g) => { const [uid, type, role] = g.split('|'); return { _document: uid, _type: type, _permission: role }; });
      await knex.schema.dropTable(t.perms);
      await knex.schema.createTable(t.perms, (b) => {
        if (leg.name === 'mariadb') { b.engine('InnoDB'); b.charset('utf8mb4'); b.collate('utf8mb4_nopad_bin'); }
        b.bigIncrements('_id').primary();
        b.bigInteger('_tenant').unsigned().notNullable();
        b.string('_document', 36).notNullable();
        b.string('_type', 12).notNullable();
        b.string('_permission', 255).notNullable();
        b.unique(['_tenant', '_document', '_type', '_permission'], { indexName: `${t.perms}_unique` });
        b.index(['_tenant', '_permission', '_type', '_document'], `${t.perms}_lookup`);
      });
      await projectDb(server.runtime.database, t.tenant).collection(t.seq).perms.insert(rows);
      assert.ok(await isOldShape(t));
    }

    const isOldShape = (t: Target) => knex.schema.hasColumn(t.perms, '_id');
    const exists = (table: string) => knex.schema.hasTable(table);

    /** `tenantry migrate` / the start-up check for pending migrations: each on its own connection, closed afterwards. */
    async function migrate(): Promise<string[]> {
      const offline = openDatabase(server.runtime.config.database, { namespace: server.runtime.config.namespace, layout });
      try {
        return await migrateAll(offline);
      } finally {
        await offline.close();
      }
    }
    async function pending(): Promise<number> {
      const offline = openDatabase(server.runtime.config.database, { namespace: server.runtime.config.namespace, layout });
      try {
        return await pendingCount(offline);
      } finally {
        await offline.close();
      }
    }

    test('a crash after the copy, then after the swap: each rerun resumes, and the last one finishes', async () => {
      const ledgers = new Set(targets.map((t) => t.prefix)).size;
      assert.equal(await pending(), ledgers, 'a server would refuse to start: one pending migration per ledger');
      const victim = targets[1]!; // the first project's second collection
      const before = targets.filter((t) => t.prefix === victim.prefix && t.seq < victim.seq);
      for (const step of ['copied', 'swapped'] as const) {
        setPermsMigrationFaultHook((at, perms) => { if (at === step && perms === victim.perms) throw new Error(`crash after ${at}`); });
        await assert.rejects(migrate(), new RegExp(`crash after ${step}`));
        setPermsMigrationFaultHook(null);
        if (leg.name === 'sqlite') {
          // The migrator's transaction rolls the whole namespace back: nothing half-done, nothing left over.
          for (const t of [...before, victim]) assert.ok(await isOldShape(t), `${t.perms} still old`);
          assert.equal(await exists(`${victim.perms}_new`), false);
          assert.equal(await exists(`${victim.perms}_old`), false);
        } else {
          // MariaDB's DDL commits as it goes: earlier collections stay converted, the victim stops mid-way.
          for (const t of before) assert.equal(await isOldShape(t), false, `${t.perms} converted`);
          assert.equal(await isOldShape(victim), step === 'copied', `${victim.perms} after a crash once ${step}`);
          assert.equal(await exists(`${victim.perms}_new`), step === 'copied');
          assert.equal(await exists(`${victim.perms}_old`), step === 'swapped');
        }
      }
      const applied = await migrate();
      assert.equal(applied.filter((name) => name === MIGRATION).length, ledgers, 'once per ledger');
      for (const t of targets) {
        assert.equal(await isOldShape(t), false, `${t.perms} converted`);
        assert.deepEqual(await currentGrants(t), grants.get(t), `${t.perms} keeps every grant`);
        assert.equal(await exists(`${t.perms}_new`), false);
        assert.equal(await exists(`${t.perms}_old`), false);
      }
      assert.deepEqual(await migrate(), [], 'nothing left to apply');
      assert.equal(await pending(), 0);
    });

    test('the API reads and writes through the converted tables', async () => {
      for (const t of targets) {
        const path = `/databases/db/collections/${t.collection}/documents`;
        const guest = clientApi(t.project);
        const readable = Array.from({ length: 30 }, (_, n) => n).filter((n) => n % 3 === 0).map((n) => `d${n}`);
        const page = await guest('GET', path, undefined, { queries: [JSON.stringify({ method: 'limit', values: [5] })] });
        assert.deepEqual(ids(page), readable.slice(0, 5));
        assert.equal(page.body.total, readable.length);
        const patched = await keyApi(t.project)('PATCH', `${path}/d1`, { permissions: ['read("any")'] });
        assert.equal(patched.status, 200, patched.text);
        assert.equal((await guest('GET', `${path}/d1`)).status, 200);
        const removed = await keyApi(t.project)('DELETE', `${path}/d0`);
        assert.equal(removed.status, 204, removed.text);
        const all = await guest('GET', path, undefined, { queries: [JSON.stringify({ method: 'limit', values: [100] })] });
        assert.deepEqual(ids(all), ['d1', ...readable.slice(1)]);
        assert.equal((await currentGrants(t)).filter((g) => g.startsWith('d0|')).length, 0, 'the deleted document left no grants');
      }
    });
  });
}
