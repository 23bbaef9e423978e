/**
 * The keys to the database layer's internals, for `src/db/` only.
 *
 * `KNEX` reaches the knex instance behind a `Database` (and the connection behind a `TenantDb`, for
 * the DDL helpers); `MINT` is the token every `TenantDb`, `SystemDb` and `ProjectScope` constructor
 * demands. Outside `src/db/` nothing may import this module: `test/foundation/architecture.test.ts`
 * fails the build if anything in `src/` does (tests reach raw SQL through `test/support/raw-db.ts`).
 * So the only ways to a project's data are the request's scope (`ctx.scope`) and, for platform code,
 * the one named capability `systemAccess()` in `scope.ts`.
 */

/** Property key of the knex instance (on `Database`) or connection (on `TenantDb`). */
export const KNEX: unique symbol = Symbol('tenantry.db.knex');

/** Constructor token: without it `new TenantDb(…)` / `new SystemDb(…)` / `new ProjectScope(…)` throw. */
export const MINT: unique symbol = Symbol('tenantry.db.mint');

export function assertMint(token: unknown, what: string): void {
  if (token !== MINT) throw new Error(`${what} is built inside src/db only: use ctx.scope (projects) or systemAccess() (platform code)`);
}
