/**
 * `npm run bench` — floors, API workloads, list scale (10 k → 1 M documents over 1000 projects) and
 * cold start, every server in its own process; prints a table and writes bench/results/latest.json.
 *
 *   npm run bench                 full run on MariaDB + Redis (< 10 min on 2 cores)
 *   npm run bench -- --quick      smoke run: 2 s per workload, tiny seeds
 *   npm run bench -- --embedded   also run the workloads on the embedded default (SQLite, in-process store)
 *   --skip-floors --skip-scale --skip-cold   leave a phase out
 *   --only=a_get_user,b_list_user            run only these API workloads
 *   --skip-census                 leave out the round-trips-per-request census
 *   --skip-realtime / --only-realtime   leave out / run only the realtime fan-out phase (bench/realtime, < 90 s)
 *   --scale-tenants=N             extra projects for the scale step (default 999 → ~1 M documents)
 *   --profile                     run the MariaDB-leg server with --cpu-prof during the API workloads and
 *                                 print where its CPU time went (profile kept in bench/results/profiles/)
 *
 * Uses a scratch database `tenantry_bench_<pid>` on 127.0.0.1:3306 (root, no password; override with
 * BENCH_MYSQL_URL) and Redis keys `tb<pid>:*` on 127.0.0.1:6379 (BENCH_REDIS_URL); both removed at the end.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { api } from './lib/api.ts';
import { openScratch, BENCH_NS, type Scratch } from './lib/backends.ts';
import { measure, type LoadPlan, type LoadResult } from './lib/load.ts';
import { killAllChildren, ROOT } from './lib/procs.ts';
import { startTenantry, type TenantryProc } from './lib/tenantry.ts';
import { runFloors, type FloorResults } from './floors/run-floors.ts';
import { seedBench, ITEMS, type BenchFixture } from './seed/bench-seed.ts';
import { seedScale, type ScaleResult } from './seed/scale-seed.ts';
import { listWorkload, workloads } from './workloads.ts';
import { coldStart, type ColdStart } from './cold-start.ts';
import { checkRealtimeTargets, checkTargets } from './targets.ts';
import { roundTripCensus, type CensusRow } from './census.ts';
import { formatProfile, latestProfile, summarizeProfile, type ProfileSummary } from './lib/cpu-profile.ts';
import { formatTable, formatTargets, ratio, type Row } from './report.ts';
import { realtimeFanout, type RealtimeBench } from './realtime/fanout.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const plan: LoadPlan = quick ? { connections: 10, warmupS: 1, durationS: 2 } : { connections: 10, warmupS: 3, durationS: 10 };
const seedDocs = quick ? 1000 : 10_000;
const scaleTenants = Number(process.argv.find((a) => a.startsWith('--scale-tenants='))?.slice(16) ?? (quick ? 20 : 999));
const scale = { tenants: scaleTenants, perTenant: quick ? 500 : 1000 };
const log = (s: string) => console.log(s);
const argList = process.argv.slice(2);
const onlyWorkloads = argList.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? null;
const profileDir = join(ROOT, 'bench/results/profiles');

export interface WorkloadResult { readonly id: string; readonly title: string; readonly result: LoadResult; readonly ratioToHello: number | null }
export interface BenchReport {
  readonly startedAt: string;
  readonly quick: boolean;
  readonly machine: Record<string, unknown>;
  readonly plan: LoadPlan;
  floors: FloorResults | null;
  mariadb: WorkloadResult[];
  embedded: WorkloadResult[];
  scale: { workload: string | null; at10k: LoadResult | null; at1m: LoadResult | null; seed: ScaleResult | null };
  coldStart: ColdStart | null;
  profile: ProfileSummary | null;
  census: CensusRow[];
  realtime: RealtimeBench | null;
  errors: string[];
}

async function machine(scratch: Scratch): Promise<Record<string, unknown>> {
  const version = (await scratch.knex.raw('SELECT VERSION() AS v')) as [Array<{ v: string }>];
  return { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), mariadb: version[0][0]?.v, platform: process.platform };
}

async function phase(report: BenchReport, name: string, fn: () => Promise<void>): Promise<void> {
  log(`\n== ${name}`);
  try {
    await fn();
  } catch (e) {
    const msg = `${name}: ${(e as Error).message}`;
    report.errors.push(msg);
    log(`  ! ${msg}`);
  }
}

async function runWorkloads(server: TenantryProc, fixture: BenchFixture, hello: number | null): Promise<WorkloadResult[]> {
  const out: WorkloadResult[] = [];
  for (const w of workloads(server.url, fixture).filter((x) => !onlyWorkloads || onlyWorkloads.includes(x.id))) {
    const result = await measure(w.spec, plan, server.proc.pid);
    out.push({ id: w.id, title: w.title, result, ratioToHello: hello ? ratio(result, { rps: hello }) : null });
    log(`  ${w.id}: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, CPU ${result.cpuMsPerRequest} ms/req${result.non2xx ? `, ${result.non2xx} non-2xx ${JSON.stringify(result.statuses)}` : ''}`);
  }
  return out;
}

async function mariadbPhases(report: BenchReport, scratch: Scratch): Promise<void> {
  let server: TenantryProc | null = null;
  try {
    const profiling = args.has('--profile');
    if (profiling) mkdirSync(profileDir, { recursive: true });
    const nodeArgs = profiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    const start = (extra: readonly string[] = []) => startTenantry({ databaseUrl: scratch.databaseUrl, redisUrl: scratch.redisUrl, namespace: BENCH_NS, name: 'tenantry-mariadb', nodeArgs: extra });
    server = await start();
    const fixture = await seedBench(api(server.url), seedDocs, log);
    if (profiling) {
      // Profile the workloads only, not the seeding (start-up is still in it: about a second).
      await server.stop();
      server = await start(nodeArgs);
    }
    report.mariadb = await runWorkloads(server, fixture, report.floors?.hello.rps ?? null);
    if (profiling) {
      // The profile is written when the process exits; the scale phase runs on a fresh, unprofiled server.
      await server.stop();
      const file = latestProfile(profileDir);
      if (file) { report.profile = summarizeProfile(file); log(formatProfile(report.profile)); }
      server = await start();
    }
    if (!args.has('--skip-census')) {
      report.census = await roundTripCensus(scratch, fixture, quick ? 50 : 200, onlyWorkloads);
      log(`  round trips per request (MariaDB commands / Redis commands): ${report.census.map((c) => `${c.id} ${c.sqlPerRequest}/${c.redisPerRequest}`).join(', ')}`);
    }
    if (args.has('--skip-scale')) return;
    const list = listWorkload(server.url, fixture);
    report.scale.workload = list.id;
    log(`\n== scale: list (b) at ${seedDocs} documents, then ~${seedDocs + scale.tenants * scale.perTenant} over ${scale.tenants + 1} projects`);
    report.scale.at10k = await measure(list.spec, plan, server.proc.pid);
    log(`  ${seedDocs} docs: p50 ${report.scale.at10k.p50} ms, p99 ${report.scale.at10k.p99} ms`);
    report.scale.seed = await seedScale(api(server.url), fixture.owner, scratch.knex, BENCH_NS, { mainProjectId: fixture.project.id, collectionId: ITEMS, ...scale }, log);
    report.scale.at1m = await measure(list.spec, plan, server.proc.pid);
    log(`  ${report.scale.seed.documents} docs: p50 ${report.scale.at1m.p50} ms, p99 ${report.scale.at1m.p99} ms`);
  } finally {
    await server?.stop();
  }
}

async function embeddedPhase(report: BenchReport): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tenantry-bench-'));
  let server: TenantryProc | null = null;
  try {
    server = await startTenantry({ databaseUrl: `sqlite:${join(dir, 'bench.db')}`, redisUrl: null, namespace: BENCH_NS, name: 'tenantry-sqlite' });
    const fixture = await seedBench(api(server.url), seedDocs, log);
    report.embedded = await runWorkloads(server, fixture, report.floors?.hello.rps ?? null);
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function rows(report: BenchReport): Row[] {
  const out: Row[] = [];
  const hello = report.floors?.hello;
  if (report.floors) {
    const f = report.floors;
    out.push({ name: 'floor: express 5 hello', result: f.hello, ratio: 1 });
    out.push({ name: 'floor: thin handler read (PK SELECT + Redis GET)', result: f.thinRead, ratio: ratio(f.thinRead, f.hello) });
    out.push({ name: 'floor: thin handler list of 20', result: f.thinList, ratio: ratio(f.thinList, f.hello) });
    out.push({ name: 'floor: thin handler insert', result: f.thinInsert, ratio: ratio(f.thinInsert, f.hello) });
    out.push({ name: 'floor: mysql2 PK SELECT loop (no HTTP)', result: f.pkLoop, ratio: ratio(f.pkLoop, f.hello) });
  }
  for (const w of report.mariadb) {
    const c = report.census.find((x) => x.id === w.id);
    out.push({ name: `MariaDB+Redis ${w.title}`, result: w.result, ratio: w.ratioToHello, note: c ? `${c.sqlPerRequest} SQL + ${c.redisPerRequest} Redis round trips/req` : undefined });
  }
  if (report.scale.at10k) out.push({ name: `scale: ${report.scale.workload}, main project ${seedDocs} docs`, result: report.scale.at10k, ratio: hello ? ratio(report.scale.at10k, hello) : null });
  if (report.scale.at1m) out.push({ name: `scale: ${report.scale.workload}, table at ${report.scale.seed?.documents} docs / ${report.scale.seed?.tenants} projects`, result: report.scale.at1m, ratio: hello ? ratio(report.scale.at1m, hello) : null });
  for (const w of report.embedded) out.push({ name: `SQLite ${w.title}`, result: w.result, ratio: w.ratioToHello });
  return out;
}

async function main(): Promise<void> {
  // Bounded: a stuck phase can't keep servers running; the scratch database is dropped by the next run.
  const emergency = (why: string, code: number) => { console.error(`bench: ${why}; stopping every server it started`); killAllChildren(); process.exit(code); };
  setTimeout(() => emergency('over the 20-minute limit', 2), 20 * 60_000).unref();
  process.once('SIGINT', () => emergency('interrupted', 130));
  process.once('SIGTERM', () => emergency('terminated', 143));
  const scratch = await openScratch(process.env.BENCH_MYSQL_URL, process.env.BENCH_REDIS_URL);
  const started = performance.now();
  const report: BenchReport = { startedAt: new Date().toISOString(), quick, machine: await machine(scratch), plan, floors: null, mariadb: [], embedded: [], scale: { workload: null, at10k: null, at1m: null, seed: null }, coldStart: null, profile: null, census: [], realtime: null, errors: [] };
  log(`Tenantry bench (${quick ? 'quick' : 'full'}): Node ${process.version}, ${report.machine.cpus} × ${report.machine.cpuModel}, MariaDB ${report.machine.mariadb}`);
  try {
    const onlyRealtime = args.has('--only-realtime');
    if (!onlyRealtime && !args.has('--skip-floors')) await phase(report, 'floors', async () => { report.floors = await runFloors(scratch, plan, log); });
    if (!onlyRealtime) await phase(report, 'workloads on MariaDB + Redis', () => mariadbPhases(report, scratch));
    if (!args.has('--skip-realtime')) await phase(report, 'realtime fan-out (two servers, MariaDB + Redis)', async () => { report.realtime = await realtimeFanout({ databaseUrl: scratch.databaseUrl, redisUrl: scratch.redisUrl, namespace: BENCH_NS, quick, log }); });
    if (!onlyRealtime && !args.has('--skip-cold')) await phase(report, 'cold start (embedded default)', async () => { report.coldStart = await coldStart(quick ? 3 : 5); log(`  first boot ${report.coldStart.firstBootMs} ms; median of ${report.coldStart.runsMs.length}: ${report.coldStart.medianMs} ms`); });
    if (!onlyRealtime && args.has('--embedded')) await phase(report, 'workloads on the embedded default (SQLite)', () => embeddedPhase(report));
  } finally {
    await scratch.close();
  }
  const targets = [...checkTargets(report), ...checkRealtimeTargets(report)];
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.json'), JSON.stringify({ ...report, targets, totalS: Math.round((performance.now() - started) / 1000) }, null, 2));
  log(`\n${formatTable(rows(report))}\n\nTargets (issue 11):\n${formatTargets(targets)}`);
  if (report.errors.length) log(`\nPhases that failed:\n${report.errors.map((e) => `  - ${e}`).join('\n')}`);
  log(`\nWritten bench/results/latest.json (${Math.round((performance.now() - started) / 1000)} s).`);
  if (report.errors.length) process.exitCode = 1;
}

await main();
