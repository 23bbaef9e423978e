/**
 * The server process body, started by `main.ts` (which owns process.env and the exit code).
 * Config → runtime (database, store) → app → listen; SIGTERM/SIGINT drain in-flight requests.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { openRuntime, StartupError, type Runtime } from './runtime.ts';
import { createTenantry } from './app.ts';
import { cliEnvPrefix } from './cli/where.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface ServerHooks {
  /** Ends the process with this code (main.ts owns process.exit). */
  exit(code: number): void;
  onSignal(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
}

export async function runServer(env: Readonly<Record<string, string | undefined>>, hooks: ServerHooks): Promise<void> {
let config: Config;
try {
  config = parseConfig(env, version);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`tenantry: invalid configuration: ${e.message}`);
    return hooks.exit(1);
  }
  throw e;
}

const logger = createLogger(config.logLevel);
let runtime: Runtime;
try {
  runtime = await openRuntime(config, logger);
} catch (e) {
  const why = e instanceof StartupError ? e.message : `could not open ${config.database.client === 'sqlite' ? 'the SQLite database' : 'MariaDB/MySQL'} or Redis: ${(e as Error).message}`;
  console.error(`tenantry: ${why}`);
  return hooks.exit(1);
}

const { app, services, drain } = createTenantry(runtime);
const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 }, app);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const ready = `Tenantry ${version} listening on ${url}/v1 (database: ${config.database.client}, store: ${runtime.store.kind}, layout: ${config.layout})`;
  services.owners.count().then((n) => {
    const hint = n === 0 ? `\nNo owner yet. Create the first one:\n  ${cliEnvPrefix(config)}npx tenantry owner create --email you@example.com --password 'choose-a-password'\nor sign up in the console at ${url}/console` : '';
    console.log(ready + hint);
  }).catch(() => console.log(ready));
  services.projects.resumeDeletions().catch((e: unknown) => logger.error({ err: e }, 'resuming project deletions failed'));
});

/**
 * Graceful shutdown: stop accepting connections, let every in-flight request finish — writes
 * included, even one whose client was already answered by its deadline — then close the pool and
 * the store. Keep-alive sockets are closed as soon as they go idle (and told `Connection: close` on
 * any further response), so a busy client can't hold the process open. Bounded by `force`.
 */
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining');
  const force = setTimeout(() => { logger.error('drain took over 25 s: exiting anyway'); hooks.exit(1); }, 25_000);
  force.unref();
  server.prependListener('request', (_req, res) => { res.setHeader('Connection', 'close'); });
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  await closed;
  clearInterval(sweeper);
  await drain();
  await runtime.close().catch((e: unknown) => logger.error({ err: e }, 'closing the database or store failed'));
  logger.info('stopped');
  hooks.exit(0);
}
hooks.onSignal('SIGTERM', () => void shutdown('SIGTERM'));
hooks.onSignal('SIGINT', () => void shutdown('SIGINT'));
}
