/**
 * The service container: every feature service, built once from the app's dependencies.
 * Services take only what they need and import no express.
 */
import type { Config } from './config.ts';
import type { Database } from './db/connection.ts';
import { systemAccess } from './db/scope.ts';
import type { KvStore, StoreScope } from './store/kv-store.ts';
import type { Logger } from './logger.ts';
import type { EventBus } from './realtime/bus.ts';
import { ProjectsService } from './features/projects/projects.service.ts';
import { KeysService } from './features/keys/keys.service.ts';
import { OwnersService } from './features/console/owners.service.ts';
import { SessionService } from './features/sessions/sessions.service.ts';
import { IdentityService } from './features/users/identity.service.ts';
import { UsersService } from './features/users/users.service.ts';
import { TeamsService } from './features/teams/teams.service.ts';
import { DatabasesService } from './features/databases/databases.service.ts';
import { CollectionsService } from './features/collections/collections.service.ts';
import { SchemaLeases } from './features/collections/schema-leases.ts';
import { AttributesService } from './features/attributes/attributes.service.ts';
import { IndexesService } from './features/indexes/indexes.service.ts';
import { DocumentsService } from './features/documents/documents.service.ts';
import { DocumentsBulk } from './features/documents/documents-bulk.ts';
import { attachTotalCache, TotalCache } from './features/documents/total-cache.ts';
import { TransactionsService } from './features/transactions/transactions.service.ts';
import { TransactionPurge } from './features/transactions/transaction-purge.ts';
import { initialSchemaBuilder } from './features/attributes/initial-schema.ts';
import { RelationshipsService } from './features/relationships/relationships.service.ts';

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly store: KvStore;
  /** Every KV-store key's prefix: namespace and the database's instance ID. */
  readonly storeScope: StoreScope;
  readonly logger: Logger;
  /** Realtime events between processes (the runtime picks Redis or in-process); none, nothing is published. */
  readonly bus?: EventBus;
}

export interface Services {
  readonly projects: ProjectsService;
  readonly keys: KeysService;
  readonly owners: OwnersService;
  readonly sessions: SessionService;
  readonly identities: IdentityService;
  readonly users: UsersService;
  readonly teams: TeamsService;
  readonly databases: DatabasesService;
  readonly collections: CollectionsService;
  readonly attributes: AttributesService;
  readonly relationships: RelationshipsService;
  readonly indexes: IndexesService;
  readonly documents: DocumentsService;
  readonly documentsBulk: DocumentsBulk;
  /** Exact list totals, cached per collection write version (total-cache.ts); every document write reports to it. */
  readonly totals: TotalCache;
  readonly transactions: TransactionsService;
  /** `start()`: purges expired transactions of every project periodically; `stop()` on shutdown. */
  readonly transactionPurge: TransactionPurge;
  /** DDL leases: `start()` sweeps dead processes' schema changes (at start-up, then periodically); `drain()` on shutdown. */
  readonly schemaLeases: SchemaLeases;
}

export function createServices(deps: AppDeps): Services {
  // Platform work (console tables, provisioning, sweeping dead processes' schema changes across
  // projects) holds the system capability; project services get none and reach data only through
  // each request's scope (`ctx.scope`, minted by authentication).
  const system = systemAccess(deps.database);
  const sessions = new SessionService(deps.store, deps.storeScope);
  const identities = new IdentityService(deps.store, deps.storeScope);
  const users = new UsersService(sessions, identities);
  const schemaLeases = new SchemaLeases(system, deps.logger);
  const collections = new CollectionsService(schemaLeases);
  const attributes = new AttributesService(deps.database, collections, deps.logger);
  const indexes = new IndexesService(deps.database, collections, deps.logger);
  collections.useInitialSchemaBuilder(initialSchemaBuilder(collections, attributes, indexes));
  const relationships = new RelationshipsService(collections, deps.logger);
  attributes.useRelationships(relationships);
  collections.useBeforeDrop((tdb, sequence) => relationships.dropCollection(tdb, sequence));
  const totals = new TotalCache(deps.store, deps.storeScope);
  attachTotalCache(deps.database, totals);
  const documents = new DocumentsService(deps.database, collections, deps.bus ?? null, totals);
  // Transaction commits replay through their own documents service: no event sink (nothing is published mid-transaction).
  const replayDocuments = new DocumentsService(deps.database, collections, null);
  const transactions = new TransactionsService(documents, { documents: replayDocuments, bulk: new DocumentsBulk(replayDocuments) }, deps.bus ?? null);
  const teams = new TeamsService(users, identities);
  // Account, session, team and membership changes are published too (realtime; their events.ts).
  sessions.useEvents(deps.bus ?? null);
  users.useEvents(deps.bus ?? null);
  teams.useEvents(deps.bus ?? null);
  return {
    projects: new ProjectsService(system),
    keys: new KeysService(system),
    owners: new OwnersService(system, { openSignup: deps.config.openSignup }),
    sessions,
    identities,
    users,
    teams,
    databases: new DatabasesService(collections),
    collections,
    attributes,
    relationships,
    indexes,
    documents,
    documentsBulk: new DocumentsBulk(documents),
    totals,
    transactions,
    transactionPurge: new TransactionPurge(system, transactions, deps.logger),
    schemaLeases,
  };
}
