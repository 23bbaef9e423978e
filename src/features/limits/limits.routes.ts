/**
 * `/v1/projects/{projectId}/limits`: a console owner reads the effective rate limits of a project and
 * replaces its overrides (stored in the project's `limits` column). `limit: 0` switches a preset off.
 */
import { invalidParam } from '../../errors/index.ts';
import { route, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { ownerScope } from '../projects/projects.routes.ts';
import type { Project, RateLimitOverride } from '../projects/projects.service.ts';
import { RATE_LIMITS, RATE_LIMIT_NAMES } from './presets.ts';

function limitsModel(project: Project) {
  const limits = Object.values(RATE_LIMITS).map((preset) => {
    const o = project.limits[preset.name];
    return {
      name: preset.name, limit: o?.limit ?? preset.limit, windowSeconds: o?.windowSeconds ?? preset.windowSeconds,
      key: [...preset.key], overridden: Boolean(o), default: { limit: preset.limit, windowSeconds: preset.windowSeconds },
    };
  });
  return { total: limits.length, limits };
}

function checkOverrides(raw: Record<string, RateLimitOverride>): Record<string, RateLimitOverride> {
  const out: Record<string, RateLimitOverride> = {};
  for (const [name, o] of Object.entries(raw)) {
    if (!RATE_LIMIT_NAMES.has(name)) throw invalidParam('limits', `Unknown rate limit "${name}". Known: ${[...RATE_LIMIT_NAMES].join(', ')}.`);
    out[name] = { limit: o.limit, windowSeconds: o.windowSeconds };
  }
  return out;
}

export function limitsRoutes(services: Services): RouteDef[] {
  const { projects } = services;
  return [
    route({
      method: 'get', path: '/projects/:projectId/limits', operationId: 'getProjectLimits', access: { scope: 'projects.read', on: 'console' },
      handle: async (call) => limitsModel(await projects.getOwned(ownerScope(call), call.params.projectId)),
    }),
    route({
      method: 'put', path: '/projects/:projectId/limits', operationId: 'updateProjectLimits', access: { scope: 'projects.write', on: 'console' },
      handle: async (call) => {
        const limits = checkOverrides(call.body.limits);
        return limitsModel(await projects.update(ownerScope(call), call.params.projectId, { limits }));
      },
    }),
  ];
}
