/**
 * The six faults (issue 8; SECURITY-REFERENCE §3.7 F1–F6). Each injection returns its window
 * [start, end] in epoch ms: `end` is when the victim is back (restarted and answering, or thawed).
 */
import { sleep } from '../lib/procs.ts';
import type { MariaDb, RedisServer, TenantryServer } from './infra.ts';
import { send, type LoadDriver, type LoadProject, type OpRecord } from './load.ts';
import { apiHeaders } from '../lib/api.ts';

export interface Harness {
  readonly db: MariaDb;
  readonly redis: RedisServer;
  readonly servers: readonly TenantryServer[];
  readonly driver: LoadDriver;
  readonly flood: { readonly project: LoadProject; readonly path: string; readonly connections: number };
  readonly sessions: SessionProbe | null;
  readonly log: (s: string) => void;
}

export interface Injection { readonly start: number; readonly end: number; readonly note?: string; readonly extra?: Record<string, unknown> }
export type Fault = (h: Harness) => Promise<Injection>;

export interface ScenarioDef { readonly id: string; readonly title: string; readonly inject: Fault; readonly freezes?: boolean }

/** F1: kill -9 one Tenantry process while it has a write in flight; the supervisor restarts it. */
const killTenantry: Fault = async (h) => {
  const victim = h.servers[Math.floor(Math.random() * h.servers.length)]!;
  for (let i = 0; i < 200 && (h.driver.inflightWrites.get(victim.url) ?? 0) === 0; i++) await sleep(5);
  const inflight = h.driver.inflightWrites.get(victim.url) ?? 0;
  const start = Date.now();
  await victim.sup.kill9();
  await victim.sup.restart();
  return { start, end: Date.now(), note: `killed ${victim.sup.name} with ${inflight} write(s) in flight` };
};

/** F2: kill -9 mariadbd, restart it at once (InnoDB crash recovery). */
const killMariaDb: Fault = async (h) => {
  const start = Date.now();
  await h.db.sup.kill9();
  await h.db.sup.restart();
  return { start, end: Date.now() };
};

const freezeFor = (target: (h: Harness) => { freeze(): void; thaw(): void }, ms: number): Fault => async (h) => {
  const start = Date.now();
  target(h).freeze();
  await sleep(ms);
  target(h).thaw();
  return { start, end: Date.now() };
};

/** F4: kill -9 redis-server, restart it empty; then check a session revoked before the fault stays revoked. */
const killRedis: Fault = async (h) => {
  const revoked = h.sessions ? await h.sessions.revokeOne() : null;
  const start = Date.now();
  await h.redis.sup.kill9();
  const during = h.sessions ? await h.sessions.status(h.sessions.live) : null;
  await h.redis.sup.restart();
  const end = Date.now();
  await sleep(500);
  const after = revoked && h.sessions ? await h.sessions.status(revoked) : null;
  return { start, end, extra: { liveSessionDuringOutage: during, revokedSessionAfterRestart: after } };
};

/** F6: project A floods slow queries for 10 s while the load keeps measuring project B. */
const flood: Fault = async (h) => {
  const start = Date.now();
  const until = start + 10_000;
  const headers = apiHeaders({ project: h.flood.project.id, key: h.flood.project.keys[0] });
  const query = [
    JSON.stringify({ method: 'contains', attribute: 'body', values: ['no-such-needle'] }),
    JSON.stringify({ method: 'limit', values: [25] }),
  ].map((q, i) => `queries[${i}]=${encodeURIComponent(q)}`).join('&');
  let sent = 0;
  const statuses: Record<string, number> = {};
  const loop = async (i: number) => {
    while (Date.now() < until) {
      const r = await send({ servers: h.driver.cfg.servers, timeoutMs: 5000 }, i + sent, 'GET', `${h.flood.path}?${query}`, headers);
      sent++;
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      h.driver.records.push({ t0: r.t0, t1: r.t1, project: h.flood.project.id, op: 'flood', status: r.status, outcome: r.status === 200 ? 'ok' : r.status >= 400 && r.status < 500 ? 'fail' : 'unknown', server: r.server, ...(r.retryAfter === undefined ? {} : { retryAfter: r.retryAfter }) });
    }
  };
  await Promise.all(Array.from({ length: h.flood.connections }, (_, i) => loop(i)));
  return { start, end: Date.now(), extra: { floodRequests: sent, floodStatuses: statuses } };
};

export const SCENARIOS: readonly ScenarioDef[] = [
  { id: 'F1', title: 'kill -9 a Tenantry process mid-write', inject: killTenantry },
  { id: 'F2', title: 'kill -9 MariaDB, restart', inject: killMariaDb },
  { id: 'F3', title: 'kill -STOP MariaDB 10 s, then -CONT', inject: freezeFor((h) => ({ freeze: () => h.db.sup.freeze(), thaw: () => h.db.sup.thaw() }), 10_000), freezes: true },
  { id: 'F4', title: 'kill -9 Redis, restart empty', inject: killRedis },
  { id: 'F5', title: 'kill -STOP Redis 10 s, then -CONT', inject: freezeFor((h) => ({ freeze: () => h.redis.sup.freeze(), thaw: () => h.redis.sup.thaw() }), 10_000), freezes: true },
  { id: 'F6', title: 'project A floods slow queries while project B is measured', inject: flood },
];

/** End-user sessions in project A, to prove a revoked session is not accepted after Redis comes back empty. */
export interface SessionProbe {
  /** A session that should still be valid (until Redis loses it). */
  readonly live: string;
  /** Opens a fresh session and revokes it; returns the revoked token (still 401 before the fault). */
  revokeOne(): Promise<string>;
  /** GET /v1/account with the token: the HTTP status. */
  status(token: string): Promise<number>;
}

/** p99 of the given records' latencies, in ms. */
export function p99(records: readonly OpRecord[]): number {
  if (!records.length) return 0;
  const l = records.map((r) => r.t1 - r.t0).sort((a, b) => a - b);
  return l[Math.min(l.length - 1, Math.floor(0.99 * l.length))]!;
}
