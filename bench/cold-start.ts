/**
 * Cold start on the embedded default (SQLite, in-process store): process start to the first 200 on
 * /v1/health. The first boot (which creates and migrates the database) is reported apart; the
 * figure is the median of `runs` later starts on that database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTenantry } from './lib/tenantry.ts';

export interface ColdStart { readonly firstBootMs: number; readonly runsMs: number[]; readonly medianMs: number }

export async function coldStart(runs: number): Promise<ColdStart> {
  const dir = mkdtempSync(join(tmpdir(), 'tenantry-cold-'));
  try {
    const options = { databaseUrl: `sqlite:${join(dir, 'tenantry.db')}`, redisUrl: null, namespace: 'tn', name: 'cold-start' };
    const first = await startTenantry(options);
    await first.stop();
    const runsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = await startTenantry(options);
      runsMs.push(Math.round(t.startupMs));
      await t.stop();
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    return { firstBootMs: Math.round(first.startupMs), runsMs, medianMs: sorted[Math.floor(sorted.length / 2)]! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
