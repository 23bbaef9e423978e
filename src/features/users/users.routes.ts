/** `/v1/users`: server-side user management with an API key (`users.read` / `users.write`). */
import { AppError } from '../../errors/index.ts';
import { isPrivileged, requireProject } from '../../http/context.ts';
import { route, type Call, type RouteDef } from '../../http/route.ts';
import { parsePaging } from '../../lib/paging.ts';
import type { Services } from '../../services.ts';
import { sessionModel } from '../sessions/session-model.ts';
import { userModel } from './user-model.ts';

const READ = { scope: 'users.read', on: 'project' } as const;
const WRITE = { scope: 'users.write', on: 'project' } as const;

export function usersRoutes(services: Services): RouteDef[] {
  const { users, sessions } = services;
  const tenant = (call: Call) => requireProject(call.ctx).sequence;
  const userId = (call: Call) => call.params.userId!;

  return [
    route({
      method: 'get', path: '/users', operationId: 'listUsers', access: READ,
      handle: async (call) => {
        const { total, users: list } = await users.list(tenant(call), { ...parsePaging(call.query.queries), search: call.query.search as string | undefined });
        return { total, users: list.map(userModel) };
      },
    }),
    route({
      method: 'post', path: '/users', operationId: 'createUser', access: WRITE, status: 201,
      handle: async (call) => userModel(await users.create(tenant(call), call.body as { userId: string; email?: string; password?: string; name?: string })),
    }),
    route({
      method: 'get', path: '/users/:userId', operationId: 'getUser', access: READ,
      handle: async (call) => userModel(await users.get(tenant(call), userId(call))),
    }),
    route({
      method: 'delete', path: '/users/:userId', operationId: 'deleteUser', access: WRITE, status: 204,
      handle: async (call) => { await users.delete(tenant(call), userId(call)); },
    }),
    route({
      method: 'put', path: '/users/:userId/labels', operationId: 'updateUserLabels', access: WRITE,
      handle: async (call) => userModel(await users.updateLabels(tenant(call), userId(call), (call.body as { labels: string[] }).labels)),
    }),
    route({
      method: 'patch', path: '/users/:userId/status', operationId: 'updateUserStatus', access: WRITE,
      handle: async (call) => userModel(await users.updateStatus(tenant(call), userId(call), (call.body as { status: boolean }).status)),
    }),
    route({
      method: 'patch', path: '/users/:userId/verification', operationId: 'updateUserEmailVerification', access: WRITE,
      handle: async (call) => userModel(await users.updateEmailVerification(tenant(call), userId(call), (call.body as { emailVerification: boolean }).emailVerification)),
    }),
    route({
      method: 'get', path: '/users/:userId/sessions', operationId: 'listUserSessions', access: READ,
      handle: async (call) => {
        const user = await users.get(tenant(call), userId(call));
        const list = await sessions.list(tenant(call), user.id);
        return { total: list.length, sessions: list.map((s) => sessionModel(s, { current: false })) };
      },
    }),
    route({
      method: 'post', path: '/users/:userId/sessions', operationId: 'createUserSession', access: WRITE, status: 201,
      handle: async (call) => {
        const project = requireProject(call.ctx);
        const user = await users.get(project.sequence, userId(call));
        if (!user.status) throw new AppError('user_blocked');
        const created = await sessions.create(project.sequence, user.id, { durationS: project.authDuration, provider: 'server', ip: call.ctx.ip, userAgent: call.ctx.userAgent });
        return sessionModel(created.session, { current: false, secret: isPrivileged(call.ctx) ? created.token : '' });
      },
    }),
    route({
      method: 'delete', path: '/users/:userId/sessions', operationId: 'deleteUserSessions', access: WRITE, status: 204,
      handle: async (call) => {
        const user = await users.get(tenant(call), userId(call));
        await sessions.removeAll(tenant(call), user.id);
      },
    }),
    route({
      method: 'delete', path: '/users/:userId/sessions/:sessionId', operationId: 'deleteUserSession', access: WRITE, status: 204,
      handle: async (call) => {
        const user = await users.get(tenant(call), userId(call));
        if (!(await sessions.remove(tenant(call), user.id, call.params.sessionId!))) throw new AppError('user_session_not_found');
      },
    }),
  ];
}
