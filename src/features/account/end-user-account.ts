/**
 * The project branch of `/v1/account`: end users signing up and in, their sessions, JWTs, name,
 * password and prefs. Session `secret` is returned only to API-key callers (server-side rendering);
 * everyone else gets the token in cookies / `X-Fallback-Cookies` only.
 */
import { AppError } from '../../errors/index.ts';
import { isPrivileged, requireProject } from '../../http/context.ts';
import type { Call, OperationCall } from '../../http/route.ts';
import { clearSession, deliverSession } from '../../http/session-reply.ts';
import type { Services } from '../../services.ts';
import { JWT_DEFAULT_SECONDS, signJwt } from '../jwt/jwt.service.ts';
import { sessionModel } from '../sessions/session-model.ts';
import type { User } from '../users/user-model.ts';
import { userModel } from '../users/user-model.ts';

function me(call: Pick<Call, 'ctx'>) {
  const p = call.ctx.principal;
  if (p.kind !== 'user') throw new AppError('general_unauthorized_scope');
  return p;
}

export function endUserAccount(services: Services, publicUrl: string) {
  const { users, sessions } = services;
  const tenantOf = (call: Pick<Call, 'ctx'>) => requireProject(call.ctx).sequence;

  const startSession = async (call: Pick<Call, 'ctx' | 'reply'>, user: User, provider: 'email' | 'anonymous') => {
    const project = requireProject(call.ctx);
    const created = await sessions.create(project.sequence, user.id, { durationS: project.authDuration, provider, ip: call.ctx.ip, userAgent: call.ctx.userAgent });
    deliverSession(call.reply, call.ctx, project.id, created.token, new Date(created.session.expire), publicUrl);
    return sessionModel(created.session, { current: true, secret: isPrivileged(call.ctx) ? created.token : '' });
  };

  return {
    signUp: async (call: OperationCall<'createAccount'>) => userModel(await users.create(call.ctx, call.body)),

    signIn: async (call: OperationCall<'createEmailPasswordSession' | 'createSession'>) => {
      const { email, password } = call.body;
      return startSession(call, await users.authenticate(call.ctx, email, password), 'email');
    },

    anonymous: async (call: OperationCall<'createAnonymousSession'>) => {
      if (call.ctx.principal.kind === 'user') throw new AppError('user_session_already_exists');
      return startSession(call, await users.create(call.ctx, { userId: 'unique()' }), 'anonymous');
    },

    get: async (call: Pick<Call, 'ctx'>) => userModel(await users.get(call.ctx, me(call).user.id)),

    listSessions: async (call: Pick<Call, 'ctx'>) => {
      const p = me(call);
      const list = await sessions.list(tenantOf(call), p.user.id);
      return { total: list.length, sessions: list.map((s) => sessionModel(s, { current: s.id === p.session.id })) };
    },

    deleteSession: async (call: OperationCall<'deleteSession'>) => {
      const p = me(call);
      const id = call.params.sessionId === 'current' ? p.session.id : call.params.sessionId;
      if (!(await sessions.remove(tenantOf(call), p.user.id, id))) throw new AppError('user_session_not_found');
      if (id === p.session.id) clearSession(call.reply, requireProject(call.ctx).id);
    },

    deleteSessions: async (call: Pick<Call, 'ctx' | 'reply'>) => {
      await sessions.removeAll(tenantOf(call), me(call).user.id);
      clearSession(call.reply, requireProject(call.ctx).id);
    },

    createJwt: async (call: OperationCall<'createJWT' | 'createJWTLegacy'>) => {
      const p = me(call);
      if (p.via === 'jwt') throw new AppError('user_jwt_creation_denied');
      const duration = call.body.duration ?? JWT_DEFAULT_SECONDS;
      return { jwt: signJwt(requireProject(call.ctx), { userId: p.user.id, sessionId: p.session.id }, duration) };
    },

    updateName: async (call: OperationCall<'updateName'>) => userModel(await users.updateName(call.ctx, me(call).user.id, call.body.name)),

    /** Kills every other session of the user (the one making the change survives). */
    updatePassword: async (call: OperationCall<'updatePassword'>) => {
      const p = me(call);
      const { password, oldPassword } = call.body;
      return userModel(await users.updatePassword(call.ctx, p.user.id, password, oldPassword, p.session.id));
    },

    getPrefs: async (call: Pick<Call, 'ctx'>) => ({ ...(await users.get(call.ctx, me(call).user.id)).prefs }),

    updatePrefs: async (call: OperationCall<'updatePrefs'>) => userModel(await users.updatePrefs(call.ctx, me(call).user.id, call.body.prefs)),
  };
}
