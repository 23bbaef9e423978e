/**
 * Builds the request context: which project the request addresses, who is calling, and what they
 * may do. Runs once per request, from the request's plan; the result is frozen and handed to
 * handlers explicitly. Scope sets and the fixed role lists are built once, here, not per request.
 *
 * Project: `X-Appwrite-Project` header (or `?project=`); missing or `console` → the console.
 * Caller, in Appwrite's order: API key; else session cookie `a_session_{project}` (and `_legacy`),
 * `X-Appwrite-Session`, `X-Fallback-Cookies`; else JWT (project end users, resolved by the account feature).
 */
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import { AppError } from '../errors/index.ts';
import { KEY_SCOPES } from '../features/keys/keys.service.ts';
import { CONSOLE_TENANT } from '../features/console/owners.service.ts';
import type { Services } from '../services.ts';
import type { Principal, RequestContext } from './context.ts';
import type { ProjectScope } from '../db/scope.ts';
import { parseCookies, sessionCookieName } from './cookies.ts';
import type { RequestPlan, SessionTrip } from './plan.ts';
import type { ApiKey } from '../features/keys/keys.service.ts';

/** A scope set shared by every request that holds it: frozen, and `add`/`delete`/`clear` refuse. */
function scopeSet(scopes: Iterable<string>): ReadonlySet<string> {
  const set = new Set(scopes);
  const refuse = () => { throw new TypeError('scope sets are read-only'); };
  Object.defineProperties(set, { add: { value: refuse }, delete: { value: refuse }, clear: { value: refuse } });
  return Object.freeze(set);
}

/** Scopes a client holds by role (Appwrite's `roles.php`, limited to the services Tenantry serves). */
const GUEST_SCOPE_LIST = ['public', 'sessions.write', 'documents.read', 'documents.write'];
const USER_SCOPE_LIST = [...GUEST_SCOPE_LIST, 'account', 'teams.read', 'teams.write'];
const GUEST_SCOPES = scopeSet(GUEST_SCOPE_LIST);
const USER_SCOPES = scopeSet(USER_SCOPE_LIST);
const OWNER_SCOPES = scopeSet([...USER_SCOPE_LIST, 'projects.read', 'projects.write', 'keys.read', 'keys.write', 'health.read']);
const ADMIN_SCOPES = scopeSet(['public', ...KEY_SCOPES]);
/** Every valid key also may ping and read health (as in Appwrite). */
const KEY_BASE_SCOPES = ['public', 'health.read'];
const GUEST_ROLES: readonly string[] = Object.freeze(['any', 'guests']);
const USER_ROLES: readonly string[] = Object.freeze(['any', 'users']);
const KEY_ROLES: readonly string[] = Object.freeze(['any']);
const GUEST: Principal = Object.freeze({ kind: 'guest' });

/** A key's scope set, built once per key object (keys are cached, so once per key and process). */
const keyScopeSets = new WeakMap<ApiKey, ReadonlySet<string>>();
function keyScopes(key: ApiKey): ReadonlySet<string> {
  let set = keyScopeSets.get(key);
  if (!set) {
    // A key that may write users may also open sessions for them (server-side rendering, as Appwrite's `sessions.write`).
    const sessionScopes = key.scopes.includes('users.write') ? ['sessions.write'] : [];
    set = scopeSet([...KEY_BASE_SCOPES, ...sessionScopes, ...key.scopes]);
    keyScopeSets.set(key, set);
  }
  return set;
}

export interface Credentials {
  readonly key: string | null;
  readonly sessionToken: string | null;
  readonly jwt: string | null;
}

/** The credentials a request (or a WebSocket upgrade request) carries for `projectId`, in Appwrite's order. */
export function readCredentials(req: IncomingMessage, projectId: string): Credentials {
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

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length > 0 ? s : null;
}

/** End-user resolution for project requests, supplied by the account feature. */
export interface EndUserResolver {
  /**
   * The end user the credentials name, or null (a guest). A session token is verified in one store
   * round trip that also counts `trip`'s rate-limit windows for the user it names.
   */
  resolve(project: NonNullable<RequestContext['project']>, scope: ProjectScope, credentials: Credentials, trip?: SessionTrip): Promise<{ principal: Principal; roles: readonly string[] } | null>;
}

/** The caller-independent part of the context: read from the request once. */
interface Origin { readonly requestId: string; readonly ip: string; readonly userAgent: string; readonly origin: string | null }

/** The addressed project and its scope (minted together, so a context has both or neither). */
export interface ProjectAt { readonly project: NonNullable<RequestContext['project']>; readonly scope: ProjectScope }

/** The one place a context is assembled: frozen, roles included. */
function context(o: Origin, at: ProjectAt | null, principal: Principal, roles: readonly string[], scopes: ReadonlySet<string>): RequestContext {
  return Object.freeze({
    requestId: o.requestId, ip: o.ip, userAgent: o.userAgent, origin: o.origin,
    project: at?.project ?? null, scope: at?.scope ?? null, principal, roles: Object.isFrozen(roles) ? roles : Object.freeze(roles), scopes,
  });
}

/** A public route's context: a guest, no project (nothing is looked up). */
export function publicContext(req: Request, requestId: string, plan: RequestPlan): RequestContext {
  return context({ requestId, ip: plan.ip, userAgent: header(req, 'user-agent') ?? '', origin: header(req, 'origin') }, null, GUEST, GUEST_ROLES, GUEST_SCOPES);
}

/**
 * A realtime connection's project and scope, minted here as a request's are (the WebSocket upgrade
 * builds no request context); null when the project is unknown or being deleted.
 */
export async function realtimeProject(services: Services, projectId: string): Promise<ProjectAt | null> {
  const project = await services.projects.resolve(projectId);
  return project ? { project, scope: services.projects.scope(project) } : null;
}

export async function buildContext(req: Request, requestId: string, services: Services, endUsers: EndUserResolver | null, plan: RequestPlan): Promise<RequestContext> {
  const base: Origin = { requestId, ip: plan.ip, userAgent: header(req, 'user-agent') ?? '', origin: header(req, 'origin') };
  const fromHeader = header(req, 'x-appwrite-project');
  const fromQuery = typeof plan.query.project === 'string' ? plan.query.project : null;
  // Two different project IDs in one request are refused rather than one being picked.
  if (fromHeader && fromQuery && fromHeader !== fromQuery) {
    throw new AppError('general_argument_invalid', { message: 'The X-Appwrite-Project header and the project query parameter name different projects.' });
  }
  const projectId = fromHeader ?? fromQuery ?? 'console';

  if (projectId === 'console') {
    const creds = readCredentials(req, 'console');
    const session = creds.sessionToken ? await services.sessions.verify(CONSOLE_TENANT, creds.sessionToken) : null;
    const owner = session ? await services.owners.get(session.userId) : undefined;
    if (owner && session) return context(base, null, { kind: 'owner', owner, session }, USER_ROLES, OWNER_SCOPES);
    return context(base, null, GUEST, GUEST_ROLES, GUEST_SCOPES);
  }

  const project = await services.projects.resolve(projectId);
  if (!project) throw new AppError('project_not_found');
  // The request's only way to the project's tables: minted here, once, from the project just resolved.
  const at: ProjectAt = { project, scope: services.projects.scope(project) };
  const creds = readCredentials(req, project.id);

  if (creds.key) {
    if (header(req, 'x-appwrite-session') || creds.jwt) throw new AppError('user_api_key_and_session_set');
    const key = await services.keys.authenticate(creds.key, project.sequence);
    return context(base, at, { kind: 'key', key }, KEY_ROLES, keyScopes(key));
  }

  // A console owner opening one of their projects from the console (Appwrite's admin mode).
  if (header(req, 'x-appwrite-mode') === 'admin') {
    const consoleToken = readCredentials(req, 'console').sessionToken;
    const session = consoleToken ? await services.sessions.verify(CONSOLE_TENANT, consoleToken) : null;
    const owner = session ? await services.owners.get(session.userId) : undefined;
    if (!owner || !session || (!owner.isRoot && owner.id !== project.ownerId)) throw new AppError('user_unauthorized');
    return context(base, at, { kind: 'admin', owner, session }, KEY_ROLES, ADMIN_SCOPES);
  }

  // The plan names this route's rate-limit windows, so the session round trip counts them — on every request alike.
  const resolved = endUsers && (creds.sessionToken || creds.jwt) ? await endUsers.resolve(project, at.scope, creds, plan) : null;
  if (resolved && resolved.principal.kind === 'user') return context(base, at, resolved.principal, resolved.roles, USER_SCOPES);
  return context(base, at, GUEST, GUEST_ROLES, GUEST_SCOPES);
}

/** Appwrite's message for a missing scope, e.g. `User (role: guests) missing scopes (["collections.read"])`. */
export function missingScope(ctx: RequestContext, scope: string): AppError {
  const who = ctx.principal.kind === 'key' ? `app.${ctx.project?.id ?? 'console'}@service.localhost (role: applications)`
    : ctx.principal.kind === 'guest' ? 'User (role: guests)'
    : `${ctx.principal.kind === 'user' ? ctx.principal.user.email ?? 'User' : ctx.principal.owner.email} (role: users)`;
  return new AppError('general_unauthorized_scope', { message: `${who} missing scopes (${JSON.stringify([scope])})` });
}
