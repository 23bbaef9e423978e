/**
 * Summarises a V8 `.cpuprofile` (written by `node --cpu-prof`): self time by function and by module
 * (a `node_modules` package, a file under src/, or a Node internal), so a missed target comes with
 * where the time went.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] }

export interface ProfileSummary {
  readonly file: string;
  readonly totalMs: number;
  readonly byModule: Array<{ module: string; pct: number }>;
  readonly byFunction: Array<{ fn: string; pct: number }>;
}

function moduleOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const src = /\/((?:src|bench|migrations)\/.*)$/.exec(url);
  if (src) return src[1]!;
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '');
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const hits = new Map<number, number>();
  for (const s of p.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  // Percentages of busy time: idle samples (waiting on the network) are left out.
  const idle = p.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((sum, n) => sum + (hits.get(n.id) ?? 0), 0);
  const total = p.samples.length - idle || 1;
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const n of p.nodes) {
    const h = hits.get(n.id) ?? 0;
    if (!h || n.callFrame.functionName === '(idle)') continue;
    const mod = moduleOf(n.callFrame.url);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${mod}:${n.callFrame.lineNumber + 1}`;
    byModule.set(mod, (byModule.get(mod) ?? 0) + h);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + h);
  }
  const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    file,
    totalMs: Math.round((p.endTime - p.startTime) / 1000),
    byModule: rank(byModule).map(([module, h]) => ({ module, pct: Math.round((h / total) * 1000) / 10 })),
    byFunction: rank(byFunction).map(([fn, h]) => ({ fn, pct: Math.round((h / total) * 1000) / 10 })),
  };
}

export function latestProfile(dir: string): string | null {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  return files.length ? join(dir, files[files.length - 1]!) : null;
}

export function formatProfile(s: ProfileSummary): string {
  return [
    `CPU profile ${s.file} (${s.totalMs} ms sampled; % of busy time): self time by module`,
    ...s.byModule.map((m) => `  ${m.pct.toFixed(1).padStart(5)}%  ${m.module}`),
    'top functions by self time',
    ...s.byFunction.map((f) => `  ${f.pct.toFixed(1).padStart(5)}%  ${f.fn}`),
  ].join('\n');
}
