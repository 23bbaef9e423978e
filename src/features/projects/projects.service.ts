/**
 * Projects (tenants). A project's numeric sequence is the `_tenant` of every row it owns. Creation
 * provisions its namespace (isolated layout); deletion marks it `deleting` first and then purges
 * rows, collection tables and keys in an order that can be re-run after a crash.
 */
import { AppError, invalidParam } from '../../errors/index.ts';
import { dropCollectionTables } from '../../db/collection-ddl.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { ALL, eq } from '../../db/filter.ts';
import { migrateProjectNamespace, dropProjectNamespace } from '../../db/migrate.ts';
import { mintProjectScope, type ProjectScope } from '../../db/scope.ts';
import type { Row, SystemDb } from '../../db/tenant-db.ts';
import { toApiDate, toDbDate } from '../../lib/dates.ts';
import { randomSecret, resolveCustomId } from '../../lib/ids.ts';
import { parseJson } from '../../lib/json.ts';
import { TtlCache } from '../../lib/ttl-cache.ts';

export const PROJECT_ID = /^[a-z0-9][a-z0-9-]{0,35}$/;
export const RESERVED_PROJECT_IDS = new Set(['console']);
/** Tables every project owns rows in; purged on deletion (the order keeps children before parents). */
const PROJECT_SYSTEM_TABLES = ['transaction_logs', 'transactions', 'memberships', 'teams', 'indexes', 'attributes', 'collections', 'databases', 'users'];

/** Open realtime connections a project may hold per process, unless its settings say otherwise. */
export const DEFAULT_REALTIME_CONNECTIONS = 1000;

export interface RateLimitOverride { readonly limit: number; readonly windowSeconds: number }

export interface Project {
  readonly sequence: number;
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly jwtSecret: string;
  readonly origins: readonly string[];
  readonly limits: Readonly<Record<string, RateLimitOverride>>;
  readonly authDuration: number;
  /** Cap on the project's open realtime connections (per process). */
  readonly realtimeConnections: number;
  readonly status: 'active' | 'deleting';
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProjectModel {
  $id: string; $createdAt: string; $updatedAt: string; name: string; origins: string[]; authDuration: number; realtimeConnections: number;
}

export function projectModel(p: Project): ProjectModel {
  return { $id: p.id, $createdAt: toApiDate(p.createdAt)!, $updatedAt: toApiDate(p.updatedAt)!, name: p.name, origins: [...p.origins], authDuration: p.authDuration, realtimeConnections: p.realtimeConnections };
}

function fromRow(r: Row): Project {
  return Object.freeze({
    sequence: Number(r._id),
    id: String(r.uid),
    name: String(r.name),
    ownerId: String(r.owner_uid),
    jwtSecret: String(r.jwt_secret),
    origins: Object.freeze(parseJson<string[]>(r.origins, [])),
    limits: Object.freeze(parseJson<Record<string, RateLimitOverride>>(r.limits, {})),
    authDuration: Number(r.session_duration),
    realtimeConnections: r.realtime_connections == null ? DEFAULT_REALTIME_CONNECTIONS : Number(r.realtime_connections),
    status: r.status === 'deleting' ? 'deleting' : 'active',
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  });
}

export interface ProjectOwnerScope { readonly ownerId: string; readonly isRoot: boolean }

/** Platform code: holds the system capability (console table `projects`, provisioning, deletion). */
export class ProjectsService {
  readonly #sys: SystemDb;
  /** Per-request project resolution comes from here (5 s across processes, immediate within this one). */
  readonly #cache = new TtlCache<Project>(5_000);

  constructor(system: SystemDb) {
    this.#sys = system;
  }

  #table() { return this.#sys.platform('projects'); }

  /** The active project with this public ID, from the cache when warm. */
  async resolve(id: string): Promise<Project | undefined> {
    if (!PROJECT_ID.test(id)) return undefined;
    const p = await this.#cache.getOrLoad(id, async () => {
      const row = await this.#table().first(eq({ uid: id }));
      return row ? fromRow(row) : undefined;
    });
    return p?.status === 'active' ? p : undefined;
  }

  /**
   * The request's scope for a project `resolve` answered: how a request gets a project's TenantDb.
   * Called by authentication only (the architecture test checks it), once per request.
   */
  scope(project: Project): ProjectScope {
    return mintProjectScope(this.#sys, project);
  }

  async create(owner: ProjectOwnerScope, input: { projectId: string; name: string }): Promise<Project> {
    const id = resolveCustomId(input.projectId).toLowerCase();
    if (!PROJECT_ID.test(id)) throw invalidParam('projectId', 'Project IDs are 1–36 chars of a-z, 0-9 and hyphen, starting with a letter or digit.');
    if (RESERVED_PROJECT_IDS.has(id)) throw new AppError('project_reserved_project', { message: `The project ID '${id}' is reserved. Please choose another project ID.` });
    const now = toDbDate();
    try {
      await this.#table().insert({
        uid: id, name: input.name, owner_uid: owner.ownerId, host: 'default', layout: this.#sys.database.layout,
        jwt_secret: randomSecret(32), origins: '[]', limits: '{}', session_duration: 31536000, status: 'active',
        created_at: now, updated_at: now,
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw new AppError('project_already_exists', { message: `Project with the requested ID '${id}' already exists.` });
      throw e;
    }
    const project = fromRow((await this.#table().first(eq({ uid: id })))!);
    await migrateProjectNamespace(this.#sys.database, project.sequence);
    return project;
  }

  /** Owners see their own projects; the root owner sees every project. */
  async list(owner: ProjectOwnerScope, options: { search?: string; limit: number; offset: number }): Promise<{ total: number; projects: Project[] }> {
    const conditions = [eq({ status: 'active' })];
    if (!owner.isRoot) conditions.push(eq({ owner_uid: owner.ownerId }));
    if (options.search) conditions.push({ kind: 'or', conditions: [
      { kind: 'like', column: 'name', text: options.search, anchor: 'contains' },
      { kind: 'like', column: 'uid', text: options.search, anchor: 'contains' },
    ] });
    const where = { kind: 'and', conditions } as const;
    const rows = await this.#table().find({ where, orderBy: [{ column: '_id', dir: 'asc' }], limit: options.limit, offset: options.offset });
    return { total: await this.#table().count(where, 5000), projects: rows.map(fromRow) };
  }

  /** A project the owner may manage, or 404 (never 403: other owners' projects don't exist for them). */
  async getOwned(owner: ProjectOwnerScope, id: string): Promise<Project> {
    const row = PROJECT_ID.test(id) ? await this.#table().first(eq({ uid: id, status: 'active' })) : undefined;
    const project = row ? fromRow(row) : undefined;
    if (!project || (!owner.isRoot && project.ownerId !== owner.ownerId)) throw new AppError('project_not_found');
    return project;
  }

  async update(owner: ProjectOwnerScope, id: string, patch: { name?: string; origins?: string[]; authDuration?: number; limits?: Record<string, RateLimitOverride>; realtimeConnections?: number }): Promise<Project> {
    const project = await this.getOwned(owner, id);
    const row: Row = { updated_at: toDbDate() };
    if (patch.name !== undefined) row.name = patch.name;
    if (patch.origins !== undefined) row.origins = JSON.stringify([...new Set(patch.origins.map(normaliseOrigin))]);
    if (patch.authDuration !== undefined) row.session_duration = patch.authDuration;
    if (patch.limits !== undefined) row.limits = JSON.stringify(patch.limits);
    if (patch.realtimeConnections !== undefined) row.realtime_connections = patch.realtimeConnections;
    await this.#table().update(eq({ _id: project.sequence }), row);
    this.#cache.delete(id);
    return this.getOwned(owner, id);
  }

  /** Marks the project deleting (it vanishes at once), then purges everything it owns. */
  async delete(owner: ProjectOwnerScope, id: string): Promise<void> {
    const project = await this.getOwned(owner, id);
    await this.#table().update(eq({ _id: project.sequence }), { status: 'deleting', updated_at: toDbDate() });
    this.#cache.delete(id);
    await this.purge(project.sequence);
  }

  /** Idempotent purge of a `deleting` project; also run at start-up to finish interrupted deletions. */
  async purge(sequence: number): Promise<void> {
    const tdb = this.#sys.project(sequence);
    const collections = await tdb.table('collections').find({ columns: ['_id'] }).catch(() => [] as Row[]);
    for (const c of collections) {
      await dropCollectionTables(tdb, Number(c._id));
      await tdb.table('collections').delete(eq({ _id: Number(c._id) }));
    }
    if (this.#sys.database.layout === 'isolated') await dropProjectNamespace(this.#sys.database, sequence);
    else for (const name of PROJECT_SYSTEM_TABLES) await tdb.table(name).delete(ALL);
    await this.#sys.platform('keys').delete(eq({ project_seq: sequence }));
    await this.#table().delete(eq({ _id: sequence }));
  }

  async resumeDeletions(): Promise<number> {
    const rows = await this.#table().find({ where: eq({ status: 'deleting' }), columns: ['_id'] });
    for (const r of rows) await this.purge(Number(r._id));
    return rows.length;
  }

  /** Every active project's origins: preflight requests carry no project header, so they are checked against this union. */
  async allOrigins(): Promise<Set<string>> {
    const rows = await this.#table().find({ where: eq({ status: 'active' }), columns: ['origins'] });
    return new Set(rows.flatMap((r) => parseJson<string[]>(r.origins, [])));
  }
}

/** `https://App.example.com/` → `https://app.example.com`; anything that isn't an http(s) origin is refused. */
export function normaliseOrigin(raw: string): string {
  let url: URL;
  try { url = new URL(raw); } catch { throw invalidParam('origins', `"${raw}" is not a valid origin (scheme://host[:port]).`); }
  if (!/^https?:$/.test(url.protocol) || url.pathname.replace(/\/$/, '') !== '' || url.search || url.hash || url.username) {
    throw invalidParam('origins', `"${raw}" is not a valid origin (scheme://host[:port]).`);
  }
  return url.origin;
}
