/**
 * `/v1/account`: one path family for console owners (`X-Appwrite-Project: console`) and project
 * end users. The console branch is served by the owners service.
 */
import { AppError } from '../../errors/index.ts';
import { route, type Call, type RouteDef } from '../../http/route.ts';
import { clearSession, deliverSession } from '../../http/session-reply.ts';
import type { Services, AppDeps } from '../../services.ts';
import { CONSOLE_TENANT, ownerModel } from '../console/owners.service.ts';
import { sessionModel } from '../sessions/session-model.ts';

const CONSOLE_SESSION_SECONDS = 365 * 24 * 3600;

function endUsersNotYet(): never {
  throw new AppError('general_not_implemented', { message: 'End-user accounts are not available on this server yet.' });
}

function owner(call: Call) {
  const p = call.ctx.principal;
  if (p.kind !== 'owner') throw new AppError('general_unauthorized_scope');
  return p;
}

export function accountRoutes(services: Services, deps: AppDeps): RouteDef[] {
  const { owners, sessions } = services;
  const publicUrl = deps.config.publicUrl;

  const signIn = async (call: Call) => {
    if (call.ctx.project) return endUsersNotYet();
    const { email, password } = call.body as { email: string; password: string };
    const who = await owners.authenticate(email, password);
    const created = await sessions.create(CONSOLE_TENANT, who.id, { durationS: CONSOLE_SESSION_SECONDS, provider: 'email', ip: call.ctx.ip, userAgent: call.ctx.userAgent });
    deliverSession(call.reply, call.ctx, 'console', created.token, new Date(created.session.expire), publicUrl);
    return sessionModel(created.session, { current: true });
  };

  return [
    route({
      method: 'post', path: '/account', operationId: 'createAccount', access: { scope: 'sessions.write', on: 'any' }, status: 201,
      handle: async (call) => {
        if (call.ctx.project) return endUsersNotYet();
        return ownerModel(await owners.signUp(call.body as { userId: string; email: string; password: string; name?: string }));
      },
    }),
    route({ method: 'post', path: '/account/sessions/email', operationId: 'createEmailPasswordSession', access: { scope: 'sessions.write', on: 'any' }, status: 201, handle: signIn }),
    route({ method: 'post', path: '/account/sessions', operationId: 'createSession', access: { scope: 'sessions.write', on: 'any' }, status: 201, handle: signIn }),
    route({
      method: 'get', path: '/account', operationId: 'getAccount', access: { scope: 'account', on: 'any' },
      handle: async (call) => (call.ctx.project ? endUsersNotYet() : ownerModel(owner(call).owner)),
    }),
    route({
      method: 'get', path: '/account/sessions', operationId: 'listSessions', access: { scope: 'account', on: 'any' },
      handle: async (call) => {
        if (call.ctx.project) return endUsersNotYet();
        const p = owner(call);
        const list = await sessions.list(CONSOLE_TENANT, p.owner.id);
        return { total: list.length, sessions: list.map((s) => sessionModel(s, { current: s.id === p.session.id })) };
      },
    }),
    route({
      method: 'delete', path: '/account/sessions/:sessionId', operationId: 'deleteSession', access: { scope: 'account', on: 'any' }, status: 204,
      handle: async (call) => {
        if (call.ctx.project) return endUsersNotYet();
        const p = owner(call);
        const id = call.params.sessionId === 'current' ? p.session.id : call.params.sessionId!;
        if (!(await sessions.remove(CONSOLE_TENANT, p.owner.id, id))) throw new AppError('user_session_not_found');
        if (id === p.session.id) clearSession(call.reply, 'console');
      },
    }),
    route({
      method: 'delete', path: '/account/sessions', operationId: 'deleteSessions', access: { scope: 'account', on: 'any' }, status: 204,
      handle: async (call) => {
        if (call.ctx.project) return endUsersNotYet();
        await sessions.removeAll(CONSOLE_TENANT, owner(call).owner.id);
        clearSession(call.reply, 'console');
      },
    }),
  ];
}
