/**
 * Opening a realtime connection (§D.1): project, origin, connect rate limit, the project's
 * connection cap, identity — each failure an error frame and a close with its code — then the
 * `connected` frame (URL-mode channels become one subscription).
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { realtimeProject, type EndUserResolver, type ProjectAt } from '../http/authenticate.ts';
import type { RequestContext } from '../http/context.ts';
import { limiterIp } from '../http/rate-limit.ts';
import { uniqueId } from '../lib/ids.ts';
import { userModel } from '../features/users/user-model.ts';
import type { Services } from '../services.ts';
import { storeKey, type KvStore, type StoreScope } from '../store/kv-store.ts';
import { closeCodeOf, RealtimeConnection, type ConnectionLimits } from './connection.ts';
import { connectCredentials, errorFrameOf, resolveIdentity, type Identity } from './identity.ts';
import type { Logger } from '../logger.ts';
import { convertChannels, MAX_CHANNELS, validChannel } from './subscriptions.ts';

export interface HandshakeDeps {
  readonly services: Services;
  readonly endUsers: EndUserResolver;
  readonly store: KvStore;
  /** Counts connects when the store can't (Redis down): limits stay in force, in-process. */
  readonly fallbackStore: KvStore;
  readonly storeScope: StoreScope;
  readonly consoleOrigin: string;
  readonly logger: Logger;
  readonly limits: ConnectionLimits & { readonly connects: { readonly limit: number; readonly windowMs: number } };
  /** Open connections of the project on this process, and its cap. */
  openCount(tenant: number): number;
}

/** An error frame then the close, before any connection exists. */
export function refuse(ws: WebSocket, code: number, message: string): void {
  ws.send(JSON.stringify({ type: 'error', data: { code, message } }));
  ws.close(closeCodeOf(code), message.slice(0, 120));
  setTimeout(() => ws.terminate(), 1000).unref();
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) || null;
}

/** The context services need to read for this connection (the account model). */
export function connectionContext(at: ProjectAt, identity: Identity, req: IncomingMessage): RequestContext {
  return Object.freeze({
    requestId: uniqueId(), ip: req.socket.remoteAddress ?? '', userAgent: header(req, 'user-agent') ?? '', origin: header(req, 'origin'),
    project: at.project, scope: at.scope, principal: identity.principal, roles: identity.roles, scopes: new Set<string>(),
  });
}

export async function accountModel(services: Services, ctx: RequestContext, identity: Identity): Promise<unknown> {
  return identity.user ? userModel(await services.users.get(ctx, identity.user.id)) : null;
}

async function overConnectLimit(deps: HandshakeDeps, at: ProjectAt, ip: string): Promise<boolean> {
  const key = storeKey(deps.storeScope, at.project.sequence, 'rl', 'realtime.connect', limiterIp(ip));
  const { limit, windowMs } = deps.limits.connects;
  const hit = await deps.store.hit(key, windowMs).catch(() => deps.fallbackStore.hit(key, windowMs));
  return hit.count > limit;
}

/** Runs the checks; the connection when they pass (already told `connected`), else null (already refused). */
export async function openConnection(ws: WebSocket, req: IncomingMessage, url: URL, deps: HandshakeDeps): Promise<RealtimeConnection | null> {
  const query = url.searchParams;
  const projectId = query.get('project') || header(req, 'x-appwrite-project');
  const at = projectId ? await realtimeProject(deps.services, projectId) : null;
  if (!at) { refuse(ws, 1008, 'Missing or unknown project ID'); return null; }
  const origin = header(req, 'origin');
  if (origin && origin !== deps.consoleOrigin && !at.project.origins.includes(origin)) {
    const host = (() => { try { return new URL(origin).host; } catch { return origin; } })();
    refuse(ws, 1008, `Invalid Origin. Register your new client (${host}) as a new Web platform on your project console dashboard`);
    return null;
  }
  if (await overConnectLimit(deps, at, req.socket.remoteAddress ?? '')) { refuse(ws, 1013, 'Too many requests'); return null; }
  const cap = at.project.realtimeConnections;
  if (deps.openCount(at.project.sequence) >= cap) { refuse(ws, 1013, `Too many open realtime connections for this project (at most ${cap}).`); return null; }
  const creds = connectCredentials(req, query, at.project.id);
  let identity: Identity;
  let user: unknown;
  try {
    identity = await resolveIdentity(deps.endUsers, at.project, at.scope, creds);
    user = await accountModel(deps.services, connectionContext(at, identity, req), identity);
  } catch (e) {
    const { code, message } = errorFrameOf(e);
    refuse(ws, code, message);
    return null;
  }
  if (ws.readyState !== ws.OPEN) return null;
  const conn = new RealtimeConnection(ws, at, creds, identity, { endUsers: deps.endUsers, limits: deps.limits, logger: deps.logger });
  const channels = query.getAll('channels[]').concat(query.getAll('channels')).filter(validChannel).slice(0, MAX_CHANNELS);
  const converted = convertChannels(channels, conn.userId);
  const subscriptions: string[] = [];
  if (channels.length) {
    const id = uniqueId();
    conn.subscriptions.set(id, { id, requested: channels, converted: new Set(converted), queries: [], rawQueries: [] });
    subscriptions.push(id);
  }
  conn.json({ type: 'connected', data: { channels: converted, subscriptions, user } });
  return conn;
}
