import type { BenchReport } from './run.ts';
import type { TargetCheck } from './report.ts';


/**
 * Issue 11's targets: ratios to the thin floor measured in the same run (its read, list and insert
 * handlers), p99 at 10 connections, peak RSS and cold start. A miss is reported, never softened.
 */
export function checkTargets(r: BenchReport): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const w = (id: string) => r.mariadb.find((x) => x.id === id);
  const floor = (name: string, f: { rps: number } | undefined) => (f ? { name, rps: f.rps } : null);
  const thin = {
    read: floor('thin read', r.floors?.thinRead),
    list: floor('thin list', r.floors?.thinList),
    insert: floor('thin insert', r.floors?.thinInsert),
  };
  const ratioCheck = (id: string, min: number, label: string, against: { name: string; rps: number } | null) => {
    const x = w(id);
    const target = `${label} ≥ ${min} × ${against?.name ?? 'thin floor'}`;
    checks.push(x && against
      ? { target, measured: `${x.result.rps} / ${against.rps} = ${(x.result.rps / against.rps).toFixed(2)}×${x.result.cpuMsPerRequest ? ` (CPU ${x.result.cpuMsPerRequest} ms/req)` : ''}`, met: x.result.rps >= min * against.rps && x.result.non2xx === 0 }
      : { target, measured: 'not measured', met: null });
  };
  ratioCheck('a_get_user', 0.6, '(a) get as user', thin.read);
  ratioCheck('b_list_user', 0.3, '(b) list 25 as user, with total', thin.list);
  ratioCheck('b_list_user_nototal', 0.6, '(b) list 25 as user, total=false', thin.list);
  ratioCheck('c_create_user', 0.45, '(c) create as user', thin.insert);
  for (const id of ['a_get_user', 'b_list_user', 'c_create_user']) {
    const x = w(id);
    checks.push({ target: `${id} p99 ≤ 15 ms at 10 connections`, measured: x ? `${x.result.p99} ms` : 'not measured', met: x ? x.result.p99 <= 15 : null });
  }
  const { at10k, at1m, seed } = r.scale;
  checks.push(at10k && at1m
    ? { target: '(b) p50 at ~1 M docs ≤ 1.5 × p50 at 10 k', measured: `${at1m.p50} ms vs ${at10k.p50} ms = ${(at1m.p50 / Math.max(at10k.p50, 0.01)).toFixed(2)}× (p99 ${at1m.p99} vs ${at10k.p99}; ${seed?.documents} docs)`, met: at1m.p50 <= 1.5 * Math.max(at10k.p50, 1) }
    : { target: '(b) p50 at ~1 M docs ≤ 1.5 × p50 at 10 k', measured: 'not measured', met: null });
  checks.push(r.coldStart
    ? { target: 'cold start ≤ 300 ms (embedded default, median)', measured: `${r.coldStart.medianMs} ms (runs ${r.coldStart.runsMs.join(', ')}; first boot ${r.coldStart.firstBootMs} ms)`, met: r.coldStart.medianMs <= 300 }
    : { target: 'cold start ≤ 300 ms (embedded default, median)', measured: 'not measured', met: null });
  const rss = [...r.mariadb, ...r.embedded].map((x) => x.result.rssMb ?? 0);
  checks.push(rss.length
    ? { target: 'RSS under load ≤ 200 MB', measured: `peak ${Math.max(...rss)} MB`, met: Math.max(...rss) <= 200 }
    : { target: 'RSS under load ≤ 200 MB', measured: 'not measured', met: null });
  return checks;
}

/** Issue 15's realtime targets, on the realistic layout; the hot-collection worst case is reported beside them, not judged. */
export function checkRealtimeTargets(r: BenchReport): TargetCheck[] {
  const results = r.realtime?.results ?? [];
  const real = results.find((x) => x.layout.id === 'realistic');
  const hot = results.find((x) => x.layout.id === 'hot');
  const complete = (x: { delivered: number; expected: number; writeErrors: number }) => x.delivered === x.expected && x.writeErrors === 0;
  const latency = (x: NonNullable<typeof real>) => `p99 ${x.serverP99Ms} ms, p50 ${x.serverP50Ms} ms from the server's $createdAt (from the writer's stamp: p99 ${x.p99Ms}, p50 ${x.p50Ms}); ${x.writesPerS} writes/s reached, ${x.messagesPerS} msg/s, ${x.delivered}/${x.expected} delivered; server CPU ${x.serverCpuMsPerDelivery} ms/delivery`;
  return [
    real
      ? { target: `realtime p99 commit→receipt ≤ 50 ms (${real.layout.title}, 2 servers)`, measured: latency(real), met: real.serverP99Ms <= 50 && complete(real) }
      : { target: 'realtime p99 commit→receipt ≤ 50 ms (realistic layout)', measured: 'not measured', met: null },
    real
      ? { target: 'realtime RSS ≤ 50 MB per 1,000 idle connections', measured: `${real.idleRssMbPer1000} MB (both servers' growth)`, met: real.idleRssMbPer1000 <= 50 }
      : { target: 'realtime RSS ≤ 50 MB per 1,000 idle connections', measured: 'not measured', met: null },
    hot
      ? { target: `(reported, not a target) ${hot.layout.title}`, measured: latency(hot), met: null }
      : { target: '(reported, not a target) hot-collection worst case', measured: 'not measured', met: null },
  ];
}
