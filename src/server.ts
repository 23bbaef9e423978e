/**
 * The server process body, started by `main.ts` (which owns process.env and the exit code).
 * Config → runtime (database, store) → app → listen; SIGTERM/SIGINT drain in-flight requests.
 *
 * Nothing here writes to stdout/stderr except through a `LogOutput` (bounded, never blocks the event
 * loop): a log reader that is gone or stalled can neither hang a request nor the exit.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig, type Config } from './config.ts';
import { createLogger, LogOutput, type LogSink } from './logger.ts';
import { openRuntime, StartupError, type Runtime } from './runtime.ts';
import { createTenantry } from './app.ts';
import { cliEnvPrefix } from './cli/where.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface ServerHooks {
  /** Ends the process with this code (main.ts owns process.exit). */
  exit(code: number): void;
  onSignal(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
  /** Logs and the start-up banner (default `process.stdout`). */
  readonly stdout?: LogSink;
  /** Start-up errors (default `process.stderr`). */
  readonly stderr?: LogSink;
  /** SIGTERM to exit at most (default DRAIN_LIMIT_MS; the tests shorten it). */
  readonly drainLimitMs?: number;
}

/** SIGTERM to exit: past this the process exits 1 whatever is still running. */
export const DRAIN_LIMIT_MS = 25_000;
/** The part of it left for stdout/stderr to take the last lines; a gone reader takes none. */
const FLUSH_LIMIT_MS = 1_000;

export async function runServer(env: Readonly<Record<string, string | undefined>>, hooks: ServerHooks): Promise<void> {
const drainLimitMs = hooks.drainLimitMs ?? DRAIN_LIMIT_MS;
const flushLimitMs = Math.min(FLUSH_LIMIT_MS, drainLimitMs / 4);
const out = new LogOutput(hooks.stdout ?? process.stdout);
const errors = new LogOutput(hooks.stderr ?? process.stderr);
let exiting = false;
/** Gives the outputs up to `flushLimitMs` (on the event loop, never blocking), then exits once. */
async function exit(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  await Promise.all([out.flushWithin(flushLimitMs), errors.flushWithin(flushLimitMs)]);
  hooks.exit(code);
}

let config: Config;
try {
  config = parseConfig(env, version);
} catch (e) {
  if (e instanceof ConfigError) {
    errors.line(`tenantry: invalid configuration: ${e.message}`);
    return exit(1);
  }
  throw e;
}

const logger = createLogger(config.logLevel, out);
let runtime: Runtime;
try {
  runtime = await openRuntime(config, logger);
} catch (e) {
  const why = e instanceof StartupError ? e.message : `could not open ${config.database.client === 'sqlite' ? 'the SQLite database' : 'MariaDB/MySQL'} or Redis: ${(e as Error).message}`;
  errors.line(`tenantry: ${why}`);
  return exit(1);
}

const { app, services, realtime, drain } = createTenantry(runtime);
const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 }, app);
realtime.attach(server); // `/v1/realtime` WebSocket upgrades on the same port
server.once('error', (e) => {
  errors.line(`tenantry: cannot listen on ${config.host}:${config.port}: ${e.message}`);
  void runtime.close().catch(() => {}).then(() => exit(1));
});
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const ready = `Tenantry ${version} listening on ${url}/v1 (database: ${config.database.client}, store: ${runtime.store.kind}, layout: ${config.layout})`;
  services.owners.count().then((n) => {
    const hint = n === 0 ? `\nNo owner yet. Create the first one:\n  ${cliEnvPrefix(config)}npx tenantry owner create --email you@example.com --password 'choose-a-password'\nor sign up in the console at ${url}/console` : '';
    out.line(ready + hint);
  }).catch(() => out.line(ready));
  services.projects.resumeDeletions().catch((e: unknown) => logger.error({ err: e }, 'resuming project deletions failed'));
  services.schemaLeases.start().catch((e: unknown) => logger.error({ err: e }, 'sweeping schema changes left by stopped processes failed'));
  services.transactionPurge.start();
});

/**
 * Graceful shutdown: stop accepting connections, let every in-flight request finish — writes
 * included, even one whose client was already answered by its deadline — then close the pool and
 * the store. Keep-alive sockets are closed as soon as they go idle (and told `Connection: close` on
 * any further response), so a busy client can't hold the process open. Bounded by `drainLimitMs`:
 * `force` exits 1 when the drain is not done in time (it can fire: nothing blocks the event loop).
 */
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    logger.warn({ signal }, 'already draining');
    return;
  }
  stopping = true;
  logger.info({ signal }, 'draining');
  // Not unref'd: the process stays up until one of the two exits runs, with its exit code.
  const force = setTimeout(() => {
    logger.error({ drainLimitMs }, 'drain not done in time: exiting anyway');
    void exit(1);
  }, drainLimitMs - flushLimitMs);
  let code = 0;
  try {
    server.prependListener('request', (_req, res) => { res.setHeader('Connection', 'close'); });
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Realtime sockets hold the server open until closed: 1001 going-away now, not after the drain.
    await realtime.close();
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await closed;
    clearInterval(sweeper);
    await drain();
  } catch (e) {
    logger.error({ err: e }, 'draining failed');
    code = 1;
  }
  await runtime.close().catch((e: unknown) => {
    logger.error({ err: e }, 'closing the database or store failed');
    code = 1;
  });
  clearTimeout(force);
  logger.info({ code }, 'stopped');
  await exit(code);
}
hooks.onSignal('SIGTERM', () => void shutdown('SIGTERM'));
hooks.onSignal('SIGINT', () => void shutdown('SIGINT'));
}
