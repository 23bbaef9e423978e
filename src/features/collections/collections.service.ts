/**
 * Collections: a metadata row plus a physical document table and its `_perms` side table, named
 * from internal sequences. Creation writes the row, then the tables (dropping both again if that
 * fails); deletion marks the row `deleting`, drops the tables, then the attribute/index/collection
 * rows — each step idempotent, so a crashed delete finishes on the next try.
 *
 * `getMeta` is the documents feature's view of a collection (for a request), `metaIn` the schema
 * writers' (for a TenantDb they already hold); both are served from an in-process cache that every
 * schema change in this process invalidates (other processes: within the TTL).
 */
import { appError, invalidParam } from '../../errors/index.ts';
import { createCollectionTables, dropCollectionTables } from '../../db/collection-ddl.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq } from '../../db/filter.ts';
import type { TenantDb } from '../../db/tenant-db.ts';
import { toDbDate } from '../../lib/dates.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId } from '../../lib/ids.ts';
import { TtlCache } from '../../lib/ttl-cache.ts';
import { isPrivileged, scopeOf, type RequestContext } from '../../http/context.ts';
import { COLLECTION_PERMISSION_TYPES, parsePermissions } from '../permissions/permissions.ts';
import { findDatabase, type CollectionPurger, type DatabaseRecord } from '../databases/databases.service.ts';
import { listRows, type ListFields, type ListRequest } from '../databases/list-query.ts';
import type { CollectionMeta } from './collection-meta.ts';
import { loadCollectionMeta } from './schema-rows.ts';
import type { SchemaLeases } from './schema-leases.ts';

const META_TTL_MS = 3_000;

const FIELDS: ListFields = {
  $id: { column: '_uid', kind: 'string' },
  name: { column: 'name', kind: 'string' },
  enabled: { column: 'enabled', kind: 'boolean' },
  documentSecurity: { column: 'document_security', kind: 'boolean' },
  $createdAt: { column: '_createdAt', kind: 'string' },
  $updatedAt: { column: '_updatedAt', kind: 'string' },
};

/** Builds the initial attributes and indexes of a new collection (the attributes/indexes features). */
export interface InitialSchemaBuilder {
  createInitial(tdb: TenantDb, meta: CollectionMeta, attributes: readonly Record<string, unknown>[], indexes: readonly Record<string, unknown>[]): Promise<void>;
}

export interface CreateCollectionInput {
  collectionId: string; name: string; permissions?: string[] | null; documentSecurity?: boolean; enabled?: boolean;
  attributes?: Record<string, unknown>[]; indexes?: Record<string, unknown>[];
}

export interface UpdateCollectionInput { name?: string | null; permissions?: string[] | null; documentSecurity?: boolean; enabled?: boolean }

export class CollectionsService implements CollectionPurger {
  readonly #cache = new TtlCache<CollectionMeta>(META_TTL_MS);
  /** Per-tenant generation in every cache key: bumping it drops all of a tenant's entries at once. */
  readonly #generation = new Map<number, number>();
  #initial: InitialSchemaBuilder | null = null;
  #beforeDrop: ((tdb: TenantDb, sequence: number) => Promise<void>) | null = null;
  /** DDL leases of this process: the attributes and indexes features use them too. */
  readonly leases: SchemaLeases;

  constructor(leases: SchemaLeases) {
    this.leases = leases;
    // A collection left `processing` (its create) or `deleting` by a stopped process: drop it.
    leases.onSweep('collections', async (tdb, row) => {
      this.invalidateTenant(tdb.tenant);
      await this.#finishDrop(tdb, Number(row._id));
    });
  }

  /** Wired in services.ts once the attributes/indexes services exist (they depend on this one). */
  useInitialSchemaBuilder(builder: InitialSchemaBuilder): void {
    this.#initial = builder;
  }

  /** Runs before a collection's tables are dropped (the relationships feature removes links from other collections). */
  useBeforeDrop(hook: (tdb: TenantDb, sequence: number) => Promise<void>): void {
    this.#beforeDrop = hook;
  }

  /** The request's project tables (its scope's TenantDb): for the schema features' request paths. */
  tenantDb(ctx: RequestContext): TenantDb {
    return scopeOf(ctx).db;
  }

  #key(tenant: number, databaseId: string, collectionId: string): string {
    return `${tenant}:${this.#generation.get(tenant) ?? 0}:${databaseId}:${collectionId}`;
  }

  invalidate(tenant: number, databaseId: string, collectionId: string): void {
    this.#cache.delete(this.#key(tenant, databaseId, collectionId));
  }

  invalidateTenant(tenant: number): void {
    this.#generation.set(tenant, (this.#generation.get(tenant) ?? 0) + 1);
  }

  /**
   * A collection's metadata for a request. 404 `database_not_found` / `collection_not_found` when
   * missing — and when disabled, for a client caller (keys and console admins see disabled ones).
   */
  async getMeta(ctx: RequestContext, databaseId: string, collectionId: string): Promise<CollectionMeta> {
    return this.metaIn(this.tenantDb(ctx), databaseId, collectionId, { hideDisabled: !isPrivileged(ctx) });
  }

  /** A collection's metadata in a TenantDb the caller holds (schema writers); disabled ones included unless `hideDisabled`. */
  async metaIn(tdb: TenantDb, databaseId: string, collectionId: string, options: { hideDisabled?: boolean } = {}): Promise<CollectionMeta> {
    const hideDisabled = options.hideDisabled ?? false;
    const meta = await this.#cache.getOrLoad(this.#key(tdb.tenant, databaseId, collectionId), async () => {
      const database = await findDatabase(tdb, databaseId);
      if (!CUSTOM_ID.test(collectionId)) return undefined;
      return (await loadCollectionMeta(tdb, database, collectionId)) ?? undefined;
    });
    if (!meta) throw appError('collection_not_found', collectionId);
    if (hideDisabled && !meta.databaseEnabled) throw appError('database_not_found', databaseId);
    if (hideDisabled && !meta.enabled) throw appError('collection_not_found', collectionId);
    return meta;
  }

  /** Fresh metadata (no cache), for schema writers that must see their own changes. */
  async loadFresh(tdb: TenantDb, databaseId: string, collectionId: string): Promise<CollectionMeta> {
    this.invalidate(tdb.tenant, databaseId, collectionId);
    return this.metaIn(tdb, databaseId, collectionId);
  }

  async create(ctx: RequestContext, databaseId: string, input: CreateCollectionInput): Promise<CollectionMeta> {
    const tdb = this.tenantDb(ctx);
    const database = await findDatabase(tdb, databaseId);
    const id = resolveCustomId(input.collectionId);
    if (!CUSTOM_ID.test(id)) throw invalidParam('collectionId', CUSTOM_ID_RULE);
    const permissions = parsePermissions(input.permissions ?? [], COLLECTION_PERMISSION_TYPES).list;
    const now = toDbDate();
    try {
      await tdb.table('collections').insert({
        _uid: id, _createdAt: now, _updatedAt: now, database_seq: database.sequence, name: input.name, enabled: input.enabled ?? true,
        document_security: input.documentSecurity ?? false, permissions: JSON.stringify(permissions), status: 'processing',
        ...this.leases.take(),
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw appError('collection_already_exists', id);
      throw e;
    }
    const row = await tdb.table('collections').first(eq({ database_seq: database.sequence, _uid: id }), ['_id']);
    const sequence = Number(row!._id);
    // `processing` under this process's lease until its tables (and initial schema) exist: a crash
    // in between leaves a row the sweep drops, not a `ready` collection without a table.
    try {
      await this.leases.run(tdb, 'collections', sequence, async () => {
        await createCollectionTables(tdb, sequence);
        const meta = await this.loadFresh(tdb, databaseId, id);
        if ((input.attributes?.length || input.indexes?.length) && this.#initial) {
          await this.#initial.createInitial(tdb, meta, input.attributes ?? [], input.indexes ?? []);
        }
      });
      await this.leases.finish(tdb, 'collections', sequence, { status: 'ready', _updatedAt: toDbDate() });
    } catch (e) {
      await this.#dropCollection(tdb, database.id, sequence, id);
      throw e;
    }
    return this.loadFresh(tdb, databaseId, id);
  }

  async list(ctx: RequestContext, databaseId: string, request: ListRequest): Promise<{ total: number; collections: CollectionMeta[] }> {
    const tdb = this.tenantDb(ctx);
    const database = await findDatabase(tdb, databaseId, { hideDisabled: !isPrivileged(ctx) });
    const base = eq({ database_seq: database.sequence, status: 'ready', ...(isPrivileged(ctx) ? {} : { enabled: true }) });
    const { total, rows } = await listRows(tdb.table('collections'), base, FIELDS, request, 'name');
    const collections = await Promise.all(rows.map((r) => this.metaIn(tdb, databaseId, String(r._uid))));
    return { total, collections };
  }

  async get(ctx: RequestContext, databaseId: string, collectionId: string): Promise<CollectionMeta> {
    return this.getMeta(ctx, databaseId, collectionId);
  }

  /** PUT-like (Appwrite `Collections/Update.php`): omitted documentSecurity → false, enabled → true; permissions/name kept. */
  async update(ctx: RequestContext, databaseId: string, collectionId: string, input: UpdateCollectionInput): Promise<CollectionMeta> {
    const tdb = this.tenantDb(ctx);
    const meta = await this.loadFresh(tdb, databaseId, collectionId);
    const permissions = input.permissions == null ? meta.permissions : parsePermissions(input.permissions, COLLECTION_PERMISSION_TYPES).list;
    await tdb.table('collections').update(eq({ _id: meta.sequence }), {
      name: input.name ?? meta.name, permissions: JSON.stringify(permissions), document_security: input.documentSecurity ?? false,
      enabled: input.enabled ?? true, _updatedAt: toDbDate(),
    });
    return this.loadFresh(tdb, databaseId, collectionId);
  }

  async delete(ctx: RequestContext, databaseId: string, collectionId: string): Promise<void> {
    const tdb = this.tenantDb(ctx);
    const database = await findDatabase(tdb, databaseId);
    const row = CUSTOM_ID.test(collectionId) ? await tdb.table('collections').first(eq({ database_seq: database.sequence, _uid: collectionId }), ['_id']) : undefined;
    if (!row) throw appError('collection_not_found', collectionId);
    await this.#dropCollection(tdb, database.id, Number(row._id), collectionId);
  }

  /** Drops every collection of a database (used by the database delete; resumable). */
  async purgeDatabase(tdb: TenantDb, databaseSequence: number): Promise<void> {
    const rows = await tdb.table('collections').find({ where: eq({ database_seq: databaseSequence }), columns: ['_id', '_uid'] });
    for (const r of rows) await this.#dropCollection(tdb, null, Number(r._id), String(r._uid));
  }

  async #dropCollection(tdb: TenantDb, databaseId: string | null, sequence: number, collectionId: string): Promise<void> {
    await tdb.table('collections').update(eq({ _id: sequence }), { status: 'deleting', _updatedAt: toDbDate(), ...this.leases.take() });
    if (databaseId) this.invalidate(tdb.tenant, databaseId, collectionId);
    else this.invalidateTenant(tdb.tenant);
    await this.leases.run(tdb, 'collections', sequence, () => this.#finishDrop(tdb, sequence));
  }

  /** Drops a `deleting` collection's tables, then its rows (each step idempotent). */
  async #finishDrop(tdb: TenantDb, sequence: number): Promise<void> {
    if (this.#beforeDrop) await this.#beforeDrop(tdb, sequence);
    await dropCollectionTables(tdb, sequence);
    await tdb.table('indexes').delete(eq({ collection_seq: sequence }));
    await tdb.table('attributes').delete(eq({ collection_seq: sequence }));
    await tdb.table('collections').delete(eq({ _id: sequence }));
  }
}

