/**
 * Grows the measured collection's physical tables to ~1 M documents spread over many projects,
 * fast: real projects are created through the API (so each `_tenant` is a real project sequence),
 * then the main project's first `perTenant` documents and their `_perms` rows are copied to every
 * other tenant with multi-row `INSERT … SELECT` (100 tenants per statement). The main project's own
 * documents stay as they are, so the list workload compares like with like.
 *
 * Bench-only code: it writes SQL straight through knex, always with an explicit `_tenant`.
 */
import type { Knex } from 'knex';
import { expectOk, type Api } from '../lib/api.ts';
import type { Owner } from './fixture.ts';

export interface ScaleResult {
  readonly tenants: number;
  readonly documents: number;
  readonly permissionRows: number;
  readonly seedMs: number;
}

/** Creates `count` extra projects through the console API (4 at a time); returns their sequences. */
async function createTenants(call: Api, owner: Owner, knex: Knex, ns: string, count: number): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, i) => `bench-t${String(i).padStart(4, '0')}`);
  for (let i = 0; i < ids.length; i += 4) {
    await Promise.all(ids.slice(i, i + 4).map((id) => expectOk(call, 'create tenant project', 'POST', '/projects', { cookie: owner.cookie, body: { projectId: id, name: id } })));
  }
  const rows = (await knex(`${ns}_console_projects`).select('_id').where('uid', 'like', 'bench-t%').orderBy('_id')) as Array<{ _id: number | string }>;
  return rows.map((r) => Number(r._id));
}

async function tablesOf(knex: Knex, ns: string, tenant: number, collectionId: string): Promise<{ docs: string; perms: string }> {
  const row = (await knex(`${ns}_collections`).where({ _tenant: tenant, _uid: collectionId }).first('_id')) as { _id: number } | undefined;
  if (!row) throw new Error(`collection ${collectionId} of tenant ${tenant} not found in ${ns}_collections`);
  return { docs: `${ns}_c${row._id}`, perms: `${ns}_c${row._id}_perms` };
}

/** Copies the main tenant's first `perTenant` documents (and their permission rows) to each tenant in `tenants`. */
async function copyRows(knex: Knex, tables: { docs: string; perms: string }, mainTenant: number, tenants: readonly number[], perTenant: number): Promise<void> {
  const docColumns = Object.keys(await knex(tables.docs).columnInfo()).filter((c) => c !== '_id' && c !== '_tenant');
  const uids = ((await knex(tables.docs).where('_tenant', mainTenant).orderBy('_id').limit(perTenant).select('_uid')) as Array<{ _uid: string }>).map((r) => r._uid);
  const cols = (list: string[], alias: string) => list.map((c) => `${alias}.\`${c}\``).join(', ');
  const names = (list: string[]) => list.map((c) => `\`${c}\``).join(', ');
  const marks = uids.map(() => '?').join(', ');
  for (let i = 0; i < tenants.length; i += 100) {
    const chunk = tenants.slice(i, i + 100);
    const tenantList = `(${chunk.map(() => 'SELECT ? AS t').join(' UNION ALL ')})`;
    await knex.raw(
      `INSERT INTO \`${tables.docs}\` (\`_tenant\`, ${names(docColumns)}) SELECT x.t, ${cols(docColumns, 'd')} FROM ${tenantList} x CROSS JOIN (SELECT * FROM \`${tables.docs}\` WHERE \`_tenant\` = ? AND \`_uid\` IN (${marks})) d`,
      [...chunk, mainTenant, ...uids],
    );
    // Permission rows name documents by row key (`_id`): each copy points at its own tenant's copy of the document.
    await knex.raw(
      `INSERT INTO \`${tables.perms}\` (\`_tenant\`, \`_document\`, \`_type\`, \`_permission\`) SELECT c.\`_tenant\`, c.\`_id\`, p.\`_type\`, p.\`_permission\` ` +
        `FROM \`${tables.docs}\` d JOIN \`${tables.perms}\` p ON p.\`_tenant\` = d.\`_tenant\` AND p.\`_document\` = d.\`_id\` ` +
        `JOIN \`${tables.docs}\` c ON c.\`_uid\` = d.\`_uid\` AND c.\`_tenant\` IN (${chunk.map(() => '?').join(', ')}) WHERE d.\`_tenant\` = ? AND d.\`_uid\` IN (${marks})`,
      [...chunk, mainTenant, ...uids],
    );
  }
}

export async function seedScale(call: Api, owner: Owner, knex: Knex, ns: string, opts: { mainProjectId: string; collectionId: string; tenants: number; perTenant: number }, log: (s: string) => void): Promise<ScaleResult> {
  const started = performance.now();
  const main = (await knex(`${ns}_console_projects`).where('uid', opts.mainProjectId).first('_id')) as { _id: number };
  const mainTenant = Number(main._id);
  const tenants = await createTenants(call, owner, knex, ns, opts.tenants);
  log(`  created ${tenants.length} projects through the API in ${Math.round(performance.now() - started)} ms`);
  const tables = await tablesOf(knex, ns, mainTenant, opts.collectionId);
  await copyRows(knex, tables, mainTenant, tenants, opts.perTenant);
  await knex.raw(`ANALYZE TABLE \`${tables.docs}\`, \`${tables.perms}\``);
  const count = async (t: string) => Number(((await knex(t).count({ n: '*' })) as Array<{ n: number }>)[0]!.n);
  const result = { tenants: tenants.length + 1, documents: await count(tables.docs), permissionRows: await count(tables.perms), seedMs: Math.round(performance.now() - started) };
  log(`  ${tables.docs}: ${result.documents} documents, ${result.permissionRows} permission rows over ${result.tenants} projects (${result.seedMs} ms)`);
  return result;
}
