/** The bench's printed table and its target checks (issue 7 "Targets"). */
import type { LoadResult } from './lib/load.ts';

export interface Row {
  readonly name: string;
  readonly result: { rps: number; p50: number; p99: number; rssMb?: number | null; non2xx?: number; errors?: number };
  readonly ratio?: number | null;
  readonly note?: string;
}

export interface TargetCheck { readonly target: string; readonly measured: string; readonly met: boolean | null }

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));

export function formatTable(rows: readonly Row[]): string {
  const head = `${pad('workload', 62)} ${pad('req/s', 8, true)} ${pad('p50 ms', 7, true)} ${pad('p99 ms', 7, true)} ${pad('RSS MB', 7, true)} ${pad('×hello', 7, true)}  notes`;
  const lines = rows.map((r) => {
    const bad = (r.result.non2xx ?? 0) + (r.result.errors ?? 0);
    const note = [r.note, bad ? `${bad} non-2xx/errors` : ''].filter(Boolean).join('; ');
    return `${pad(r.name, 62)} ${pad(String(r.result.rps), 8, true)} ${pad(r.result.p50.toFixed(1), 7, true)} ${pad(r.result.p99.toFixed(1), 7, true)} ${pad(r.result.rssMb == null ? '-' : r.result.rssMb.toFixed(0), 7, true)} ${pad(r.ratio == null ? '-' : `${(r.ratio * 100).toFixed(0)}%`, 7, true)}  ${note}`;
  });
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

export function ratio(result: LoadResult | { rps: number }, floor: { rps: number }): number | null {
  return floor.rps > 0 ? Math.round((result.rps / floor.rps) * 1000) / 1000 : null;
}

export function formatTargets(checks: readonly TargetCheck[]): string {
  return checks.map((c) => `  [${c.met === null ? ' n/a' : c.met ? '  ok' : 'MISS'}] ${c.target} — ${c.measured}`).join('\n');
}

/** A result with non-2xx answers or errors is not a valid measurement of the workload. */
export function cleanRun(r: LoadResult): boolean {
  return r.non2xx === 0 && r.errors === 0 && r.timeouts === 0 && r.requests > 0;
}
