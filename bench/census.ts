/**
 * Round trips per request: a second server runs with counting proxies in front of MariaDB and
 * Redis, and each workload is replayed one request at a time (after a warm-up, so caches are warm).
 * Issue 7 wants the per-request overhead above the thin handler (project, session, roles,
 * collection metadata) served from in-process caches — this shows whether it is.
 */
import { BENCH_NS, type Scratch } from './lib/backends.ts';
import { startCountingProxy } from './lib/counting-proxy.ts';
import { sequential } from './lib/load.ts';
import { startTenantry } from './lib/tenantry.ts';
import type { BenchFixture } from './seed/bench-seed.ts';
import { workloads } from './workloads.ts';

export interface CensusRow { readonly id: string; readonly requests: number; readonly failed: number; readonly sqlPerRequest: number; readonly redisPerRequest: number }

function withPort(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString().replace(/\/$/, '');
}

export async function roundTripCensus(scratch: Scratch, fixture: BenchFixture, requests: number, only: readonly string[] | null): Promise<CensusRow[]> {
  const db = new URL(scratch.databaseUrl);
  const rd = new URL(scratch.redisUrl);
  const dbProxy = await startCountingProxy({ host: db.hostname, port: Number(db.port || 3306) }, 'mysql');
  const redisProxy = await startCountingProxy({ host: rd.hostname, port: Number(rd.port || 6379) }, 'redis');
  const server = await startTenantry({ databaseUrl: withPort(scratch.databaseUrl, dbProxy.port), redisUrl: withPort(scratch.redisUrl, redisProxy.port), namespace: BENCH_NS, name: 'tenantry-census' });
  const rows: CensusRow[] = [];
  try {
    for (const w of workloads(server.url, fixture).filter((x) => !only || only.includes(x.id))) {
      await sequential(w.spec, 20);
      const sql0 = dbProxy.count();
      const redis0 = redisProxy.count();
      const failed = await sequential(w.spec, requests);
      rows.push({
        id: w.id, requests, failed,
        sqlPerRequest: Math.round(((dbProxy.count() - sql0) / requests) * 100) / 100,
        redisPerRequest: Math.round(((redisProxy.count() - redis0) / requests) * 100) / 100,
      });
    }
  } finally {
    await server.stop();
    await dbProxy.close();
    await redisProxy.close();
  }
  return rows;
}
