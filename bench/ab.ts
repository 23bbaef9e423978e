/**
 * A/B: the same API workloads against servers run from two checkouts, alternated for `--rounds`
 * rounds (default 2) so a busy machine's drift hits both alike; prints req/s, p99 and the server's
 * CPU ms per request (the steadiest of the three on a shared machine) per checkout, and B/A. Each server gets a freshly reset scratch MariaDB + Redis and a fresh seed.
 *
 *   node bench/ab.ts /path/to/checkout-a /path/to/checkout-b --only=a_get_user,d_get_key --rounds=3
 *
 * `--sqlite` runs both on the embedded default instead (a fresh SQLite file, in-process store): no
 * database or Redis round trip on the network, so the figures weigh the HTTP layer's own work more.
 *
 * A checkout needs its own node_modules (a symlink to this one's will do).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from './lib/api.ts';
import { openScratch, BENCH_NS } from './lib/backends.ts';
import { measure } from './lib/load.ts';
import { startTenantry } from './lib/tenantry.ts';
import { seedBench } from './seed/bench-seed.ts';
import { workloads } from './workloads.ts';

const argv = process.argv.slice(2);
const roots = argv.filter((a) => !a.startsWith('--'));
if (roots.length !== 2) { console.error('usage: node bench/ab.ts <checkout-a> <checkout-b> [--only=…] [--rounds=N] [--seconds=N] [--sqlite]'); process.exit(2); }
const sqlite = argv.includes('--sqlite');
const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? ['a_get_user', 'b_list_user', 'c_create_user', 'd_get_key'];
const rounds = Number(argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 2);
const seconds = Number(argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 3);

type Sample = { rps: number; p99: number; rss: number | null; cpu: number | null };
const results = new Map<string, Sample[]>(); // `${root}|${workload}`
for (let r = 0; r < rounds; r++) {
  for (const root of r % 2 === 0 ? roots : [...roots].reverse()) {
    const dir = sqlite ? mkdtempSync(join(tmpdir(), 'tenantry-ab-')) : null;
    const scratch = dir ? null : await openScratch(process.env.BENCH_MYSQL_URL, process.env.BENCH_REDIS_URL);
    try {
      const backends = dir ? { databaseUrl: `sqlite:${join(dir, 'bench.db')}`, redisUrl: null } : { databaseUrl: scratch!.databaseUrl, redisUrl: scratch!.redisUrl };
      const server = await startTenantry({ ...backends, namespace: BENCH_NS, name: 'tenantry-ab', root });
      try {
        const fixture = await seedBench(api(server.url), 1000, () => {});
        for (const w of workloads(server.url, fixture).filter((x) => only.includes(x.id))) {
          const res = await measure(w.spec, { connections: 10, warmupS: 1, durationS: seconds }, server.proc.pid);
          if (res.non2xx) console.log(`  ! ${root} ${w.id}: ${res.non2xx} non-2xx ${JSON.stringify(res.statuses)}`);
          const key = `${root}|${w.id}`;
          results.set(key, [...(results.get(key) ?? []), { rps: res.rps, p99: res.p99, rss: res.rssMb, cpu: res.cpuMsPerRequest }]);
          console.log(`  round ${r + 1} ${root} ${w.id}: ${res.rps} req/s, p99 ${res.p99} ms, CPU ${res.cpuMsPerRequest} ms/req, RSS ${res.rssMb} MB`);
        }
      } finally {
        await server.stop();
      }
    } finally {
      await scratch?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(`\nA = ${roots[0]}\nB = ${roots[1]}\nworkload          A req/s  B req/s   B/A   A p99  B p99  A CPU ms/req  B CPU ms/req   B/A  (mean of ${rounds} rounds, ${seconds} s each)`);
for (const id of only) {
  const a = results.get(`${roots[0]}|${id}`) ?? [];
  const b = results.get(`${roots[1]}|${id}`) ?? [];
  const ra = mean(a.map((x) => x.rps));
  const rb = mean(b.map((x) => x.rps));
  const ca = mean(a.map((x) => x.cpu ?? 0));
  const cb = mean(b.map((x) => x.cpu ?? 0));
  console.log(`${id.padEnd(16)} ${ra.toFixed(0).padStart(8)} ${rb.toFixed(0).padStart(8)} ${(rb / ra).toFixed(2).padStart(5)}× ${mean(a.map((x) => x.p99)).toFixed(0).padStart(6)} ${mean(b.map((x) => x.p99)).toFixed(0).padStart(6)} ${ca.toFixed(3).padStart(13)} ${cb.toFixed(3).padStart(13)} ${(cb / ca).toFixed(2).padStart(5)}×`);
}
