/**
 * DDL leases. A schema change (attribute or index create/delete, collection delete) writes its
 * metadata row `processing`/`deleting` together with the process running it (`lease_owner`, this
 * process's random ID) and a heartbeat (`lease_heartbeat`) renewed every `heartbeatMs` while the DDL
 * runs. A row still `processing`/`deleting` whose heartbeat is older than `staleAfter` × the
 * interval was left by a process that died: any process may sweep it — at start-up and every
 * `sweepEveryMs` — after claiming it with a compare-and-set on (owner, heartbeat), so two sweepers
 * never both act on one row. Live work (a fresh heartbeat, or this process's own running DDL) is
 * never swept. Graceful drain waits for running DDL up to a bound, then hands the rest back: the
 * heartbeat is set to the epoch, so the next sweep (any process) takes it over at once.
 *
 * What a sweep does with a row is up to the feature owning the table (`onSweep`); it follows the
 * DDL-safety rules: a `processing` create is marked `failed` (half-made column/index dropped), a
 * `deleting` one is finished. Heartbeats use each process's clock: keep hosts' clocks in sync to
 * well within `staleAfter` × `heartbeatMs` (15 s by default).
 */
import { randomBytes } from 'node:crypto';
import { eq, type Condition } from '../../db/filter.ts';
import type { Row, SystemDb, TenantDb } from '../../db/tenant-db.ts';
import { toDbDate } from '../../lib/dates.ts';
import type { Logger } from '../../logger.ts';

export type LeaseTable = 'collections' | 'attributes' | 'indexes';
/** Finishes or fails one dead owner's row (already claimed by this process). */
export type SweepHandler = (tdb: TenantDb, row: Row) => Promise<void>;

export interface SchemaLeaseOptions {
  /** Heartbeat interval while DDL runs (ms; default 5 s). */
  readonly heartbeatMs?: number;
  /** A heartbeat older than this many intervals belongs to a dead process (default 3). */
  readonly staleAfter?: number;
  /** Periodic sweep interval after `start()` (ms; default 60 s; 0 = start-up sweep only). */
  readonly sweepEveryMs?: number;
  /** How long `drain()` waits for running DDL before handing it back (ms; default 10 s). */
  readonly drainWaitMs?: number;
}

export interface SweepReport { readonly swept: number; readonly failed: number }

interface Running { readonly tdb: TenantDb; readonly table: LeaseTable; readonly id: number; readonly done: Promise<unknown>; handedBack: boolean }

const PENDING = ['processing', 'deleting'];
/** A handed-back lease: older than any live heartbeat can be. */
const HANDED_BACK = '1970-01-01 00:00:00.000';

function parseDbDate(value: unknown): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  return Date.parse(String(value).replace(' ', 'T') + 'Z');
}

export class SchemaLeases {
  /** This process's owner ID (random per instance: a restarted process is a new owner). */
  readonly ownerId = randomBytes(8).toString('hex');
  readonly #system: SystemDb;
  readonly #logger: Logger;
  readonly #heartbeatMs: number;
  readonly #staleMs: number;
  readonly #sweepEveryMs: number;
  readonly #drainWaitMs: number;
  readonly #running = new Map<string, Running>();
  readonly #handlers = new Map<LeaseTable, SweepHandler>();
  #heartbeat: NodeJS.Timeout | null = null;
  #sweeper: NodeJS.Timeout | null = null;
  #sweeping: Promise<SweepReport> | null = null;
  #stopped = false;

  constructor(system: SystemDb, logger: Logger, options: SchemaLeaseOptions = {}) {
    this.#system = system;
    this.#logger = logger;
    this.#heartbeatMs = options.heartbeatMs ?? 5_000;
    this.#staleMs = this.#heartbeatMs * (options.staleAfter ?? 3);
    this.#sweepEveryMs = options.sweepEveryMs ?? 60_000;
    this.#drainWaitMs = options.drainWaitMs ?? 10_000;
  }

  /** Registers what a sweep does with a dead owner's row of `table` (the owning feature calls it once). */
  onSweep(table: LeaseTable, handler: SweepHandler): void {
    this.#handlers.set(table, handler);
  }

  /** Columns to write with a row's `processing`/`deleting` status: this process holds it from now. */
  take(): Row {
    return { lease_owner: this.ownerId, lease_heartbeat: toDbDate() };
  }

  /** Columns that end a lease (with the row's final status). */
  static released(): Row {
    return { lease_owner: '', lease_heartbeat: null };
  }

  /**
   * Runs `work` (the DDL of row `id`, whose lease this process holds) with its heartbeat renewed
   * until it settles; `drain()` waits for it.
   */
  run<T>(tdb: TenantDb, table: LeaseTable, id: number, work: () => Promise<T>): Promise<T> {
    const key = `${tdb.tenant}:${table}:${id}`;
    const done = work();
    const entry: Running = { tdb, table, id, done, handedBack: false };
    this.#running.set(key, entry);
    this.#armHeartbeat();
    const settle = () => {
      if (this.#running.get(key) === entry) this.#running.delete(key);
      if (this.#running.size === 0) this.#disarmHeartbeat();
    };
    done.then(settle, settle);
    return done;
  }

  /**
   * Ends this process's lease on a row, writing `patch` (its final status) — only while the lease is
   * still ours. False: it was lost (swept after a heartbeat outage, or handed back by a drain), and
   * the row now belongs to whoever took it.
   */
  async finish(tdb: TenantDb, table: LeaseTable, id: number, patch: Row): Promise<boolean> {
    const changed = await tdb.table(table).update(eq({ _id: id, lease_owner: this.ownerId }), { ...patch, ...SchemaLeases.released() });
    return changed > 0;
  }

  /** True while this process runs DDL on the row (its own live work, never swept here). */
  isRunning(tenant: number, table: LeaseTable, id: number): boolean {
    return this.#running.has(`${tenant}:${table}:${id}`);
  }

  /** Running DDL count (diagnostics and tests). */
  get runningCount(): number { return this.#running.size; }

  /** True when the row is pending and its owner's heartbeat is stale (a dead process's leftover). */
  isStale(row: Row, now = Date.now()): boolean {
    if (!PENDING.includes(String(row.status))) return false;
    const beat = parseDbDate(row.lease_heartbeat ?? row._updatedAt);
    return !(beat > now - this.#staleMs);
  }

  /** The start-up sweep, then one every `sweepEveryMs` (timer unref'd) until `drain()`. */
  start(): Promise<SweepReport> {
    const first = this.sweep();
    if (this.#sweepEveryMs > 0 && !this.#sweeper && !this.#stopped) {
      this.#sweeper = setInterval(() => {
        this.sweep().catch((e: unknown) => this.#logger.error({ err: e }, 'schema lease sweep failed'));
      }, this.#sweepEveryMs);
      this.#sweeper.unref();
    }
    return first;
  }

  /** Sweeps every active project once (one sweep at a time per process). */
  sweep(): Promise<SweepReport> {
    this.#sweeping ??= this.#sweepAll().finally(() => { this.#sweeping = null; });
    return this.#sweeping;
  }

  async #sweepAll(): Promise<SweepReport> {
    let swept = 0;
    let failed = 0;
    const projects = await this.#system.platform('projects').find({ where: eq({ status: 'active' }), columns: ['_id'], orderBy: [{ column: '_id', dir: 'asc' }] });
    for (const p of projects) {
      if (this.#stopped) break;
      const tdb = this.#system.project(Number(p._id));
      for (const [table, handler] of this.#handlers) {
        const rows = await tdb.table(table).find({ where: eq({ status: PENDING }) });
        for (const row of rows) {
          if (this.#stopped) break;
          const id = Number(row._id);
          if (this.isRunning(tdb.tenant, table, id) || !this.isStale(row)) continue;
          if (!(await this.#claim(tdb, table, row))) continue;
          try {
            await this.run(tdb, table, id, () => handler(tdb, row));
            swept++;
            this.#logger.warn({ project: tdb.tenant, table, id, status: row.status, deadOwner: row.lease_owner || null }, 'swept a schema change left by a stopped process');
          } catch (e) {
            failed++;
            this.#logger.error({ err: e, project: tdb.tenant, table, id }, 'sweeping a schema change failed (retried on the next sweep)');
            // Give it straight back, so the next sweep (here or elsewhere) retries it.
            await tdb.table(table).update(eq({ _id: id, lease_owner: this.ownerId }), { lease_heartbeat: HANDED_BACK }).catch(() => {});
          }
        }
      }
    }
    return { swept, failed };
  }

  /** Compare-and-set on (owner, heartbeat, status): only one sweeper wins a row. */
  async #claim(tdb: TenantDb, table: LeaseTable, row: Row): Promise<boolean> {
    const conditions: Condition[] = [
      eq({ _id: Number(row._id), status: String(row.status), lease_owner: String(row.lease_owner ?? '') }),
      eq({ lease_heartbeat: row.lease_heartbeat === null || row.lease_heartbeat === undefined ? null : String(row.lease_heartbeat) }),
    ];
    if (row.lease_heartbeat === null || row.lease_heartbeat === undefined) conditions.push(eq({ _updatedAt: String(row._updatedAt) }));
    const changed = await tdb.table(table).update({ kind: 'and', conditions }, this.take());
    return changed > 0;
  }

  #armHeartbeat(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => void this.#beat(), this.#heartbeatMs);
    this.#heartbeat.unref();
  }

  #disarmHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  async #beat(): Promise<void> {
    const now = toDbDate();
    for (const r of this.#running.values()) {
      if (r.handedBack) continue;
      try {
        const kept = await r.tdb.table(r.table).update(eq({ _id: r.id, lease_owner: this.ownerId }), { lease_heartbeat: now });
        if (!kept) this.#logger.warn({ project: r.tdb.tenant, table: r.table, id: r.id }, 'schema lease lost while its DDL runs');
      } catch (e) {
        this.#logger.warn({ err: e, project: r.tdb.tenant, table: r.table, id: r.id }, 'schema lease heartbeat failed');
      }
    }
  }

  /**
   * Graceful drain: no more sweeps; waits for running DDL up to `waitMs`, then hands what is still
   * running back (heartbeat set to the epoch, so the next sweep anywhere takes it over). Resolves
   * with how many were handed back.
   */
  async drain(waitMs = this.#drainWaitMs): Promise<number> {
    this.#stopped = true;
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = null;
    const pending = [...this.#running.values()].map((r) => r.done.then(() => {}, () => {}));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(pending),
      new Promise<void>((resolve) => { timer = setTimeout(resolve, waitMs); }),
    ]);
    clearTimeout(timer);
    let handedBack = 0;
    for (const r of this.#running.values()) {
      r.handedBack = true;
      try {
        await r.tdb.table(r.table).update(eq({ _id: r.id, lease_owner: this.ownerId }), { lease_heartbeat: HANDED_BACK });
        handedBack++;
      } catch (e) {
        this.#logger.error({ err: e, project: r.tdb.tenant, table: r.table, id: r.id }, 'could not hand a schema lease back (it goes stale on its own)');
      }
    }
    if (handedBack) this.#logger.warn({ handedBack }, 'drain: schema changes still running were handed back for another process to sweep');
    this.#disarmHeartbeat();
    return handedBack;
  }
}
