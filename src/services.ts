/**
 * The service container: every feature service, built once from the app's dependencies.
 * Services take only what they need and import no express.
 */
import type { Config } from './config.ts';
import type { Database } from './db/connection.ts';
import type { KvStore } from './store/kv-store.ts';
import type { Logger } from './logger.ts';
import { ProjectsService } from './features/projects/projects.service.ts';
import { KeysService } from './features/keys/keys.service.ts';
import { OwnersService } from './features/console/owners.service.ts';
import { SessionService } from './features/sessions/sessions.service.ts';

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly store: KvStore;
  readonly logger: Logger;
}

export interface Services {
  readonly projects: ProjectsService;
  readonly keys: KeysService;
  readonly owners: OwnersService;
  readonly sessions: SessionService;
}

export function createServices(deps: AppDeps): Services {
  return {
    projects: new ProjectsService(deps.database),
    keys: new KeysService(deps.database),
    owners: new OwnersService(deps.database, { openSignup: deps.config.openSignup }),
    sessions: new SessionService(deps.store, deps.config.namespace),
  };
}
