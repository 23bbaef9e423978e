/** Runs `node src/main.ts` as its own process with an explicit environment (the way operators run it). */
import { freePort, spawnNode, stopProc, waitForHttp, type Proc } from './procs.ts';

/** The Node flags `npm start` runs the server with (package.json "start"): measure what operators run. */
export const START_NODE_ARGS = ['--max-semi-space-size=4'];

export interface TenantryOptions {
  readonly databaseUrl: string;
  readonly redisUrl?: string | null;
  readonly namespace: string;
  readonly port?: number;
  readonly env?: Record<string, string>;
  readonly nodeArgs?: readonly string[];
  readonly name?: string;
  /** Another checkout to run the server from (A/B comparisons); this repository by default. */
  readonly root?: string;
}

export interface TenantryProc {
  readonly proc: Proc;
  readonly port: number;
  readonly url: string;
  /** Milliseconds from spawn to the first 200 on /v1/health. */
  readonly startupMs: number;
  stop(): Promise<void>;
}

export function tenantryEnv(o: TenantryOptions, port: number): Record<string, string> {
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: o.databaseUrl,
    TENANTRY_NAMESPACE: o.namespace,
    TENANTRY_PUBLIC_URL: `http://127.0.0.1:${port}`,
    // Request logging on, as `npm start` runs by default (one JSON line per request, read by the bench's pipe).
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    REDIS_URL: o.redisUrl ?? '',
    ...o.env,
  };
  return env;
}

export async function startTenantry(o: TenantryOptions): Promise<TenantryProc> {
  const port = o.port ?? (await freePort());
  const since = performance.now();
  const proc = spawnNode(o.name ?? 'tenantry', 'src/main.ts', tenantryEnv(o, port), [...START_NODE_ARGS, ...(o.nodeArgs ?? [])], o.root);
  const url = `http://127.0.0.1:${port}`;
  const startupMs = await waitForHttp(`${url}/v1/health`, { proc, since, timeoutMs: 60_000, intervalMs: 5 });
  return { proc, port, url, startupMs, stop: () => stopProc(proc) };
}
