/**
 * Sessions live in the KV store (Redis, or in-process on the embedded default) as an allow-list:
 * a session exists or the token is refused, so losing Redis signs people out and never revives a
 * revoked session. Only SHA-256 of the secret is stored. A per-user index makes "sign out everywhere"
 * and blocking a user take effect on the very next request.
 */
import { randomSecret, uniqueId } from '../../lib/ids.ts';
import { decodeSessionToken, encodeSessionToken, sha256Hex } from '../../lib/tokens.ts';
import { storeKey, type HitRequest, type KvStore, type StoreScope, type WindowHit } from '../../store/kv-store.ts';
import type { EventSink } from '../../realtime/events.ts';
import { sessionEvent } from '../users/events.ts';

export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly secretHash: string;
  readonly provider: string;
  readonly createdAt: string;
  readonly expire: string;
  readonly ip: string;
  readonly userAgent: string;
}

export interface NewSession { readonly session: SessionRecord; readonly secret: string; readonly token: string }

/** `verifyBatched`'s answer: the session (as `verify`), the extra reads and the counted hits. */
export interface BatchedVerify {
  readonly session: SessionRecord | null;
  readonly values: ReadonlyArray<string | null>;
  readonly hits: ReadonlyArray<WindowHit | null>;
}

export interface SessionMeta { readonly durationS: number; readonly provider: string; readonly ip: string; readonly userAgent: string }

export class SessionService {
  readonly #store: KvStore;
  readonly #ns: StoreScope;
  #events: EventSink | null = null;

  constructor(store: KvStore, namespace: StoreScope) {
    this.#store = store;
    this.#ns = namespace;
  }

  /** Where created and deleted sessions are published (realtime `account` channel); none, nothing is. */
  useEvents(events: EventSink | null): void { this.#events = events; }

  #byHash(tenant: number, secretHash: string) { return storeKey(this.#ns, tenant, 'sess', secretHash); }
  #index(tenant: number, userId: string) { return storeKey(this.#ns, tenant, 'user-sess', userId); }

  async create(tenant: number, userId: string, meta: SessionMeta): Promise<NewSession> {
    const secret = randomSecret(32);
    const now = Date.now();
    const session: SessionRecord = {
      id: uniqueId(now),
      userId,
      secretHash: sha256Hex(secret),
      provider: meta.provider,
      createdAt: new Date(now).toISOString(),
      expire: new Date(now + meta.durationS * 1000).toISOString(),
      ip: meta.ip,
      userAgent: meta.userAgent.slice(0, 256),
    };
    await this.#store.set(this.#byHash(tenant, session.secretHash), JSON.stringify(session), meta.durationS * 1000);
    await this.#store.hset(this.#index(tenant, userId), session.id, session.secretHash);
    this.#events?.publish(tenant, sessionEvent('create', session));
    return { session, secret, token: encodeSessionToken(userId, secret) };
  }

  /** The live session a token names, or null (unknown, expired, or for another user). */
  async verify(tenant: number, token: string): Promise<SessionRecord | null> {
    const decoded = decodeSessionToken(token);
    if (!decoded) return null;
    const raw = await this.#store.get(this.#byHash(tenant, sha256Hex(decoded.secret)));
    if (!raw) return null;
    const session = JSON.parse(raw) as SessionRecord;
    if (session.userId !== decoded.id || Date.parse(session.expire) <= Date.now()) return null;
    return session;
  }

  /**
   * `verify` plus other reads and window hits in one store round trip; both may depend on the user
   * the token names (only trusted once the session matches). Null when the token isn't one (no I/O).
   */
  async verifyBatched(tenant: number, token: string, extra: (userId: string) => { reads: readonly string[]; hits: readonly HitRequest[] }): Promise<BatchedVerify | null> {
    const decoded = decodeSessionToken(token);
    if (!decoded) return null;
    const { reads, hits } = extra(decoded.id);
    const out = await this.#store.readAndHit([this.#byHash(tenant, sha256Hex(decoded.secret)), ...reads], hits);
    const raw = out.values[0];
    let session = raw ? (JSON.parse(raw) as SessionRecord) : null;
    if (session && (session.userId !== decoded.id || Date.parse(session.expire) <= Date.now())) session = null;
    return { session, values: out.values.slice(1), hits: out.hits };
  }

  async get(tenant: number, userId: string, sessionId: string): Promise<SessionRecord | null> {
    const hash = await this.#store.hget(this.#index(tenant, userId), sessionId);
    if (!hash) return null;
    const raw = await this.#store.get(this.#byHash(tenant, hash));
    return raw ? (JSON.parse(raw) as SessionRecord) : null;
  }

  async list(tenant: number, userId: string): Promise<SessionRecord[]> {
    const index = await this.#store.hgetall(this.#index(tenant, userId));
    const sessions: SessionRecord[] = [];
    const stale: string[] = [];
    for (const [id, hash] of Object.entries(index)) {
      const raw = await this.#store.get(this.#byHash(tenant, hash));
      if (raw) sessions.push(JSON.parse(raw) as SessionRecord);
      else stale.push(id);
    }
    if (stale.length) await this.#store.hdel(this.#index(tenant, userId), ...stale);
    return sessions.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async remove(tenant: number, userId: string, sessionId: string): Promise<boolean> {
    const hash = await this.#store.hget(this.#index(tenant, userId), sessionId);
    if (!hash) return false;
    const raw = this.#events ? await this.#store.get(this.#byHash(tenant, hash)) : null;
    await this.#store.del(this.#byHash(tenant, hash));
    await this.#store.hdel(this.#index(tenant, userId), sessionId);
    if (raw) this.#events?.publish(tenant, sessionEvent('delete', JSON.parse(raw) as SessionRecord));
    return true;
  }

  /** Removes all of a user's sessions (except `keep`, e.g. the one changing the password). */
  async removeAll(tenant: number, userId: string, keep?: string): Promise<number> {
    const index = await this.#store.hgetall(this.#index(tenant, userId));
    const ids = Object.keys(index).filter((id) => id !== keep);
    if (ids.length === 0) return 0;
    await this.#store.del(...ids.map((id) => this.#byHash(tenant, index[id]!)));
    await this.#store.hdel(this.#index(tenant, userId), ...ids);
    return ids.length;
  }
}
