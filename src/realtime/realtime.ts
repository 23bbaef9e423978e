/**
 * The realtime server: `/v1/realtime` over WebSocket on the HTTP server's own port, speaking
 * Appwrite's protocol (APPWRITE-REFERENCE-2 §D). `createRealtime` builds it with no I/O;
 * `attach(server)` takes the server's upgrades (other paths are refused with 404); `close()` tells
 * every socket 1001 going-away (graceful shutdown).
 *
 * Events reach it through the bus, per project: a process subscribes to a project's bus channel
 * while it holds at least one of the project's sockets, so events never cross projects.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EndUserResolver } from '../http/authenticate.ts';
import type { Logger } from '../logger.ts';
import type { Services } from '../services.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import type { KvStore, StoreScope } from '../store/kv-store.ts';
import type { EventBus } from './bus.ts';
import { CLOSE, type RealtimeConnection } from './connection.ts';
import type { RealtimeEvent } from './events.ts';
import { accountModel, connectionContext, openConnection, type HandshakeDeps } from './handshake.ts';
import { resolveIdentity } from './identity.ts';
import { handleMessage, type MessageDeps } from './messages.ts';

export const REALTIME_PATH = '/v1/realtime';

export interface RealtimeOptions {
  /** Ping interval; a socket that answered nothing for one interval is closed (default 30 s). */
  readonly heartbeatMs: number;
  /** Roles older than this are re-checked before an event is delivered (default 500 ms). */
  readonly revalidateMs: number;
  /** Unsent bytes past which a socket is dropped as a slow consumer (default 1 MiB). */
  readonly maxBufferedBytes: number;
  /** Client frames above this get a 1009 error frame (default 64 KiB); 16× this closes the socket. */
  readonly maxMessageBytes: number;
  /** Appwrite: 128 connects per 60 s per IP. */
  readonly connects: { readonly limit: number; readonly windowMs: number };
  /** Appwrite: 32 frames per 60 s per connection. */
  readonly messages: { readonly limit: number; readonly windowMs: number };
}

export const REALTIME_DEFAULTS: RealtimeOptions = Object.freeze({
  heartbeatMs: 30_000, revalidateMs: 500, maxBufferedBytes: 1 << 20, maxMessageBytes: 64 << 10,
  connects: { limit: 128, windowMs: 60_000 }, messages: { limit: 32, windowMs: 60_000 },
});

export interface RealtimeDeps {
  readonly services: Services;
  readonly endUsers: EndUserResolver;
  readonly bus: EventBus;
  readonly store: KvStore;
  readonly storeScope: StoreScope;
  readonly logger: Logger;
  /** The console's own origin (always allowed, like the REST API's CORS). */
  readonly consoleOrigin: string;
}

interface ProjectSockets { readonly id: string; readonly conns: Set<RealtimeConnection>; readonly unsubscribe: () => void }

export class Realtime {
  readonly #deps: RealtimeDeps;
  readonly #options: RealtimeOptions;
  readonly #wss: WebSocketServer;
  readonly #projects = new Map<number, ProjectSockets>();
  readonly #handshake: HandshakeDeps;
  readonly #messages: MessageDeps;
  /** The upgrade request of each connection (its address and headers, for the account model). */
  readonly #requests = new WeakMap<RealtimeConnection, IncomingMessage>();
  #heartbeat: NodeJS.Timeout | null = null;
  #stopHealth: (() => void) | null = null;
  #closed = false;

  constructor(deps: RealtimeDeps, options: Partial<RealtimeOptions> = {}) {
    this.#deps = deps;
    this.#options = { ...REALTIME_DEFAULTS, ...options };
    const o = this.#options;
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: o.maxMessageBytes * 16, perMessageDeflate: false, clientTracking: false });
    const limits = { revalidateMs: o.revalidateMs, maxBufferedBytes: o.maxBufferedBytes, connects: o.connects };
    this.#handshake = {
      ...deps, limits, fallbackStore: createMemoryStore(),
      openCount: (tenant) => this.#projects.get(tenant)?.conns.size ?? 0,
    };
    this.#messages = { limits: { maxMessageBytes: o.maxMessageBytes, messages: o.messages }, authenticate: (conn, session) => this.#authenticate(conn, session) };
  }

  /** Serves `/v1/realtime` upgrades on `server`; any other upgrade path is answered 404. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => {});
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== REALTIME_PATH || this.#closed) {
        socket.end(`HTTP/1.1 ${this.#closed ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => { void this.#open(ws, req, url); });
    });
    this.#startTimers();
  }

  /** Publishes on the bus (every process's subscribers of the project). */
  publish(tenant: number, event: RealtimeEvent): void { this.#deps.bus.publish(tenant, event); }

  /** Open connections of a project on this process. */
  connections(projectId: string): number {
    for (const p of this.#projects.values()) if (p.id === projectId) return p.conns.size;
    return 0;
  }

  /** Open connections per project ID on this process. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.#projects.values()].map((p) => [p.id, p.conns.size]));
  }

  /** Graceful shutdown: every socket is told 1001 going-away; idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#stopHealth?.();
    const all = [...this.#projects.values()].flatMap((p) => [...p.conns]);
    const gone = all.map((c) => new Promise<void>((resolve) => { c.ws.once('close', () => resolve()); c.drop(CLOSE.goingAway, 'Server is shutting down.'); }));
    await Promise.all(gone);
    for (const p of this.#projects.values()) p.unsubscribe();
    this.#projects.clear();
  }

  #startTimers(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => this.#tick(), this.#options.heartbeatMs);
    this.#heartbeat.unref();
    this.#stopHealth = this.#deps.bus.onHealth((healthy) => {
      if (healthy) return;
      for (const p of this.#projects.values()) {
        for (const c of p.conns) c.error(1011, 'Realtime events from other servers may be missed: the event bus is unavailable. Delivery resumes when it is back.');
      }
    });
  }

  /** Heartbeat: a socket silent since the last tick is cut off; signed-in sockets re-check their session. */
  #tick(): void {
    for (const p of this.#projects.values()) {
      for (const c of p.conns) {
        if (!c.alive) { c.ws.terminate(); continue; }
        c.alive = false;
        c.ws.ping();
        void c.revalidate();
      }
    }
  }

  async #open(ws: WebSocket, req: IncomingMessage, url: URL): Promise<void> {
    ws.on('error', () => {});
    // Frames sent before `connected` are dropped (the SDK waits for it; Appwrite would refuse them).
    let conn: RealtimeConnection | null = null;
    try {
      conn = await openConnection(ws, req, url, this.#handshake);
    } catch (e) {
      this.#deps.logger.error({ err: e }, 'realtime: opening a connection failed');
      ws.send(JSON.stringify({ type: 'error', data: { code: 500, message: 'Server Error' } }));
      ws.close(CLOSE.internal);
      return;
    }
    if (!conn) return;
    if (this.#closed) { conn.drop(CLOSE.goingAway, 'Server is shutting down.'); return; }
    const c = conn;
    this.#register(c, req);
    ws.on('message', (data, isBinary) => {
      handleMessage(c, isBinary ? Buffer.from(data as Buffer) : (data as Buffer), this.#messages).catch((e: unknown) => {
        this.#deps.logger.error({ err: e }, 'realtime: handling a message failed');
        c.error(500, 'Server Error');
      });
    });
    ws.on('pong', () => { c.alive = true; });
    ws.once('close', () => this.#unregister(c));
  }

  #register(conn: RealtimeConnection, req: IncomingMessage): void {
    const tenant = conn.at.project.sequence;
    let p = this.#projects.get(tenant);
    if (!p) {
      const conns = new Set<RealtimeConnection>();
      const unsubscribe = this.#deps.bus.subscribe(tenant, (event) => { for (const c of conns) c.offer(event); });
      p = { id: conn.at.project.id, conns, unsubscribe };
      this.#projects.set(tenant, p);
    }
    p.conns.add(conn);
    this.#requests.set(conn, req);
  }

  #unregister(conn: RealtimeConnection): void {
    const tenant = conn.at.project.sequence;
    const p = this.#projects.get(tenant);
    this.#requests.delete(conn);
    if (!p?.conns.delete(conn) || p.conns.size > 0) return;
    p.unsubscribe();
    this.#projects.delete(tenant);
  }

  async #authenticate(conn: RealtimeConnection, session: string): Promise<unknown> {
    const creds = { key: null, sessionToken: session, jwt: null };
    const identity = await resolveIdentity(this.#deps.endUsers, conn.at.project, conn.at.scope, creds);
    if (!identity.user) return null;
    const req = this.#requests.get(conn);
    const user = req ? await accountModel(this.#deps.services, connectionContext(conn.at, identity, req), identity) : null;
    conn.rebind(creds, identity);
    return user;
  }
}

export function createRealtime(deps: RealtimeDeps, options: Partial<RealtimeOptions> = {}): Realtime {
  return new Realtime(deps, options);
}
