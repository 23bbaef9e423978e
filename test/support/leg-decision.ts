/**
 * The decisions `npm test` (scripts/run-tests.ts) makes about the MariaDB + Redis leg, kept pure so
 * test/foundation/test-runner.test.ts can check them:
 * - only an unreachable server may skip the leg, and only outside CI; any other failure (access
 *   denied, a migration bug, a broken Redis namespace) fails the run, in CI or not;
 * - a leg that was not skipped must run tests: zero tests on a leg fails the run.
 */
import type { LegCount } from './describe-legs.ts';

export type LegVerdict =
  | { readonly kind: 'ready' }
  | { readonly kind: 'skip'; readonly why: string }
  | { readonly kind: 'fail'; readonly why: string };

/** Socket-level errors meaning "nothing answers there" (mysql2 and ioredis surface node's codes). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

export function isUnreachable(error: unknown): boolean {
  const e = error as { code?: unknown; errors?: unknown[] } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && UNREACHABLE.has(e.code)) return true;
  // Node's happy-eyeballs connect (localhost → ::1 and 127.0.0.1) reports an AggregateError.
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isUnreachable);
}

export function firstLine(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = (e?.message ?? String(error)).split('\n')[0] || '(no message)';
  return e?.code && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

/**
 * `failure` is what went wrong, if anything: at `probe` (an authenticated `SELECT 1` and a Redis
 * PING) or at `prepare` (create the database, clear Redis, run the migrations).
 */
export function legVerdict(ci: boolean, failure: { readonly stage: 'probe' | 'prepare'; readonly error: unknown } | null): LegVerdict {
  if (!failure) return { kind: 'ready' };
  const what = failure.stage === 'probe' ? 'MariaDB/Redis check failed' : 'preparing the MariaDB + Redis leg failed';
  const why = `${what} (${firstLine(failure.error)})`;
  if (failure.stage === 'probe' && isUnreachable(failure.error)) {
    return ci ? { kind: 'fail', why: `CI=true: the MariaDB + Redis leg is mandatory, but the server is unreachable: ${why}` } : { kind: 'skip', why };
  }
  return { kind: 'fail', why: `${why}; only an unreachable server may skip the leg (outside CI), never a failure like this one` };
}

/**
 * Problems with the per-leg test counts: a leg that ran zero tests in a full run, or a suite that ran
 * on one leg and not the other. `mariadbSkipped`: the leg was skipped on purpose (unreachable, not CI).
 */
export function countProblems(counts: readonly LegCount[], options: { readonly mariadbSkipped: boolean; readonly fullRun: boolean }): string[] {
  const problems: string[] = [];
  const total = { sqlite: 0, mariadb: 0 };
  const bySuite = new Map<string, { sqlite: number; mariadb: number }>();
  for (const c of counts) {
    total[c.leg] += c.ran;
    const suite = bySuite.get(c.suite) ?? { sqlite: 0, mariadb: 0 };
    suite[c.leg] += c.ran;
    bySuite.set(c.suite, suite);
  }
  const legs = options.mariadbSkipped ? (['sqlite'] as const) : (['sqlite', 'mariadb'] as const);
  const anyLegTests = total.sqlite + total.mariadb > 0;
  for (const leg of legs) {
    if (total[leg] === 0 && (options.fullRun || anyLegTests)) problems.push(`the ${leg} leg ran zero tests`);
  }
  if (!options.mariadbSkipped) {
    for (const [suite, n] of bySuite) {
      if ((n.sqlite === 0) !== (n.mariadb === 0)) problems.push(`suite "${suite}" ran ${n.sqlite} test(s) on sqlite and ${n.mariadb} on mariadb`);
    }
  }
  return problems;
}
