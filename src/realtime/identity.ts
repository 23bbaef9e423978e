/**
 * Who opens a realtime connection (`connection.php`, §D.1), in Appwrite's order: cookie
 * `a_session_<project>` and its `_legacy` twin, `X-Appwrite-Session`, `X-Fallback-Cookies`, then a
 * JWT from `X-Appwrite-JWT` or the `jwt` query parameter. Verified by the same end-user resolver
 * as REST requests (session store, identity cache, blocked users), so a connection's roles are
 * exactly a request's.
 */
import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors/index.ts';
import { readCredentials, type Credentials, type EndUserResolver } from '../http/authenticate.ts';
import type { ContextUser, Principal } from '../http/context.ts';
import type { ProjectScope } from '../db/scope.ts';
import type { Project } from '../features/projects/projects.service.ts';

export const GUEST_ROLES: readonly string[] = Object.freeze(['any', 'guests']);

export interface Identity {
  readonly principal: Principal;
  readonly user: ContextUser | null;
  readonly roles: readonly string[];
}

export const GUEST: Identity = Object.freeze({ principal: Object.freeze({ kind: 'guest' }), user: null, roles: GUEST_ROLES });

/** The credentials of the upgrade request, as a REST request's (no API keys: realtime serves clients), plus `?jwt=`. */
export function connectCredentials(req: IncomingMessage, query: URLSearchParams, projectId: string): Credentials {
  const { sessionToken, jwt } = readCredentials(req, projectId);
  return { key: null, sessionToken, jwt: jwt ?? (query.get('jwt') || null) };
}

/**
 * The identity the credentials name: a guest when none verifies. Throws the resolver's AppErrors
 * (401 bad JWT, 403 blocked or JWT with a cookie, 503 store down — fail closed).
 */
export async function resolveIdentity(endUsers: EndUserResolver, project: Project, scope: ProjectScope, creds: Credentials): Promise<Identity> {
  if (!creds.sessionToken && !creds.jwt) return GUEST;
  const resolved = await endUsers.resolve(project, scope, creds);
  if (resolved?.principal.kind !== 'user') return GUEST;
  return { principal: resolved.principal, user: resolved.principal.user, roles: resolved.roles };
}

/** Appwrite's error frame for an AppError (5xx and unexpected errors are "Server Error"). */
export function errorFrameOf(e: unknown): { code: number; message: string } {
  if (e instanceof AppError && e.status < 500) return { code: e.status, message: e.message };
  return { code: 500, message: 'Server Error' };
}
