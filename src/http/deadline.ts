/**
 * Per-request deadlines. A request still running after `timeoutMs` is answered 503
 * `general_service_unavailable` with Retry-After at once — a client never waits on a frozen database
 * past its own timeout — while its handler runs on in the background: its work can't be torn out
 * halfway (a transaction rolls back or commits on its own), so the outcome is "unknown" to the
 * client, exactly like a dropped connection, and a retry by client-chosen ID settles it. Whatever
 * the handler produces afterwards is dropped, never half-written onto the finished response.
 *
 * The same registry counts running handlers (timed out or not), so a graceful shutdown can wait for
 * in-flight writes before it closes the database pool.
 */
import type { Request, Response } from 'express';
import { AppError } from '../errors/index.ts';

/** Seconds a client should wait after a deadline 503 (the dependency that was slow gets time to recover). */
const RETRY_AFTER_S = 5;

export interface DeadlineHandle {
  /** Aborted when the deadline passes (the 503 is on its way); queued work stops waiting on it. */
  readonly signal: AbortSignal;
  /** True once the request has been answered by the deadline: the handler's result is to be dropped. */
  readonly expired: boolean;
  /** The handler is done (idempotent). */
  end(): void;
}

/** Answers an error the way the app's error handler does (status, headers, Appwrite-shaped body). */
export type ErrorResponder = (err: AppError, req: Request, res: Response) => void;

export function deadlineError(timeoutMs: number): AppError {
  return new AppError('general_service_unavailable', {
    message: 'The server could not complete the request in time. Please try again shortly.',
    headers: { 'Retry-After': String(RETRY_AFTER_S) },
    cause: new Error(`request deadline of ${timeoutMs} ms passed`),
  });
}

/** One request's clock: a class, so starting one costs one object and one timer (the AbortController only when someone waits on it). */
class Deadline implements DeadlineHandle {
  readonly #owner: RequestDeadlines;
  readonly #req: Request;
  readonly #res: Response;
  readonly #timer: NodeJS.Timeout | null;
  #controller: AbortController | null = null;
  #expired = false;
  #ended = false;

  constructor(owner: RequestDeadlines, req: Request, res: Response, timeoutMs: number) {
    this.#owner = owner;
    this.#req = req;
    this.#res = res;
    this.#timer = timeoutMs > 0 ? setTimeout(() => this.#fire(), timeoutMs) : null;
  }

  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  get expired(): boolean { return this.#expired; }

  #fire(): void {
    const res = this.#res;
    if (this.#ended || res.headersSent || res.writableEnded) return;
    this.#expired = true;
    const err = deadlineError(this.#owner.timeoutMs);
    try { this.#owner.answer(err, this.#req, res); } catch { res.destroy(); }
    // Whoever waits on the signal (a queued request) now, or later, sees it aborted with the 503.
    this.#controller ??= new AbortController();
    this.#controller.abort(err);
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#owner.finished();
  }
}

export class RequestDeadlines {
  readonly timeoutMs: number;
  /** Answers a request whose deadline passed (internal to the deadline handles). */
  readonly answer: ErrorResponder;
  #running = 0;
  #idle: Array<() => void> = [];

  /** `timeoutMs` 0 = no deadline (handlers are still counted for shutdown). */
  constructor(timeoutMs: number, answer: ErrorResponder) {
    this.timeoutMs = timeoutMs;
    this.answer = answer;
  }

  /** Handlers running now, including ones whose request already timed out. */
  get running(): number { return this.#running; }

  /** Starts the clock for one request; call `end()` when its handler settles. */
  begin(req: Request, res: Response): DeadlineHandle {
    this.#running++;
    return new Deadline(this, req, res, this.timeoutMs);
  }

  /** A handler settled (called once per `begin` by its handle). */
  finished(): void {
    if (--this.#running === 0) for (const resolve of this.#idle.splice(0)) resolve();
  }

  /** Resolves once no handler is running (at once if none is). */
  idle(): Promise<void> {
    if (this.#running === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }
}
