/**
 * `/v1/account`: one path family for console owners (`X-Appwrite-Project: console`) and project
 * end users. The console branch is served by the owners service, the project branch by
 * `end-user-account.ts`. Sign-up and sign-in are rate-limited before any password is hashed.
 */
import { AppError } from '../../errors/index.ts';
import { route, type Call, type OperationCall, type RouteDef } from '../../http/route.ts';
import { clearSession, deliverSession } from '../../http/session-reply.ts';
import type { Services, AppDeps } from '../../services.ts';
import { CONSOLE_TENANT, ownerModel } from '../console/owners.service.ts';
import { RATE_LIMITS } from '../limits/presets.ts';
import { sessionModel } from '../sessions/session-model.ts';
import { endUserAccount } from './end-user-account.ts';

const CONSOLE_SESSION_SECONDS = 365 * 24 * 3600;

function owner(call: Pick<Call, 'ctx'>) {
  const p = call.ctx.principal;
  if (p.kind !== 'owner') throw new AppError('general_unauthorized_scope');
  return p;
}

export function accountRoutes(services: Services, deps: AppDeps): RouteDef[] {
  const { owners, sessions } = services;
  const publicUrl = deps.config.publicUrl;
  const endUser = endUserAccount(services, publicUrl);

  const signIn = async (call: OperationCall<'createEmailPasswordSession' | 'createSession'>) => {
    if (call.ctx.project) return endUser.signIn(call);
    const { email, password } = call.body;
    const who = await owners.authenticate(email, password);
    const created = await sessions.create(CONSOLE_TENANT, who.id, { durationS: CONSOLE_SESSION_SECONDS, provider: 'email', ip: call.ctx.ip, userAgent: call.ctx.userAgent });
    deliverSession(call.reply, call.ctx, 'console', created.token, new Date(created.session.expire), publicUrl);
    return sessionModel(created.session, { current: true });
  };

  return [
    route({
      method: 'post', path: '/account', operationId: 'createAccount', access: { scope: 'sessions.write', on: 'any' }, status: 201,
      limits: [RATE_LIMITS.accountCreate],
      handle: async (call) => {
        if (call.ctx.project) return endUser.signUp(call);
        return ownerModel(await owners.signUp(call.body));
      },
    }),
    route({ method: 'post', path: '/account/sessions/email', operationId: 'createEmailPasswordSession', access: { scope: 'sessions.write', on: 'any' }, status: 201, limits: [RATE_LIMITS.emailSession], handle: signIn }),
    route({ method: 'post', path: '/account/sessions', operationId: 'createSession', access: { scope: 'sessions.write', on: 'any' }, status: 201, limits: [RATE_LIMITS.emailSession], handle: signIn }),
    route({
      method: 'get', path: '/account', operationId: 'getAccount', access: { scope: 'account', on: 'any' },
      handle: async (call) => (call.ctx.project ? endUser.get(call) : ownerModel(owner(call).owner)),
    }),
    route({
      method: 'get', path: '/account/sessions', operationId: 'listSessions', access: { scope: 'account', on: 'any' },
      handle: async (call) => {
        if (call.ctx.project) return endUser.listSessions(call);
        const p = owner(call);
        const list = await sessions.list(CONSOLE_TENANT, p.owner.id);
        return { total: list.length, sessions: list.map((s) => sessionModel(s, { current: s.id === p.session.id })) };
      },
    }),
    route({
      method: 'delete', path: '/account/sessions/:sessionId', operationId: 'deleteSession', access: { scope: 'account', on: 'any' }, status: 204,
      limits: [RATE_LIMITS.sessionDelete],
      handle: async (call) => {
        if (call.ctx.project) return endUser.deleteSession(call);
        const p = owner(call);
        const id = call.params.sessionId === 'current' ? p.session.id : call.params.sessionId;
        if (!(await sessions.remove(CONSOLE_TENANT, p.owner.id, id))) throw new AppError('user_session_not_found');
        if (id === p.session.id) clearSession(call.reply, 'console');
      },
    }),
    route({
      method: 'delete', path: '/account/sessions', operationId: 'deleteSessions', access: { scope: 'account', on: 'any' }, status: 204,
      limits: [RATE_LIMITS.sessionDelete],
      handle: async (call) => {
        if (call.ctx.project) return endUser.deleteSessions(call);
        await sessions.removeAll(CONSOLE_TENANT, owner(call).owner.id);
        clearSession(call.reply, 'console');
      },
    }),
    ...projectOnlyRoutes(endUser),
  ];
}

/** Routes only project end users have (console owners don't mint JWTs or keep prefs). */
function projectOnlyRoutes(endUser: ReturnType<typeof endUserAccount>): RouteDef[] {
  const user = { scope: 'account', on: 'project' } as const;
  return [
    route({ method: 'post', path: '/account/sessions/anonymous', operationId: 'createAnonymousSession', access: { scope: 'sessions.write', on: 'project' }, status: 201, limits: [RATE_LIMITS.anonymousSession], handle: endUser.anonymous }),
    route({ method: 'post', path: '/account/jwts', operationId: 'createJWT', access: user, status: 201, limits: [RATE_LIMITS.jwt], handle: endUser.createJwt }),
    route({ method: 'post', path: '/account/jwt', operationId: 'createJWTLegacy', access: user, status: 201, limits: [RATE_LIMITS.jwt], handle: endUser.createJwt }),
    route({ method: 'patch', path: '/account/name', operationId: 'updateName', access: user, handle: endUser.updateName }),
    route({ method: 'patch', path: '/account/password', operationId: 'updatePassword', access: user, limits: [RATE_LIMITS.passwordChange], handle: endUser.updatePassword }),
    route({ method: 'get', path: '/account/prefs', operationId: 'getPrefs', access: user, handle: endUser.getPrefs }),
    route({ method: 'patch', path: '/account/prefs', operationId: 'updatePrefs', access: user, handle: endUser.updatePrefs }),
  ];
}
