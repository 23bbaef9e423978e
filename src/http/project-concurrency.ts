/**
 * Per-project concurrency cap (per process): at most `limit` requests of one project run at a time,
 * so one project's slow queries hold at most `limit` of the pool's connections and the others keep
 * theirs. Further requests wait in a short FIFO queue; when the queue is full or the wait runs out
 * they are refused with 429 `general_rate_limit_exceeded` + Retry-After.
 *
 * Why 429 and not 503: the refusal is caused by the project's own load, and other projects are
 * served normally — "too many requests from you, back off" (as AWS Lambda's concurrency throttle or
 * Google's RESOURCE_EXHAUSTED do), not "the service is down"; SDKs already back off on 429, and a
 * noisy tenant doesn't show up as server errors. Nothing has run when it is sent, so a refused write
 * is definitely not applied.
 */
import { AppError } from '../errors/index.ts';

export interface ProjectConcurrencyOptions {
  /** Requests of one project running at once (0 = no cap). */
  readonly limit: number;
  /** Requests of one project that may wait for a slot. */
  readonly queue: number;
  /** How long a request waits for a slot before it is refused. */
  readonly waitMs: number;
}

export type Release = () => void;

interface Waiter { grant(release: Release): void; refuse(err: unknown): void }
interface Lane { active: number; readonly waiting: Waiter[] }

const RETRY_AFTER_S = 1;

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

  /** Running and waiting requests of a project (for tests and diagnostics). */
  load(project: string): { active: number; waiting: number } {
    const lane = this.#lanes.get(project);
    return { active: lane?.active ?? 0, waiting: lane?.waiting.length ?? 0 };
  }

  /**
   * Resolves with a release function once the project has a free slot; call it exactly when the
   * request's work is done (it is idempotent). Rejects with 429 when the queue is full or `waitMs`
   * passes, and with the signal's reason when `signal` aborts first (the request already answered).
   */
  acquire(project: string, signal?: AbortSignal): Promise<Release> {
    const { limit, queue, waitMs } = this.options;
    if (limit <= 0) return Promise.resolve(noop);
    if (signal?.aborted) return Promise.reject(signal.reason);
    let lane = this.#lanes.get(project);
    if (!lane) { lane = { active: 0, waiting: [] }; this.#lanes.set(project, lane); }
    if (lane.active < limit) {
      lane.active++;
      return Promise.resolve(this.#releaser(project, lane));
    }
    if (lane.waiting.length >= queue || waitMs <= 0) return Promise.reject(concurrencyExceeded());
    const l = lane;
    return new Promise<Release>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = l.waiting.indexOf(waiter);
        if (i >= 0) l.waiting.splice(i, 1);
        this.#forget(project, l);
      };
      const onAbort = () => { leave(); reject(signal!.reason); };
      const waiter: Waiter = {
        grant: (release) => { clearTimeout(timer); signal?.removeEventListener('abort', onAbort); resolve(release); },
        refuse: (err) => { leave(); reject(err); },
      };
      const timer = setTimeout(() => waiter.refuse(concurrencyExceeded()), waitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      l.waiting.push(waiter);
    });
  }

  /** A slot's release: hands the slot to the next waiter, or frees it. */
  #releaser(project: string, lane: Lane): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = lane.waiting.shift();
      if (next) next.grant(this.#releaser(project, lane));
      else { lane.active--; this.#forget(project, lane); }
    };
  }

  #forget(project: string, lane: Lane): void {
    if (lane.active === 0 && lane.waiting.length === 0 && this.#lanes.get(project) === lane) this.#lanes.delete(project);
  }
}
