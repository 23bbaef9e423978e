/**
 * Per-project concurrency cap (per process), so one project's slow queries can't take the database
 * from the others. Two limits, both checked before a request's handler runs:
 *
 * - the project cap: at most `limit` requests of one project run at once (pool protection);
 * - per query shape (route + collection, given by the caller for reads: a write's cost is bounded by
 *   the schema, a read's by the caller's filters; '' = no shape), a slow-start limit: a shape starts
 *   at 1 running request, gains one slot per request that finishes within `slowMs` (up to `limit`)
 *   and drops back to 1 after a slower one; after two slow ones in a row it also rests the shape for
 *   `SLOW_REST` times the last one's duration (a slow shape gets at most a quarter of one database thread per process). Fast
 *   traffic reaches the project cap within a few requests; a flood of expensive queries runs one at
 *   a time, a quarter of the time — which, not the pool, is what keeps a small database's CPU for
 *   the other projects (a full scan is CPU-bound: one per API process already fills two cores).
 *   Shapes are forgotten when idle (a slow one after 10 s), so a new burst starts cautious again.
 *
 * Further requests wait in a FIFO queue; when it is full or the wait runs out they are refused with
 * 429 `general_rate_limit_exceeded` + Retry-After. Why 429 and not 503: the refusal is caused by
 * the project's own load while other projects are served — "back off", as AWS Lambda's concurrency
 * throttle or Google's RESOURCE_EXHAUSTED say it, not "the service is down"; SDKs already back off
 * on 429, and a noisy tenant doesn't page anyone as server errors. Nothing has run when it is sent,
 * so a refused write is definitely not applied.
 */
import { AppError } from '../errors/index.ts';

export interface ProjectConcurrencyOptions {
  /** Requests of one project running at once (0 = no cap). */
  readonly limit: number;
  /** Requests of one project that may wait for a slot. */
  readonly queue: number;
  /** How long a request waits for a slot before it is refused. */
  readonly waitMs: number;
  /** A request running longer than this is slow: its shape goes back to one at a time (0 = no per-shape limit). */
  readonly slowMs: number;
}

export type Release = () => void;

interface Shape { limit: number; active: number; restUntil: number; slowStreak: number; keepUntil: number }
interface Waiter { readonly shape: string; grant(release: Release): void }
interface Lane { active: number; readonly waiting: Waiter[]; readonly shapes: Map<string, Shape> }

const RETRY_AFTER_S = 1;
/** After a slow request its shape rests this many times as long as the request took (25 % duty)... */
const SLOW_REST = 3;
/** ...but never longer than this (ms), so a single pathological query doesn't lock its shape out. */
const MAX_REST_MS = 5000;
/** How long an idle shape that was slow is remembered (ms); fast shapes are forgotten as soon as idle. */
const KEEP_SLOW_MS = 10_000;

export function concurrencyExceeded(): AppError {
  return new AppError('general_rate_limit_exceeded', {
    message: 'Too many concurrent requests for this project. Please try again shortly.',
    headers: { 'Retry-After': String(RETRY_AFTER_S) },
  });
}

const noop: Release = () => {};

export class ProjectConcurrency {
  readonly options: ProjectConcurrencyOptions;
  readonly #lanes = new Map<string, Lane>();

  constructor(options: ProjectConcurrencyOptions) {
    this.options = options;
  }

  /** Running and waiting requests of a project, and a shape's current limit (for tests and diagnostics). */
  load(project: string, shape = ''): { active: number; waiting: number; shapeLimit: number } {
    const lane = this.#lanes.get(project);
    return { active: lane?.active ?? 0, waiting: lane?.waiting.length ?? 0, shapeLimit: lane?.shapes.get(shape)?.limit ?? this.#initial() };
  }

  /**
   * Resolves with a release function once the project (and the shape) has a free slot; call it
   * when the request's work is done (idempotent). Rejects with 429 when the queue is full or
   * `waitMs` passes, and with the signal's reason when `signal` aborts first.
   */
  acquire(project: string, shape = '', signal?: AbortSignal): Promise<Release> {
    const { limit, queue, waitMs } = this.options;
    if (limit <= 0) return Promise.resolve(noop);
    if (signal?.aborted) return Promise.reject(signal.reason);
    const free = this.tryAcquire(project, shape);
    if (free) return Promise.resolve(free);
    const lane = this.#lanes.get(project)!;
    if (lane.waiting.length >= queue || waitMs <= 0) return Promise.reject(concurrencyExceeded());
    const l = lane;
    return new Promise<Release>((resolve, reject) => {
      const leave = (err: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = l.waiting.indexOf(waiter);
        if (i >= 0) l.waiting.splice(i, 1);
        this.#forget(project, l);
        reject(err);
      };
      const onAbort = () => leave(signal!.reason);
      const waiter: Waiter = {
        shape,
        grant: (release) => { clearTimeout(timer); signal?.removeEventListener('abort', onAbort); resolve(release); },
      };
      const timer = setTimeout(() => leave(concurrencyExceeded()), waitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      l.waiting.push(waiter);
    });
  }

  /**
   * A slot at once, when the project (and the shape) has one and nobody of the shape waits; null
   * otherwise (then `acquire` queues or refuses). The common case, without a promise.
   */
  tryAcquire(project: string, shape = ''): Release | null {
    if (this.options.limit <= 0) return noop;
    let lane = this.#lanes.get(project);
    if (!lane) { lane = { active: 0, waiting: [], shapes: new Map() }; this.#lanes.set(project, lane); }
    // Waiters held back only by their own shape's limit don't hold up other shapes.
    if (!this.#fits(lane, shape) || (lane.waiting.length > 0 && lane.waiting.some((w) => w.shape === shape))) return null;
    return this.#take(project, lane, shape);
  }

  #initial(): number {
    return this.options.slowMs > 0 ? 1 : this.options.limit;
  }

  #fits(lane: Lane, shape: string): boolean {
    if (lane.active >= this.options.limit) return false;
    if (shape === '') return true;
    const s = lane.shapes.get(shape);
    return !s || (s.active < s.limit && performance.now() >= s.restUntil);
  }

  #take(project: string, lane: Lane, shape: string): Release {
    if (shape === '') return this.#takeUnshaped(project, lane);
    lane.active++;
    let s = lane.shapes.get(shape);
    if (!s) { s = { limit: this.#initial(), active: 0, restUntil: 0, slowStreak: 0, keepUntil: 0 }; lane.shapes.set(shape, s); }
    s.active++;
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      lane.active--;
      s.active--;
      const took = performance.now() - started;
      if (this.options.slowMs > 0 && took > this.options.slowMs) {
        s.limit = 1;
        // A shape that was slow is remembered a while even when idle (a flood often runs one at a time).
        s.keepUntil = performance.now() + KEEP_SLOW_MS;
        setTimeout(() => { this.#drop(lane, shape, s); this.#forget(project, lane); }, KEEP_SLOW_MS + 1).unref();
        // One slow request may be noise (a busy host); two in a row is the query: then it rests.
        if (++s.slowStreak < 2) { this.#admit(project, lane); this.#drop(lane, shape, s); this.#forget(project, lane); return; }
        const rest = Math.min(MAX_REST_MS, took * SLOW_REST);
        s.restUntil = Math.max(s.restUntil, performance.now() + rest);
        // Waiters of the resting shape are admitted when the rest is over (or time out with 429 before).
        // Timers may fire a little before `performance.now()` reaches the deadline: check and re-arm.
        const wake = () => {
          const left = s.restUntil - performance.now();
          if (left > 0) { setTimeout(wake, Math.ceil(left) + 1).unref(); return; }
          this.#admit(project, lane);
          this.#drop(lane, shape, s);
          this.#forget(project, lane);
        };
        setTimeout(wake, rest + 1).unref();
      } else if (this.options.slowMs > 0) {
        s.slowStreak = 0;
        s.limit = Math.min(this.options.limit, s.limit + 1);
      }
      this.#admit(project, lane);
      this.#drop(lane, shape, s);
      this.#forget(project, lane);
    };
  }

  /** A slot under the project cap only (no shape: writes, whose cost the schema bounds). */
  #takeUnshaped(project: string, lane: Lane): Release {
    lane.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      lane.active--;
      this.#admit(project, lane);
      this.#forget(project, lane);
    };
  }

  /** Forgets an idle, rested shape (a new burst starts at one again). */
  #drop(lane: Lane, shape: string, s: Shape): void {
    const now = performance.now();
    if (s.active === 0 && now >= s.restUntil && now >= s.keepUntil && lane.shapes.get(shape) === s) lane.shapes.delete(shape);
  }

  /** Grants slots to waiters in arrival order, skipping those whose shape is at its limit. */
  #admit(project: string, lane: Lane): void {
    for (let i = 0; i < lane.waiting.length && lane.active < this.options.limit;) {
      const w = lane.waiting[i]!;
      if (!this.#fits(lane, w.shape)) { i++; continue; }
      lane.waiting.splice(i, 1);
      w.grant(this.#take(project, lane, w.shape));
    }
    this.#forget(project, lane);
  }

  #forget(project: string, lane: Lane): void {
    if (lane.active === 0 && lane.waiting.length === 0 && lane.shapes.size === 0 && this.#lanes.get(project) === lane) this.#lanes.delete(project);
  }
}
