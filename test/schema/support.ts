/** Helpers for the schema tests: a project API, column/index inspection and direct row inserts. */
import type { TenantDb } from '../../src/db/tenant-db.ts';
import { toDbDate } from '../../src/lib/dates.ts';
import type { CollectionMeta } from '../../src/features/collections/collection-meta.ts';
import type { TestServer } from '../support/server.ts';
import type { Project } from '../support/fixtures.ts';
import { projectDb, rawKnex } from '../support/raw-db.ts';

export function projectApi(p: Project) {
  return (method: string, path: string, body?: unknown, query?: Record<string, string | readonly string[]>) =>
    p.call(method, path, { project: p.id, key: p.key, body, query });
}

export async function tenantDb(server: TestServer, projectId: string): Promise<TenantDb> {
  const project = await server.services.projects.resolve(projectId);
  return projectDb(server.runtime.database, project!.sequence);
}

export async function meta(server: TestServer, projectId: string, databaseId: string, collectionId: string): Promise<CollectionMeta> {
  return server.services.collections.metaIn(await tenantDb(server, projectId), databaseId, collectionId);
}

/** Physical columns of a collection's document table: name → declared type (lowercase, no int display width). */
export async function columns(server: TestServer, projectId: string, collectionSequence: number): Promise<Map<string, string>> {
  const tdb = await tenantDb(server, projectId);
  const table = tdb.collection(collectionSequence).names.docs;
  const knex = rawKnex(server.runtime.database);
  const out = new Map<string, string>();
  if (server.leg === 'mariadb') {
    const [rows] = (await knex.raw('SELECT column_name AS name, column_type AS type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?', [table])) as unknown as [Array<{ name: string; type: string }>];
    for (const r of rows) out.set(r.name, r.type.toLowerCase().replace(/^(int|bigint)\(\d+\)/, '$1'));
  } else {
    const rows = (await knex.raw(`PRAGMA table_info("${table}")`)) as Array<{ name: string; type: string }>;
    for (const r of rows) out.set(r.name, r.type.toLowerCase());
  }
  return out;
}

/** Physical index names of a collection's document table. */
export async function indexNames(server: TestServer, projectId: string, collectionSequence: number): Promise<string[]> {
  const tdb = await tenantDb(server, projectId);
  const table = tdb.collection(collectionSequence).names.docs;
  const knex = rawKnex(server.runtime.database);
  if (server.leg === 'mariadb') {
    const [rows] = (await knex.raw('SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?', [table])) as unknown as [Array<{ name: string }>];
    return rows.map((r) => r.name);
  }
  const rows = (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", [table])) as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

/** Inserts a document row straight into the collection table (documents routes are another feature). */
export async function insertRow(server: TestServer, projectId: string, collectionSequence: number, uid: string, values: Record<string, unknown>): Promise<void> {
  const tdb = await tenantDb(server, projectId);
  const now = toDbDate();
  await tdb.collection(collectionSequence).docs.insert({ _uid: uid, _createdAt: now, _updatedAt: now, _permissions: '[]', ...values });
}

export const q = (method: string, attribute?: string, values?: unknown[]) => JSON.stringify({ method, ...(attribute ? { attribute } : {}), ...(values ? { values } : {}) });
