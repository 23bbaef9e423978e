/**
 * Starts a real Tenantry server for a test file, on one leg and layout, listening on a free port.
 * Every statement it sends goes through the tenant guard; `close()` fails the file on a violation.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { parseConfig, type Layout } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import { createTenantry, type AppOptions } from '../../src/app.ts';
import type { Realtime } from '../../src/realtime/realtime.ts';
import type { Services } from '../../src/services.ts';
import { MARIADB_TEST_URL, REDIS_TEST_URL, TEST_NAMESPACES, type Leg } from './legs.ts';
import { createSqlGuard } from './sql-guard.ts';
import { Cleanup } from './cleanup.ts';

export interface TestServer {
  readonly url: string;
  readonly leg: Leg['name'];
  readonly layout: Layout;
  readonly runtime: Runtime;
  readonly services: Services;
  /** The server's `/v1/realtime` (connection counts, the publish hook). */
  readonly realtime: Realtime;
  readonly guard: ReturnType<typeof createSqlGuard>;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly layout?: Layout;
  readonly env?: Record<string, string>;
  readonly app?: AppOptions;
}

export async function startServer(leg: Leg, options: StartOptions = {}): Promise<TestServer> {
  const layout = options.layout ?? 'shared';
  let tmp: string | null = null;
  const env: Record<string, string> = { TENANTRY_LAYOUT: layout, TENANTRY_OPEN_SIGNUP: 'true', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...options.env };
  if (leg.name === 'sqlite') {
    // A test that restarts a server on one file brings its own DATABASE_URL (and removes the file itself).
    if (options.env?.DATABASE_URL) env.DATABASE_URL = options.env.DATABASE_URL;
    else {
      tmp = mkdtempSync(join(tmpdir(), 'tenantry-test-'));
      env.DATABASE_URL = `sqlite:${join(tmp, 'test.db')}`;
    }
    env.TENANTRY_NAMESPACE = TEST_NAMESPACES[layout];
  } else {
    env.DATABASE_URL = MARIADB_TEST_URL;
    env.REDIS_URL = options.env?.REDIS_URL ?? REDIS_TEST_URL; // a test may bring its own Redis (outage tests)
    // A test that leaves its namespace mid-migration on purpose brings its own, so the run's other files still start.
    env.TENANTRY_NAMESPACE = options.env?.TENANTRY_NAMESPACE ?? TEST_NAMESPACES[layout];
  }
  const config = parseConfig(env);
  const runtime = await openRuntime(config, createLogger(config.logLevel), { migrate: leg.name === 'sqlite' ? 'always' : 'if-empty' });
  const guard = createSqlGuard(config.namespace);
  const stopGuard = runtime.database.onSql((e) => guard.observe(e));
  const { app, services, realtime } = createTenantry(runtime, options.app);
  const server: Server = createServer(app);
  realtime.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    leg: leg.name,
    layout,
    runtime,
    services,
    realtime,
    guard,
    async close() {
      // Every step runs even when one throws; the guard's verdict comes last.
      const steps = new Cleanup();
      steps.defer('guard verdict', () => assert.deepEqual(guard.violations, [], 'tenant guard: statements on project tables without _tenant, without an issuer, or binding another project'));
      if (tmp) steps.defer('temp dir', () => rmSync(tmp, { recursive: true, force: true }));
      steps.defer('runtime', () => runtime.close());
      steps.defer('sql guard hook', () => stopGuard());
      steps.defer('http server', async () => {
        await realtime.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      });
      await steps.run();
    },
  };
}
