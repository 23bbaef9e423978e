/** Load generation with autocannon (as a library): warm-up, then a measured run with the server's RSS sampled. */
import autocannon from 'autocannon';
import { cpuMs, sampleRss } from './procs.ts';

export interface LoadSpec {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Builds each request (e.g. a fresh document ID); overrides `body`. */
  readonly setupRequest?: (req: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) => { method?: string; path?: string; headers?: Record<string, string>; body?: string };
}

export interface LoadResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statuses: Record<string, number>;
  readonly rssMb: number | null;
  /** Server CPU time (user + system) per request during the measured run, ms. */
  readonly cpuMsPerRequest: number | null;
}

export interface LoadPlan {
  readonly connections: number;
  readonly warmupS: number;
  readonly durationS: number;
}

async function fire(spec: LoadSpec, connections: number, durationS: number, amount?: number) {
  const u = new URL(spec.url);
  return autocannon({
    url: `${u.protocol}//${u.host}`,
    connections,
    duration: durationS,
    ...(amount ? { amount } : {}),
    timeout: 10,
    requests: [{
      method: spec.method ?? 'GET', path: u.pathname + u.search,
      ...(spec.headers ? { headers: spec.headers } : {}),
      ...(spec.body !== undefined ? { body: spec.body } : {}),
      ...(spec.setupRequest ? { setupRequest: spec.setupRequest } : {}),
    }],
  });
}

/** Warm-up (discarded), then the measured run; RSS is the peak of the server process during it. */
export async function measure(spec: LoadSpec, plan: LoadPlan, serverPid: number | null): Promise<LoadResult> {
  if (plan.warmupS > 0) await fire(spec, plan.connections, plan.warmupS);
  const rss = serverPid ? sampleRss(serverPid) : null;
  const cpu0 = serverPid ? cpuMs(serverPid) : null;
  const r = await fire(spec, plan.connections, plan.durationS);
  const cpu1 = serverPid ? cpuMs(serverPid) : null;
  const statuses: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = v.count;
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statuses,
    rssMb: rss?.stop() ?? null,
    cpuMsPerRequest: cpu0 !== null && cpu1 !== null && r.requests.total > 0 ? Math.round(((cpu1 - cpu0) / r.requests.total) * 1000) / 1000 : null,
  };
}

/** Exactly `amount` requests, one at a time (for counting round trips per request). Returns the non-2xx count. */
export async function sequential(spec: LoadSpec, amount: number): Promise<number> {
  const r = await fire(spec, 1, 600, amount);
  return r.non2xx + r.errors;
}
