/**
 * `npm run faults` — load with faults (issue 8, SECURITY-REFERENCE §3.7). Starts a private MariaDB
 * and redis-server on spare loopback ports (never the shared 3306/6379), two Tenantry processes,
 * drives the mixed load over two projects with identical IDs, injects each fault at random moments,
 * checks the invariants after each scenario, writes bench/results/faults.json and exits non-zero
 * when an invariant breaks.
 *
 *   npm run faults                  all six scenarios, 2 faults each (< 15 min on 2 cores)
 *   npm run faults -- --quick       one fault each, shorter scenarios
 *   npm run faults -- --only=F2,F4  a subset
 *   --reps=N                        inject each fault N times (default 2, 1 with --quick)
 *   --records=FILE                  also write every request record (JSON lines: t0, t1, project, op, status, …)
 *   --keep                          keep the temp dir (MariaDB error log, data, tenantry-N.log) for inspection
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from '../lib/api.ts';
import { ROOT } from '../lib/procs.ts';
import { killEverything, startMariaDb, startRedis, startTenantryServer, type MariaDb, type RedisServer, type TenantryServer } from './infra.ts';
import { LoadDriver } from './load.ts';
import { SCENARIOS, type Harness } from './scenarios.ts';
import { runScenario, type ScenarioReport } from './scenario-runner.ts';
import { DATABASE_ID, FLOOD_COLLECTION, LOAD_COLLECTION, growFloodCollection, seedFaults, sessionProbe } from './setup.ts';
import { summarize } from './summary.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const repsArg = Number(args.find((a) => a.startsWith('--reps='))?.slice(7) ?? NaN);
const reps = Number.isInteger(repsArg) && repsArg > 0 && repsArg <= 10 ? repsArg : quick ? 1 : 2;
const NS = 'tf';
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'tenantry-faults-'));
  // Bounded: whatever happens, the run ends (and takes its processes with it).
  const emergency = (why: string, code: number) => {
    console.error(`faults: ${why}; killing every process the harness started`);
    killEverything();
    rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  };
  const deadline = setTimeout(() => emergency(`over the ${quick ? 8 : 20}-minute limit`, 2), (quick ? 8 : 20) * 60_000);
  deadline.unref();
  process.once('SIGINT', () => emergency('interrupted', 130));
  process.once('SIGTERM', () => emergency('terminated', 143));
  let db: MariaDb | null = null;
  let redis: RedisServer | null = null;
  const servers: TenantryServer[] = [];
  let exitCode = 1;
  try {
    db = await startMariaDb(dir, 'tenantry_faults');
    redis = await startRedis(dir);
    log(`private MariaDB on 127.0.0.1:${db.port} (innodb_flush_log_at_trx_commit=1), redis-server on 127.0.0.1:${redis.port} (no persistence)`);
    const tenantryOptions = { databaseUrl: db.url, redisUrl: redis.url, namespace: NS, logDir: dir };
    servers.push(await startTenantryServer('tenantry-1', tenantryOptions));
    servers.push(await startTenantryServer('tenantry-2', tenantryOptions));
    log(`Tenantry on ${servers.map((s) => s.url).join(' and ')}`);

    const keysPerProject = 3;
    const fixture = await seedFaults(api(servers[0]!.url), keysPerProject);
    if (!fixture.limitsRaised) log('! no per-project rate-limit overrides: the load stays under the default per-key budget');
    const floodRows = await growFloodCollection(db.url, NS, quick ? 12_800 : 51_200);
    const sessions = await sessionProbe(servers[0]!.url);
    log(`seeded: projects ${fixture.projects.map((p) => p.id).join(', ')}; flood collection ${floodRows} rows; end-user session probe ${sessions ? 'ready' : 'unavailable (no end-user accounts)'}`);

    const driver = new LoadDriver({
      servers: servers.map((s) => s.url),
      projects: fixture.projects,
      workersPerProject: keysPerProject,
      // ≈ 25 req/s per worker: well under the default per-key budget (6000/60 s) and ~half the machine.
      thinkMs: fixture.limitsRaised ? 15 : 40,
      timeoutMs: 5000,
      databaseId: DATABASE_ID,
      collectionId: LOAD_COLLECTION,
    });
    const harness: Harness = {
      db, redis, servers, driver, sessions, log,
      flood: { project: fixture.projects[0]!, path: `/databases/${DATABASE_ID}/collections/${FLOOD_COLLECTION}/documents`, connections: 24 },
    };
    const reports: ScenarioReport[] = [];
    for (const s of SCENARIOS.filter((x) => !only || only.includes(x.id))) {
      reports.push(await runScenario(harness, s, { reps, durationS: quick ? 25 : 55, mysqlUrl: db.url, namespace: NS }));
    }
    const recordsFile = args.find((a) => a.startsWith('--records='))?.slice(10);
    if (recordsFile) writeFileSync(recordsFile, driver.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const report = summarize(driver, reports, { quick, startedAt: new Date(started).toISOString(), totalS: Math.round((Date.now() - started) / 1000), limitsRaised: fixture.limitsRaised, sessionProbe: !!sessions });
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/faults.json'), JSON.stringify(report, null, 2));
    console.log(`\n${report.summary.join('\n')}\n`);
    console.log(report.invariantsBroken.length ? `INVARIANTS BROKEN:\n${report.invariantsBroken.map((x) => `  - ${x}`).join('\n')}` : 'All invariants held.');
    console.log(`Written bench/results/faults.json (${report.totalS} s).`);
    exitCode = report.invariantsBroken.length ? 1 : 0;
  } catch (e) {
    console.error(`faults: ${(e as Error).stack ?? e}`);
    for (const s of servers) console.error(`--- ${s.sup.name} output:\n${s.sup.tail()}`);
  } finally {
    for (const s of servers) await s.sup.stop().catch(() => {});
    await redis?.sup.stop().catch(() => {});
    await db?.sup.stop().catch(() => {});
    if (args.includes('--keep')) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

await main();
