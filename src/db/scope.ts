/**
 * The two doors to data, and nothing else:
 *
 * - `ProjectScope` — one project's data for one request. Authentication mints it from the project it
 *   resolved (`ProjectsService.scope`, called by `src/http/authenticate.ts` only) and puts it in the
 *   frozen request context (`ctx.scope`); services take it from there. Its `db` is the only
 *   `TenantDb` a request can hold, bound to that project's sequence.
 * - `systemAccess(database)` — the one named, greppable capability for platform code: console tables
 *   (owners, projects, keys), the database's liveness, and a project's tables for platform work
 *   (project deletion, start-up sweeps). Its callers are listed in `test/foundation/architecture.test.ts`.
 *
 * The constructors behind both demand internal.ts's `MINT`, which nothing outside `src/db/` imports.
 */
import type { Database } from './connection.ts';
import { assertMint, MINT } from './internal.ts';
import { SystemDb, TenantDb } from './tenant-db.ts';

/** A project's data access for one request (opaque: only its project and TenantDb are visible). */
export class ProjectScope {
  /** The project's sequence: the `_tenant` of every row it owns (and its store keys' tenant). */
  readonly tenant: number;
  /** The project's public ID. */
  readonly projectId: string;
  readonly #db: TenantDb;

  /** src/db only: see `mintProjectScope`. */
  constructor(token: typeof MINT, db: TenantDb, projectId: string) {
    assertMint(token, 'ProjectScope');
    this.tenant = db.tenant;
    this.projectId = projectId;
    this.#db = db;
    Object.freeze(this);
  }

  /** The project's tables; every statement is bound to this project and recorded as issued by it. */
  get db(): TenantDb { return this.#db; }

  /**
   * The same scope over a transaction opened from its own TenantDb (`db.transaction(trx => …)`), so
   * services that take their TenantDb from the context run inside it (staged-transaction commits).
   */
  within(trx: TenantDb): ProjectScope {
    if (trx.tenant !== this.tenant || trx.system !== this.#db.system || trx.database !== this.#db.database || !trx.inTransaction) {
      throw new Error('ProjectScope.within needs a transaction of the same project');
    }
    return new ProjectScope(MINT, trx, this.projectId);
  }
}

/** The platform capability. Callers: the composition root (`src/services.ts`) and health checks only. */
export function systemAccess(database: Database): SystemDb {
  return new SystemDb(MINT, database);
}

/**
 * Mints a request's scope for a resolved project. Needs the system capability (only platform code
 * holds one); the projects service does it for authentication, which is its only caller.
 */
export function mintProjectScope(system: SystemDb, project: { readonly sequence: number; readonly id: string }): ProjectScope {
  return new ProjectScope(MINT, new TenantDb(MINT, system.database, project.sequence), project.id);
}
