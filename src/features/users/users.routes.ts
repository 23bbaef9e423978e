/** `/v1/users`: server-side user management with an API key (`users.read` / `users.write`). */
import { route, type RouteDef } from '../../http/route.ts';
import { parsePaging } from '../../lib/paging.ts';
import type { Services } from '../../services.ts';
import { sessionModel } from '../sessions/session-model.ts';
import { userModel } from './user-model.ts';

const READ = { scope: 'users.read', on: 'project' } as const;
const WRITE = { scope: 'users.write', on: 'project' } as const;

export function usersRoutes(services: Services): RouteDef[] {
  const { users } = services;

  return [
    route({
      method: 'get', path: '/users', operationId: 'listUsers', access: READ,
      handle: async (call) => {
        const { total, users: list } = await users.list(call.ctx, { ...parsePaging(call.query.queries), search: call.query.search });
        return { total, users: list.map(userModel) };
      },
    }),
    route({
      method: 'post', path: '/users', operationId: 'createUser', access: WRITE, status: 201,
      handle: async (call) => userModel(await users.create(call.ctx, call.body)),
    }),
    route({
      method: 'get', path: '/users/:userId', operationId: 'getUser', access: READ,
      handle: async (call) => userModel(await users.get(call.ctx, call.params.userId)),
    }),
    route({
      method: 'delete', path: '/users/:userId', operationId: 'deleteUser', access: WRITE, status: 204,
      handle: async (call) => { await users.delete(call.ctx, call.params.userId); },
    }),
    route({
      method: 'put', path: '/users/:userId/labels', operationId: 'updateUserLabels', access: WRITE,
      handle: async (call) => userModel(await users.updateLabels(call.ctx, call.params.userId, call.body.labels)),
    }),
    route({
      method: 'patch', path: '/users/:userId/status', operationId: 'updateUserStatus', access: WRITE,
      handle: async (call) => userModel(await users.updateStatus(call.ctx, call.params.userId, call.body.status)),
    }),
    route({
      method: 'patch', path: '/users/:userId/verification', operationId: 'updateUserEmailVerification', access: WRITE,
      handle: async (call) => userModel(await users.updateEmailVerification(call.ctx, call.params.userId, call.body.emailVerification)),
    }),
    route({
      method: 'get', path: '/users/:userId/sessions', operationId: 'listUserSessions', access: READ,
      handle: async (call) => {
        const list = await users.listSessions(call.ctx, call.params.userId);
        return { total: list.length, sessions: list.map((s) => sessionModel(s, { current: false })) };
      },
    }),
    route({
      method: 'post', path: '/users/:userId/sessions', operationId: 'createUserSession', access: WRITE, status: 201,
      handle: async (call) => {
        const { session, secret } = await users.createSession(call.ctx, call.params.userId);
        return sessionModel(session, { current: false, secret });
      },
    }),
    route({
      method: 'delete', path: '/users/:userId/sessions', operationId: 'deleteUserSessions', access: WRITE, status: 204,
      handle: async (call) => { await users.deleteSessions(call.ctx, call.params.userId); },
    }),
    route({
      method: 'delete', path: '/users/:userId/sessions/:sessionId', operationId: 'deleteUserSession', access: WRITE, status: 204,
      handle: async (call) => { await users.deleteSession(call.ctx, call.params.userId, call.params.sessionId); },
    }),
  ];
}
