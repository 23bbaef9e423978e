/**
 * Project end users: sign-up, credentials, profile, labels, status, verification. Emails are
 * lower-cased and compared byte-exactly (binary collation), so `usér@x` can never match `user@x`.
 * Every change to what a user's roles depend on invalidates their cached identity; blocking or
 * deleting a user also kills their sessions, so it takes effect on the very next request.
 *
 * Like every project service, each method takes the request context and reaches the project's data
 * through its scope (`scopeOf(ctx)`); the routes only declare the access scope (`users.*`).
 */
import { AppError, appError, invalidParam } from '../../errors/index.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq, type Condition } from '../../db/filter.ts';
import type { Row } from '../../db/tenant-db.ts';
import { isPrivileged, requireProject, scopeOf, type RequestContext } from '../../http/context.ts';
import { toDbDate } from '../../lib/dates.ts';
import { stringifyExact } from '../../lib/exact-json.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId } from '../../lib/ids.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { checkPassword, normaliseEmail } from '../console/owners.service.ts';
import type { SessionRecord, SessionService } from '../sessions/sessions.service.ts';
import type { IdentityService } from './identity.service.ts';
import { userFromRow, type User } from './user-model.ts';
import type { EventSink } from '../../realtime/events.ts';
import { userEvent, type UserChange } from './events.ts';

export const LABEL = /^[A-Za-z0-9]{1,36}$/;
const MAX_LABELS = 1000;
const MAX_PREFS_BYTES = 65_535;

export interface NewUser { readonly userId: string; readonly email?: string | null; readonly password?: string | null; readonly name?: string }

export class UsersService {
  readonly #sessions: SessionService;
  readonly #identities: IdentityService;

  #events: EventSink | null = null;

  constructor(sessions: SessionService, identities: IdentityService) {
    this.#sessions = sessions;
    this.#identities = identities;
  }

  /** Where stored user changes are published (realtime `account` channel); none, nothing is. */
  useEvents(events: EventSink | null): void { this.#events = events; }

  #published(ctx: RequestContext, change: UserChange, user: User): User {
    this.#events?.publish(scopeOf(ctx).tenant, userEvent(change, user));
    return user;
  }

  #users(ctx: RequestContext) { return scopeOf(ctx).db.table('users'); }

  async create(ctx: RequestContext, input: NewUser): Promise<User> {
    const id = resolveCustomId(input.userId);
    if (!CUSTOM_ID.test(id)) throw invalidParam('userId', CUSTOM_ID_RULE);
    const email = input.email ? normaliseEmail(input.email) : null;
    if (input.password !== undefined && input.password !== null) checkPassword(input.password);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const now = toDbDate();
    try {
      await this.#users(ctx).insert({
        _uid: id, _createdAt: now, _updatedAt: now, email, name: input.name ?? '', password_hash: passwordHash,
        status: true, email_verification: false, labels: '[]', prefs: '{}', password_update: passwordHash ? now : null, accessed_at: now,
      });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw new AppError('user_already_exists');
      throw e;
    }
    return this.#published(ctx, 'create', await this.get(ctx, id));
  }

  async find(ctx: RequestContext, id: string): Promise<User | undefined> {
    if (!CUSTOM_ID.test(id)) return undefined;
    const row = await this.#users(ctx).first(eq({ _uid: id }));
    return row ? userFromRow(row) : undefined;
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    const user = await this.find(ctx, id);
    if (!user) throw new AppError('user_not_found');
    return user;
  }

  async findByEmail(ctx: RequestContext, raw: string): Promise<User | undefined> {
    const email = raw.trim().toLowerCase();
    const row = email ? await this.#users(ctx).first(eq({ email })) : undefined;
    return row ? userFromRow(row) : undefined;
  }

  async list(ctx: RequestContext, options: { search?: string; limit: number; offset: number }): Promise<{ total: number; users: User[] }> {
    const where: Condition = options.search
      ? { kind: 'or', conditions: ['name', 'email', '_uid'].map((column) => ({ kind: 'like', column, text: options.search!, anchor: 'contains' }) as Condition) }
      : { kind: 'true' };
    const rows = await this.#users(ctx).find({ where, orderBy: [{ column: '_id', dir: 'asc' }], limit: options.limit, offset: options.offset });
    return { total: await this.#users(ctx).count(where, 5000), users: rows.map(userFromRow) };
  }

  /**
   * Email + password check with one generic error. Unknown emails verify against a dummy hash, so
   * both failure paths cost one argon2 verification. A blocked user with the right password → 403.
   */
  async authenticate(ctx: RequestContext, emailRaw: string, password: string): Promise<User> {
    const user = typeof emailRaw === 'string' ? await this.findByEmail(ctx, emailRaw) : undefined;
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) throw new AppError('user_invalid_credentials');
    if (!user.status) throw new AppError('user_blocked');
    return user;
  }

  async #patch(ctx: RequestContext, id: string, change: UserChange, patch: Row, options: { invalidate?: boolean } = {}): Promise<User> {
    const changed = await this.#users(ctx).update(eq({ _uid: id }), { ...patch, _updatedAt: toDbDate() });
    if (changed === 0) throw new AppError('user_not_found');
    if (options.invalidate) await this.#identities.invalidate(scopeOf(ctx), id);
    return this.#published(ctx, change, await this.get(ctx, id));
  }

  updateName(ctx: RequestContext, id: string, name: string): Promise<User> {
    return this.#patch(ctx, id, 'update.name', { name }, { invalidate: true });
  }

  /** Sets a new password (after checking the old one, if the user has one); other sessions are killed. */
  async updatePassword(ctx: RequestContext, id: string, password: string, oldPassword: string | undefined, keepSession?: string): Promise<User> {
    const user = await this.get(ctx, id);
    checkPassword(password);
    if (user.passwordHash && !(await verifyPassword(user.passwordHash, oldPassword ?? ''))) throw new AppError('user_invalid_credentials');
    const now = toDbDate();
    const updated = await this.#patch(ctx, id, 'update.password', { password_hash: await hashPassword(password), password_update: now });
    await this.#sessions.removeAll(scopeOf(ctx).tenant, id, keepSession);
    return updated;
  }

  updatePrefs(ctx: RequestContext, id: string, prefs: Record<string, unknown>): Promise<User> {
    const json = stringifyExact(prefs); // an integer beyond 2^53 arrives as a BigInt (exact body parse)
    if (Buffer.byteLength(json) > MAX_PREFS_BYTES) throw invalidParam('prefs', `Prefs must be at most ${MAX_PREFS_BYTES} bytes of JSON.`);
    return this.#patch(ctx, id, 'update.prefs', { prefs: json });
  }

  updateLabels(ctx: RequestContext, id: string, labels: readonly string[]): Promise<User> {
    if (labels.length > MAX_LABELS) throw invalidParam('labels', `At most ${MAX_LABELS} labels.`);
    for (const l of labels) if (!LABEL.test(l)) throw invalidParam('labels', 'Each label must be 1–36 alphanumeric characters.');
    return this.#patch(ctx, id, 'update.labels', { labels: JSON.stringify([...new Set(labels)]) }, { invalidate: true });
  }

  /** Blocking kills every session (and so every JWT minted from them). */
  async updateStatus(ctx: RequestContext, id: string, status: boolean): Promise<User> {
    const user = await this.#patch(ctx, id, 'update.status', { status }, { invalidate: true });
    if (!status) await this.#sessions.removeAll(scopeOf(ctx).tenant, id);
    return user;
  }

  updateEmailVerification(ctx: RequestContext, id: string, verified: boolean): Promise<User> {
    return this.#patch(ctx, id, 'update.verification', { email_verification: verified }, { invalidate: true });
  }

  /** Deletes the user, their memberships (team totals follow) and their sessions. */
  async delete(ctx: RequestContext, id: string): Promise<void> {
    const user = this.#events ? await this.find(ctx, id) : undefined;
    await scopeOf(ctx).db.transaction(async (tx) => {
      const memberships = await tx.table('memberships').find({ where: eq({ user_uid: id }), columns: ['team_uid'] });
      for (const m of memberships) await tx.table('teams').increment(eq({ _uid: String(m.team_uid) }), 'total', -1, { min: 0 });
      await tx.table('memberships').delete(eq({ user_uid: id }));
      if ((await tx.table('users').delete(eq({ _uid: id }))) === 0) throw appError('user_not_found');
    });
    await this.#sessions.removeAll(scopeOf(ctx).tenant, id);
    await this.#identities.invalidate(scopeOf(ctx), id);
    if (user) this.#published(ctx, 'delete', user);
  }

  /**
   * Opens a session for a user on the server's behalf (`POST /users/:id/sessions`). A blocked user gets
   * none; the secret is returned to API keys and console admins only (server-side rendering).
   */
  async createSession(ctx: RequestContext, id: string): Promise<{ session: SessionRecord; secret: string }> {
    const project = requireProject(ctx);
    const user = await this.get(ctx, id);
    if (!user.status) throw new AppError('user_blocked');
    const created = await this.#sessions.create(scopeOf(ctx).tenant, user.id, { durationS: project.authDuration, provider: 'server', ip: ctx.ip, userAgent: ctx.userAgent });
    return { session: created.session, secret: isPrivileged(ctx) ? created.token : '' };
  }

  async listSessions(ctx: RequestContext, id: string): Promise<SessionRecord[]> {
    const user = await this.get(ctx, id);
    return this.#sessions.list(scopeOf(ctx).tenant, user.id);
  }

  async deleteSessions(ctx: RequestContext, id: string): Promise<void> {
    const user = await this.get(ctx, id);
    await this.#sessions.removeAll(scopeOf(ctx).tenant, user.id);
  }

  async deleteSession(ctx: RequestContext, id: string, sessionId: string): Promise<void> {
    const user = await this.get(ctx, id);
    if (!(await this.#sessions.remove(scopeOf(ctx).tenant, user.id, sessionId))) throw new AppError('user_session_not_found');
  }
}
