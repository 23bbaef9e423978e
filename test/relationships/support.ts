/** Helpers for the relationship tests: physical tables and columns, read through the raw-db helpers. */
import type { TestServer } from '../support/server.ts';
import { projectDb, rawKnex } from '../support/raw-db.ts';
import type { TenantDb } from '../../src/db/tenant-db.ts';

export async function tenantDb(server: TestServer, projectId: string): Promise<TenantDb> {
  const project = await server.services.projects.resolve(projectId);
  return projectDb(server.runtime.database, project!.sequence);
}

export async function hasTable(server: TestServer, table: string): Promise<boolean> {
  return rawKnex(server.runtime.database).schema.hasTable(table);
}

export async function physicalColumns(server: TestServer, projectId: string, collectionSequence: number): Promise<string[]> {
  const tdb = await tenantDb(server, projectId);
  return Object.keys(await rawKnex(server.runtime.database)(`${tdb.prefix}c${collectionSequence}`).columnInfo());
}
