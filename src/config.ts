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
  readonly acquireTimeoutMs: number;
  readonly idleTimeoutMs: number;
  /** MariaDB `max_statement_time` for request queries, in seconds (0 = unlimited). */
  readonly statementTimeoutS: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  readonly redisUrl: string | null;
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
  const config: Config = {
    port,
    host,
    publicUrl: str(env, 'TENANTRY_PUBLIC_URL', `http://localhost:${port}`).replace(/\/+$/, ''),
    database: {
      url,
      client,
      poolMin: int(env, 'TENANTRY_DB_POOL_MIN', client === 'sqlite' ? 1 : 0, 0, poolMax),
      poolMax,
      acquireTimeoutMs: int(env, 'TENANTRY_DB_ACQUIRE_TIMEOUT_MS', 10_000, 100, 600_000),
      idleTimeoutMs: int(env, 'TENANTRY_DB_IDLE_TIMEOUT_MS', 30_000, 1000, 3_600_000),
      statementTimeoutS: int(env, 'TENANTRY_DB_STATEMENT_TIMEOUT_S', 10, 0, 3600),
    },
    redisUrl: redisUrl(env),
    namespace: namespace(env),
    layout: oneOf(env, 'TENANTRY_LAYOUT', ['shared', 'isolated'] as const, 'shared'),
    openSignup: bool(env, 'TENANTRY_OPEN_SIGNUP', false),
    trustProxy: list(env, 'TENANTRY_TRUST_PROXY'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    version,
  };
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
