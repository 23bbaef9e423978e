/**
 * Cross-project isolation, in both layouts: two projects holding identical IDs never see each
 * other's rows; one project's key is refused by the other. The schema, document and account
 * features extend this file's pattern with their own identical-ID fixtures.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { client, expectStatus } from '../support/http.ts';
import { newOwner, newProject, type Owner } from '../support/fixtures.ts';
import { rawKnex } from '../support/raw-db.ts';

describeLegs('cross-project isolation', (leg) => {
  for (const layout of ['shared', 'isolated'] as const) {
    describe(`${layout} layout`, () => {
      let server: TestServer;
      let owner: Owner;
      const cleanup = useCleanup();
      before(async () => {
        ({ server } = await useServer(leg, cleanup, { layout }));
        owner = await newOwner(server);
      });

      test('identical key IDs in two projects stay apart, and keys only open their own project', async () => {
        const call = client(server.url);
        const a = await newProject(server, owner);
        const b = await newProject(server, owner);
        for (const p of [a, b]) {
          const k = await call('POST', `/projects/${p.id}/keys`, { cookie: owner.cookie, body: { keyId: 'same-id', name: `key of ${p.id}`, scopes: ['health.read'] } });
          assert.equal(k.status, 201, k.text);
        }
        const ka = await call('GET', `/projects/${a.id}/keys/same-id`, { cookie: owner.cookie });
        const kb = await call('GET', `/projects/${b.id}/keys/same-id`, { cookie: owner.cookie });
        assert.equal(ka.body.name, `key of ${a.id}`);
        assert.equal(kb.body.name, `key of ${b.id}`);
        expectStatus(await call('DELETE', `/projects/${a.id}/keys/same-id`, { cookie: owner.cookie }), 204);
        assert.equal((await call('GET', `/projects/${b.id}/keys/same-id`, { cookie: owner.cookie })).status, 200, "deleting A's key left B's");
        assert.equal((await call('GET', '/health/db', { project: b.id, key: a.key })).status, 401);
        assert.equal((await call('GET', '/health/db', { project: a.id, key: b.key })).status, 401);
      });

      test('IDs compare byte-exactly: keys "case-id" and "CASE-ID" are two keys of one project', async () => {
        const call = client(server.url);
        const p = await newProject(server, owner);
        for (const keyId of ['case-id', 'CASE-ID', 'Case-Id']) {
          const k = await call('POST', `/projects/${p.id}/keys`, { cookie: owner.cookie, body: { keyId, name: keyId, scopes: [] } });
          assert.equal(k.status, 201, `${keyId}: ${k.text}`);
        }
        assert.equal((await call('GET', `/projects/${p.id}/keys/CASE-ID`, { cookie: owner.cookie })).body.name, 'CASE-ID');
        assert.equal((await call('GET', `/projects/${p.id}/keys/case-iD`, { cookie: owner.cookie })).status, 404);
      });

      test('project sequences are distinct tenants and the layout decides the table prefix', async () => {
        const a = await newProject(server, owner);
        const b = await newProject(server, owner);
        const pa = (await server.services.projects.resolve(a.id))!;
        const pb = (await server.services.projects.resolve(b.id))!;
        assert.notEqual(pa.sequence, pb.sequence);
        const ns = server.runtime.config.namespace;
        const hasTable = (t: string) => rawKnex(server.runtime.database).schema.hasTable(t);
        if (layout === 'isolated') {
          assert.ok(await hasTable(`${ns}_${pa.sequence}_users`), 'isolated layout provisions a namespace per project');
          await client(server.url)('DELETE', `/projects/${a.id}`, { cookie: owner.cookie });
          assert.equal(await hasTable(`${ns}_${pa.sequence}_users`), false, 'deleting the project drops its namespace');
          assert.ok(await hasTable(`${ns}_${pb.sequence}_users`));
        } else {
          assert.ok(await hasTable(`${ns}_users`));
          assert.equal(await hasTable(`${ns}_${pa.sequence}_users`), false);
        }
      });
    });
  }
});
