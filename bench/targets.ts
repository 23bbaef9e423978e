/** Issue 7's targets, checked against one run's figures (a miss is reported, never softened). */
import type { BenchReport } from './run.ts';
import type { TargetCheck } from './report.ts';

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export function checkTargets(r: BenchReport): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const hello = r.floors?.hello.rps ?? null;
  const thin = r.floors?.thinRead.rps ?? null;
  const w = (id: string) => r.mariadb.find((x) => x.id === id);
  const ratioCheck = (id: string, min: number, label: string) => {
    const x = w(id);
    checks.push(x && hello
      ? { target: `${label} ≥ ${pct(min)} of express hello`, measured: `${x.result.rps} / ${hello} = ${pct(x.result.rps / hello)}`, met: x.result.rps >= min * hello && x.result.non2xx === 0 }
      : { target: `${label} ≥ ${pct(min)} of express hello`, measured: 'not measured', met: null });
  };
  ratioCheck('a_get_user', 0.4, '(a) get as user');
  const a = w('a_get_user');
  checks.push(a && thin
    ? { target: '(a) get as user ≥ 0.8 × thin handler read', measured: `${a.result.rps} / ${thin} = ${(a.result.rps / thin).toFixed(2)}×`, met: a.result.rps >= 0.8 * thin }
    : { target: '(a) get as user ≥ 0.8 × thin handler read', measured: 'not measured', met: null });
  ratioCheck('b_list_user', 0.3, '(b) list as user');
  ratioCheck('c_create_user', 0.2, '(c) create as user');
  for (const id of ['a_get_user', 'b_list_user', 'c_create_user']) {
    const x = w(id);
    checks.push({ target: `${id} p99 ≤ 25 ms at 10 connections`, measured: x ? `${x.result.p99} ms` : 'not measured', met: x ? x.result.p99 <= 25 : null });
  }
  const { at10k, at1m, seed } = r.scale;
  checks.push(at10k && at1m
    ? { target: '(b) p50 at ~1 M docs ≤ 1.5 × p50 at 10 k', measured: `${at1m.p50} ms vs ${at10k.p50} ms = ${(at1m.p50 / Math.max(at10k.p50, 0.01)).toFixed(2)}× (p99 ${at1m.p99} vs ${at10k.p99}; ${seed?.documents} docs)`, met: at1m.p50 <= 1.5 * Math.max(at10k.p50, 1) }
    : { target: '(b) p50 at ~1 M docs ≤ 1.5 × p50 at 10 k', measured: 'not measured', met: null });
  checks.push(r.coldStart
    ? { target: 'cold start ≤ 500 ms (embedded default, median)', measured: `${r.coldStart.medianMs} ms (runs ${r.coldStart.runsMs.join(', ')}; first boot ${r.coldStart.firstBootMs} ms)`, met: r.coldStart.medianMs <= 500 }
    : { target: 'cold start ≤ 500 ms (embedded default, median)', measured: 'not measured', met: null });
  const rss = [...r.mariadb, ...r.embedded].map((x) => x.result.rssMb ?? 0);
  checks.push(rss.length
    ? { target: 'RSS under load ≤ 200 MB', measured: `peak ${Math.max(...rss)} MB`, met: Math.max(...rss) <= 200 }
    : { target: 'RSS under load ≤ 200 MB', measured: 'not measured', met: null });
  return checks;
}
