/**
 * Graceful shutdown (SQLite, the server body `runServer` in-process with its hooks): a document
 * create is held in flight by another writer's lock on the database file; SIGTERM stops new
 * connections, but the in-flight write finishes and is acknowledged, and only then does the server
 * close its database and exit 0. The acknowledged document is in the file afterwards.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { runServer } from '../../src/server.ts';
import { client } from '../support/http.ts';
import { newOwner, newProject } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { keyApi, makeCollection } from '../documents/support.ts';
import { Cleanup } from '../support/cleanup.ts';

const dir = mkdtempSync(join(tmpdir(), 'tenantry-shutdown-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => { const p = (srv.address() as { port: number }).port; srv.close(() => resolve(p)); });
  });
}

test('SIGTERM: no new connections, the in-flight write completes and is acknowledged, then exit 0', async (t) => {
  // A failed assertion must not leave the in-process server (or the lock below) holding the file open.
  const cleanup = new Cleanup();
  t.after(() => cleanup.run());
  const file = join(dir, 'tenantry.db');
  const port = await freePort();
  let onTerm: (() => void) | null = null;
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) => {
    void runServer(
      { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${file}`, TENANTRY_OPEN_SIGNUP: 'true', LOG_LEVEL: 'silent', TENANTRY_REQUEST_TIMEOUT_MS: '0' },
      { exit: (code) => { exitCode = code; resolve(); }, onSignal: (signal, handler) => { if (signal === 'SIGTERM') onTerm = handler; } },
    );
  });
  cleanup.defer('server', async () => {
    if (exitCode !== null) return;
    assert.ok(onTerm, 'the server registered a SIGTERM handler');
    onTerm!();
    await exited;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}/v1/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const server = { url } as TestServer;
  const project = await newProject(server, await newOwner(server));
  const api = keyApi(project);
  const docs = await makeCollection(api, 'db1', 'c1', { attributes: [['string', { key: 'title', size: 64, required: false }]] });

  // Another writer holds SQLite's write lock: the server's create waits on busy_timeout, in flight.
  const other = new Database(file);
  cleanup.defer('second SQLite handle', () => { if (other.open) other.close(); });
  other.pragma('busy_timeout = 5000');
  other.exec('BEGIN IMMEDIATE');
  const inflight = client(url)('POST', docs, { project: project.id, key: project.key, body: { documentId: 'drained', data: { title: 'kept' }, permissions: [] } });
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(onTerm, 'the server registered a SIGTERM handler');
  onTerm!();
  await new Promise((r) => setTimeout(r, 100));
  await assert.rejects(fetch(`${url}/v1/health`, { headers: { connection: 'close' } }), (e: { cause?: { code?: string } }) => e.cause?.code === 'ECONNREFUSED', 'no new connections while draining');
  assert.equal(exitCode, null, 'still draining: the write is in flight');
  other.exec('COMMIT');

  const res = await inflight;
  assert.equal(res.status, 201, res.text);
  await exited;
  assert.equal(exitCode, 0);

  const tables = (other.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>)
    .filter((t) => (other.prepare(`SELECT name FROM pragma_table_info(?)`).all(t.name) as Array<{ name: string }>).some((c) => c.name === '_uid') && /_c\d+$/.test(t.name));
  const found = tables.some((t) => (other.prepare(`SELECT COUNT(*) n FROM "${t.name}" WHERE _uid = 'drained'`).get() as { n: number }).n === 1);
  other.close();
  assert.ok(found, 'the acknowledged document is in the database file');
});
