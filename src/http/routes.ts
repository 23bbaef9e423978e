/** Every route of the API, in one list (the contract test compares it with openapi.yaml). */
import type { AppDeps, Services } from '../services.ts';
import type { RouteDef } from './route.ts';
import { healthRoutes } from '../features/health/health.routes.ts';
import { accountRoutes } from '../features/account/account.routes.ts';
import { projectsRoutes } from '../features/projects/projects.routes.ts';
import { keysRoutes } from '../features/keys/keys.routes.ts';
import { usersRoutes } from '../features/users/users.routes.ts';
import { teamsRoutes } from '../features/teams/teams.routes.ts';
import { limitsRoutes } from '../features/limits/limits.routes.ts';
import { databasesRoutes } from '../features/databases/databases.routes.ts';
import { collectionsRoutes } from '../features/collections/collections.routes.ts';
import { attributesRoutes } from '../features/attributes/attributes.routes.ts';
import { relationshipsRoutes } from '../features/relationships/relationships.routes.ts';
import { indexesRoutes } from '../features/indexes/indexes.routes.ts';
import { documentsRoutes } from '../features/documents/documents.routes.ts';
import { transactionsRoutes } from '../features/transactions/transactions.routes.ts';
import { tablesDbRoutes } from '../features/tablesdb/tablesdb.routes.ts';

export function allRoutes(services: Services, deps: AppDeps): RouteDef[] {
  const routes = [
    ...healthRoutes(deps),
    ...accountRoutes(services, deps),
    ...projectsRoutes(services),
    ...keysRoutes(services),
    ...usersRoutes(services),
    ...teamsRoutes(services),
    ...limitsRoutes(services),
    // Before `/databases/:databaseId`, which would take `transactions` for a database ID.
    ...transactionsRoutes(services.transactions),
    ...databasesRoutes(services),
    ...collectionsRoutes(services),
    ...attributesRoutes(services),
    // After the attribute routes: `PATCH …/attributes/string/relationship` updates a string attribute named `relationship`.
    ...relationshipsRoutes(services),
    ...indexesRoutes(services),
    ...documentsRoutes(services.documents, services.documentsBulk, services.transactions),
  ];
  // TablesDB: a twin of every Databases route named in TWINS (src/features/tablesdb/tablesdb-map.ts), one implementation.
  return [...routes, ...tablesDbRoutes(routes, services)];
}
