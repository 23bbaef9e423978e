/**
 * One open realtime socket: its project, identity, subscriptions and the two guards on what it
 * receives. Roles are re-validated through the session store before delivery when older than
 * `revalidateMs` (a revoked session, blocked user, removed membership or label stops delivery
 * within that bound), and fail closed: while the check can't be made, nothing is delivered. A
 * socket whose unsent bytes pass `maxBufferedBytes` is dropped, never buffered without bound.
 */
import { WebSocket } from 'ws';
import { AppError } from '../errors/index.ts';
import type { Credentials, EndUserResolver, ProjectAt } from '../http/authenticate.ts';
import type { Logger } from '../logger.ts';
import type { RealtimeEvent } from './events.ts';
import { GUEST, resolveIdentity, type Identity } from './identity.ts';
import { convertChannels, matchingSubscriptions, mayReceive, type Subscription } from './subscriptions.ts';

/** WebSocket close codes (RFC 6455 §7.4). */
export const CLOSE = { normal: 1000, goingAway: 1001, policy: 1008, tooBig: 1009, internal: 1011, tryAgain: 1013 } as const;
/** Events held while a stale identity is re-checked; more than this and the socket is too slow. */
const MAX_PENDING = 256;

/**
 * An event's frames, built once per event for all its receivers: the UTF-8 bytes up to the
 * `subscriptions` value, and the whole frame per distinct subscription-id list (receivers with the
 * same ids share one buffer; ws sends a buffer as is, so nothing is encoded or copied per socket).
 */
interface EventFrames { readonly head: Buffer; readonly byIds: Map<string, Buffer> }
const frames = new WeakMap<RealtimeEvent, EventFrames>();
/** Distinct id lists cached per event; past this (every socket with its own ids) frames are built uncached. */
const MAX_CACHED_FRAMES = 64;
const TEXT = Object.freeze({ binary: false });

/** `{"type":"event","data":{events, channels, timestamp, payload, subscriptions}}` (§D.3), as UTF-8. */
export function eventFrame(event: RealtimeEvent, subscriptions: readonly string[]): Buffer {
  let f = frames.get(event);
  if (f === undefined) {
    const { events, channels, timestamp, payload } = event;
    const full = JSON.stringify({ type: 'event', data: { events, channels, timestamp, payload, subscriptions: null } });
    f = { head: Buffer.from(full.slice(0, -'null}}'.length)), byIds: new Map() };
    frames.set(event, f);
  }
  const key = subscriptions.length === 1 ? subscriptions[0]! : subscriptions.join('\u0000');
  const cached = f.byIds.get(key);
  if (cached) return cached;
  const tail = `${JSON.stringify(subscriptions)}}}`;
  const frame = Buffer.allocUnsafe(f.head.length + Buffer.byteLength(tail));
  f.head.copy(frame, 0);
  frame.write(tail, f.head.length);
  if (f.byIds.size < MAX_CACHED_FRAMES) f.byIds.set(key, frame);
  return frame;
}

export interface ConnectionLimits {
  readonly revalidateMs: number;
  readonly maxBufferedBytes: number;
}

/** An error frame's code as a close code: itself when it is one, else 1008 for 4xx, 1011 for the rest. */
export function closeCodeOf(code: number): number {
  if ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999)) return code;
  return code >= 400 && code < 500 ? CLOSE.policy : CLOSE.internal;
}

export class RealtimeConnection {
  readonly ws: WebSocket;
  readonly at: ProjectAt;
  readonly subscriptions = new Map<string, Subscription>();
  /** Heartbeat: set by any frame or pong, cleared by each heartbeat tick. */
  alive = true;
  /** Client frames in the current message-rate window. */
  window = { start: 0, count: 0 };
  #creds: Credentials | null;
  #identity: Identity;
  #checkedAt = Date.now();
  #checking: Promise<void> | null = null;
  #pending: RealtimeEvent[] = [];
  #closing = false;
  readonly #endUsers: EndUserResolver;
  readonly #limits: ConnectionLimits;
  readonly #logger: Logger;

  constructor(ws: WebSocket, at: ProjectAt, creds: Credentials | null, identity: Identity, deps: { endUsers: EndUserResolver; limits: ConnectionLimits; logger: Logger }) {
    this.ws = ws;
    this.at = at;
    this.#creds = identity.user ? creds : null;
    this.#identity = identity;
    this.#endUsers = deps.endUsers;
    this.#limits = deps.limits;
    this.#logger = deps.logger;
  }

  get identity(): Identity { return this.#identity; }
  get userId(): string | null { return this.#identity.user?.id ?? null; }
  get open(): boolean { return !this.#closing && this.ws.readyState === WebSocket.OPEN; }

  /** A new identity (the `authentication` message): every subscription's channels are converted again. */
  rebind(creds: Credentials, identity: Identity): void {
    this.#creds = identity.user ? creds : null;
    this.#identity = identity;
    this.#checkedAt = Date.now();
    for (const sub of this.subscriptions.values()) sub.converted = new Set(convertChannels(sub.requested, this.userId));
  }

  /** Sends a text frame (a string, or UTF-8 bytes) unless the socket is closing or too far behind (then it is dropped). */
  send(frame: string | Buffer): void {
    if (!this.open) return;
    if (this.ws.bufferedAmount > this.#limits.maxBufferedBytes) {
      this.drop(CLOSE.tryAgain, 'Slow consumer: too many unsent messages.');
      return;
    }
    this.ws.send(frame, TEXT);
  }

  json(frame: unknown): void { this.send(JSON.stringify(frame)); }

  error(code: number, message: string): void { this.json({ type: 'error', data: { code, message } }); }

  /** Error frame, then close with the matching close code (Appwrite's open-time and policy failures). */
  fail(code: number, message: string): void {
    this.error(code, message);
    this.drop(closeCodeOf(code), message);
  }

  /** Closes; a peer that does not answer the close (it never reads) is cut off a second later. */
  drop(code: number, reason: string): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#pending = [];
    this.ws.close(code, reason.slice(0, 120));
    setTimeout(() => this.ws.terminate(), 1000).unref();
  }

  /** An event of this connection's project: delivered if a subscription matches and the roles may read it. */
  offer(event: RealtimeEvent): void {
    if (!this.open) return;
    if (!this.#stale()) { this.#deliver(event); return; }
    if (matchingSubscriptions(this.subscriptions, event).length === 0) return;
    if (this.#pending.length >= MAX_PENDING) { this.drop(CLOSE.tryAgain, 'Slow consumer: too many pending events.'); return; }
    this.#pending.push(event);
    void this.revalidate();
  }

  #stale(): boolean {
    return this.#creds !== null && Date.now() - this.#checkedAt >= this.#limits.revalidateMs;
  }

  #deliver(event: RealtimeEvent): void {
    if (!mayReceive(event.roles, this.#identity.roles)) return;
    const ids = matchingSubscriptions(this.subscriptions, event);
    if (ids.length === 0) return;
    this.send(eventFrame(event, ids));
  }

  /**
   * Re-reads the session and roles (once at a time). A session that is gone, a blocked user or an
   * expired JWT closes the socket (1008); a store that can't answer holds delivery back (fail closed).
   */
  revalidate(): Promise<void> {
    if (!this.#creds) return Promise.resolve();
    this.#checking ??= this.#check().finally(() => { this.#checking = null; });
    return this.#checking;
  }

  async #check(): Promise<void> {
    const creds = this.#creds!;
    let next: Identity;
    try {
      next = await resolveIdentity(this.#endUsers, this.at.project, this.at.scope, creds);
    } catch (e) {
      if (e instanceof AppError && e.status < 500) { this.fail(CLOSE.policy, e.message); return; }
      this.#logger.warn({ err: e, project: this.at.project.id }, 'realtime: cannot re-check a session; holding its events back');
      this.#pending = [];
      return;
    }
    if (!next.user || next.user.id !== this.userId) { this.#identity = GUEST; this.fail(CLOSE.policy, 'Session is not valid.'); return; }
    this.#identity = next;
    this.#checkedAt = Date.now();
    const pending = this.#pending;
    this.#pending = [];
    for (const event of pending) this.#deliver(event);
  }
}
