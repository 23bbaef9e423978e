/**
 * Project end users: sign-up, credentials, profile, labels, status, verification. Emails are
 * lower-cased and compared byte-exactly (binary collation), so `usér@x` can never match `user@x`.
 * Every change to what a user's roles depend on invalidates their cached identity; blocking or
 * deleting a user also kills their sessions, so it takes effect on the very next request.
 */
import { AppError, appError, invalidParam } from '../../errors/index.ts';
import type { Database } from '../../db/connection.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq, type Condition } from '../../db/filter.ts';
import { TenantDb, type Row } from '../../db/tenant-db.ts';
import { toDbDate } from '../../lib/dates.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId } from '../../lib/ids.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { checkPassword, normaliseEmail } from '../console/owners.service.ts';
import type { SessionService } from '../sessions/sessions.service.ts';
import type { IdentityService } from './identity.service.ts';
import { userFromRow, type User } from './user-model.ts';

export const LABEL = /^[A-Za-z0-9]{1,36}$/;
const MAX_LABELS = 1000;
const MAX_PREFS_BYTES = 65_535;

export interface NewUser { readonly userId: string; readonly email?: string | null; readonly password?: string | null; readonly name?: string }

export class UsersService {
  readonly #db: Database;
  readonly #sessions: SessionService;
  readonly #identities: IdentityService;

  constructor(db: Database, sessions: SessionService, identities: IdentityService) {
    this.#db = db;
    this.#sessions = sessions;
    this.#identities = identities;
  }

  #users(tenant: number) { return new TenantDb(this.#db, tenant).table('users'); }

  async create(tenant: number, input: NewUser): Promise<User> {
    const id = resolveCustomId(input.userId);
    if (!CUSTOM_ID.test(id)) throw invalidParam('userId', CUSTOM_ID_RULE);
    const email = input.email ? normaliseEmail(input.email) : null;
    if (input.password !== undefined && input.password !== null) checkPassword(input.password);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const now = toDbDate();
    try {
      await this.#users(tenant).insert({
        _uid: id, _createdAt: now, _updatedAt: now, email, name: input.name ?? '', password_hash: passwordHash,
        status: true, email_verification: false, labels: '[]', prefs: '{}', password_update: passwordHash ? now : null, accessed_at: now,
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw new AppError('user_already_exists');
      throw e;
    }
    return this.get(tenant, id);
  }

  async find(tenant: number, id: string): Promise<User | undefined> {
    if (!CUSTOM_ID.test(id)) return undefined;
    const row = await this.#users(tenant).first(eq({ _uid: id }));
    return row ? userFromRow(row) : undefined;
  }

  async get(tenant: number, id: string): Promise<User> {
    const user = await this.find(tenant, id);
    if (!user) throw new AppError('user_not_found');
    return user;
  }

  async findByEmail(tenant: number, raw: string): Promise<User | undefined> {
    const email = raw.trim().toLowerCase();
    const row = email ? await this.#users(tenant).first(eq({ email })) : undefined;
    return row ? userFromRow(row) : undefined;
  }

  async list(tenant: number, options: { search?: string; limit: number; offset: number }): Promise<{ total: number; users: User[] }> {
    const where: Condition = options.search
      ? { kind: 'or', conditions: ['name', 'email', '_uid'].map((column) => ({ kind: 'like', column, text: options.search!, anchor: 'contains' }) as Condition) }
      : { kind: 'true' };
    const rows = await this.#users(tenant).find({ where, orderBy: [{ column: '_id', dir: 'asc' }], limit: options.limit, offset: options.offset });
    return { total: await this.#users(tenant).count(where, 5000), users: rows.map(userFromRow) };
  }

  /**
   * Email + password check with one generic error. Unknown emails verify against a dummy hash, so
   * both failure paths cost one argon2 verification. A blocked user with the right password → 403.
   */
  async authenticate(tenant: number, emailRaw: string, password: string): Promise<User> {
    const user = typeof emailRaw === 'string' ? await this.findByEmail(tenant, emailRaw) : undefined;
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) throw new AppError('user_invalid_credentials');
    if (!user.status) throw new AppError('user_blocked');
    return user;
  }

  async #patch(tenant: number, id: string, patch: Row, options: { invalidate?: boolean } = {}): Promise<User> {
    const changed = await this.#users(tenant).update(eq({ _uid: id }), { ...patch, _updatedAt: toDbDate() });
    if (changed === 0) throw new AppError('user_not_found');
    if (options.invalidate) await this.#identities.invalidate(tenant, id);
    return this.get(tenant, id);
  }

  updateName(tenant: number, id: string, name: string): Promise<User> {
    return this.#patch(tenant, id, { name }, { invalidate: true });
  }

  /** Sets a new password (after checking the old one, if the user has one); other sessions are killed. */
  async updatePassword(tenant: number, id: string, password: string, oldPassword: string | undefined, keepSession?: string): Promise<User> {
    const user = await this.get(tenant, id);
    checkPassword(password);
    if (user.passwordHash && !(await verifyPassword(user.passwordHash, oldPassword ?? ''))) throw new AppError('user_invalid_credentials');
    const now = toDbDate();
    const updated = await this.#patch(tenant, id, { password_hash: await hashPassword(password), password_update: now });
    await this.#sessions.removeAll(tenant, id, keepSession);
    return updated;
  }

  updatePrefs(tenant: number, id: string, prefs: Record<string, unknown>): Promise<User> {
    const json = JSON.stringify(prefs);
    if (Buffer.byteLength(json) > MAX_PREFS_BYTES) throw invalidParam('prefs', `Prefs must be at most ${MAX_PREFS_BYTES} bytes of JSON.`);
    return this.#patch(tenant, id, { prefs: json });
  }

  updateLabels(tenant: number, id: string, labels: readonly string[]): Promise<User> {
    if (labels.length > MAX_LABELS) throw invalidParam('labels', `At most ${MAX_LABELS} labels.`);
    for (const l of labels) if (!LABEL.test(l)) throw invalidParam('labels', 'Each label must be 1–36 alphanumeric characters.');
    return this.#patch(tenant, id, { labels: JSON.stringify([...new Set(labels)]) }, { invalidate: true });
  }

  /** Blocking kills every session (and so every JWT minted from them). */
  async updateStatus(tenant: number, id: string, status: boolean): Promise<User> {
    const user = await this.#patch(tenant, id, { status }, { invalidate: true });
    if (!status) await this.#sessions.removeAll(tenant, id);
    return user;
  }

  updateEmailVerification(tenant: number, id: string, verified: boolean): Promise<User> {
    return this.#patch(tenant, id, { email_verification: verified }, { invalidate: true });
  }

  /** Deletes the user, their memberships (team totals follow) and their sessions. */
  async delete(tenant: number, id: string): Promise<void> {
    const tdb = new TenantDb(this.#db, tenant);
    await tdb.transaction(async (tx) => {
      const memberships = await tx.table('memberships').find({ where: eq({ user_uid: id }), columns: ['team_uid'] });
      for (const m of memberships) await tx.table('teams').increment(eq({ _uid: String(m.team_uid) }), 'total', -1, { min: 0 });
      await tx.table('memberships').delete(eq({ user_uid: id }));
      if ((await tx.table('users').delete(eq({ _uid: id }))) === 0) throw appError('user_not_found');
    });
    await this.#sessions.removeAll(tenant, id);
    await this.#identities.invalidate(tenant, id);
  }
}
