/** The JSON report (SECURITY-REFERENCE §3.9 figures) and one summary line per scenario. */
import type { LoadDriver, OpRecord } from './load.ts';
import type { ScenarioReport } from './scenario-runner.ts';

function percentile(records: readonly OpRecord[], q: number): number {
  const answered = records.filter((r) => r.status > 0).map((r) => r.t1 - r.t0).sort((a, b) => a - b);
  return answered.length ? answered[Math.min(answered.length - 1, Math.floor(q * answered.length))]! : 0;
}

function byStatus(records: readonly OpRecord[]) {
  const out = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, connection_errors: 0, refused: 0 };
  for (const r of records) {
    if (r.status >= 200 && r.status < 600) out[`${Math.floor(r.status / 100)}xx` as '2xx']++;
    else if (r.status === 0) out.connection_errors++;
    else if (r.status === -2) out.refused++;
  }
  return out;
}

const sum = (list: readonly ScenarioReport[], f: (s: ScenarioReport) => number) => list.reduce((n, s) => n + f(s), 0);

function line(s: ScenarioReport): string {
  const w = s.windows;
  const in5 = w.reduce((n, x) => n + x.fivexx_in_window, 0);
  const rec = w.map((x) => (x.recovery_s === null ? '-' : x.recovery_s.toFixed(1))).join('/');
  const extra = s.id === 'F6' ? `, B p99 ${s.extra.projectBBaselineP99Ms}→${s.extra.projectBFloodP99Ms} ms` : s.id === 'F5' ? `, >2 s while frozen ${s.extra.requestsOver2sWhileRedisFrozen}` : '';
  const session = w.find((x) => x.extra && 'revokedSessionAfterRestart' in x.extra)?.extra;
  const sess = session ? `, revoked session after restart → ${session.revokedSessionAfterRestart}, live session during outage → ${session.liveSessionDuringOutage}` : '';
  return `${s.broken.length ? 'FAIL' : 'ok  '} ${s.id} ${s.title}: ${s.requests} req, 5xx in windows ${in5}, outside ${s.fivexxOutside}, timeouts ${s.timeouts}, acked lost ${s.writes.acked_lost}, changed ${s.writes.acked_changed}, unknown ${s.writes.unknown} (committed so far ${s.writes.unknown_committed}), half-written ${s.sql.docs_without_perms + s.sql.perms_without_doc + s.sql.docs_with_wrong_perm_count}, cross-tenant ${s.sql.foreign_tenant_rows + s.sql.foreign_canaries}, recovery ${rec} s, crashes ${s.tenantryCrashes}${extra}${sess}`;
}

export function summarize<M extends Record<string, unknown>>(driver: LoadDriver, scenarios: readonly ScenarioReport[], meta: M) {
  const all = driver.records;
  const last = scenarios[scenarios.length - 1];
  const invariantsBroken = scenarios.flatMap((s) => s.broken.map((b) => `${s.id}: ${b}`));
  return {
    ...meta,
    node: process.version,
    requests: { tried: all.length, by_status: byStatus(all), timeouts: all.filter((r) => r.status === -1).length, p50_ms: percentile(all, 0.5), p99_ms: percentile(all, 0.99) },
    fault_windows: scenarios.flatMap((s) => s.windows),
    // attempted/acked/unknown summed over the scenarios; the read-back figures are the last (cumulative) check's.
    writes: last ? {
      ...last.writes,
      attempted: sum(scenarios, (s) => s.writes.attempted), acked: sum(scenarios, (s) => s.writes.acked), unknown: sum(scenarios, (s) => s.writes.unknown),
      retries: driver.counters.createRetries, retries_settled_by_409: driver.counters.retriesConfirmedBy409,
    } : null,
    isolation: {
      foreign_canaries_seen: driver.counters.foreignCanariesSeen + (last ? last.sql.foreign_canaries : 0),
      cross_tenant_rows: last ? last.sql.foreign_tenant_rows : 0,
    },
    sql: last?.sql ?? null,
    scenarios: scenarios.map(({ records, ...s }) => ({ ...s, by_status: byStatus(records), p50_ms: percentile(records, 0.5), p99_ms: percentile(records, 0.99) })),
    summary: scenarios.map(line),
    invariantsBroken,
  };
}
