/**
 * The fault harness's own backends and servers: a private MariaDB (own data dir, spare port,
 * `innodb_flush_log_at_trx_commit=1`), a private `redis-server` (spare port, no persistence, so a
 * restart comes back empty), and Tenantry processes — each with a supervisor that can kill -9,
 * SIGSTOP/SIGCONT and restart it, and that counts exits nobody asked for. Never touches the shared
 * MariaDB (3306) or Redis (6379).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { Redis } from 'ioredis';
import { freePort, sleep, spawnProc, stopProc, waitForHttp, type Proc } from '../lib/procs.ts';
import { tenantryEnv } from '../lib/tenantry.ts';

const everything = new Set<Supervised>();

/** Emergency stop (Ctrl-C, overall deadline): kill -9 every process the harness started. */
export function killEverything(): void {
  for (const s of everything) s.killNow();
}

/** A supervised process: the harness can kill, freeze or restart it; exits it did not cause are counted. */
export class Supervised {
  readonly name: string;
  readonly #start: () => Promise<Proc>;
  #proc: Proc | null = null;
  #expectExit = false;
  /** Exits the harness did not cause (crashes). */
  unexpectedExits = 0;
  restarts = 0;
  frozen = false;

  constructor(name: string, start: () => Promise<Proc>) {
    this.name = name;
    this.#start = start;
    everything.add(this);
  }

  /** Synchronous kill -9 for emergency exits. */
  killNow(): void {
    if (!this.#proc || !this.running) return;
    this.#expectExit = true;
    this.#proc.child.kill('SIGCONT');
    this.#proc.child.kill('SIGKILL');
  }

  get pid(): number | null { return this.#proc?.pid ?? null; }
  get running(): boolean { return !!this.#proc && this.#proc.child.exitCode === null && this.#proc.child.signalCode === null; }

  async start(): Promise<void> {
    this.#expectExit = false;
    const proc = await this.#start();
    this.#proc = proc;
    proc.exited.then(() => {
      if (this.#proc === proc && !this.#expectExit) this.unexpectedExits++;
    });
  }

  /** kill -9; resolves once the process is gone. */
  async kill9(): Promise<void> {
    if (!this.#proc || !this.running) return;
    this.#expectExit = true;
    if (this.frozen) this.#proc.child.kill('SIGCONT');
    this.frozen = false;
    this.#proc.child.kill('SIGKILL');
    await this.#proc.exited;
  }

  freeze(): void { if (this.#proc && this.running) { this.#proc.child.kill('SIGSTOP'); this.frozen = true; } }
  thaw(): void { if (this.#proc && this.running) { this.#proc.child.kill('SIGCONT'); this.frozen = false; } }

  /** Restarts after a kill (or a crash). */
  async restart(): Promise<void> {
    if (this.running) await this.kill9();
    this.restarts++;
    await this.start();
  }

  async stop(): Promise<void> {
    if (!this.#proc) return;
    this.#expectExit = true;
    if (this.frozen) this.thaw();
    await stopProc(this.#proc, 10_000);
  }

  tail(): string { return this.#proc?.tail() ?? ''; }
}

export interface MariaDb { readonly port: number; readonly url: string; readonly sup: Supervised }

async function waitForMysql(port: number, proc: Proc, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  proc.exited.then(() => { exited = true; });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`mariadbd exited:\n${proc.tail()}`);
    try {
      const conn = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
      await conn.query('SELECT 1');
      await conn.end();
      return;
    } catch { await sleep(100); }
  }
  throw new Error(`private MariaDB on ${port} did not come up:\n${proc.tail()}`);
}

/** Installs a fresh data dir, starts mariadbd on a spare port and creates `database`. */
export async function startMariaDb(dir: string, database: string): Promise<MariaDb> {
  const datadir = join(dir, 'mariadb');
  mkdirSync(datadir, { recursive: true });
  const install = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stdout}\n${install.stderr}`);
  const port = await freePort();
  const args = [
    '--no-defaults', `--datadir=${datadir}`, `--port=${port}`, `--socket=${join(datadir, 'sock')}`, `--pid-file=${join(datadir, 'pid')}`,
    '--bind-address=127.0.0.1', '--user=root', '--skip-grant-tables', '--skip-name-resolve', '--skip-log-bin',
    // Durable commits: what the "no acknowledged write lost" invariant relies on (SECURITY-REFERENCE §2.6).
    '--innodb-flush-log-at-trx-commit=1',
    '--innodb-buffer-pool-size=128M', '--max-connections=200',
    '--character-set-server=utf8mb4', '--collation-server=utf8mb4_nopad_bin', `--log-error=${join(datadir, 'error.log')}`,
  ];
  const sup = new Supervised('mariadbd', async () => {
    const proc = spawnProc('mariadbd', 'mariadbd', args);
    await waitForMysql(port, proc);
    return proc;
  });
  await sup.start();
  const conn = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
  await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin`);
  await conn.end();
  return { port, url: `mysql://root@127.0.0.1:${port}/${database}`, sup };
}

export interface RedisServer { readonly port: number; readonly url: string; readonly sup: Supervised }

async function waitForRedis(port: number, proc: Proc): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = new Redis({ host: '127.0.0.1', port, lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {});
    try { await r.connect(); await r.ping(); r.disconnect(); return; } catch { r.disconnect(); await sleep(50); }
  }
  throw new Error(`private redis-server on ${port} did not come up:\n${proc.tail()}`);
}

/** A private redis-server without persistence: a restart after kill -9 comes back empty. */
export async function startRedis(dir: string): Promise<RedisServer> {
  const port = await freePort();
  const sup = new Supervised('redis-server', async () => {
    const proc = spawnProc('redis-server', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
    await waitForRedis(port, proc);
    return proc;
  });
  await sup.start();
  return { port, url: `redis://127.0.0.1:${port}/0`, sup };
}

export interface TenantryServer { readonly port: number; readonly url: string; readonly sup: Supervised }

/**
 * `node src/main.ts` on a fixed port (so a restart comes back at the same address). With `logDir`,
 * everything the process prints (its 5xx error logs included) is appended to `{logDir}/{name}.log`.
 */
export async function startTenantryServer(name: string, o: { databaseUrl: string; redisUrl: string; namespace: string; env?: Record<string, string>; logDir?: string }): Promise<TenantryServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = tenantryEnv({ ...o }, port);
  const log = o.logDir ? createWriteStream(join(o.logDir, `${name}.log`), { flags: 'a' }) : null;
  const sup = new Supervised(name, async () => {
    const proc = spawnProc(name, process.execPath, ['src/main.ts'], env);
    if (log) { proc.child.stdout!.pipe(log, { end: false }); proc.child.stderr!.pipe(log, { end: false }); }
    await waitForHttp(`${url}/v1/health`, { proc, timeoutMs: 60_000 });
    return proc;
  });
  await sup.start();
  return { port, url, sup };
}
