/** Fixture for the fault run: two projects with identical IDs, the load collection, the flood collection, an end user. */
import type { Api } from '../lib/api.ts';
import { api, apiHeaders, expectOk, sessionTokenFrom } from '../lib/api.ts';
import { bootstrapOwner, bulkCreate, createProject, createSchema, signIn, KEY_SCOPES, type Owner, type ProjectRef } from '../seed/fixture.ts';
import mysql from 'mysql2/promise';
import type { LoadProject } from './load.ts';
import type { SessionProbe } from './scenarios.ts';

export const DATABASE_ID = 'faults';
export const LOAD_COLLECTION = 'load';
export const FLOOD_COLLECTION = 'heavy';
export const PROJECT_IDS = ['fa-alpha', 'fa-beta'] as const;

export interface FaultFixture {
  readonly owner: Owner;
  readonly projects: LoadProject[];
  readonly limitsRaised: boolean;
}

async function extraKeys(call: Api, owner: Owner, projectId: string, n: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await expectOk(call, 'create key', 'POST', `/projects/${projectId}/keys`, { cookie: owner.cookie, body: { name: `load ${i}`, scopes: KEY_SCOPES } });
    keys.push(r.body.secret as string);
  }
  return keys;
}

/** Both projects get the same database/collection IDs; project A also gets the flood collection. */
export async function seedFaults(call: Api, keysPerProject: number): Promise<FaultFixture> {
  const owner = await bootstrapOwner(call, 'faults-owner@example.com');
  const projects: LoadProject[] = [];
  let limitsRaised = true;
  for (const id of PROJECT_IDS) {
    const p: ProjectRef = await createProject(call, owner, id);
    limitsRaised &&= p.limitsRaised;
    await createSchema(call, p, {
      databaseId: DATABASE_ID, collectionId: LOAD_COLLECTION, permissions: [], indexed: [],
      attributes: [{ key: 'canary', type: 'string', size: 128 }, { key: 'v', type: 'integer' }],
    });
    projects.push({ id, keys: [p.key, ...(await extraKeys(call, owner, id, keysPerProject - 1))] });
  }
  const a: ProjectRef = { id: projects[0]!.id, key: projects[0]!.keys[0]!, limitsRaised };
  await createSchema(call, a, { databaseId: DATABASE_ID, collectionId: FLOOD_COLLECTION, permissions: [], indexed: [], attributes: [{ key: 'body', type: 'string', size: 1000 }] }, { createDatabase: false });
  const filler = 'lorem ipsum dolor sit amet '.repeat(30).slice(0, 800);
  await bulkCreate(call, a, DATABASE_ID, FLOOD_COLLECTION, Array.from({ length: 200 }, (_, i) => ({ $id: `h${i}`, body: `${filler} ${i}` })));
  return { owner, projects, limitsRaised };
}

/** Doubles the flood collection in SQL (bench-only: explicit `_tenant`, same tenant) until it holds `rows` documents. */
export async function growFloodCollection(mysqlUrl: string, ns: string, rows: number): Promise<number> {
  const conn = await mysql.createConnection({ uri: mysqlUrl });
  try {
    const [[proj]] = (await conn.query(`SELECT _id FROM \`${ns}_console_projects\` WHERE uid = ?`, [PROJECT_IDS[0]])) as [Array<{ _id: number }>, unknown];
    const [[coll]] = (await conn.query(`SELECT _id FROM \`${ns}_collections\` WHERE _tenant = ? AND _uid = ?`, [proj!._id, FLOOD_COLLECTION])) as [Array<{ _id: number }>, unknown];
    const table = `${ns}_c${coll!._id}`;
    const [cols] = (await conn.query(`SELECT COLUMN_NAME c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME NOT IN ('_id', '_uid')`, [table])) as [Array<{ c: string }>, unknown];
    const list = cols.map((c) => `\`${c.c}\``).join(', ');
    let n = 200;
    for (let round = 0; n < rows && round < 12; round++) {
      await conn.query(`INSERT INTO \`${table}\` (_uid, ${list}) SELECT CONCAT(_uid, ?), ${list} FROM \`${table}\` WHERE _tenant = ?`, [String.fromCharCode(97 + round), proj!._id]);
      n *= 2;
    }
    return n;
  } finally {
    await conn.end();
  }
}

/** An end user in project A with one live session; null when the server has no end-user accounts. */
export async function sessionProbe(baseUrl: string): Promise<SessionProbe | null> {
  const call = api(baseUrl);
  const project = PROJECT_IDS[0];
  const email = 'faults-user@example.com';
  const password = 'faults-password-1';
  const signUp = await call('POST', '/account', { project, body: { userId: 'faults-user', email, password } });
  if (signUp.status !== 201) return null;
  const live = await signIn(call, project, email, password);
  const status = async (token: string) => {
    const r = await fetch(`${baseUrl}/v1/account`, { headers: apiHeaders({ project, session: token }), signal: AbortSignal.timeout(5000) }).catch(() => null);
    if (!r) return -1;
    await r.arrayBuffer();
    return r.status;
  };
  return {
    live,
    status,
    async revokeOne() {
      const r = await call('POST', '/account/sessions/email', { project, body: { email, password } });
      const token = sessionTokenFrom(r.headers, project);
      if (!token) throw new Error(`sign-in for the revocation probe: HTTP ${r.status}`);
      await expectOk(call, 'revoke session', 'DELETE', '/account/sessions/current', { project, session: token });
      return token;
    },
  };
}
