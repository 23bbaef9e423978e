/**
 * Project API keys. The secret is `standard_` + 256 random bits, shown once at creation; only its
 * SHA-256 is stored, and lookups go by that hash (a unique index), so there is no secret comparison
 * to time. Keys are bound to one project: a key used against another project is refused, never
 * downgraded to a guest.
 */
import { randomBytes } from 'node:crypto';
import { AppError, invalidParam } from '../../errors/index.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq } from '../../db/filter.ts';
import type { Row, SystemDb } from '../../db/tenant-db.ts';
import { parseApiDate, toApiDate, toDbDate } from '../../lib/dates.ts';
import { resolveCustomId, CUSTOM_ID, CUSTOM_ID_RULE } from '../../lib/ids.ts';
import { parseJson } from '../../lib/json.ts';
import { sha256Hex } from '../../lib/tokens.ts';
import { TtlCache } from '../../lib/ttl-cache.ts';

export const KEY_SCOPES = [
  'databases.read', 'databases.write', 'collections.read', 'collections.write', 'attributes.read', 'attributes.write',
  'indexes.read', 'indexes.write', 'documents.read', 'documents.write', 'users.read', 'users.write',
  'teams.read', 'teams.write', 'health.read',
  // TablesDB's names (its routes accept either: tables.* ~ collections.*, columns.* ~ attributes.*, rows.* ~ documents.*).
  'tables.read', 'tables.write', 'columns.read', 'columns.write', 'rows.read', 'rows.write',
] as const;
const SCOPE_SET = new Set<string>(KEY_SCOPES);
const ACCESS_WRITE_INTERVAL_MS = 60_000;

export interface ApiKey {
  readonly id: string;
  readonly projectSequence: number;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly expire: string | null;
  readonly accessedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly secretHash: string;
}

export interface KeyModel {
  $id: string; $createdAt: string; $updatedAt: string; name: string; expire: string | null; scopes: string[];
  secret: string; accessedAt: string | null; sdks: string[];
}

export function keyModel(k: ApiKey, secret = ''): KeyModel {
  return {
    $id: k.id, $createdAt: toApiDate(k.createdAt)!, $updatedAt: toApiDate(k.updatedAt)!, name: k.name,
    expire: toApiDate(k.expire), scopes: [...k.scopes], secret, accessedAt: toApiDate(k.accessedAt), sdks: [],
  };
}

function fromRow(r: Row): ApiKey {
  return Object.freeze({
    id: String(r.uid), projectSequence: Number(r.project_seq), name: String(r.name),
    scopes: Object.freeze(parseJson<string[]>(r.scopes, [])), expire: (r.expire as string | null) ?? null,
    accessedAt: (r.accessed_at as string | null) ?? null, createdAt: String(r.created_at), updatedAt: String(r.updated_at),
    secretHash: String(r.secret_hash),
  });
}

export function validateScopes(scopes: readonly string[]): string[] {
  const unknown = scopes.filter((s) => !SCOPE_SET.has(s));
  if (unknown.length) throw invalidParam('scopes', `Unknown scope(s): ${unknown.join(', ')}. Valid scopes: ${KEY_SCOPES.join(', ')}.`);
  return [...new Set(scopes)];
}

function expireToDb(expire: string | null | undefined): string | null {
  if (expire === null || expire === undefined || expire === '') return null;
  const d = parseApiDate(expire);
  if (!d) throw invalidParam('expire', 'Value must be a valid ISO 8601 date, or null for a key that never expires.');
  return d;
}

export class KeysService {
  readonly #sys: SystemDb;
  readonly #cache = new TtlCache<ApiKey>(5_000);
  readonly #lastAccessWrite = new Map<string, number>();

  /** Platform code: keys live in a console table, reached through the system capability. */
  constructor(system: SystemDb) {
    this.#sys = system;
  }

  #table() { return this.#sys.platform('keys'); }

  async create(projectSequence: number, input: { keyId?: string; name: string; scopes: string[]; expire?: string | null }): Promise<{ key: ApiKey; secret: string }> {
    const id = resolveCustomId(input.keyId ?? 'unique()');
    if (!CUSTOM_ID.test(id)) throw invalidParam('keyId', CUSTOM_ID_RULE);
    const secret = 'standard_' + randomBytes(32).toString('hex');
    const now = toDbDate();
    try {
      await this.#table().insert({
        uid: id, project_seq: projectSequence, name: input.name, scopes: JSON.stringify(validateScopes(input.scopes)),
        secret_hash: sha256Hex(secret), expire: expireToDb(input.expire), accessed_at: null, created_at: now, updated_at: now,
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw new AppError('key_already_exists');
      throw e;
    }
    return { key: await this.get(projectSequence, id), secret };
  }

  async list(projectSequence: number): Promise<{ total: number; keys: ApiKey[] }> {
    const rows = await this.#table().find({ where: eq({ project_seq: projectSequence }), orderBy: [{ column: '_id', dir: 'asc' }], limit: 5000 });
    return { total: rows.length, keys: rows.map(fromRow) };
  }

  async get(projectSequence: number, id: string): Promise<ApiKey> {
    const row = CUSTOM_ID.test(id) ? await this.#table().first(eq({ project_seq: projectSequence, uid: id })) : undefined;
    if (!row) throw new AppError('key_not_found');
    return fromRow(row);
  }

  async update(projectSequence: number, id: string, patch: { name?: string; scopes?: string[]; expire?: string | null }): Promise<ApiKey> {
    const key = await this.get(projectSequence, id);
    const row: Row = { updated_at: toDbDate() };
    if (patch.name !== undefined) row.name = patch.name;
    if (patch.scopes !== undefined) row.scopes = JSON.stringify(validateScopes(patch.scopes));
    if (patch.expire !== undefined) row.expire = expireToDb(patch.expire);
    await this.#table().update(eq({ project_seq: projectSequence, uid: id }), row);
    this.#cache.delete(key.secretHash);
    return this.get(projectSequence, id);
  }

  async delete(projectSequence: number, id: string): Promise<void> {
    const key = await this.get(projectSequence, id);
    await this.#table().delete(eq({ project_seq: projectSequence, uid: id }));
    this.#cache.delete(key.secretHash);
  }

  /**
   * The key a secret names, checked against the project the request addresses:
   * unknown or another project's → 401 user_unauthorized; expired → 401 project_key_expired.
   */
  async authenticate(secret: string, projectSequence: number): Promise<ApiKey> {
    const hash = sha256Hex(secret);
    const key = await this.#cache.getOrLoad(hash, async () => {
      const row = await this.#table().first(eq({ secret_hash: hash }));
      return row ? fromRow(row) : undefined;
    });
    if (!key || key.projectSequence !== projectSequence) throw new AppError('user_unauthorized');
    if (key.expire && Date.parse(key.expire.replace(' ', 'T') + 'Z') <= Date.now()) throw new AppError('project_key_expired');
    this.#touch(key);
    return key;
  }

  /** Records last use at most once a minute per key, off the request's critical path. */
  #touch(key: ApiKey): void {
    const now = Date.now();
    if (now - (this.#lastAccessWrite.get(key.secretHash) ?? 0) < ACCESS_WRITE_INTERVAL_MS) return;
    this.#lastAccessWrite.set(key.secretHash, now);
    this.#table().update(eq({ secret_hash: key.secretHash }), { accessed_at: toDbDate() }).catch(() => {});
  }
}
