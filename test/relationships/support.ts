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

/** Rows of a collection's document table and of its permission table, for this project (through its own scope). */
export async function rowCounts(server: TestServer, projectId: string, collectionSequence: number): Promise<{ docs: number; perms: number }> {
  const { docs, perms } = (await tenantDb(server, projectId)).collection(collectionSequence);
  return { docs: await docs.count(), perms: await perms.count() };
}

/** Rows of a many-to-many junction table, for this project, ordered. */
export async function junctionRows(server: TestServer, projectId: string, collectionSequence: number, attributeSequence: number): Promise<Array<{ _parent: string; _child: string }>> {
  const rows = await (await tenantDb(server, projectId)).junction(collectionSequence, attributeSequence).find({ columns: ['_parent', '_child'], orderBy: [{ column: '_parent', dir: 'asc' }, { column: '_child', dir: 'asc' }] });
  return rows.map((r) => ({ _parent: String(r._parent), _child: String(r._child) }));
}
