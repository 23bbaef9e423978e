/**
 * Console owners: the people who sign in to the console. The first owner becomes root; later
 * sign-ups are closed unless the instance opens them. Their sessions live in the session store
 * under tenant 0 (the console).
 */
import { AppError, invalidParam } from '../../errors/index.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq } from '../../db/filter.ts';
import type { Row, SystemDb } from '../../db/tenant-db.ts';
import { toApiDate, toDbDate } from '../../lib/dates.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId } from '../../lib/ids.ts';
import { hashPassword, verifyPassword, PASSWORD_MAX, PASSWORD_MIN } from '../../lib/passwords.ts';

export const CONSOLE_TENANT = 0;
export const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/;

export interface Owner {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly isRoot: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

function fromRow(r: Row): Owner {
  return Object.freeze({
    id: String(r.uid), email: String(r.email), name: String(r.name), isRoot: Boolean(r.is_root),
    createdAt: String(r.created_at), updatedAt: String(r.updated_at),
  });
}

/** Appwrite's User model, as the console SDK expects it for `account.get()`. */
export function ownerModel(o: Owner) {
  return {
    $id: o.id, $createdAt: toApiDate(o.createdAt)!, $updatedAt: toApiDate(o.updatedAt)!, name: o.name,
    registration: toApiDate(o.createdAt)!, status: true, labels: o.isRoot ? ['root'] : [], passwordUpdate: toApiDate(o.createdAt)!,
    email: o.email, phone: '', emailVerification: false, phoneVerification: false, mfa: false, prefs: {}, targets: [],
    accessedAt: toApiDate(o.updatedAt)!,
  };
}

export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 320 || !EMAIL.test(email)) throw invalidParam('email', 'Value must be a valid email address');
  return email;
}

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw invalidParam('password', `Password must be between ${PASSWORD_MIN} and ${PASSWORD_MAX} characters long.`);
  }
}

export class OwnersService {
  readonly #sys: SystemDb;
  readonly #openSignup: boolean;

  /** Platform code: owners live in a console table, reached through the system capability. */
  constructor(system: SystemDb, options: { openSignup: boolean }) {
    this.#sys = system;
    this.#openSignup = options.openSignup;
  }

  #table() { return this.#sys.platform('owners'); }

  async signUp(input: { userId: string; email: string; password: string; name?: string }): Promise<Owner> {
    const id = resolveCustomId(input.userId);
    if (!CUSTOM_ID.test(id)) throw invalidParam('userId', CUSTOM_ID_RULE);
    const email = normaliseEmail(input.email);
    checkPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    // The first owner becomes root. Concurrent first sign-ups all count zero, but only one row can
    // hold `root_marker` = 1 (unique): the others fail on it and try again, seeing an owner now.
    for (let attempt = 1; ; attempt++) {
      let asRoot = false;
      try {
        await this.#sys.transaction(async (sys) => {
          const existing = await sys.platform('owners').count();
          if (existing > 0 && !this.#openSignup) {
            throw new AppError('general_access_forbidden', { message: 'Owner sign-up is closed on this instance. Ask an existing owner, or start the server with TENANTRY_OPEN_SIGNUP=true.' });
          }
          asRoot = existing === 0;
          const now = toDbDate();
          await sys.platform('owners').insert({
            uid: id, email, name: input.name ?? '', password_hash: passwordHash, is_root: asRoot, root_marker: asRoot ? 1 : null, created_at: now, updated_at: now,
          });
        });
        break;
      } catch (e) {
        if (e instanceof DuplicateKeyError && asRoot && attempt < 3) continue;
        if (e instanceof DuplicateKeyError) throw new AppError('user_already_exists');
        throw e;
      }
    }
    return (await this.get(id))!;
  }

  /** One generic error for unknown email and wrong password; both paths cost one argon2 verification. */
  async authenticate(emailRaw: string, password: string): Promise<Owner> {
    const email = typeof emailRaw === 'string' ? emailRaw.trim().toLowerCase() : '';
    const row = email ? await this.#table().first(eq({ email })) : undefined;
    const ok = await verifyPassword(row ? String(row.password_hash) : null, password);
    if (!row || !ok) throw new AppError('user_invalid_credentials');
    return fromRow(row);
  }

  async get(id: string): Promise<Owner | undefined> {
    const row = await this.#table().first(eq({ uid: id }));
    return row ? fromRow(row) : undefined;
  }

  async findByEmail(email: string): Promise<Owner | undefined> {
    const row = await this.#table().first(eq({ email: email.trim().toLowerCase() }));
    return row ? fromRow(row) : undefined;
  }

  /** The instance's root owner (the first to sign up). */
  async root(): Promise<Owner | undefined> {
    const row = await this.#table().first(eq({ is_root: true }));
    return row ? fromRow(row) : undefined;
  }

  async count(): Promise<number> {
    return this.#table().count();
  }
}
