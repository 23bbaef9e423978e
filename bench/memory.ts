/**
 * Where the server's memory goes: RSS (from /proc) right after start-up, after seeding and after
 * each API workload, on MariaDB + Redis. Extra Node flags for the server can be tried with
 * `--node-arg=…` and environment variables with `--env=NAME=value` (both repeatable), e.g.
 * `node bench/memory.ts --node-arg=--max-semi-space-size=4 --env=MALLOC_ARENA_MAX=2`; `--root=DIR` runs
 * the server from another checkout (a baseline).
 */
import { api } from './lib/api.ts';
import { openScratch, BENCH_NS } from './lib/backends.ts';
import { measure } from './lib/load.ts';
import { rssMb } from './lib/procs.ts';
import { startTenantry } from './lib/tenantry.ts';
import { seedBench } from './seed/bench-seed.ts';
import { workloads } from './workloads.ts';

const nodeArgs = process.argv.filter((a) => a.startsWith('--node-arg=')).map((a) => a.slice(11));
const env = Object.fromEntries(process.argv.filter((a) => a.startsWith('--env=')).map((a) => { const [k, ...v] = a.slice(6).split('='); return [k!, v.join('=')]; }));
const root = process.argv.find((a) => a.startsWith('--root='))?.slice(7);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? ['a_get_user', 'b_list_user', 'c_create_user', 'd_get_key'];
const scratch = await openScratch(process.env.BENCH_MYSQL_URL, process.env.BENCH_REDIS_URL);
const server = await startTenantry({ databaseUrl: scratch.databaseUrl, redisUrl: scratch.redisUrl, namespace: BENCH_NS, name: 'tenantry-memory', nodeArgs, env, root });
const phases: Array<[string, number | null]> = [['started', rssMb(server.proc.pid)]];
try {
  const fixture = await seedBench(api(server.url), 1000, () => {});
  phases.push(['seeded', rssMb(server.proc.pid)]);
  for (const w of workloads(server.url, fixture).filter((x) => only.includes(x.id))) {
    const r = await measure(w.spec, { connections: 10, warmupS: 1, durationS: 2 }, server.proc.pid);
    phases.push([`${w.id} (${r.rps} req/s, peak)`, r.rssMb]);
  }
} finally {
  await server.stop();
  await scratch.close();
}
const flags = [...nodeArgs, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
console.log(`server RSS by phase (MB)${flags.length ? `, ${flags.join(' ')}` : ''}:\n${phases.map(([p, v]) => `  ${p}: ${v}`).join('\n')}`);
