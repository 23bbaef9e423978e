import { route, type RouteDef } from '../../http/route.ts';
import { systemAccess } from '../../db/scope.ts';
import type { AppDeps } from '../../services.ts';

async function timed(check: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await check();
  return Math.round(performance.now() - started);
}

export function healthRoutes(deps: AppDeps): RouteDef[] {
  // Platform code: the database ping needs no project, so it holds the system capability.
  const sys = systemAccess(deps.database);
  return [
    route({
      method: 'get', path: '/health', operationId: 'getHealth', access: 'public',
      handle: async () => ({ name: 'http', ping: 0, status: 'pass' }),
    }),
    route({
      method: 'get', path: '/health/db', operationId: 'getHealthDb', access: { scope: 'health.read', on: 'any' },
      handle: async () => ({ total: 1, statuses: [{ name: deps.database.dialect.name === 'mysql' ? 'mariadb' : 'sqlite', ping: await timed(() => sys.ping()), status: 'pass' }] }),
    }),
    route({
      method: 'get', path: '/health/cache', operationId: 'getHealthCache', access: { scope: 'health.read', on: 'any' },
      handle: async () => ({ total: 1, statuses: [{ name: deps.store.kind, ping: await timed(() => deps.store.ping()), status: 'pass' }] }),
    }),
    route({
      method: 'get', path: '/ping', operationId: 'ping', access: { scope: 'public', on: 'project' },
      handle: async () => 'Pong!',
    }),
  ];
}
