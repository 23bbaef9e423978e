/** Every route of the API, in one list (the contract test compares it with openapi.yaml). */
import type { AppDeps, Services } from '../services.ts';
import type { RouteDef } from './route.ts';
import { healthRoutes } from '../features/health/health.routes.ts';
import { accountRoutes } from '../features/account/account.routes.ts';
import { projectsRoutes } from '../features/projects/projects.routes.ts';
import { keysRoutes } from '../features/keys/keys.routes.ts';

export function allRoutes(services: Services, deps: AppDeps): RouteDef[] {
  return [
    ...healthRoutes(deps),
    ...accountRoutes(services, deps),
    ...projectsRoutes(services),
    ...keysRoutes(services),
  ];
}
