/**
 * Databases: the top level of a project's schema. A row in the project's `databases` table; it owns
 * no physical table itself. Deletion marks the row `deleting` first (it disappears from the API at
 * once), then drops each collection and finally the row, so a crashed delete is finished by the
 * next DELETE of the same ID.
 */
import { appError, invalidParam } from '../../errors/index.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq } from '../../db/filter.ts';
import type { Row, TenantDb } from '../../db/tenant-db.ts';
import { toApiDate, toDbDate } from '../../lib/dates.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId } from '../../lib/ids.ts';
import { isPrivileged, scopeOf, type RequestContext } from '../../http/context.ts';
import { listRows, type ListFields, type ListRequest } from './list-query.ts';

export interface DatabaseRecord {
  readonly sequence: number;
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  /** The API it was made through (Appwrite's `type`); both APIs serve both. */
  readonly type: DatabaseType;
  readonly status: 'ready' | 'deleting';
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type DatabaseType = 'legacy' | 'tablesdb';

export interface DatabaseModel {
  $id: string; name: string; $createdAt: string; $updatedAt: string; enabled: boolean; type: DatabaseType;
}

/** What a database delete needs from the collections feature (kept as an interface to avoid a cycle). */
export interface CollectionPurger {
  purgeDatabase(tdb: TenantDb, databaseSequence: number): Promise<void>;
  invalidateTenant(tenant: number): void;
}

const FIELDS: ListFields = {
  $id: { column: '_uid', kind: 'string' },
  name: { column: 'name', kind: 'string' },
  enabled: { column: 'enabled', kind: 'boolean' },
  $createdAt: { column: '_createdAt', kind: 'string' },
  $updatedAt: { column: '_updatedAt', kind: 'string' },
};

export function databaseFromRow(r: Row): DatabaseRecord {
  return Object.freeze({
    sequence: Number(r._id), id: String(r._uid), name: String(r.name), enabled: Boolean(Number(r.enabled)),
    type: r.type === 'tablesdb' ? 'tablesdb' : 'legacy',
    status: r.status === 'deleting' ? 'deleting' : 'ready', createdAt: String(r._createdAt), updatedAt: String(r._updatedAt),
  });
}

export function databaseModel(d: DatabaseRecord): DatabaseModel {
  return { $id: d.id, name: d.name, $createdAt: toApiDate(d.createdAt)!, $updatedAt: toApiDate(d.updatedAt)!, enabled: d.enabled, type: d.type };
}

/**
 * The database a request addresses: 404 when missing, being deleted, or disabled for a client
 * caller (keys and console admins still see disabled ones, as in Appwrite).
 */
export async function findDatabase(tdb: TenantDb, id: string, options: { hideDisabled?: boolean; includeDeleting?: boolean } = {}): Promise<DatabaseRecord> {
  const row = CUSTOM_ID.test(id) ? await tdb.table('databases').first(eq({ _uid: id })) : undefined;
  const d = row ? databaseFromRow(row) : null;
  if (!d || (d.status === 'deleting' && !options.includeDeleting) || (options.hideDisabled && !d.enabled)) throw appError('database_not_found', id);
  return d;
}

/** Like every project service: each method takes the request context and works in its scope. */
export class DatabasesService {
  readonly #collections: CollectionPurger;

  constructor(collections: CollectionPurger) {
    this.#collections = collections;
  }

  tenantDb(ctx: RequestContext): TenantDb {
    return scopeOf(ctx).db;
  }

  async create(ctx: RequestContext, input: { databaseId: string; name: string; enabled?: boolean }, type: DatabaseType = 'legacy'): Promise<DatabaseRecord> {
    const id = resolveCustomId(input.databaseId);
    if (!CUSTOM_ID.test(id)) throw invalidParam('databaseId', CUSTOM_ID_RULE);
    const tdb = this.tenantDb(ctx);
    const now = toDbDate();
    try {
      await tdb.table('databases').insert({ _uid: id, _createdAt: now, _updatedAt: now, name: input.name, enabled: input.enabled ?? true, type, status: 'ready' });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw appError('database_already_exists', id);
      throw e;
    }
    return findDatabase(tdb, id);
  }

  async list(ctx: RequestContext, request: ListRequest): Promise<{ total: number; databases: DatabaseRecord[] }> {
    const tdb = this.tenantDb(ctx);
    const base = isPrivileged(ctx) ? eq({ status: 'ready' }) : eq({ status: 'ready', enabled: true });
    const { total, rows } = await listRows(tdb.table('databases'), base, FIELDS, request, 'name');
    return { total, databases: rows.map(databaseFromRow) };
  }

  async get(ctx: RequestContext, id: string): Promise<DatabaseRecord> {
    return findDatabase(this.tenantDb(ctx), id, { hideDisabled: !isPrivileged(ctx) });
  }

  /** PUT-like, as in Appwrite: an omitted `enabled` means true. */
  async update(ctx: RequestContext, id: string, input: { name?: string; enabled?: boolean }): Promise<DatabaseRecord> {
    const tdb = this.tenantDb(ctx);
    const d = await findDatabase(tdb, id);
    await tdb.table('databases').update(eq({ _id: d.sequence }), { name: input.name ?? d.name, enabled: input.enabled ?? true, _updatedAt: toDbDate() });
    this.#collections.invalidateTenant(tdb.tenant);
    return findDatabase(tdb, id);
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    const tdb = this.tenantDb(ctx);
    const d = await findDatabase(tdb, id, { includeDeleting: true });
    await tdb.table('databases').update(eq({ _id: d.sequence }), { status: 'deleting', _updatedAt: toDbDate() });
    this.#collections.invalidateTenant(tdb.tenant);
    await this.#collections.purgeDatabase(tdb, d.sequence);
    await tdb.table('databases').delete(eq({ _id: d.sequence }));
  }
}

