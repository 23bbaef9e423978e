/**
 * Child processes for the harnesses: every server under measurement runs in its own process, so its
 * CPU and RSS are its own. Helpers to spawn, wait until it answers, sample RSS, and stop it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Proc {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  readonly exited: Promise<number | string>;
  /** The last lines the process printed (for error messages). */
  tail(): string;
}

const live = new Set<ChildProcess>();

/** kill -9 every child still running (emergency exits: Ctrl-C, an overall deadline). */
export function killAllChildren(): void {
  for (const c of live) { c.kill('SIGCONT'); c.kill('SIGKILL'); }
}

/** Spawns a command with stdout/stderr kept in a small ring buffer (never inherited: the bench table stays readable). */
export function spawnProc(name: string, command: string, args: readonly string[], env: Record<string, string> = {}, cwd: string = ROOT): Proc {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  live.add(child);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => { live.delete(child); resolve(code ?? signal ?? 'unknown'); }));
  if (!child.pid) throw new Error(`${name}: could not spawn ${command}`);
  return { name, child, pid: child.pid, exited, tail: () => lines.join('\n') };
}

/** `node <script>` with the current Node binary (Node 24, which runs .ts directly). */
export function spawnNode(name: string, script: string, env: Record<string, string> = {}, nodeArgs: readonly string[] = [], cwd: string = ROOT): Proc {
  return spawnProc(name, process.execPath, [...nodeArgs, script], env, cwd);
}

/** A free TCP port on loopback (the OS picks it; we release it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `url` until it answers `status` (default 200). Throws when `proc` exits first or after
 * `timeoutMs`. Returns the milliseconds it took from `since` (a performance.now() timestamp).
 */
export async function waitForHttp(url: string, options: { proc?: Proc; timeoutMs?: number; since?: number; intervalMs?: number; status?: number } = {}): Promise<number> {
  const since = options.since ?? performance.now();
  const deadline = since + (options.timeoutMs ?? 30_000);
  let exited: number | string | null = null;
  options.proc?.exited.then((c) => { exited = c; });
  while (performance.now() < deadline) {
    if (exited !== null) throw new Error(`${options.proc!.name} exited (${exited}) before answering:\n${options.proc!.tail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === (options.status ?? 200)) return performance.now() - since;
    } catch { /* not listening yet */ }
    await sleep(options.intervalMs ?? 20);
  }
  throw new Error(`${url} did not answer within ${options.timeoutMs ?? 30_000} ms${options.proc ? `:\n${options.proc.tail()}` : ''}`);
}

/** Resident set size of a process in MB (Linux /proc), or null once it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used so far (user + system, ms; Linux /proc, clock ticks at 100 Hz), or
 * null once it is gone. Per-request CPU is steadier than req/s on a machine shared with other work.
 */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; `stop()` returns the peak. */
export function sampleRss(pid: number, everyMs = 250): { stop(): number | null } {
  let peak: number | null = null;
  const take = () => { const v = rssMb(pid); if (v !== null) peak = Math.max(peak ?? 0, v); };
  take();
  const timer = setInterval(take, everyMs);
  return { stop() { clearInterval(timer); take(); return peak; } };
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves once the process has exited. */
export async function stopProc(proc: Proc, graceMs = 10_000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(timer);
}
