/**
 * The bench fixture, seeded through the API: one project, a documentSecurity collection `items`
 * (seeded with `docs` documents in bulk) and an empty twin `writes` for the create workload (so the
 * list scale measurement keeps a constant 10 k of the project's own documents), and two end users.
 */
import type { Api } from '../lib/api.ts';
import { bootstrapOwner, bulkCreate, createEndUser, createProject, createSchema, type EndUser, type Owner, type ProjectRef, type SchemaSpec } from './fixture.ts';

export const DATABASE_ID = 'bench';
export const ITEMS = 'items';
export const WRITES = 'writes';
export const CATEGORIES = 10;

export interface BenchFixture {
  readonly owner: Owner;
  readonly project: ProjectRef;
  /** Null while the server has no end-user accounts: the user workloads are then skipped. */
  readonly user: EndUser | null;
  readonly docs: number;
}

function schema(collectionId: string): SchemaSpec {
  return {
    databaseId: DATABASE_ID,
    collectionId,
    attributes: [{ key: 'category', type: 'string', size: 32 }, { key: 'n', type: 'integer' }, { key: 'title', type: 'string', size: 64 }],
    indexed: ['category'],
    // Users may create; reads go through document permissions (documentSecurity), so every read is permission-checked.
    permissions: ['create("users")'],
  };
}

/** Document i: category c{(i>>1) % 10}; even ones readable by the bench user, odd ones by the other user. */
export function benchDocument(i: number, userId: string, otherId: string): Record<string, unknown> {
  const owner = i % 2 === 0 ? userId : otherId;
  return {
    $id: `d${i}`,
    $permissions: [`read("user:${owner}")`, `update("user:${owner}")`],
    category: `c${(i >> 1) % CATEGORIES}`,
    n: i,
    title: `Document number ${i}`,
  };
}

export async function seedBench(call: Api, docs: number, log: (s: string) => void): Promise<BenchFixture> {
  const owner = await bootstrapOwner(call);
  const project = await createProject(call, owner, 'bench-main');
  if (!project.limitsRaised) log('  ! no per-project limit overrides on this server: rate limits may cap the write and sign-in workloads');
  await createSchema(call, project, schema(ITEMS));
  await createSchema(call, project, schema(WRITES), { createDatabase: false });
  let user: EndUser | null = null;
  try {
    user = await createEndUser(call, project.id, 'bench-user', 'bench-user@example.com');
    await createEndUser(call, project.id, 'bench-other', 'bench-other@example.com');
  } catch (e) {
    log(`  ! no end-user sessions (${(e as Error).message.slice(0, 160)}): only the API-key workloads run`);
  }
  const started = performance.now();
  await bulkCreate(call, project, DATABASE_ID, ITEMS, Array.from({ length: docs }, (_, i) => benchDocument(i, 'bench-user', 'bench-other')));
  log(`  seeded ${docs} documents through the API in ${Math.round(performance.now() - started)} ms`);
  return { owner, project, user, docs };
}
