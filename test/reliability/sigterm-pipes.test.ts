/**
 * SIGTERM with stdout/stderr piped, against the real server process (`node src/main.ts`, its own
 * process group, request logging on): the server must exit 0 within its drain bound whatever
 * happens to the pipes, and must keep answering while nobody reads its logs.
 *
 * - The reader goes away: after a realistic session (node-appwrite: database, collection,
 *   attributes, documents, users, sessions; the `appwrite` web SDK: sign-up, sign-in, documents,
 *   sign-out) the group gets SIGTERM and the parent closes its ends of both pipes at that moment
 *   (Ctrl-C over `npm start | log-shipper`, a service manager stopping the unit). Before the fix the
 *   process hung forever in pino's exit hook (sonic-boom `flushSync` retrying EPIPE with
 *   `Atomics.wait`), so not even the force-exit timer could fire.
 * - The reader stalls: stdout/stderr are a FIFO (a blocking pipe, as a shell pipeline gives) whose
 *   reader never reads; the server logs far more than the pipe holds, keeps answering, and on
 *   SIGTERM still exits in time (before the fix: the same exit hook, retrying EAGAIN forever).
 *
 * Every wait is bounded; cleanup kills the group with SIGKILL, so a regression fails, never hangs.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { Cleanup } from '../support/cleanup.ts';
import { MARIADB_TEST_URL, REDIS_TEST_URL, TEST_NAMESPACES, type Leg } from '../support/legs.ts';
import { newOwner, newProject, rid, type Project } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { DRAIN_LIMIT_MS, runServer } from '../../src/server.ts';
import { MemoryStorage } from '../support/memory-storage.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** How long past the drain bound the test waits before it calls the process hung and kills it. */
const GRACE_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves with the exit code and signal, or null if the process is still alive after `ms`. */
  exited(ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | null>;
}

/** The server's environment on this leg (a fresh SQLite file, or the run's MariaDB + Redis). */
function legEnv(leg: Leg, port: number, cleanup: Cleanup): Record<string, string> {
  // The request deadline is not under test: a generous one keeps a busy machine from failing set-up.
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', TENANTRY_OPEN_SIGNUP: 'true', LOG_LEVEL: 'info', TENANTRY_NAMESPACE: TEST_NAMESPACES.shared, TENANTRY_REQUEST_TIMEOUT_MS: '20000' };
  if (leg.name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tenantry-sigterm-'));
    cleanup.defer('temp dir', () => rmSync(dir, { recursive: true, force: true }));
    env.DATABASE_URL = `sqlite:${join(dir, 'tenantry.db')}`;
  } else {
    env.DATABASE_URL = MARIADB_TEST_URL;
    env.REDIS_URL = REDIS_TEST_URL;
  }
  return env;
}

async function waitForHealth(url: string, gone: () => Promise<unknown>): Promise<void> {
  for (let i = 0; ; i++) {
    const up = await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status === 200, () => false);
    if (up) return;
    const ended = await gone();
    assert.equal(ended, null, `the server exited before answering: ${JSON.stringify(ended)}`);
    assert.ok(i < 200, 'the server answers /v1/health within ~20 s');
  }
}

/** Starts `node src/main.ts` in its own process group with the given stdout/stderr. */
async function startProcess(leg: Leg, stdio: 'pipe' | number, cleanup: Cleanup): Promise<Running> {
  const port = await freePort();
  const env = legEnv(leg, port, cleanup);
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, ['src/main.ts'], { cwd: root, detached: true, stdio: ['ignore', stdio, stdio], env: { PATH: PATH ?? '', HOME: HOME ?? '', ...env } });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  cleanup.defer('kill the process group', async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    await exit;
  });
  const exited = (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), ms); });
    return Promise.race([exit, late]).finally(() => clearTimeout(timer));
  };
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, () => exited(100));
  return { child, url, exited };
}

/** node-appwrite with the project's key, then the web SDK as an end user: every call checked. */
async function realisticSession(url: string, project: Project, cleanup: Cleanup): Promise<void> {
  const node = await import('node-appwrite');
  const server = new node.Client().setEndpoint(`${url}/v1`).setProject(project.id).setKey(project.key);
  const db = new node.Databases(server);
  const ids = { databaseId: 'app', collectionId: 'notes' };
  assert.equal((await db.create({ databaseId: 'app', name: 'App' })).$id, 'app');
  const collection = await db.createCollection({ ...ids, name: 'Notes', permissions: [node.Permission.create(node.Role.users())], documentSecurity: true });
  assert.equal(collection.documentSecurity, true);
  assert.equal((await db.createStringAttribute({ ...ids, key: 'title', size: 64, required: true })).status, 'available');
  assert.equal((await db.createIntegerAttribute({ ...ids, key: 'rank', required: false, min: 0, max: 100 })).status, 'available');
  for (let i = 0; i < 5; i++) {
    const doc = await db.createDocument({ ...ids, documentId: `seed${i}`, data: { title: `seed ${i}`, rank: i } });
    assert.equal(doc.title, `seed ${i}`);
  }
  assert.equal((await db.listDocuments({ ...ids, queries: [node.Query.greaterThan('rank', 2)] })).total, 2);
  const users = new node.Users(server);
  const created = await users.create({ userId: node.ID.unique(), email: `${rid('u')}@example.com`, password: 'a long password', name: 'Server made' });
  const session = await users.createSession({ userId: created.$id });
  assert.equal(session.userId, created.$id);
  assert.equal((await users.listSessions({ userId: created.$id })).total, 1);

  const web = await import('appwrite');
  const previousWindow = (globalThis as { window?: unknown }).window;
  (globalThis as { window?: unknown }).window = { localStorage: new MemoryStorage(), console: { ...console, warn: () => {} }, location: { host: 'localhost' } };
  cleanup.defer('window stand-in', () => { (globalThis as { window?: unknown }).window = previousWindow; });
  const client = new web.Client().setEndpoint(`${url}/v1`).setProject(project.id);
  const account = new web.Account(client);
  const email = `${rid('web')}@example.com`;
  const user = await account.create({ userId: web.ID.unique(), email, password: 'web sdk password', name: 'Web' });
  assert.equal((await account.createEmailPasswordSession({ email, password: 'web sdk password' })).userId, user.$id);
  assert.equal((await account.get()).$id, user.$id);
  const databases = new web.Databases(client);
  const mine = await databases.createDocument({ ...ids, documentId: web.ID.unique(), data: { title: 'mine' } });
  assert.deepEqual((await databases.listDocuments(ids)).documents.map((d) => d.$id), [mine.$id]);
  await account.deleteSession({ sessionId: 'current' });
  await assert.rejects(account.get(), (e: { code: number }) => e.code === 401);
}

describeLegs('SIGTERM with stdout/stderr piped: the process ends within its drain bound', (leg) => {
  test('the reader closes its ends of both pipes as the group gets SIGTERM: exit 0 in time', async (t) => {
    const cleanup = new Cleanup();
    t.after(() => cleanup.run());
    const running = await startProcess(leg, 'pipe', cleanup);
    let logged = '';
    running.child.stdout!.setEncoding('utf8').on('data', (s: string) => { logged += s; });
    running.child.stderr!.resume();
    const project = await newProject({ url: running.url } as TestServer, await newOwner({ url: running.url } as TestServer));
    await realisticSession(running.url, project, cleanup);
    assert.match(logged, /"msg":"request"/, 'request lines reached the pipe while it was read');

    const started = performance.now();
    process.kill(-running.child.pid!, 'SIGTERM');
    running.child.stdout!.destroy();
    running.child.stderr!.destroy();
    const ended = await running.exited(DRAIN_LIMIT_MS + GRACE_MS);
    assert.ok(ended, `still running ${DRAIN_LIMIT_MS + GRACE_MS} ms after SIGTERM (hung on its log output)`);
    assert.deepEqual(ended, { code: 0, signal: null });
    assert.ok(performance.now() - started < DRAIN_LIMIT_MS, 'within the drain bound');
  });

  test('the reader stalls with the pipe full: requests are still answered, SIGTERM still exits 0 in time', async (t) => {
    const cleanup = new Cleanup();
    t.after(() => cleanup.run());
    const dir = mkdtempSync(join(tmpdir(), 'tenantry-fifo-'));
    cleanup.defer('fifo dir', () => rmSync(dir, { recursive: true, force: true }));
    const fifo = join(dir, 'logs');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    // The reader end is opened (so writes don't fail) and never read until the process is gone.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    cleanup.defer('fifo reader', () => closeSync(reader));
    const writer = openSync(fifo, constants.O_WRONLY);
    let running: Running;
    try {
      running = await startProcess(leg, writer, cleanup);
    } finally {
      closeSync(writer);
    }

    // ~4 KB per request line: 120 of them are several times what a pipe holds (64 KiB on Linux).
    const long = `/v1/nothing-here/${'x'.repeat(4000)}`;
    for (let i = 0; i < 120; i++) {
      const res = await fetch(`${running.url}${long}`, { signal: AbortSignal.timeout(5_000) });
      assert.equal(res.status, 404);
      assert.equal((await res.json() as { type: string }).type, 'general_route_not_found');
    }
    // A loop blocked on the full pipe would never answer: the 5 s timeout is the assertion.
    const health = await fetch(`${running.url}/v1/health`, { signal: AbortSignal.timeout(5_000) });
    assert.equal(health.status, 200, 'answered while nobody reads its logs');

    const started = performance.now();
    process.kill(-running.child.pid!, 'SIGTERM');
    const ended = await running.exited(DRAIN_LIMIT_MS + GRACE_MS);
    assert.ok(ended, `still running ${DRAIN_LIMIT_MS + GRACE_MS} ms after SIGTERM (hung on its full log pipe)`);
    assert.deepEqual(ended, { code: 0, signal: null });
    assert.ok(performance.now() - started < DRAIN_LIMIT_MS, 'within the drain bound');

    // The pipe really was full: it holds far less than what was logged.
    const buffer = Buffer.alloc(1 << 20);
    let inPipe = 0;
    for (;;) {
      let n = 0;
      try { n = readSync(reader, buffer, inPipe, buffer.length - inPipe, null); } catch (e) { if ((e as NodeJS.ErrnoException).code === 'EAGAIN') break; throw e; }
      if (n === 0) break;
      inPipe += n;
    }
    assert.ok(inPipe >= 32 * 1024 && inPipe < 120 * 4000, `the pipe was full when the process stopped (${inPipe} bytes in it)`);
    assert.match(buffer.subarray(0, inPipe).toString('utf8'), /"msg":"database migrated"|"msg":"request"|listening on/);
  });

  test('a request that never finishes: the drain bound still ends the server, with exit 1, on time', async (t) => {
    const cleanup = new Cleanup();
    t.after(() => cleanup.run());
    const port = await freePort();
    const env = { ...legEnv(leg, port, cleanup), LOG_LEVEL: 'silent' };
    const drainLimitMs = 1_500;
    const signals: { term?: () => void } = {};
    let exit: { code: number; at: number } | null = null;
    const exited = new Promise<void>((resolve) => {
      void runServer(env, {
        exit: (code) => { exit ??= { code, at: performance.now() }; resolve(); },
        onSignal: (signal, handler) => { if (signal === 'SIGTERM') signals.term = handler; },
        drainLimitMs,
      });
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, async () => { await sleep(100); return exit; });

    // A request whose body never arrives stays in flight (the request timeout is 30 s).
    const socket = connect(port, '127.0.0.1');
    cleanup.defer('half-sent request', () => { socket.destroy(); });
    socket.on('error', () => {});
    socket.write('POST /v1/account HTTP/1.1\r\nHost: x\r\nX-Appwrite-Project: console\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":');
    await sleep(200);
    assert.ok(signals.term, 'the server registered a SIGTERM handler');
    const started = performance.now();
    signals.term();
    await Promise.race([exited, sleep(drainLimitMs + GRACE_MS)]);
    assert.ok(exit, `no exit ${drainLimitMs + GRACE_MS} ms after SIGTERM`);
    const { code, at } = exit as { code: number; at: number };
    assert.equal(code, 1, 'the drain was cut short');
    // Well before the half-sent request's own 30 s timeout; the slack is for a busy machine's timers.
    assert.ok(at - started >= drainLimitMs * 0.5 && at - started < drainLimitMs + 1_500, `exited ${Math.round(at - started)} ms after SIGTERM (bound ${drainLimitMs} ms)`);
  });
});
