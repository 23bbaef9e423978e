/**
 * Builds the request context: which project the request addresses, who is calling, and what they
 * may do. Runs once per request; the result is frozen and handed to handlers explicitly.
 *
 * Project: `X-Appwrite-Project` header (or `?project=`); missing or `console` → the console.
 * Caller, in Appwrite's order: API key; else session cookie `a_session_{project}` (and `_legacy`),
 * `X-Appwrite-Session`, `X-Fallback-Cookies`; else JWT (project end users, resolved by the account feature).
 */
import type { Request } from 'express';
import { AppError } from '../errors/index.ts';
import { KEY_SCOPES } from '../features/keys/keys.service.ts';
import { CONSOLE_TENANT } from '../features/console/owners.service.ts';
import type { Services } from '../services.ts';
import type { Principal, RequestContext } from './context.ts';
import { parseCookies, sessionCookieName } from './cookies.ts';
import { routeLimiterOf } from './rate-limit.ts';
import type { HitRequest, WindowHit } from '../store/kv-store.ts';

/** Scopes a client holds by role (Appwrite's `roles.php`, limited to the services Tenantry serves). */
const GUEST_SCOPES = ['public', 'sessions.write', 'documents.read', 'documents.write'];
const USER_SCOPES = [...GUEST_SCOPES, 'account', 'teams.read', 'teams.write'];
const OWNER_SCOPES = [...USER_SCOPES, 'projects.read', 'projects.write', 'keys.read', 'keys.write', 'health.read'];
const ADMIN_SCOPES = ['public', ...KEY_SCOPES];
/** Every valid key also may ping and read health (as in Appwrite). */
const KEY_BASE_SCOPES = ['public', 'health.read'];

export interface Credentials {
  readonly key: string | null;
  readonly sessionToken: string | null;
  readonly jwt: string | null;
}

export function readCredentials(req: Request, projectId: string): Credentials {
  const cookieName = sessionCookieName(projectId);
  const cookies = parseCookies(req.headers.cookie);
  let sessionToken = cookies.get(cookieName) || cookies.get(`${cookieName}_legacy`) || header(req, 'x-appwrite-session');
  if (!sessionToken) {
    const fallback = header(req, 'x-fallback-cookies');
    if (fallback) {
      try {
        const map = JSON.parse(fallback) as Record<string, unknown>;
        if (map && typeof map[cookieName] === 'string') sessionToken = map[cookieName] as string;
      } catch { /* ignored: a malformed fallback is no credential */ }
    }
  }
  return { key: header(req, 'x-appwrite-key'), sessionToken: sessionToken || null, jwt: header(req, 'x-appwrite-jwt') };
}

function header(req: Request, name: string): string | null {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length > 0 ? s : null;
}

/** Lets the resolver count the route's rate-limit windows in its session round trip. */
export interface ResolveOptions {
  /** The window hits to count for the user a session token names. */
  readonly hits?: (userId: string) => readonly HitRequest[];
  /** Receives those hits and what was counted (null: not counted). */
  readonly onHits?: (hits: readonly HitRequest[], counted: ReadonlyArray<WindowHit | null>) => void;
}

/** End-user resolution for project requests, supplied by the account feature. */
export interface EndUserResolver {
  resolve(project: NonNullable<RequestContext['project']>, credentials: Credentials, options?: ResolveOptions): Promise<{ principal: Principal; roles: readonly string[] } | null>;
}

export async function buildContext(req: Request, requestId: string, services: Services, endUsers: EndUserResolver | null): Promise<RequestContext> {
  const base = {
    requestId,
    ip: req.ip ?? req.socket.remoteAddress ?? '',
    userAgent: header(req, 'user-agent') ?? '',
    origin: header(req, 'origin'),
  };
  const fromHeader = header(req, 'x-appwrite-project');
  const fromQuery = typeof req.query.project === 'string' ? req.query.project : null;
  // Two different project IDs in one request are refused rather than one being picked.
  if (fromHeader && fromQuery && fromHeader !== fromQuery) {
    throw new AppError('general_argument_invalid', { message: 'The X-Appwrite-Project header and the project query parameter name different projects.' });
  }
  const projectId = fromHeader ?? fromQuery ?? 'console';

  if (projectId === 'console') {
    const creds = readCredentials(req, 'console');
    const session = creds.sessionToken ? await services.sessions.verify(CONSOLE_TENANT, creds.sessionToken) : null;
    const owner = session ? await services.owners.get(session.userId) : undefined;
    const principal: Principal = owner && session ? { kind: 'owner', owner, session } : { kind: 'guest' };
    return freeze({ ...base, project: null, principal, roles: principal.kind === 'guest' ? ['any', 'guests'] : ['any', 'users'], scopes: new Set(principal.kind === 'guest' ? GUEST_SCOPES : OWNER_SCOPES) });
  }

  const project = await services.projects.resolve(projectId);
  if (!project) throw new AppError('project_not_found');
  const creds = readCredentials(req, project.id);

  if (creds.key) {
    if (header(req, 'x-appwrite-session') || creds.jwt) throw new AppError('user_api_key_and_session_set');
    const key = await services.keys.authenticate(creds.key, project.sequence);
    // A key that may write users may also open sessions for them (server-side rendering, as Appwrite's `sessions.write`).
    const sessionScopes = key.scopes.includes('users.write') ? ['sessions.write'] : [];
    return freeze({ ...base, project, principal: { kind: 'key', key }, roles: ['any'], scopes: new Set([...KEY_BASE_SCOPES, ...sessionScopes, ...key.scopes]) });
  }

  // A console owner opening one of their projects from the console (Appwrite's admin mode).
  if (header(req, 'x-appwrite-mode') === 'admin') {
    const consoleToken = readCredentials(req, 'console').sessionToken;
    const session = consoleToken ? await services.sessions.verify(CONSOLE_TENANT, consoleToken) : null;
    const owner = session ? await services.owners.get(session.userId) : undefined;
    if (!owner || !session || (!owner.isRoot && owner.id !== project.ownerId)) throw new AppError('user_unauthorized');
    return freeze({ ...base, project, principal: { kind: 'admin', owner, session }, roles: ['any'], scopes: new Set(ADMIN_SCOPES) });
  }

  // The route's limiter (once it has seen the route) has its windows counted in the session round trip.
  const planned = routeLimiterOf(req);
  const res = req.res;
  const options: ResolveOptions = planned && res ? {
    hits: (userId) => planned.limiter.userHits(planned.def, project, base.ip, userId),
    onHits: (hits, counted) => planned.limiter.prime(res, hits, counted),
  } : {};
  const resolved = endUsers && (creds.sessionToken || creds.jwt) ? await endUsers.resolve(project, creds, options) : null;
  if (resolved && resolved.principal.kind === 'user') {
    return freeze({ ...base, project, principal: resolved.principal, roles: resolved.roles, scopes: new Set(USER_SCOPES) });
  }
  return freeze({ ...base, project, principal: { kind: 'guest' }, roles: ['any', 'guests'], scopes: new Set(GUEST_SCOPES) });
}

function freeze(ctx: RequestContext): RequestContext {
  Object.freeze(ctx.roles);
  return Object.freeze(ctx);
}

/** Appwrite's message for a missing scope, e.g. `User (role: guests) missing scopes (["collections.read"])`. */
export function missingScope(ctx: RequestContext, scope: string): AppError {
  const who = ctx.principal.kind === 'key' ? `app.${ctx.project?.id ?? 'console'}@service.localhost (role: applications)`
    : ctx.principal.kind === 'guest' ? 'User (role: guests)'
    : `${ctx.principal.kind === 'user' ? ctx.principal.user.email ?? 'User' : ctx.principal.owner.email} (role: users)`;
  return new AppError('general_unauthorized_scope', { message: `${who} missing scopes (${JSON.stringify([scope])})` });
}
