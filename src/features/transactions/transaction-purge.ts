/**
 * The periodic purge: every `everyMs` (timer unref'd) each active project's transactions that expired
 * more than the grace period ago are deleted with their staged operations. Platform work: it holds
 * the system capability the composition root hands it. (Requests also purge lazily, per project.)
 */
import { eq } from '../../db/filter.ts';
import type { SystemDb } from '../../db/tenant-db.ts';
import type { Logger } from '../../logger.ts';
import type { TransactionsService } from './transactions.service.ts';

export class TransactionPurge {
  readonly #system: SystemDb;
  readonly #transactions: TransactionsService;
  readonly #logger: Logger;
  readonly #everyMs: number;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;

  constructor(system: SystemDb, transactions: TransactionsService, logger: Logger, everyMs = 5 * 60_000) {
    this.#system = system;
    this.#transactions = transactions;
    this.#logger = logger;
    this.#everyMs = everyMs;
  }

  start(): void {
    if (this.#timer || this.#everyMs <= 0) return;
    this.#timer = setInterval(() => {
      this.sweep().catch((e: unknown) => this.#logger.error({ err: e }, 'purging expired transactions failed'));
    }, this.#everyMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** One pass over every active project (one pass at a time); answers how many transactions it removed. */
  sweep(): Promise<number> {
    this.#running ??= this.#sweepAll().finally(() => { this.#running = null; });
    return this.#running;
  }

  async #sweepAll(): Promise<number> {
    let purged = 0;
    const projects = await this.#system.platform('projects').find({ where: eq({ status: 'active' }), columns: ['_id'], orderBy: [{ column: '_id', dir: 'asc' }] });
    for (const p of projects) purged += await this.#transactions.purgeExpired(this.#system.project(Number(p._id)));
    if (purged) this.#logger.info({ purged }, 'purged expired transactions');
    return purged;
  }
}
