/**
 * `createApp(deps)`: the whole HTTP API as an express app, with no I/O at import or construction —
 * mount it inside another express app, or listen on it (`main.ts`).
 */
import express, { type Express } from 'express';
import qs from 'qs';
import { loadContract, type OpenApiDocument } from './contract.ts';
import { corsMiddleware } from './http/cors.ts';
import { requestLog } from './http/request-log.ts';
import { errorHandler, routeNotFound } from './http/error-handler.ts';
import { mountRoutes, type RouteLimiter } from './http/mount.ts';
import { allRoutes } from './http/routes.ts';
import { createValidators } from './http/validate.ts';
import type { EndUserResolver } from './http/authenticate.ts';
import { createServices, type AppDeps, type Services } from './services.ts';
import { createEndUserResolver } from './features/account/end-users.ts';
import { KvRouteLimiter } from './http/rate-limit.ts';
import { consoleUi } from './features/console-ui/console-ui.ts';
import { RequestDeadlines } from './http/deadline.ts';
import { ProjectConcurrency } from './http/project-concurrency.ts';
import { translateDriverError } from './db/errors.ts';
import { createMemoryBus } from './realtime/bus.ts';
import { createRealtime, type Realtime, type RealtimeOptions } from './realtime/realtime.ts';

export interface AppOptions {
  /** The parsed contract; defaults to the repository's openapi.yaml. */
  readonly contract?: OpenApiDocument;
  readonly endUsers?: EndUserResolver | null;
  readonly limiter?: RouteLimiter | null;
  /** Realtime tuning (heartbeat, buffers, limits); tests shorten it. */
  readonly realtime?: Partial<RealtimeOptions>;
}

export interface TenantryApp {
  readonly app: Express;
  readonly services: Services;
  /** `/v1/realtime`: `realtime.attach(httpServer)` serves it on that server; `close()` runs in `drain`. */
  readonly realtime: Realtime;
  /**
   * Resolves once no route handler is running (requests answered by their deadline included), then
   * once background DDL has finished or — past its bound — been handed back for another process to sweep: for graceful shutdown.
   */
  drain(): Promise<void>;
}

export function createTenantry(appDeps: AppDeps, options: AppOptions = {}): TenantryApp {
  // One bus for the services that publish and the realtime server that delivers (in-process unless the runtime chose).
  const deps: AppDeps = appDeps.bus ? appDeps : { ...appDeps, bus: createMemoryBus() };
  const services = createServices(deps);
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API responses (Appwrite sends none; SDKs never revalidate): hashing every body is
  // per-request CPU for nothing. Console assets set their own.
  app.set('etag', false);
  app.set('trust proxy', deps.config.trustProxy.length ? [...deps.config.trustProxy] : false);
  // `queries[0]..queries[99]` must arrive as an array (qs' default arrayLimit is 20).
  app.set('query parser', (s: string) => qs.parse(s, { arrayLimit: 100, parameterLimit: 300, depth: 2, allowPrototypes: false }));

  app.use(requestLog(deps.logger));
  const onError = errorHandler(deps.logger, deps.config.version);
  const { reliability } = deps.config;
  const deadlines = new RequestDeadlines(reliability.requestTimeoutMs, (err, req, res) => onError(err, req, res, () => {}));
  const api = express.Router();
  api.use(corsMiddleware(services, new URL(deps.config.publicUrl).origin));
  // Defaults: project end users from sessions/JWTs, and the KV-store rate limiter. `null` turns either off.
  const endUsers = options.endUsers === undefined ? createEndUserResolver(services) : options.endUsers;
  mountRoutes(api, allRoutes(services, deps), {
    services,
    validators: createValidators(options.contract ?? loadContract()),
    endUsers,
    limiter: options.limiter === undefined ? new KvRouteLimiter(deps.store, deps.storeScope, deps.logger) : options.limiter,
    deadlines,
    concurrency: new ProjectConcurrency({ limit: reliability.projectConcurrency, queue: reliability.projectQueue, waitMs: reliability.projectQueueWaitMs, slowMs: reliability.projectSlowMs }),
    translateError: (e) => translateDriverError(deps.database.dialect, e),
  });
  api.use(routeNotFound);
  app.use('/v1', api);
  app.use('/console', consoleUi());
  app.use(routeNotFound);
  app.use(onError);
  const realtime = createRealtime({
    services, endUsers: endUsers ?? createEndUserResolver(services), bus: deps.bus!, store: deps.store, storeScope: deps.storeScope,
    logger: deps.logger, consoleOrigin: new URL(deps.config.publicUrl).origin,
  }, options.realtime);
  const drain = async () => {
    await realtime.close();
    await deadlines.idle();
    services.transactionPurge.stop();
    await services.schemaLeases.drain();
  };
  return { app, services, realtime, drain };
}

export function createApp(deps: AppDeps, options: AppOptions = {}): Express {
  return createTenantry(deps, options).app;
}
