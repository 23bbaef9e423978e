/**
 * The one typed, validated, frozen configuration. `parseConfig` is pure: `main.ts` hands it
 * `process.env`, tests hand it a literal. Components take only the slice they need.
 */
export type Layout = 'shared' | 'isolated';

export interface DatabaseConfig {
  readonly url: string;
  readonly client: 'sqlite' | 'mysql';
  readonly poolMin: number;
  readonly poolMax: number;
  /** How long a query waits for a pooled connection before failing with 503 (pool exhausted or database unreachable). */
  readonly acquireTimeoutMs: number;
  /**
   * TCP connect + handshake limit for a new MariaDB connection (a frozen server accepts TCP but never
   * greets). Optional only for hand-written configs (benches); `parseConfig` always sets it (2000).
   */
  readonly connectTimeoutMs?: number;
  readonly idleTimeoutMs: number;
  /** MariaDB `max_statement_time` for request queries, in seconds (0 = unlimited). */
  readonly statementTimeoutS: number;
  /**
   * Client-side guard per MariaDB query (0 = none): a server that hasn't answered by then is frozen or
   * partitioned, so the connection is destroyed instead of waiting forever. Kept above
   * `statementTimeoutS`, which the server enforces itself; DDL (run with `max_statement_time=0`) is exempt.
   * Optional like `connectTimeoutMs` (absent = none).
   */
  readonly queryTimeoutMs?: number;
}

/** Overload protection for the HTTP API (see README "Reliability"). */
export interface ReliabilityConfig {
  /** After this long a request is answered 503 `general_service_unavailable` + Retry-After (0 = no deadline). */
  readonly requestTimeoutMs: number;
  /** In-flight requests per project per process on project routes (0 = no cap). */
  readonly projectConcurrency: number;
  /** Requests of one project that may wait for a slot; beyond that they are refused at once. */
  readonly projectQueue: number;
  /** How long a queued request waits for a slot before it is refused (429 + Retry-After). */
  readonly projectQueueWaitMs: number;
  /** A request slower than this sends its query shape (route + collection) back to one at a time per project (0 = off). */
  readonly projectSlowMs: number;
  /** After a Redis failure, calls skip Redis (fail fast, 503 upstream) for this long before a probe (0 = no breaker). */
  readonly redisBreakerCooldownMs: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  readonly redisUrl: string | null;
  readonly reliability: ReliabilityConfig;
  readonly namespace: string;
  readonly layout: Layout;
  readonly openSignup: boolean;
  /** Proxies whose X-Forwarded-For we believe (express `trust proxy` value); empty = socket address only. */
  readonly trustProxy: readonly string[];
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly version: string;
}

export class ConfigError extends Error {
  constructor(variable: string, why: string) {
    super(`${variable}: ${why}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function parseConfig(env: Env, version = '0.1.0'): Config {
  const port = int(env, 'PORT', 8080, 0, 65535);
  const host = str(env, 'HOST', '0.0.0.0');
  const url = str(env, 'DATABASE_URL', 'sqlite:./data/tenantry.db');
  const client = databaseClient(url);
  const poolMax = int(env, 'TENANTRY_DB_POOL_MAX', client === 'sqlite' ? 1 : 10, 1, 1000);
  const statementTimeoutS = int(env, 'TENANTRY_DB_STATEMENT_TIMEOUT_S', 10, 0, 3600);
  const projectConcurrency = int(env, 'TENANTRY_PROJECT_CONCURRENCY', Math.max(2, Math.floor(poolMax / 2)), 0, 10_000);
  const config: Config = {
    port,
    host,
    publicUrl: str(env, 'TENANTRY_PUBLIC_URL', `http://localhost:${port}`).replace(/\/+$/, ''),
    database: {
      url,
      client,
      poolMin: int(env, 'TENANTRY_DB_POOL_MIN', client === 'sqlite' ? 1 : 0, 0, poolMax),
      poolMax,
      // Below the request deadline, so a wedged pool answers 503 itself rather than being cut off.
      acquireTimeoutMs: int(env, 'TENANTRY_DB_ACQUIRE_TIMEOUT_MS', 3000, 100, 600_000),
      connectTimeoutMs: int(env, 'TENANTRY_DB_CONNECT_TIMEOUT_MS', 2000, 100, 60_000),
      idleTimeoutMs: int(env, 'TENANTRY_DB_IDLE_TIMEOUT_MS', 30_000, 1000, 3_600_000),
      statementTimeoutS,
      queryTimeoutMs: int(env, 'TENANTRY_DB_QUERY_TIMEOUT_MS', statementTimeoutS > 0 ? statementTimeoutS * 1000 + 5000 : 0, 0, 3_600_000),
    },
    redisUrl: redisUrl(env),
    reliability: {
      // Under the 5 s a client (and SECURITY-REFERENCE §3.7) waits, with 1 s for a loaded event loop.
      requestTimeoutMs: int(env, 'TENANTRY_REQUEST_TIMEOUT_MS', 4000, 0, 600_000),
      projectConcurrency,
      // The queue only bounds memory (a burst of a few hundred parallel calls is normal); the wait bounds latency,
      // leaving half the request deadline for the work itself.
      projectQueue: int(env, 'TENANTRY_PROJECT_QUEUE', 1000, 0, 100_000),
      projectQueueWaitMs: int(env, 'TENANTRY_PROJECT_QUEUE_WAIT_MS', 2000, 0, 600_000),
      projectSlowMs: int(env, 'TENANTRY_PROJECT_SLOW_MS', 200, 0, 600_000),
      redisBreakerCooldownMs: int(env, 'TENANTRY_REDIS_BREAKER_COOLDOWN_MS', 1000, 0, 600_000),
    },
    namespace: namespace(env),
    layout: oneOf(env, 'TENANTRY_LAYOUT', ['shared', 'isolated'] as const, 'shared'),
    openSignup: bool(env, 'TENANTRY_OPEN_SIGNUP', false),
    trustProxy: list(env, 'TENANTRY_TRUST_PROXY'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    version,
  };
  const queryTimeoutMs = config.database.queryTimeoutMs ?? 0;
  if (queryTimeoutMs > 0 && statementTimeoutS > 0 && queryTimeoutMs <= statementTimeoutS * 1000) {
    throw new ConfigError('TENANTRY_DB_QUERY_TIMEOUT_MS', `must exceed TENANTRY_DB_STATEMENT_TIMEOUT_S (${statementTimeoutS} s), which the server enforces itself`);
  }
  return deepFreeze(config);
}

function databaseClient(url: string): 'sqlite' | 'mysql' {
  if (/^sqlite:/.test(url)) return 'sqlite';
  if (/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_]+/.test(url)) return 'mysql';
  throw new ConfigError('DATABASE_URL', `expected sqlite:PATH or mysql://user:pass@host:port/database, got "${redact(url)}"`);
}

function redisUrl(env: Env): string | null {
  const v = env.REDIS_URL?.trim();
  if (!v) return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(v)) throw new ConfigError('REDIS_URL', `expected redis://host:port[/db], got "${redact(v)}"`);
  return v;
}

function namespace(env: Env): string {
  const v = str(env, 'TENANTRY_NAMESPACE', 'tn');
  // The namespace starts every physical table name; with `_{seq}_c{seq}_perms` it must stay well under MySQL's 64 chars.
  if (!/^[a-z][a-z0-9]{0,11}$/.test(v)) throw new ConfigError('TENANTRY_NAMESPACE', 'must be 1–12 lowercase letters or digits, starting with a letter');
  return v;
}

function str(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v.trim() === '' ? fallback : v.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new ConfigError(name, `expected ${min}–${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
