/**
 * Runs one scenario: load on, the fault injected `reps` times at random moments (each followed by
 * 10 s of grace), load off, then recovery and the checker. Returns the scenario's figures and the
 * invariants it broke.
 */
import { sleep } from '../lib/procs.ts';
import { apiHeaders } from '../lib/api.ts';
import { checkSql, checkWrites, type SqlFigures, type WriteFigures } from './checker.ts';
import type { OpRecord } from './load.ts';
import { p99, type Harness, type Injection, type ScenarioDef } from './scenarios.ts';

export const GRACE_MS = 10_000;

export interface FaultWindow {
  fault: string; start: string; end: string; duration_s: number;
  fivexx_in_window: number; fivexx_outside: number; recovery_s: number | null;
  statuses_in_window: Record<string, number>; max_latency_ms_in_window: number; note?: string; extra?: Record<string, unknown>;
}

export interface ScenarioReport {
  readonly id: string;
  readonly title: string;
  readonly windows: FaultWindow[];
  readonly requests: number;
  readonly fivexxOutside: number;
  readonly timeouts: number;
  readonly writes: WriteFigures;
  readonly sql: SqlFigures;
  readonly tenantryCrashes: number;
  readonly tenantryRestarts: number;
  readonly recovered: boolean;
  readonly extra: Record<string, unknown>;
  readonly broken: string[];
  readonly records: readonly OpRecord[];
}

const isWrite = (r: OpRecord) => r.op === 'create' || r.op === 'update' || r.op === 'delete' || r.op === 'create-retry';
const inside = (r: OpRecord, w: Injection) => (r.t1 >= w.start && r.t1 <= w.end + GRACE_MS) || (r.t0 >= w.start && r.t0 <= w.end + GRACE_MS);

function windowFigures(def: ScenarioDef, w: Injection, records: readonly OpRecord[]): FaultWindow {
  const within = records.filter((r) => inside(r, w));
  const statuses: Record<string, number> = {};
  for (const r of within) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const firstOkWrite = records.find((r) => isWrite(r) && r.outcome === 'ok' && r.t0 >= w.end);
  return {
    fault: def.id, start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), duration_s: (w.end - w.start) / 1000,
    fivexx_in_window: within.filter((r) => r.status >= 500).length, fivexx_outside: 0,
    recovery_s: firstOkWrite ? Math.max(0, (firstOkWrite.t1 - w.end) / 1000) : null,
    statuses_in_window: statuses,
    max_latency_ms_in_window: within.reduce((m, r) => Math.max(m, r.t1 - r.t0), 0),
    note: w.note, extra: w.extra,
  };
}

async function healthy(h: Harness, url: string, key: string, project: string): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const r = await fetch(`${url}/v1/health/db`, { headers: apiHeaders({ project, key }), signal: AbortSignal.timeout(5000) }).catch(() => null);
    if (r?.status === 200) return true;
    await r?.arrayBuffer();
    await sleep(500);
  }
  h.log(`  ! ${url} did not report a healthy database within 30 s`);
  return false;
}

export async function runScenario(h: Harness, def: ScenarioDef, o: { reps: number; durationS: number; mysqlUrl: string; namespace: string }): Promise<ScenarioReport> {
  h.log(`${def.id}: ${def.title} (${o.reps}×)`);
  const from = h.driver.records.length;
  const crashesBefore = h.servers.reduce((n, s) => n + s.sup.unexpectedExits, 0);
  const restartsBefore = h.servers.reduce((n, s) => n + s.sup.restarts, 0);
  const anomaliesBefore = h.driver.anomalies.length;
  const started = Date.now();
  h.driver.start();
  const injections: Injection[] = [];
  for (let rep = 0; rep < o.reps; rep++) {
    await sleep(2000 + Math.random() * 4000);
    const w = await def.inject(h);
    injections.push(w);
    h.log(`  fault ${rep + 1}: ${((w.end - w.start) / 1000).toFixed(1)} s${w.note ? ` (${w.note})` : ''}`);
    await sleep(GRACE_MS);
  }
  const rest = started + o.durationS * 1000 - Date.now();
  if (rest > 0) await sleep(rest);
  await h.driver.stop();

  // A Tenantry process that died on its own is restarted (and counted): the run goes on, the invariant breaks.
  for (const s of h.servers) if (!s.sup.running) await s.sup.restart();
  const project = h.driver.cfg.projects[0]!;
  const recovered = (await Promise.all(h.servers.map((s) => healthy(h, s.url, project.keys[0]!, project.id)))).every(Boolean);
  const records = h.driver.records.slice(from);
  const windows = injections.map((w) => windowFigures(def, w, records));
  const fivexxOutside = records.filter((r) => r.status >= 500 && !injections.some((w) => inside(r, w)));
  if (windows[0]) windows[0].fivexx_outside = fivexxOutside.length;
  const { writes, problems } = await checkWrites(h.driver, `/databases/${h.driver.cfg.databaseId}/collections/${h.driver.cfg.collectionId}/documents`, records);
  const sqlCheck = await checkSql(o.mysqlUrl, o.namespace, h.driver.cfg.projects, h.driver.cfg.collectionId);
  writes.duplicates = sqlCheck.sql.duplicate_ids;
  const tenantryCrashes = h.servers.reduce((n, s) => n + s.sup.unexpectedExits, 0) - crashesBefore;
  const tenantryRestarts = h.servers.reduce((n, s) => n + s.sup.restarts, 0) - restartsBefore;
  const timeouts = records.filter((r) => r.status === -1).length;
  const extra: Record<string, unknown> = {};
  const broken: string[] = [...problems.slice(0, 20), ...sqlCheck.problems, ...h.driver.anomalies.slice(anomaliesBefore, anomaliesBefore + 20)];
  if (problems.length > 20) broken.push(`… ${problems.length - 20} more write problems`);
  if (fivexxOutside.length) broken.push(`${fivexxOutside.length} 5xx outside [fault start, fault end + 10 s] (first at ${new Date(fivexxOutside[0]!.t1).toISOString()}: ${fivexxOutside[0]!.op} ${fivexxOutside[0]!.status})`);
  const resetsOutside = records.filter((r) => (r.status === 0 || r.status === -2) && !injections.some((w) => inside(r, w)));
  if (resetsOutside.length) broken.push(`${resetsOutside.length} connection error(s) outside the fault windows (${describe(resetsOutside)})`);
  if (timeouts) broken.push(`${timeouts} request(s) without an answer within ${h.driver.cfg.timeoutMs} ms (${describe(records.filter((r) => r.status === -1))})`);
  // While a dependency is down the allowed answer is 503 with Retry-After (SECURITY-REFERENCE §3.7), never a bare 500.
  const bare = records.filter((r) => r.status >= 500 && !(r.status === 503 && r.retryAfter));
  if (bare.length) broken.push(`${bare.length} 5xx answer(s) that were not 503 + Retry-After (${describe(bare)})`);
  if (tenantryCrashes) broken.push(`${tenantryCrashes} Tenantry process exit(s) nobody caused`);
  if (def.id !== 'F1' && tenantryRestarts) broken.push(`Tenantry needed ${tenantryRestarts} restart(s) to recover`);
  if (!recovered) broken.push('a Tenantry process did not recover (no healthy /v1/health/db within 30 s after the load)');
  for (const w of injections) {
    if (w.extra?.revokedSessionAfterRestart === 200) broken.push('a session revoked before the Redis restart was accepted after it');
  }
  if (def.id === 'F5') {
    const slow = records.filter((r) => injections.some((w) => r.t0 >= w.start && r.t0 <= w.end) && r.t1 - r.t0 > 2000);
    extra.requestsOver2sWhileRedisFrozen = slow.length;
    if (slow.length) broken.push(`${slow.length} request(s) took > 2 s while Redis was frozen (fail-fast client expected)`);
  }
  if (def.id === 'F6') Object.assign(extra, floodFigures(h, records, injections, broken));
  return { id: def.id, title: def.title, windows, requests: records.length, fivexxOutside: fivexxOutside.length, timeouts, writes, sql: sqlCheck.sql, tenantryCrashes, tenantryRestarts, recovered, extra, broken, records };
}

/** "op project status ×n" groups, for the report. */
function describe(records: readonly OpRecord[]): string {
  const groups = new Map<string, number>();
  for (const r of records) { const k = `${r.op} ${r.project} ${r.status}`; groups.set(k, (groups.get(k) ?? 0) + 1); }
  return [...groups].map(([k, n]) => `${k} ×${n}`).join(', ');
}

/** F6: project B's p99 before the floods vs during them (SECURITY-REFERENCE §3.7: < 2× baseline). */
function floodFigures(h: Harness, records: readonly OpRecord[], injections: readonly Injection[], broken: string[]): Record<string, unknown> {
  const b = h.driver.cfg.projects[1]!.id;
  const ofB = records.filter((r) => r.project === b && r.op !== 'flood');
  const baseline = ofB.filter((r) => r.t1 < injections[0]!.start || injections.every((w) => r.t0 > w.end + GRACE_MS));
  const during = ofB.filter((r) => injections.some((w) => r.t0 >= w.start && r.t0 <= w.end));
  const base = p99(baseline);
  const flood = p99(during);
  const ratio = base > 0 ? Math.round((flood / base) * 100) / 100 : null;
  if (ratio === null || flood > 2 * Math.max(base, 10)) broken.push(`project B p99 during the flood ${flood} ms vs baseline ${base} ms (limit 2×)`);
  return { projectBBaselineP99Ms: base, projectBFloodP99Ms: flood, p99Ratio: ratio, baselineRequests: baseline.length, floodRequestsOfB: during.length };
}
