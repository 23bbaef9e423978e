/**
 * DDL leases through the real server body (`runServer` in-process, SQLite file): SIGTERM waits for
 * a background schema change (a create that answered 202 `processing`) and exits 0 once it is
 * recorded; a server starting on a database where a dead process left an attribute `processing`
 * sweeps it at start-up (status `failed`, the half-made column dropped).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, test } from 'node:test';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { runServer } from '../../src/server.ts';
import { setDdlFaultHook } from '../../src/db/collection-ddl.ts';
import { toDbDate } from '../../src/lib/dates.ts';
import { client } from '../support/http.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'tenantry-ddl-shutdown-'));
after(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setDdlFaultHook(null));

/** The start-up banner goes nowhere. */
const quiet = new Writable({ write(_chunk, _encoding, done) { done(); } });

/** Every server a test started: stopped (gate opened first) even when an assertion failed. */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (let c = cleanups.pop(); c; c = cleanups.pop()) await c();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => { const p = (srv.address() as { port: number }).port; srv.close(() => resolve(p)); });
  });
}

interface Running { readonly url: string; term(): void; readonly exited: Promise<number> }

async function start(file: string): Promise<Running> {
  const port = await freePort();
  let onTerm: (() => void) | null = null;
  const exited = new Promise<number>((resolve) => {
    void runServer(
      // No request deadline: a busy machine must not turn the held create into a 503.
      { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${file}`, TENANTRY_OPEN_SIGNUP: 'true', LOG_LEVEL: 'silent', TENANTRY_NAMESPACE: 'tn', TENANTRY_REQUEST_TIMEOUT_MS: '0' },
      { exit: resolve, onSignal: (signal, handler) => { if (signal === 'SIGTERM') onTerm = handler; }, stdout: quiet, stderr: quiet },
    );
  });
  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  void exited.then(() => { stopped = true; });
  cleanups.push(async () => {
    if (!stopped && onTerm) onTerm();
    await exited;
  });
  for (let i = 0; i < 200 && !(await fetch(`${url}/v1/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(onTerm, 'the server registered a SIGTERM handler');
  return { url, term: () => onTerm!(), exited };
}

async function setUp(url: string): Promise<{ project: Project; call: ReturnType<typeof client>; as: { project: string; key: string } }> {
  const server = { url } as TestServer;
  const project = await newProject(server, await newOwner(server));
  const call = client(url);
  const as = { project: project.id, key: project.key };
  assert.equal((await call('POST', '/databases', { ...as, body: { databaseId: 'db', name: 'DB' } })).status, 201);
  assert.equal((await call('POST', '/databases/db/collections', { ...as, body: { collectionId: 'c', name: 'C' } })).status, 201);
  return { project, call, as };
}

function attributeRow(file: string, key: string): { _id: number; status: string; lease_owner: string; collection_seq: number } | undefined {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT _id, status, lease_owner, collection_seq FROM tn_attributes WHERE key = ?').get(key) as never;
  } finally {
    db.close();
  }
}

function hasColumn(file: string, collection: number, column: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT name FROM pragma_table_info('tn_c${collection}')`).all() as Array<{ name: string }>).some((c) => c.name === column);
  } finally {
    db.close();
  }
}

test('SIGTERM waits for a background DDL, records it, then exits 0', async () => {
  const file = join(dir, 'drain.db');
  const server = await start(file);
  const { call, as } = await setUp(server.url);
  let open!: () => void;
  const gate = new Promise<void>((r) => { open = r; });
  cleanups.push(async () => open()); // runs before the server's stop (last in, first out)
  setDdlFaultHook((s) => (s === 'add-column:before' ? gate : undefined));
  const res = await call('POST', '/databases/db/collections/c/attributes/boolean', { ...as, body: { key: 'late', required: false } });
  assert.equal(res.status, 202, res.text);
  assert.equal(res.body.status, 'processing');
  let exitCode: number | null = null;
  void server.exited.then((code) => { exitCode = code; });
  server.term();
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(exitCode, null, 'still draining: the DDL runs');
  open();
  assert.equal(await server.exited, 0);
  const row = attributeRow(file, 'late');
  assert.deepEqual([row?.status, row?.lease_owner], ['available', '']);
  assert.equal(hasColumn(file, row!.collection_seq, `a${row!._id}`), true);
});

test('a server starting where a dead process left an attribute processing sweeps it', async () => {
  const file = join(dir, 'sweep.db');
  const first = await start(file);
  const { call, as } = await setUp(first.url);
  assert.equal((await call('POST', '/databases/db/collections/c/attributes/string', { ...as, body: { key: 'ghost', size: 8, required: false } })).body.status, 'available');
  first.term();
  assert.equal(await first.exited, 0);
  // The process "died" after its ALTER, before the row flipped, an hour ago.
  const row = attributeRow(file, 'ghost')!;
  const db = new Database(file);
  db.prepare("UPDATE tn_attributes SET status = 'processing', lease_owner = 'deadbeefdeadbeef', lease_heartbeat = ? WHERE _id = ?")
    .run(toDbDate(new Date(Date.now() - 3_600_000)), row._id);
  db.close();
  assert.equal(hasColumn(file, row.collection_seq, `a${row._id}`), true);

  const second = await start(file);
  const call2 = client(second.url);
  let swept = await call2('GET', '/databases/db/collections/c/attributes/ghost', as);
  for (let i = 0; i < 100 && swept.body.status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    swept = await call2('GET', '/databases/db/collections/c/attributes/ghost', as);
  }
  assert.equal(swept.status, 200, swept.text);
  assert.equal(swept.body.status, 'failed');
  assert.match(swept.body.error, /stopped before the column was created/);
  assert.equal(hasColumn(file, row.collection_seq, `a${row._id}`), false, 'the half-made column was dropped');
  second.term();
  assert.equal(await second.exited, 0);
});
