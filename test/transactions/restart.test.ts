/**
 * Staged transactions live in the database: a pending transaction and its staged operations survive
 * a server restart on the same database (SQLite file, MariaDB), in both layouts, and commit after it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import { client } from '../support/http.ts';
import { expectError } from '../support/http.ts';
import { itemsCollection, keyApi } from './support.ts';

for (const layout of ['shared', 'isolated'] as const) {
  describeLegs(`transactions: survive a restart (${layout} layout)`, (leg) => {
    const cleanup = useCleanup();

    test('a pending transaction keeps its staged operations across a restart and commits after it', async () => {
      let env: Record<string, string> = {};
      if (leg.name === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'tenantry-tx-restart-'));
        cleanup.defer('sqlite dir', () => rmSync(dir, { recursive: true, force: true }));
        env = { DATABASE_URL: `sqlite:${join(dir, 'test.db')}` };
      }
      let server: TestServer | null = await startServer(leg, { layout, env });
      const first = server;
      cleanup.defer('first server', async () => { if (server === first) await first.close(); });
      const project: Project = await newProject(server, await newOwner(server));
      let key = keyApi(project);
      const docs = await itemsCollection(key);
      assert.equal((await key('POST', docs, { documentId: 'a', data: { name: 'a', qty: 1 } })).status, 201);
      const tx = await key('POST', '/databases/transactions', { ttl: 600 });
      assert.equal(tx.status, 201, tx.text);
      const id = tx.body.$id as string;
      assert.equal((await key('POST', docs, { documentId: 'b', data: { name: 'b', qty: 2 }, transactionId: id })).status, 201);
      assert.equal((await key('PATCH', `${docs}/a/qty/increment`, { value: 10, transactionId: id })).status, 200);

      await server.close();
      server = await startServer(leg, { layout, env });
      const second = server;
      cleanup.defer('second server', () => second.close());
      // Same project, new process: the key and the transaction are still there.
      const call = client(second.url);
      key = (method, path, body, query) => call(method, path, { project: project.id, key: project.key, body, query });

      const after = await key('GET', `/databases/transactions/${id}`);
      assert.equal(after.status, 200, after.text);
      assert.deepEqual([after.body.status, after.body.operations], ['pending', 2]);
      assert.equal((await key('GET', `${docs}/b`, undefined, { transactionId: id })).body.qty, 2);
      assert.equal((await key('GET', `${docs}/a`, undefined, { transactionId: id })).body.qty, 11);
      expectError(await key('GET', `${docs}/b`), 404, 'document_not_found');
      const done = await key('PATCH', `/databases/transactions/${id}`, { commit: true });
      assert.equal(done.status, 200, done.text);
      assert.equal(done.body.status, 'committed');
      assert.equal((await key('GET', `${docs}/a`)).body.qty, 11);
      assert.equal((await key('GET', `${docs}/b`)).body.qty, 2);
    });
  });
}
