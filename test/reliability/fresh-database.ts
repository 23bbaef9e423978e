/**
 * A runtime on a database of its own, fresh (no owners, project sequences from 1), for the tests
 * that need one: SQLite in a temp file, or a new MariaDB database next to the run's (dropped by
 * `cleanup`); Redis is the run's. And `serve`, to put a `createTenantry` app on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import type { Express } from 'express';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import type { Cleanup } from '../support/cleanup.ts';
import { MARIADB_SERVER_URL, MARIADB_TEST_URL, REDIS_TEST_URL, TEST_NAMESPACES, type Leg } from '../support/legs.ts';

function adminKnex() {
  const url = new URL(MARIADB_SERVER_URL);
  return knexFactory({
    client: 'mysql2',
    connection: { host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) },
    pool: { min: 0, max: 1 },
  });
}

export async function openFreshRuntime(leg: Leg, cleanup: Cleanup, env: Record<string, string> = {}): Promise<Runtime> {
  // No request deadline: these tests squeeze requests on purpose, and a busy machine must not turn a wait into a 503.
  const base: Record<string, string> = {
    TENANTRY_NAMESPACE: TEST_NAMESPACES.shared, TENANTRY_OPEN_SIGNUP: 'true', TENANTRY_REQUEST_TIMEOUT_MS: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  };
  if (leg.name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tenantry-fresh-'));
    cleanup.defer('fresh SQLite file', () => rmSync(dir, { recursive: true, force: true }));
    base.DATABASE_URL = `sqlite:${join(dir, 'fresh.db')}`;
  } else {
    const name = `${new URL(MARIADB_TEST_URL).pathname.slice(1)}_f${randomBytes(3).toString('hex')}`;
    const admin = adminKnex();
    try {
      await admin.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin`);
    } finally {
      await admin.destroy();
    }
    cleanup.defer(`fresh MariaDB database ${name}`, async () => {
      const drop = adminKnex();
      try {
        await drop.raw(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await drop.destroy();
      }
    });
    base.DATABASE_URL = `${MARIADB_SERVER_URL.replace(/\/+$/, '')}/${name}`;
    base.REDIS_URL = REDIS_TEST_URL;
  }
  const config = parseConfig({ ...base, ...env });
  const runtime = await openRuntime(config, createLogger(config.logLevel), { migrate: 'always' });
  cleanup.defer('fresh runtime', () => runtime.close());
  return runtime;
}

/** Listens on a free port until `cleanup`; answers the base URL. */
export async function serve(app: Express, cleanup: Cleanup): Promise<string> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.defer('http server', () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * MariaDB: holds `LOCK TABLES <table> WRITE` on a connection of its own, so every statement on the
 * table queues until `release()` — then they all run at once (a race made reproducible).
 * `waiting()` counts the statements queued on it.
 */
export async function holdTableLock(runtime: Runtime, table: string): Promise<{ waiting(): Promise<number>; release(): Promise<void> }> {
  const url = new URL(runtime.config.database.url.replace(/^mariadb:/, 'mysql:'));
  const k = knexFactory({
    client: 'mysql2',
    connection: { host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: url.pathname.slice(1) },
    pool: { min: 1, max: 1 },
  });
  await k.raw('LOCK TABLES ?? WRITE', [table]);
  const observer = knexFactory({ client: 'mysql2', connection: { ...(k.client.config.connection as object) }, pool: { min: 0, max: 1 } });
  return {
    async waiting() {
      const [rows] = (await observer.raw("SELECT COUNT(*) AS n FROM information_schema.processlist WHERE db = DATABASE() AND state LIKE 'Waiting for table%'")) as unknown as [Array<{ n: number }>];
      return Number(rows[0]?.n ?? 0);
    },
    async release() {
      try {
        await k.raw('UNLOCK TABLES');
      } finally {
        await Promise.all([k.destroy(), observer.destroy()]);
      }
    },
  };
}
