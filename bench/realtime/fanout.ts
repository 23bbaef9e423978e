/**
 * Realtime fan-out benchmark (issue 15): 1,000 open subscriptions split over TWO Tenantry processes
 * on MariaDB + Redis, writes through the REST API split over both, so half of every event's
 * deliveries cross the Redis bus. Latency is from the write (the writer stamps its wall-clock time,
 * `performance.timeOrigin + performance.now()`, into the document just before sending the request)
 * to receipt in the subscriber process, same machine clock: an upper bound on commit → receipt that
 * includes the REST write itself (its own p50 is reported next to it).
 *
 * Two subscription layouts, reported separately:
 *   - realistic: 1,000 subscribers over 50 collections (20 each, on their collection's documents
 *     channel); writes round-robin over the collections, so each write reaches 20 subscribers;
 *   - worst case: all 1,000 subscribers on one hot collection; every write reaches all of them.
 * Idle RSS is both servers' growth from before the sockets open to after they settle, per 1,000.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { api, cookiesFrom, expectOk } from '../lib/api.ts';
import { cpuMs, ROOT, rssMb, sleep } from '../lib/procs.ts';
import { startTenantry, type TenantryProc } from '../lib/tenantry.ts';
import { createProject, type Owner, type ProjectRef } from '../seed/fixture.ts';
import type { ClientPlan } from './clients.ts';

export interface FanoutLayout {
  readonly id: 'realistic' | 'hot';
  readonly title: string;
  readonly subscribers: number;
  readonly collections: number;
  readonly writesPerS: number;
}

export interface FanoutResult {
  readonly layout: FanoutLayout;
  readonly durationS: number;
  readonly writes: number;
  readonly writeErrors: number;
  /** Successful writes per second actually reached (the layout's rate is the aim). */
  readonly writesPerS: number;
  readonly writeP50Ms: number;
  readonly expected: number;
  readonly delivered: number;
  readonly messagesPerS: number;
  /** From the document's `$createdAt` (stamped by the server handling the write, before commit) to receipt. */
  readonly serverP50Ms: number;
  readonly serverP99Ms: number;
  /** From the writer's stamp before sending the request (includes the REST write's own queueing and commit). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Both servers' CPU during the write window (REST writes + publish + fan-out), per delivery. */
  readonly serverCpuMsPerDelivery: number;
  readonly serverCpuMsPerWrite: number;
  readonly idleRssMbPer1000: number;
  readonly clientErrors: number;
  readonly openAtEnd: number;
}

export interface RealtimeBench { readonly results: FanoutResult[] }

const DB = 'rt';
const PER_IP = 100;
const MAX_INFLIGHT = 16;

export function fanoutLayouts(quick: boolean): FanoutLayout[] {
  const subscribers = quick ? 200 : 1000;
  return [
    { id: 'realistic', title: `${subscribers} subscribers over 50 collections (${subscribers / 50} each), 200 writes/s round-robin`, subscribers, collections: 50, writesPerS: 200 },
    // 200 writes/s here would be 200,000 deliveries/s; 20/s is already 20,000/s through one collection.
    { id: 'hot', title: `worst case: all ${subscribers} subscribers on one collection, 20 writes/s (each reaches all)`, subscribers, collections: 1, writesPerS: 20 },
  ];
}

const pct = (sorted: readonly number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const stamp = () => performance.timeOrigin + performance.now();

async function schema(call: ReturnType<typeof api>, project: ProjectRef, collections: number): Promise<void> {
  const o = { project: project.id, key: project.key };
  await expectOk(call, 'create database', 'POST', '/databases', { ...o, body: { databaseId: DB, name: DB } });
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < collections) {
      const id = `c${next++}`;
      const coll = `/databases/${DB}/collections/${id}`;
      await expectOk(call, 'create collection', 'POST', `/databases/${DB}/collections`, { ...o, body: { collectionId: id, name: id, permissions: ['read("any")'], documentSecurity: false } });
      await expectOk(call, 'create attribute t', 'POST', `${coll}/attributes/string`, { ...o, body: { key: 't', size: 32, required: false } });
      await expectOk(call, 'create attribute title', 'POST', `${coll}/attributes/string`, { ...o, body: { key: 'title', size: 200, required: false } });
      for (let i = 0; ; i++) {
        const r = await expectOk(call, 'list attributes', 'GET', `${coll}/attributes`, o);
        if ((r.body.attributes as Array<{ status: string }>).every((a) => a.status === 'available')) break;
        if (i > 300) throw new Error(`attributes of ${id} still processing after 30 s`);
        await sleep(100);
      }
    }
  }));
}

function startClients(plan: ClientPlan): { child: ChildProcess; ready: Promise<number>; report: () => Promise<{ latencies: number[]; fromServer: number[]; errors: number; open: number }> } {
  // The plan goes over IPC: 1,000 socket URLs are too long for a command line (E2BIG).
  const child = fork(join(ROOT, 'bench/realtime/clients.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send({ type: 'plan', plan });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`subscriber process exited with ${code}`))));
  const next = (type: string) => Promise.race([exited, new Promise<any>((resolve) => {
    const on = (m: { type: string }) => { if (m.type === type) { child.off('message', on); resolve(m); } };
    child.on('message', on);
  })]);
  exited.catch(() => {});
  return {
    child,
    ready: next('ready').then((m: { open: number }) => m.open),
    report: () => { const r = next('report'); child.send({ type: 'report' }); return r; },
  };
}

async function runLayout(servers: readonly TenantryProc[], project: ProjectRef, layout: FanoutLayout, ipBlock: number, durationS: number, log: (s: string) => void): Promise<FanoutResult> {
  const pids = servers.map((s) => s.proc.pid!);
  const sumRss = () => pids.reduce((a, p) => a + (rssMb(p) ?? NaN), 0);
  const sumCpu = () => pids.reduce((a, p) => a + (cpuMs(p) ?? NaN), 0);
  const perCollection = new Array<number>(layout.collections).fill(0);
  const sockets = Array.from({ length: layout.subscribers }, (_, k) => {
    const c = k % layout.collections;
    perCollection[c]!++;
    const server = servers[k % servers.length]!;
    const channel = `databases.${DB}.collections.c${c}.documents`;
    return { url: `${server.url.replace('http', 'ws')}/v1/realtime?project=${project.id}&channels[]=${channel}`, localAddress: `127.0.${1 + ipBlock}.${2 + Math.floor(k / PER_IP)}` };
  });
  await sleep(500);
  const rss0 = sumRss();
  const clients = startClients({ sockets });
  try {
    const opened = await clients.ready;
    if (opened !== layout.subscribers) throw new Error(`only ${opened} of ${layout.subscribers} subscribers connected`);
    await sleep(1500);
    const idleRssMbPer1000 = round(((sumRss() - rss0) / layout.subscribers) * 1000);
    clients.child.send({ type: 'record' });
    const call = servers.map((s) => api(s.url));
    const writeMs: number[] = [];
    let writeErrors = 0;
    const statuses: Record<string, number> = {};
    let expected = 0;
    const total = Math.round(layout.writesPerS * durationS);
    const inflight = new Set<Promise<void>>();
    const cpu0 = sumCpu();
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = t0 + (i * 1000) / layout.writesPerS - performance.now();
      if (wait > 0) await sleep(wait);
      // At most MAX_INFLIGHT writes open: past what the servers can take, the write rate drops (reported)
      // instead of a growing queue turning the latency figures into queueing time.
      while (inflight.size >= MAX_INFLIGHT) await Promise.race(inflight);
      const c = i % layout.collections;
      const sent = stamp();
      const w: Promise<void> = call[i % call.length]!('POST', `/databases/${DB}/collections/c${c}/documents`, {
        project: project.id, key: project.key,
        body: { documentId: 'unique()', data: { t: sent.toFixed(3), title: `Event ${i} `.padEnd(120, 'x') } },
      }).then((r) => { if (r.status === 201) { writeMs.push(stamp() - sent); expected += perCollection[c]!; } else { writeErrors++; statuses[r.status] = (statuses[r.status] ?? 0) + 1; } }, (e: Error) => { writeErrors++; statuses[e.name] = (statuses[e.name] ?? 0) + 1; }).finally(() => inflight.delete(w));
      inflight.add(w);
    }
    await Promise.all(inflight);
    const writesPerS = Math.round((total - writeErrors) / ((performance.now() - t0) / 1000));
    const sendS = (performance.now() - t0) / 1000;
    // Let the last deliveries land (or show up as missing).
    for (let i = 0; i < 20; i++) await sleep(100);
    const cpu = sumCpu() - cpu0;
    const got = await clients.report();
    const lat = got.latencies.sort((a, b) => a - b);
    const fromServer = got.fromServer.sort((a, b) => a - b);
    writeMs.sort((a, b) => a - b);
    const result: FanoutResult = {
      layout, durationS: round(sendS), writes: total, writeErrors, writesPerS, writeP50Ms: round(pct(writeMs, 0.5)),
      expected, delivered: lat.length, messagesPerS: Math.round(lat.length / sendS),
      serverP50Ms: round(pct(fromServer, 0.5)), serverP99Ms: round(pct(fromServer, 0.99)), p50Ms: round(pct(lat, 0.5)), p99Ms: round(pct(lat, 0.99)), maxMs: round(lat.at(-1) ?? NaN),
      serverCpuMsPerDelivery: round(cpu / Math.max(1, lat.length), 4), serverCpuMsPerWrite: round(cpu / Math.max(1, total - writeErrors), 2),
      idleRssMbPer1000, clientErrors: got.errors, openAtEnd: got.open,
    };
    log(`  ${layout.id}: ${writesPerS} writes/s reached, ${result.delivered}/${expected} delivered, ${result.messagesPerS} msg/s, server stamp→receipt p50 ${result.serverP50Ms} ms, p99 ${result.serverP99Ms} ms; writer stamp→receipt p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (max ${result.maxMs}; REST write p50 ${result.writeP50Ms} ms), server CPU ${result.serverCpuMsPerDelivery} ms/delivery (${result.serverCpuMsPerWrite} ms/write), idle RSS ${idleRssMbPer1000} MB per 1,000 sockets${writeErrors ? `, ${writeErrors} failed writes ${JSON.stringify(statuses)}` : ''}${got.errors ? `, ${got.errors} client errors` : ''}`);
    return result;
  } finally {
    clients.child.kill('SIGKILL');
  }
}

/** The bench owner: signed up on a fresh scratch database, signed in when an earlier phase made it. */
async function signUpOrIn(call: ReturnType<typeof api>): Promise<Owner> {
  const email = 'bench-owner@example.com';
  const password = 'bench-password-123';
  await expectOk(call, 'owner sign-up', 'POST', '/account', { project: 'console', body: { userId: 'unique()', email, password, name: 'Bench' } }, [201, 409]);
  const r = await expectOk(call, 'owner sign-in', 'POST', '/account/sessions/email', { project: 'console', body: { email, password } });
  return { cookie: cookiesFrom(r.headers) };
}

/** Two servers on the scratch MariaDB + Redis, one project, both layouts in turn. */
export async function realtimeFanout(o: { databaseUrl: string; redisUrl: string; namespace: string; quick: boolean; log: (s: string) => void }): Promise<RealtimeBench> {
  const servers: TenantryProc[] = [];
  try {
    // Open sign-up: in a full run the earlier phases already made this scratch database's first owner.
    const env = { TENANTRY_OPEN_SIGNUP: 'true' };
    for (const name of ['tenantry-rt-a', 'tenantry-rt-b']) servers.push(await startTenantry({ databaseUrl: o.databaseUrl, redisUrl: o.redisUrl, namespace: o.namespace, name, env }));
    const call = api(servers[0]!.url);
    const owner = await signUpOrIn(call);
    const project = await createProject(call, owner, 'bench-rt');
    const layouts = fanoutLayouts(o.quick);
    const started = performance.now();
    await schema(call, project, Math.max(...layouts.map((l) => l.collections)));
    o.log(`  two servers, project with ${Math.max(...layouts.map((l) => l.collections))} collections ready in ${Math.round(performance.now() - started)} ms; subscribers and writes alternate between the servers`);
    const results: FanoutResult[] = [];
    for (const layout of layouts) {
      o.log(`  layout ${layout.id}: ${layout.title}`);
      results.push(await runLayout(servers, project, layout, results.length, o.quick ? 4 : 8, o.log));
    }
    return { results };
  } finally {
    for (const s of servers) await s.stop();
  }
}
