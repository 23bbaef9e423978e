/**
 * Structured JSON logs (pino) on an output that never blocks the event loop.
 *
 * Why not pino's default destination: it is an asynchronous sonic-boom on fd 1 that pino flushes
 * with `flushSync()` in a `process.on('exit')` hook, and sonic-boom's `flushSync` retries a failed
 * write forever (`Atomics.wait` 100 ms, then again) on any error but EAGAIN — so once stdout's
 * reader is gone (EPIPE), `process.exit()` never returns and no timer can fire. A `sync: true`
 * destination blocks the main thread whenever the pipe is full, and a write parked in libuv's
 * thread pool on a full blocking pipe holds up `process.exit()` (libuv joins its threads on exit).
 *
 * `LogOutput` instead batches lines in memory and hands them to a Node stream — `process.stdout`
 * for a pipe or socket is a libuv stream with O_NONBLOCK set, written on the main thread without
 * ever blocking — keeps at most `maxBufferedBytes` waiting (beyond that lines are dropped and
 * counted, and the count is logged once the output moves again), stops writing at the first error
 * (EPIPE: the reader is gone), and registers nothing at exit: callers `flushWithin(ms)` first.
 * Regular files are written synchronously by Node (they don't stall indefinitely); terminals too
 * (Node makes TTYs blocking: a terminal paused with Ctrl-S pauses the server, as any CLI).
 */
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** What `LogOutput` writes to: `process.stdout`/`process.stderr` or any Node writable stream. */
export interface LogSink {
  write(chunk: string): boolean;
  readonly writableLength: number;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export interface LogOutputOptions {
  /** Bytes queued here plus in the stream's own buffer beyond which new lines are dropped. */
  readonly maxBufferedBytes?: number;
  /** Lines wait at most this long to be written together (one write per batch, not per line). */
  readonly batchMs?: number;
}

/** A batch this large is written at once rather than when its timer fires. */
const BATCH_BYTES = 64 * 1024;

/** One line's worth of service name, shared with pino's `base` so every line names the service. */
const SERVICE = 'tenantry';

/** A bounded, non-blocking line writer; pino's destination and the start-up/shutdown messages. */
export class LogOutput {
  readonly #sink: LogSink;
  readonly #maxBytes: number;
  #queue: string[] = [];
  #queuedBytes = 0;
  readonly #batchMs: number;
  #timer: NodeJS.Timeout | null = null;
  #dropped = 0;
  #reported = 0;
  #failure: Error | null = null;

  constructor(sink: LogSink, options: LogOutputOptions = {}) {
    this.#sink = sink;
    this.#maxBytes = options.maxBufferedBytes ?? 1 << 20;
    this.#batchMs = options.batchMs ?? 10;
    sink.on('error', (err) => { this.#fail(err); });
  }

  /** Queues a chunk (pino hands over whole lines); never blocks, never throws. */
  write(chunk: string): boolean {
    if (this.#failure !== null || this.#queuedBytes + this.#sink.writableLength + chunk.length > this.#maxBytes) {
      this.#dropped++;
      return true;
    }
    this.#queue.push(chunk);
    this.#queuedBytes += chunk.length;
    if (this.#queuedBytes >= BATCH_BYTES) this.#flush();
    else this.#timer ??= setTimeout(this.#flush, this.#batchMs);
    return true;
  }

  /** Writes one line of text (the start-up banner, a configuration error). */
  line(text: string): void {
    this.write(`${text}\n`);
  }

  /** Lines dropped so far because the output was too slow or gone. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Why the output stopped (EPIPE when the reader went away), or null while it works. */
  get failure(): Error | null {
    return this.#failure;
  }

  /** Bytes accepted but not yet taken by the operating system. */
  get pendingBytes(): number {
    return this.#failure === null ? this.#queuedBytes + this.#sink.writableLength : 0;
  }

  /**
   * Resolves true once everything queued has been handed to the operating system, false if the
   * output failed or `timeoutMs` passed first. Waits on the event loop only: always ends in time.
   */
  async flushWithin(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.pendingBytes > 0 && performance.now() < deadline) {
      if (this.#queue.length > 0) this.#flush();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.#failure === null && this.pendingBytes === 0;
  }

  readonly #flush = (): void => {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#failure !== null || this.#queue.length === 0) return;
    if (this.#dropped > this.#reported && this.#sink.writableLength === 0) {
      this.#queue.push(`{"level":40,"time":${Date.now()},"service":"${SERVICE}","dropped":${this.#dropped - this.#reported},"msg":"log output too slow or gone: lines dropped"}\n`);
      this.#reported = this.#dropped;
    }
    const chunk = this.#queue.length === 1 ? this.#queue[0]! : this.#queue.join('');
    this.#queue = [];
    this.#queuedBytes = 0;
    try {
      this.#sink.write(chunk);
    } catch (e) {
      this.#fail(e as Error);
    }
  };

  #fail(err: Error): void {
    if (this.#failure !== null) return;
    this.#failure = err;
    this.#dropped += this.#queue.length;
    this.#queue = [];
    this.#queuedBytes = 0;
  }
}

/** Loggers `createLogger` made, with their destination: the request line may bypass pino for them. */
const own = new WeakMap<Logger, { write(line: string): unknown }>();

/** One shared output on `process.stdout` for every logger that names none (one error listener). */
let stdoutOutput: LogOutput | undefined;

/**
 * The logger. `destination` defaults to a shared `LogOutput` on `process.stdout`; the server passes
 * its own so it can flush it before exiting. Request IDs are added per line by the request logger.
 */
export function createLogger(level: string, destination: { write(line: string): unknown } = (stdoutOutput ??= new LogOutput(process.stdout))): Logger {
  const logger = pino({ level, base: { service: SERVICE }, redact: ['req.headers.cookie', 'req.headers["x-appwrite-key"]'] }, destination as never);
  own.set(logger, destination);
  return logger;
}

/** The fields of the one line logged per request. */
export type RequestLine = (reqId: string, method: string, route: string | undefined, path: string, status: number, ms: number, project: string) => void;

/**
 * Writes the per-request line. For a logger made by `createLogger` the line is assembled from a
 * template — the same JSON pino would write, at about a third of the CPU (no generic serializer) —
 * and handed straight to its destination; any other pino logger gets `logger.info`. `reqId` must
 * already be JSON-safe (the request logger allows `[\w.-]` only) and `method` is a token Node's
 * HTTP parser accepted; the rest is escaped. `route` is the matched route's pattern (logged as the
 * path; patterns are few, so their JSON is cached), else `path` (the caller's, never cached).
 */
export function requestLineWriter(logger: Logger): RequestLine {
  const destination = own.get(logger);
  if (!destination) {
    return (reqId, method, route, path, status, ms, project) => { logger.info({ reqId, method, path: route ?? path, status, ms, project }, 'request'); };
  }
  const routes = new Map<string, string>();
  const quoted = (route: string | undefined, path: string): string => {
    if (route === undefined) return JSON.stringify(path);
    let q = routes.get(route);
    if (q === undefined) routes.set(route, (q = JSON.stringify(route)));
    return q;
  };
  const info = pino.levels.values.info!;
  return (reqId, method, route, path, status, ms, project) => {
    if (logger.levelVal > info) return;
    destination.write(`{"level":${info},"time":${Date.now()},"service":"${SERVICE}","reqId":"${reqId}","method":"${method}","path":${quoted(route, path)},"status":${status},"ms":${ms},"project":${JSON.stringify(project)},"msg":"request"}\n`);
  };
}
