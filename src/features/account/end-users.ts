/**
 * Resolves a project request's end user (the `EndUserResolver` hook of `authenticate.ts`), in
 * Appwrite's order: a session token (cookie, `X-Appwrite-Session`, `X-Fallback-Cookies`) first; then
 * a JWT — which together with a live session is 403 `user_jwt_and_cookie_set`. An unknown or dead
 * session is a guest, not an error (as in Appwrite); a forged or expired JWT is 401; a JWT whose
 * session is gone is a guest. A blocked user is 403 `user_blocked`. The session store is checked on
 * every request, so when it is down this throws 503 (fail closed).
 *
 * A session token costs one store round trip: the session, the cached identity and the route's
 * rate-limit windows (the request plan's `trip.sessionHits`) are fetched and counted together
 * (`verifyBatched`), on every request to the route alike. A document list also reads its
 * collection's total-cache counters in that round trip (`trip.totals`, see total-cache.ts).
 */
import { AppError } from '../../errors/index.ts';
import type { Credentials, EndUserResolver } from '../../http/authenticate.ts';
import type { SessionTrip } from '../../http/plan.ts';
import type { Principal } from '../../http/context.ts';
import type { Project } from '../projects/projects.service.ts';
import type { ProjectScope } from '../../db/scope.ts';
import type { SessionRecord, SessionService } from '../sessions/sessions.service.ts';
import type { IdentityService } from '../users/identity.service.ts';
import { verifyJwt } from '../jwt/jwt.service.ts';
import type { HitRequest } from '../../store/kv-store.ts';
import type { ListRoute, TotalCache } from '../documents/total-cache.ts';

const NO_HITS: readonly HitRequest[] = Object.freeze([]);
const NO_READS: readonly string[] = Object.freeze([]);

/** The trip as a list route, when it says which route it is on. */
function listRoute(trip: SessionTrip | undefined): ListRoute | null {
  return trip?.operationId && trip.params && trip.query ? { operationId: trip.operationId, params: trip.params, query: trip.query } : null;
}

export function createEndUserResolver(deps: { sessions: SessionService; identities: IdentityService; totals?: TotalCache }): EndUserResolver {
  const { sessions, identities, totals } = deps;
  return {
    async resolve(project: Project, scope: ProjectScope, creds: Credentials, trip?: SessionTrip) {
      const tenant = project.sequence;
      let session: SessionRecord | null = null;
      let cachedIdentity: string | null | undefined;
      if (creds.sessionToken && !creds.jwt) {
        let hits: readonly HitRequest[] = NO_HITS;
        const list = totals ? listRoute(trip) : null;
        const counters = list ? totals!.sessionReads(tenant, list) : NO_READS;
        const out = await sessions.verifyBatched(tenant, creds.sessionToken, (userId) => {
          hits = trip ? trip.sessionHits(project, userId) : NO_HITS;
          return { reads: [identities.cacheKey(scope, userId), ...counters], hits };
        });
        if (out) {
          session = out.session;
          cachedIdentity = out.values[0] ?? null;
          trip?.counted(hits, out.hits);
          if (list && counters.length && trip) trip.totals = totals!.snapshotOf(tenant, list, out.values.slice(1));
        }
      } else if (creds.sessionToken) {
        session = await sessions.verify(tenant, creds.sessionToken);
      }
      let via: 'session' | 'jwt' = 'session';
      if (creds.jwt) {
        if (session) throw new AppError('user_jwt_and_cookie_set');
        const claims = verifyJwt(project, creds.jwt);
        session = await sessions.get(tenant, claims.userId, claims.sessionId);
        if (session && (session.userId !== claims.userId || Date.parse(session.expire) <= Date.now())) session = null;
        via = 'jwt';
      }
      if (!session) return null;
      const identity = await identities.load(scope, session.userId, via === 'session' ? cachedIdentity : undefined);
      if (!identity) return null;
      if (!identity.user.status) throw new AppError('user_blocked');
      const principal: Principal = { kind: 'user', user: identity.user, session, via };
      return { principal, roles: identity.roles };
    },
  };
}
