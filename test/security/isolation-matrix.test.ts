/**
 * SECURITY-REFERENCE §3.2 — the cross-tenant isolation matrix, plus §3.4 mass assignment.
 *
 * Projects A and B have IDENTICAL shapes (database `db1`, collection `c1` with `title`/`n`, documents
 * `doc1`/`doc2`, users `alice`/`bob`, team `t1`, label `vip`), every row carrying a canary
 * `CANARY:<projectId>:…`; B also has ids that exist only in B; C is an empty project.
 *
 * The endpoint list is generated from the mounted routes (`allRoutes`), so a new route enters the
 * matrix by itself — and fails the suite until ROUTES below says how to fill its path and body.
 *
 * Every route is sent with every foreign-credential form (X1–X5, X7 of §3.2); A's own credentials
 * name B-only ids (X6, answered exactly like a random id) and colliding ids (X8, only A's rows).
 * Global assertions on EVERY response: no 5xx; no canary of a project the credential does not
 * legitimately read; foreign forms are refused (401/403/404) or — on routes open to guests — answered
 * exactly as a guest (same status as without any credential), never with data; and per-project
 * snapshots (through each project's own key) are unchanged by the whole attack run.
 */
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { before, test } from 'node:test';
import pLimit from 'p-limit';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject, rid, type Owner } from '../support/fixtures.ts';
import { client, cookiesFrom, type CallOptions, type CallResult, type Client } from '../support/http.ts';
import { allRoutes } from '../../src/http/routes.ts';
import type { RouteDef } from '../../src/http/route.ts';
import { RATE_LIMITS } from '../../src/features/limits/presets.ts';
import { tablesDbMatrixEntries } from '../tablesdb/support.ts';

const PASSWORD = 'correct horse battery staple';

// ---------------------------------------------------------------------------------------------
// Ids: what each kind of path parameter is filled with, per perspective.
// ---------------------------------------------------------------------------------------------
type IdKind = 'db' | 'coll' | 'doc' | 'attrString' | 'attrInt' | 'index' | 'user' | 'session' | 'team' | 'membership' | 'project' | 'key' | 'tx';
type IdSet = Record<IdKind, string>;

/** How to fill one route: each `:param` → an id kind, and a minimal valid body built from the same ids. */
interface RouteEntry {
  readonly params?: Readonly<Record<string, IdKind>>;
  readonly body?: (ids: IdSet) => unknown;
  /** Params NOT substituted by the X6 probe (with the reason: the request would legitimately create). */
  readonly x6Skip?: Readonly<Record<string, string>>;
  /** A Databases-only route (an SDK path alias) with no TablesDB twin to derive. */
  readonly noTwin?: boolean;
}

const DB = { databaseId: 'db' } as const;
const COLL = { databaseId: 'db', collectionId: 'coll' } as const;
const DOC = { databaseId: 'db', collectionId: 'coll', documentId: 'doc' } as const;
const strAttr = { ...COLL, key: 'attrString' } as const;
const intAttr = { ...COLL, key: 'attrInt' } as const;
const attrUpdate = { required: false, default: null };

/** THE table: one entry per mounted route (`METHOD /path`); the TablesDB twins' entries are derived below. */
const OWN_ROUTES: Readonly<Record<string, RouteEntry>> = {
  'GET /health': {},
  'GET /health/db': {},
  'GET /health/cache': {},
  'GET /ping': {},
  // account: a guest may sign up and sign in, so a foreign session there is just a guest. Sign-up gets a
  // too-short password (400 for everyone: a guest sign-up must not add users to the projects under
  // test); sign-in names an existing email with a wrong password.
  'POST /account': { body: () => ({ userId: 'unique()', email: 'alice@example.com', password: 'short', name: 'x' }) },
  'POST /account/sessions/email': { body: () => ({ email: 'alice@example.com', password: 'wrong password 123' }) },
  'POST /account/sessions': { body: () => ({ email: 'alice@example.com', password: 'wrong password 123' }) },
  'GET /account': {},
  'GET /account/sessions': {},
  'DELETE /account/sessions/:sessionId': { params: { sessionId: 'session' } },
  'DELETE /account/sessions': {},
  'POST /account/sessions/anonymous': {},
  'POST /account/jwts': { body: () => ({}) },
  'POST /account/jwt': { body: () => ({}) },
  'PATCH /account/name': { body: () => ({ name: 'pwned' }) },
  'PATCH /account/password': { body: () => ({ password: 'pwned password 123', oldPassword: PASSWORD }) },
  'GET /account/prefs': {},
  'PATCH /account/prefs': { body: () => ({ prefs: { pwned: true } }) },
  // console: projects, keys, limits
  'POST /projects': { body: () => ({ projectId: 'unique()', name: 'pwned' }) },
  'GET /projects': {},
  'GET /projects/:projectId': { params: { projectId: 'project' } },
  'PATCH /projects/:projectId': { params: { projectId: 'project' }, body: () => ({ name: 'pwned' }) },
  'DELETE /projects/:projectId': { params: { projectId: 'project' } },
  'POST /projects/:projectId/keys': { params: { projectId: 'project' }, body: () => ({ name: 'pwned', scopes: ['users.read'] }) },
  'GET /projects/:projectId/keys': { params: { projectId: 'project' } },
  'GET /projects/:projectId/keys/:keyId': { params: { projectId: 'project', keyId: 'key' } },
  'PUT /projects/:projectId/keys/:keyId': { params: { projectId: 'project', keyId: 'key' }, body: () => ({ name: 'pwned', scopes: ['users.read'] }) },
  'DELETE /projects/:projectId/keys/:keyId': { params: { projectId: 'project', keyId: 'key' } },
  'GET /projects/:projectId/limits': { params: { projectId: 'project' } },
  'PUT /projects/:projectId/limits': { params: { projectId: 'project' }, body: () => ({ limits: {} }) },
  // users
  'GET /users': {},
  'POST /users': { body: () => ({ userId: 'unique()', email: `${rid('pwned')}@example.com`, password: PASSWORD, name: 'pwned' }) },
  'GET /users/:userId': { params: { userId: 'user' } },
  'DELETE /users/:userId': { params: { userId: 'user' } },
  'PUT /users/:userId/labels': { params: { userId: 'user' }, body: () => ({ labels: ['pwned'] }) },
  'PATCH /users/:userId/status': { params: { userId: 'user' }, body: () => ({ status: false }) },
  'PATCH /users/:userId/verification': { params: { userId: 'user' }, body: () => ({ emailVerification: true }) },
  'GET /users/:userId/sessions': { params: { userId: 'user' } },
  'POST /users/:userId/sessions': { params: { userId: 'user' } },
  'DELETE /users/:userId/sessions': { params: { userId: 'user' } },
  'DELETE /users/:userId/sessions/:sessionId': { params: { userId: 'user', sessionId: 'session' } },
  // teams
  'POST /teams': { body: () => ({ teamId: 'unique()', name: 'pwned' }) },
  'GET /teams': {},
  'GET /teams/:teamId': { params: { teamId: 'team' } },
  'PUT /teams/:teamId': { params: { teamId: 'team' }, body: () => ({ name: 'pwned' }) },
  'DELETE /teams/:teamId': { params: { teamId: 'team' } },
  'GET /teams/:teamId/memberships': { params: { teamId: 'team' } },
  'POST /teams/:teamId/memberships': { params: { teamId: 'team' }, body: (ids) => ({ userId: ids.user, roles: ['member'] }) },
  'GET /teams/:teamId/memberships/:membershipId': { params: { teamId: 'team', membershipId: 'membership' } },
  'PATCH /teams/:teamId/memberships/:membershipId': { params: { teamId: 'team', membershipId: 'membership' }, body: () => ({ roles: ['pwned'] }) },
  'DELETE /teams/:teamId/memberships/:membershipId': { params: { teamId: 'team', membershipId: 'membership' } },
  // databases, collections
  'POST /databases': { body: () => ({ databaseId: 'unique()', name: 'pwned' }) },
  'GET /databases': {},
  'GET /databases/:databaseId': { params: DB },
  'PUT /databases/:databaseId': { params: DB, body: () => ({ name: 'pwned' }) },
  'DELETE /databases/:databaseId': { params: DB },
  'POST /databases/:databaseId/collections': { params: DB, body: () => ({ collectionId: 'unique()', name: 'pwned' }) },
  'GET /databases/:databaseId/collections': { params: DB },
  'GET /databases/:databaseId/collections/:collectionId': { params: COLL },
  'PUT /databases/:databaseId/collections/:collectionId': { params: COLL, body: () => ({ name: 'pwned', permissions: ['read("any")'] }) },
  'DELETE /databases/:databaseId/collections/:collectionId': { params: COLL },
  // attributes
  'POST /databases/:databaseId/collections/:collectionId/attributes/string': { params: COLL, body: () => ({ key: 'pwned', required: false, size: 8 }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/string/:key': { params: strAttr, body: () => ({ required: false, default: 'pwned' }) },
  'POST /databases/:databaseId/collections/:collectionId/attributes/integer': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/integer/:key': { params: intAttr, body: () => ({ required: false, default: 7 }) },
  'POST /databases/:databaseId/collections/:collectionId/attributes/float': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/float/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/boolean': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/boolean/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/datetime': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/datetime/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/email': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/email/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/enum': { params: COLL, body: () => ({ key: 'pwned', required: false, elements: ['a', 'b'] }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/enum/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/url': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/url/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/ip': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/ip/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/bigint': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/bigint/:key': { params: intAttr, body: () => ({ required: false, default: 7 }) },
  'POST /databases/:databaseId/collections/:collectionId/attributes/varchar': { params: COLL, body: () => ({ key: 'pwned', required: false, size: 8 }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/varchar/:key': { params: strAttr, body: () => ({ required: false, default: 'pwned' }) },
  'POST /databases/:databaseId/collections/:collectionId/attributes/text': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/text/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/mediumtext': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/mediumtext/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/longtext': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/longtext/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/point': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/point/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/line': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/line/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/polygon': { params: COLL, body: () => ({ key: 'pwned', required: false }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/polygon/:key': { params: strAttr, body: () => attrUpdate },
  'POST /databases/:databaseId/collections/:collectionId/attributes/relationship': { params: COLL, body: (ids) => ({ relatedCollectionId: ids.coll, type: 'manyToOne', key: 'pwned', twoWayKey: 'pwnedBack' }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/:key/relationship': { params: strAttr, body: () => ({ onDelete: 'cascade' }) },
  'PATCH /databases/:databaseId/collections/:collectionId/attributes/relationship/:key': { params: strAttr, body: () => ({ onDelete: 'cascade' }), noTwin: true },
  'GET /databases/:databaseId/collections/:collectionId/attributes': { params: COLL },
  'GET /databases/:databaseId/collections/:collectionId/attributes/:key': { params: strAttr },
  'DELETE /databases/:databaseId/collections/:collectionId/attributes/:key': { params: strAttr },
  // indexes
  'POST /databases/:databaseId/collections/:collectionId/indexes': { params: COLL, body: () => ({ key: 'pwned', type: 'key', attributes: ['title'] }) },
  'GET /databases/:databaseId/collections/:collectionId/indexes': { params: COLL },
  'GET /databases/:databaseId/collections/:collectionId/indexes/:key': { params: { ...COLL, key: 'index' } },
  'DELETE /databases/:databaseId/collections/:collectionId/indexes/:key': { params: { ...COLL, key: 'index' } },
  // transactions (each project's own, made by its key with one staged update of doc1; IDs are generated, so never colliding)
  'GET /databases/transactions': {},
  'POST /databases/transactions': { body: () => ({ ttl: 60 }) },
  'GET /databases/transactions/:transactionId': { params: { transactionId: 'tx' } },
  'PATCH /databases/transactions/:transactionId': { params: { transactionId: 'tx' }, body: () => ({ commit: true }) },
  'DELETE /databases/transactions/:transactionId': { params: { transactionId: 'tx' } },
  'POST /databases/transactions/:transactionId/operations': {
    params: { transactionId: 'tx' }, body: () => ({ operations: [{ action: 'update', databaseId: 'db1', tableId: 'c1', rowId: 'doc1', data: { title: 'pwned' } }] }),
  },
  // documents
  'GET /databases/:databaseId/collections/:collectionId/documents': { params: COLL },
  'POST /databases/:databaseId/collections/:collectionId/documents': { params: COLL, body: () => ({ documentId: 'unique()', data: { title: 'pwned', n: 666 } }) },
  'PUT /databases/:databaseId/collections/:collectionId/documents': { params: COLL, body: (ids) => ({ documents: [{ $id: ids.doc, title: 'pwned', n: 666 }] }) },
  'PATCH /databases/:databaseId/collections/:collectionId/documents': { params: COLL, body: () => ({ data: { title: 'pwned' } }) },
  'DELETE /databases/:databaseId/collections/:collectionId/documents': { params: COLL, body: () => ({}) },
  'GET /databases/:databaseId/collections/:collectionId/documents/:documentId': { params: DOC },
  'PUT /databases/:databaseId/collections/:collectionId/documents/:documentId': {
    params: DOC, body: () => ({ data: { title: 'pwned', n: 666 } }),
    x6Skip: { documentId: 'an upsert of an id absent from the project legitimately creates it' },
  },
  'PATCH /databases/:databaseId/collections/:collectionId/documents/:documentId': { params: DOC, body: () => ({ data: { title: 'pwned' } }) },
  'DELETE /databases/:databaseId/collections/:collectionId/documents/:documentId': { params: DOC },
  'PATCH /databases/:databaseId/collections/:collectionId/documents/:documentId/:attribute/increment': { params: { ...DOC, attribute: 'attrInt' }, body: () => ({ value: 1 }) },
  'PATCH /databases/:databaseId/collections/:collectionId/documents/:documentId/:attribute/decrement': { params: { ...DOC, attribute: 'attrInt' }, body: () => ({ value: 1 }) },
};

/** `/tablesdb/…` twins of the `/databases/…` routes: same ids and bodies under TablesDB names (test/tablesdb/support.ts). */
const ROUTES: Readonly<Record<string, RouteEntry>> = { ...OWN_ROUTES, ...tablesDbMatrixEntries(OWN_ROUTES) };

const routeKey = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;
function entry(r: RouteDef): RouteEntry {
  const e = ROUTES[routeKey(r)];
  if (!e) throw new Error(`route ${routeKey(r)} (${r.operationId}) has no entry in ROUTES of test/security/isolation-matrix.test.ts — add how to fill its path params and a minimal body`);
  return e;
}
const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

function fillPath(r: RouteDef, entry: RouteEntry, ids: IdSet): string {
  return r.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(ids[entry.params![name]!]));
}

// ---------------------------------------------------------------------------------------------
// Fixtures.
// ---------------------------------------------------------------------------------------------
interface EndUser { readonly id: string; readonly session: string; readonly sessionId: string; readonly cookie: string; readonly jwt: string }
interface Tenant {
  readonly tag: 'A' | 'B' | 'C';
  readonly id: string;
  readonly key: string;
  readonly keyId: string;
  readonly owner: Owner;
  readonly users: Record<string, EndUser>;
  readonly membershipId: string;
  /** A pending transaction of the project (key-made, one staged update of doc1): a commit by anyone else would change doc1. */
  readonly tx: string;
}

const canary = (projectId: string, what: string) => `CANARY:${projectId}:${what}`;

async function signIn(call: Client, project: string, email: string): Promise<Omit<EndUser, 'id' | 'jwt'>> {
  const res = await call('POST', '/account/sessions/email', { project, body: { email, password: PASSWORD } });
  assert.equal(res.status, 201, res.text);
  const fallback = JSON.parse(res.headers.get('x-fallback-cookies') ?? '{}') as Record<string, string>;
  const token = fallback[`a_session_${project}`];
  assert.ok(token, 'sign-in returns the session token in X-Fallback-Cookies');
  return { session: token, sessionId: res.body.$id, cookie: cookiesFrom(res.headers) };
}

async function makeTenant(server: TestServer, tag: 'A' | 'B' | 'C', options: { empty?: boolean; onlyB?: boolean } = {}): Promise<Tenant> {
  const owner = await newOwner(server); // never the root owner: `before` signs up a throwaway first
  const project = await newProject(server, owner);
  const call = project.call;
  const me = await call('GET', '/account', { cookie: owner.cookie });
  assert.deepEqual(me.body.labels, [], `fixture owners are plain owners, not the root: ${me.text}`);
  const P = project.id;
  const key = (method: string, path: string, body?: unknown) => call(method, path, { project: P, key: project.key, body });
  const ok = async (res: Promise<CallResult>, status: number) => { const r = await res; assert.equal(r.status, status, r.text); return r; };
  // Rate limits off for the fixture projects: the matrix sends the same route hundreds of times.
  await ok(call('PUT', `/projects/${P}/limits`, {
    cookie: owner.cookie, body: { limits: Object.fromEntries(Object.values(RATE_LIMITS).map((l) => [l.name, { limit: 0, windowSeconds: 60 }])) },
  }), 200);
  await ok(call('PATCH', `/projects/${P}`, { cookie: owner.cookie, body: { name: canary(P, 'project') } }), 200);
  const keys = await ok(call('GET', `/projects/${P}/keys`, { cookie: owner.cookie }), 200);
  const keyId = keys.body.keys[0].$id as string;
  if (options.empty) return { tag, id: P, key: project.key, keyId, owner, users: {}, membershipId: rid('m'), tx: randomBytes(10).toString('hex') };

  await ok(key('POST', '/databases', { databaseId: 'db1', name: canary(P, 'db1') }), 201);
  await ok(key('POST', '/databases/db1/collections', { collectionId: 'c1', name: canary(P, 'c1'), permissions: ['create("users")'], documentSecurity: true }), 201);
  const base = '/databases/db1/collections/c1';
  await ok(key('POST', `${base}/attributes/string`, { key: 'title', size: 128, required: false }), 202);
  await ok(key('POST', `${base}/attributes/integer`, { key: 'n', required: false }), 202);
  await ok(key('POST', `${base}/indexes`, { key: 'i1', type: 'key', attributes: ['n'] }), 202);

  const users: Record<string, EndUser> = {};
  for (const u of ['alice', 'bob']) {
    await ok(key('POST', '/users', { userId: u, email: `${u}@example.com`, password: PASSWORD, name: canary(P, `user:${u}`) }), 201);
    if (u === 'alice') await ok(key('PUT', `/users/${u}/labels`, { labels: ['vip'] }), 200);
    const s = await signIn(call, P, `${u}@example.com`);
    const jwt = await ok(call('POST', '/account/jwts', { project: P, session: s.session, body: {} }), 201);
    users[u] = { id: u, ...s, jwt: jwt.body.jwt };
  }
  await ok(call('PATCH', '/account/prefs', { project: P, session: users.alice!.session, body: { prefs: { canary: canary(P, 'prefs:alice') } } }), 200);
  await ok(key('POST', '/teams', { teamId: 't1', name: canary(P, 'team:t1') }), 201);
  const membership = await ok(key('POST', '/teams/t1/memberships', { userId: 'alice', roles: ['owner'] }), 201);
  await ok(key('POST', `${base}/documents`, {
    documentId: 'doc1', data: { title: canary(P, 'c1:doc1'), n: 1 },
    permissions: ['read("user:alice")', 'update("user:alice")', 'delete("user:alice")', 'read("team:t1")'],
  }), 201);
  await ok(key('POST', `${base}/documents`, {
    documentId: 'doc2', data: { title: canary(P, 'c1:doc2'), n: 2 },
    permissions: ['read("user:bob")', 'update("user:bob")', 'read("label:vip")'],
  }), 201);

  if (options.onlyB) {
    await ok(key('POST', '/databases', { databaseId: 'dbOnlyB', name: canary(P, 'dbOnlyB') }), 201);
    await ok(key('POST', '/databases/db1/collections', { collectionId: 'cOnlyB', name: canary(P, 'cOnlyB'), permissions: [] }), 201);
    await ok(key('POST', `${base}/attributes/string`, { key: 'sOnlyB', size: 64, required: false }), 202);
    await ok(key('POST', `${base}/attributes/integer`, { key: 'nOnlyB', required: false }), 202);
    await ok(key('POST', `${base}/indexes`, { key: 'iOnlyB', type: 'key', attributes: ['nOnlyB'] }), 202);
    await ok(key('POST', `${base}/documents`, { documentId: 'docOnlyB', data: { title: canary(P, 'c1:docOnlyB'), n: 3, nOnlyB: 1 }, permissions: ['read("user:carolB")'] }), 201);
    await ok(key('POST', '/users', { userId: 'carolB', email: 'carol@example.com', password: PASSWORD, name: canary(P, 'user:carolB') }), 201);
    await ok(key('POST', '/teams', { teamId: 'tOnlyB', name: canary(P, 'team:tOnlyB') }), 201);
  }
  const tx = await ok(key('POST', '/databases/transactions', { ttl: 3600 }), 201);
  await ok(key('PATCH', `${base}/documents/doc1`, { data: { n: 666 }, transactionId: tx.body.$id }), 200);
  return { tag, id: P, key: project.key, keyId, owner, users, membershipId: membership.body.$id, tx: tx.body.$id };
}

const sharedIds = (t: Tenant): IdSet => ({
  db: 'db1', coll: 'c1', doc: 'doc1', attrString: 'title', attrInt: 'n', index: 'i1', user: 'alice',
  session: t.users.alice?.sessionId ?? rid('s'), team: 't1', membership: t.membershipId, project: t.id, key: t.keyId, tx: t.tx,
});
const bOnlyIds = (b: Tenant): IdSet => ({
  db: 'dbOnlyB', coll: 'cOnlyB', doc: 'docOnlyB', attrString: 'sOnlyB', attrInt: 'nOnlyB', index: 'iOnlyB', user: 'carolB',
  session: b.users.alice!.sessionId, team: 'tOnlyB', membership: b.membershipId, project: b.id, key: b.keyId, tx: b.tx,
});
const randomIds = (): IdSet => ({
  db: rid('db'), coll: rid('c'), doc: rid('d'), attrString: rid('s'), attrInt: rid('n'), index: rid('i'), user: rid('u'),
  session: randomBytes(10).toString('hex'), team: rid('t'), membership: randomBytes(10).toString('hex'), project: rid('p'), key: randomBytes(10).toString('hex'),
  tx: randomBytes(10).toString('hex'),
});

/** A JWT for `aud`, signed by whoever — `alg: none` when `secret` is null. */
function forgeJwt(aud: string, claims: Record<string, unknown>, secret: string | null): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = b64({ alg: secret === null ? 'none' : 'HS256', typ: 'JWT' });
  const payload = b64({ ...claims, aud });
  const unsigned = `${head}.${payload}`;
  return secret === null ? `${unsigned}.` : `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

// ---------------------------------------------------------------------------------------------
// The run: every response goes through `check`.
// ---------------------------------------------------------------------------------------------
function canariesIn(text: string): string[] {
  return [...text.matchAll(/CANARY:([A-Za-z0-9]+):/g)].map((m) => m[1]!);
}

for (const layout of ['shared', 'isolated'] as const) {
  describeLegs(`security: cross-tenant isolation matrix (${layout} layout)`, (leg) => {
    let server: TestServer;
    let call: Client;
    let A: Tenant;
    let B: Tenant;
    let C: Tenant;
    let routes: RouteDef[];
    const failures: string[] = [];
    const stats = { requests: 0, refused: 0, asGuest: 0, cells: 0, guestRoutes: new Map<string, number>(), mass: { refused: 0, ignored: 0 } };
    let before0: Record<string, Awaited<ReturnType<typeof snapshot>>>;

    /** Sends one request and applies the global assertions (no 5xx; only `allowed` projects' canaries). */
    async function send(label: string, method: string, path: string, o: CallOptions, allowed: readonly string[]): Promise<CallResult> {
      const res = await call(method, path, o);
      stats.requests++;
      if (res.status >= 500) failures.push(`${label}: ${method} ${path} → ${res.status} ${res.text.slice(0, 200)}`);
      const leaked = canariesIn(res.text + JSON.stringify(Object.fromEntries(res.headers))).filter((p) => !allowed.includes(p));
      if (leaked.length) failures.push(`${label}: ${method} ${path} → ${res.status} leaks canaries of ${[...new Set(leaked)].join(', ')}: ${res.text.slice(0, 300)}`);
      return res;
    }

    /** A project's state, read through its own key and owner (anonymous users, made by guest sign-ins, left out). */
    async function snapshot(t: Tenant) {
      const k = (path: string, query?: CallOptions['query']) => call('GET', path, { project: t.id, key: t.key, query });
      const body = async (p: Promise<CallResult>) => { const r = await p; return r.status === 200 ? r.body : { status: r.status, type: r.body?.type }; };
      const pick = (list: Array<Record<string, unknown>> | undefined, fields: string[]) =>
        (list ?? []).map((x) => Object.fromEntries(fields.map((f) => [f, x[f]]))).sort((a, b) => String(a.$id).localeCompare(String(b.$id)));
      const base = '/databases/db1/collections/c1';
      const limit = { queries: [JSON.stringify({ method: 'limit', values: [100] })] };
      const [project, keys, dbs, colls, attrs, idx, docs, users, teams, members] = await Promise.all([
        body(call('GET', `/projects/${t.id}`, { cookie: t.owner.cookie })),
        body(call('GET', `/projects/${t.id}/keys`, { cookie: t.owner.cookie })),
        body(k('/databases')), body(k('/databases/db1/collections')), body(k(`${base}/attributes`)), body(k(`${base}/indexes`)),
        body(k(`${base}/documents`, limit)), body(k('/users', limit)), body(k('/teams')), body(k('/teams/t1/memberships')),
      ]);
      const sessions: Record<string, unknown> = {};
      for (const u of Object.keys(t.users)) sessions[u] = pick((await body(k(`/users/${u}/sessions`))).sessions, ['$id']);
      return {
        project: { name: project.name, status: project.status },
        keys: pick(keys.keys, ['$id', 'name', 'scopes', 'expire']),
        databases: pick(dbs.databases, ['$id', 'name', 'enabled']),
        collections: pick(colls.collections, ['$id', 'name', '$permissions', 'documentSecurity', 'enabled']),
        attributes: pick(attrs.attributes, ['key', 'type', 'required', 'default', 'size']),
        indexes: pick(idx.indexes, ['key', 'type', 'attributes']),
        documents: { total: docs.total, rows: pick(docs.documents, ['$id', 'title', 'n', 'nOnlyB', '$permissions', '$updatedAt']) },
        users: pick((users.users ?? []).filter((u: { email: string }) => u.email), ['$id', 'name', 'email', 'labels', 'status', 'emailVerification', 'passwordUpdate']),
        teams: pick(teams.teams, ['$id', 'name', 'total']),
        memberships: pick(members.memberships, ['$id', 'userId', 'roles', 'confirm']),
        sessions,
      };
    }

    const cleanup = useCleanup();
    before(async () => {
      // The matrix fires every route at once (twice as many since the TablesDB twins): on a busy machine the
      // burst must queue for the project's slots, not be shed with 429/503 — overload is not what this tests.
      ({ server } = await useServer(leg, cleanup, { layout, env: { TENANTRY_PROJECT_QUEUE_WAIT_MS: '120000', TENANTRY_REQUEST_TIMEOUT_MS: '0' } }));
      // At most 24 requests in flight: every route is still probed, but a thousand-request burst must not turn into
      // Redis or pool time-outs (503) on a loaded machine; overload is tested elsewhere.
      const direct = client(server.url);
      const burst = pLimit(24);
      call = ((method, path, o) => burst(() => direct(method, path, o))) as Client;
      await newOwner(server); // the first owner of an instance is its root (may open every project): not one of ours
      A = await makeTenant(server, 'A');
      B = await makeTenant(server, 'B', { onlyB: true });
      C = await makeTenant(server, 'C', { empty: true });
      routes = allRoutes(server.services, server.runtime);
      before0 = { A: await snapshot(A), B: await snapshot(B), C: await snapshot(C) };
    });

    test('every mounted route has an entry in the matrix table (path params and body)', () => {
      const problems: string[] = [];
      for (const r of routes) {
        const entry = ROUTES[routeKey(r)];
        if (!entry) { problems.push(`route ${routeKey(r)} (${r.operationId}) has no entry in ROUTES of test/security/isolation-matrix.test.ts — add how to fill its path params and a minimal body`); continue; }
        for (const p of paramNames(r.path)) if (!entry.params?.[p]) problems.push(`route ${routeKey(r)}: ROUTES entry does not say how to fill :${p}`);
      }
      const mounted = new Set(routes.map(routeKey));
      for (const k of Object.keys(ROUTES)) if (!mounted.has(k)) problems.push(`ROUTES entry "${k}" names no mounted route (stale entry)`);
      assert.deepEqual(problems, []);
      assert.ok(routes.length >= 90, `expected the full API, got ${routes.length} routes`);
    });

    test('foreign credentials (X1–X5, X7) on every route × project: refused or plain guest, never data, never 5xx', async () => {
      failures.length = 0;
      const pairs: Array<[Tenant, Tenant]> = [[A, B], [B, A], [C, A], [A, C]];
      // Guest baselines: the same request with no credential at all, per header project.
      const guest = new Map<string, number>();
      const entryOf = (r: RouteDef) => entry(r);
      const reqOf = (r: RouteDef, ids: IdSet) => { const e = entryOf(r); return { path: fillPath(r, e, ids), body: e.body?.(ids) }; };
      for (const h of [A, B, C]) {
        await Promise.all(routes.map(async (r) => {
          const { path, body } = reqOf(r, sharedIds(h));
          const res = await send(`guest baseline ${h.tag}`, r.method.toUpperCase(), path, { project: h.id, body }, []);
          guest.set(`${h.id} ${routeKey(r)}`, res.status);
        }));
        // …and for a project that does not exist / a doubled header
        await Promise.all(routes.map(async (r) => {
          const { path, body } = reqOf(r, sharedIds(h));
          const res = await send('guest baseline, unknown project', r.method.toUpperCase(), path, { project: `${h.id}, ${A.id}`, body }, []);
          guest.set(`${h.id}, ${A.id} ${routeKey(r)}`, res.status);
        }));
      }

      type Form = { readonly name: string; readonly header: string; readonly opts: CallOptions };
      const forms: Form[] = [];
      for (const [H, F] of pairs) {
        const fa = F.users.alice;
        const ha = H.users.alice;
        if (fa) {
          forms.push(
            { name: `X1 header ${H.tag} + ${F.tag}'s session (X-Appwrite-Session)`, header: H.id, opts: { project: H.id, session: fa.session } },
            { name: `X2 header ${H.tag} + ${F.tag}'s session cookie as issued`, header: H.id, opts: { project: H.id, cookie: fa.cookie } },
            { name: `X2 header ${H.tag} + ${F.tag}'s session token in a_session_${H.tag}`, header: H.id, opts: { project: H.id, cookie: `a_session_${H.id}=${fa.session}; a_session_${H.id}_legacy=${fa.session}` } },
            { name: `X2 header ${H.tag} + ${F.tag}'s token in X-Fallback-Cookies`, header: H.id, opts: { project: H.id, headers: { 'x-fallback-cookies': JSON.stringify({ [`a_session_${H.id}`]: fa.session }) } } },
            { name: `X3 header ${H.tag} + ${F.tag}'s JWT`, header: H.id, opts: { project: H.id, jwt: fa.jwt } },
            { name: `X7 header ${H.tag} + ?project=${F.tag} + ${F.tag}'s JWT`, header: H.id, opts: { project: H.id, jwt: fa.jwt, query: { project: F.id } } },
            { name: `X7 header ${H.tag} + ?project=${F.tag} + ${F.tag}'s session`, header: H.id, opts: { project: H.id, session: fa.session, query: { project: F.id } } },
          );
        }
        forms.push(
          { name: `X5 header ${H.tag} + ${F.tag}'s API key`, header: H.id, opts: { project: H.id, key: F.key } },
          { name: `X7 header ${H.tag} + ?project=${F.tag} + ${F.tag}'s API key`, header: H.id, opts: { project: H.id, key: F.key, query: { project: F.id } } },
          { name: `X7 no header, ?project=${H.tag} + ${F.tag}'s API key`, header: H.id, opts: { key: F.key, query: { project: H.id } } },
          { name: `X7 doubled header "${H.tag}, ${F.tag}" + ${F.tag}'s API key`, header: `${H.id}, ${F.id}`, opts: { project: `${H.id}, ${F.id}`, key: F.key } },
          { name: `X5 header ${H.tag} + ${F.tag}'s owner console session in admin mode`, header: H.id, opts: { project: H.id, cookie: F.owner.cookie, headers: { 'x-appwrite-mode': 'admin' } } },
        );
        if (ha) {
          const claims = { userId: 'alice', sessionId: ha.sessionId, exp: Math.floor(Date.now() / 1000) + 600 };
          forms.push(
            { name: `X4 header ${H.tag} + alg:none JWT for ${H.tag}'s alice`, header: H.id, opts: { project: H.id, jwt: forgeJwt(H.id, claims, null) } },
            { name: `X4 header ${H.tag} + JWT re-signed with a made-up secret`, header: H.id, opts: { project: H.id, jwt: forgeJwt(H.id, claims, 'a-made-up-secret-that-is-long-enough-0123456789') } },
            { name: `X4 header ${H.tag} + JWT with no exp, made-up secret`, header: H.id, opts: { project: H.id, jwt: forgeJwt(H.id, { userId: 'alice', sessionId: ha.sessionId }, 'a-made-up-secret-that-is-long-enough-0123456789') } },
          );
        }
      }
      // Guest baselines for the doubled header: only the combinations above are needed.
      for (const [H, F] of pairs) {
        if (F === A) continue;
        await Promise.all(routes.map(async (r) => {
          const { path, body } = reqOf(r, sharedIds(H));
          const res = await send('guest baseline, doubled header', r.method.toUpperCase(), path, { project: `${H.id}, ${F.id}`, body }, []);
          guest.set(`${H.id}, ${F.id} ${routeKey(r)}`, res.status);
        }));
      }

      const headerTenant = (id: string) => [A, B, C].find((t) => t.id === id) ?? C;
      for (const form of forms) {
        await Promise.all(routes.map(async (r) => {
          const { path, body } = reqOf(r, sharedIds(headerTenant(form.header)));
          stats.cells++;
          const res = await send(form.name, r.method.toUpperCase(), path, { ...form.opts, body }, []);
          // Conflicting project IDs (header vs ?project=) are refused outright with 400.
          const conflict = form.name.startsWith('X7 header') && res.status === 400 && res.body?.type === 'general_argument_invalid';
          if ([401, 403, 404].includes(res.status) || conflict) { stats.refused++; return; }
          const baseline = guest.get(`${form.header} ${routeKey(r)}`);
          if (res.status === baseline) { stats.asGuest++; stats.guestRoutes.set(`${routeKey(r)} ${res.status}`, (stats.guestRoutes.get(`${routeKey(r)} ${res.status}`) ?? 0) + 1); return; }
          failures.push(`${form.name}: ${routeKey(r)} → ${res.status} (a guest gets ${baseline}): ${res.text.slice(0, 200)}`);
        }));
      }
      assert.deepEqual(failures, []);
    });

    test('X6: A\'s own credentials naming B-only ids answer exactly like a random id', async () => {
      failures.length = 0;
      const creds: Array<{ name: string; opts: CallOptions }> = [
        { name: 'A key', opts: { project: A.id, key: A.key } },
        { name: 'A alice session', opts: { project: A.id, session: A.users.alice!.session } },
        { name: 'A alice JWT', opts: { project: A.id, jwt: A.users.alice!.jwt } },
        { name: 'A owner (console)', opts: { cookie: A.owner.cookie } },
      ];
      const mismatches: string[] = [];
      let probes = 0;
      const norm = (res: CallResult, id: string) => ({ status: res.status, type: res.body?.type, message: String(res.body?.message ?? '').split(id).join('<id>') });
      for (const c of creds) {
        await Promise.all(routes.map(async (r) => {
          const e = entry(r);
          const own = sharedIds(A);
          const targets = [...paramNames(r.path).filter((p) => !e.x6Skip?.[p]).map((p) => ({ where: `:${p}`, kind: e.params![p]! }))];
          if (r.operationId === 'createMembership') targets.push({ where: 'body.userId', kind: 'user' });
          for (const t of targets) {
            const foreignIds = { ...own, [t.kind]: bOnlyIds(B)[t.kind] };
            const random = randomIds();
            const randIds = { ...own, [t.kind]: random[t.kind] };
            const send1 = (ids: IdSet, label: string) => send(`X6 ${c.name} ${label}`, r.method.toUpperCase(), fillPath(r, e, ids), { ...c.opts, body: e.body?.(ids) }, [A.id]);
            const [fr, rr] = [await send1(foreignIds, `B-only ${t.where}`), await send1(randIds, `random ${t.where}`)];
            probes++;
            const [fn, rn] = [norm(fr, foreignIds[t.kind]), norm(rr, randIds[t.kind])];
            if (JSON.stringify(fn) !== JSON.stringify(rn)) mismatches.push(`${c.name} ${routeKey(r)} ${t.where}: B-only id → ${JSON.stringify(fn)}, random id → ${JSON.stringify(rn)}`);
            if (fr.status >= 200 && fr.status < 300 && r.method !== 'get') mismatches.push(`${c.name} ${routeKey(r)} ${t.where}: a B-only id was accepted for a write (${fr.status})`);
          }
        }));
      }
      // Ids in queries: a cursor naming B's document.
      const docs = '/databases/db1/collections/c1/documents';
      const cursor = (id: string) => ({ queries: [JSON.stringify({ method: 'cursorAfter', values: [id] })] });
      const [fc, rc] = [
        await send('X6 cursor B-only', 'GET', docs, { project: A.id, key: A.key, query: cursor('docOnlyB') }, [A.id]),
        await send('X6 cursor random', 'GET', docs, { project: A.id, key: A.key, query: cursor(rid('d')) }, [A.id]),
      ];
      assert.deepEqual([fc.status, fc.body.type], [rc.status, rc.body.type], 'a cursor naming a B-only document answers like a random one');
      // X11: ids (and an email) that exist only in B are free in A — creating them succeeds, shows nothing of B, and is undone.
      const ak = (method: string, path: string, body?: unknown) => send(`X11 ${method} ${path}`, method, path, { project: A.id, key: A.key, body }, [A.id]);
      const creates: Array<[string, unknown, string]> = [
        [`${docs}/docOnlyB`, { data: { title: 'A owns docOnlyB', n: 9 } }, `${docs}/docOnlyB`],
        ['/users', { userId: 'carolB', email: 'carol@example.com', password: PASSWORD, name: 'A carol' }, '/users/carolB'],
        ['/teams', { teamId: 'tOnlyB', name: 'A team' }, '/teams/tOnlyB'],
        ['/databases', { databaseId: 'dbOnlyB', name: 'A db' }, '/databases/dbOnlyB'],
      ];
      for (const [path, body, created] of creates) {
        const res = await ak(path.startsWith(docs) ? 'PUT' : 'POST', path, body);
        assert.ok([200, 201].includes(res.status), `X11 create ${created} in A: ${res.status} ${res.text}`);
        const read = await ak('GET', created);
        assert.equal(read.status, 200, read.text);
        assert.equal((await ak('DELETE', created)).status, 204);
      }
      assert.ok(probes > 100, `X6 probes: ${probes}`);
      stats.cells += probes;
      assert.deepEqual(mismatches, []);
      assert.deepEqual(failures, []);
    });

    test('X8: colliding ids (db1, c1, doc1, alice, t1) read with each project\'s own credentials show only that project\'s rows', async () => {
      failures.length = 0;
      const reads = routes.filter((r) => r.method === 'get');
      for (const [t] of [[A, B], [B, A]] as const) {
        const creds: Array<{ name: string; opts: CallOptions; see: string[] }> = [
          { name: `${t.tag} key`, opts: { project: t.id, key: t.key }, see: ['doc1', 'doc2', 'user:alice', 'team:t1'] },
          { name: `${t.tag} alice session`, opts: { project: t.id, session: t.users.alice!.session }, see: ['doc1', 'doc2'] },
          { name: `${t.tag} alice JWT`, opts: { project: t.id, jwt: t.users.alice!.jwt }, see: ['doc1'] },
          { name: `${t.tag} bob session`, opts: { project: t.id, session: t.users.bob!.session }, see: ['doc2'] },
          { name: `${t.tag} owner (console)`, opts: { cookie: t.owner.cookie }, see: ['project'] },
        ];
        for (const c of creds) {
          const seen = new Set<string>();
          await Promise.all(reads.map(async (r) => {
            const e = entry(r);
            const res = await send(`X8 ${c.name}`, 'GET', fillPath(r, e, sharedIds(t)), c.opts, [t.id]);
            stats.cells++;
            for (const m of res.text.matchAll(/CANARY:[A-Za-z0-9]+:([^"]+)/g)) seen.add(m[1]!);
          }));
          // The credential does read its own project's colliding rows (so the absence of B's is meaningful).
          for (const s of c.see) assert.ok([...seen].some((x) => x.endsWith(s)), `${c.name}: expected to read its own ${s}; saw ${[...seen].join(', ')}`);
        }
      }
      // C, the empty project, with its own key and the colliding ids: nothing from A or B.
      for (const r of reads) await send('X8 C key', 'GET', fillPath(r, entry(r), sharedIds(C)), { project: C.id, key: C.key }, [C.id]);
      const cDocs = await call('GET', '/databases/db1/collections/c1/documents', { project: C.id, key: C.key });
      assert.equal(cDocs.status, 404, cDocs.text);
      // Permission roles are per project: A's alice/team t1/label vip never open B's documents.
      for (const [t, other] of [[A, B], [B, A]] as const) {
        for (const doc of ['doc1', 'doc2']) {
          const res = await send('X8 doc via own alice', 'GET', `/databases/db1/collections/c1/documents/${doc}`, { project: t.id, session: t.users.alice!.session }, [t.id]);
          assert.equal(res.status, 200, res.text);
          assert.equal(res.body.title, canary(t.id, `c1:${doc}`));
          assert.ok(!res.text.includes(other.id));
        }
      }
      assert.deepEqual(failures, []);
    });

    test('§3.4 mass assignment: server-owned and internal fields are refused or ignored, and nothing moves', async () => {
      failures.length = 0;
      const k = (method: string, path: string, body?: unknown) => send(`mass ${method} ${path}`, method, path, { project: A.id, key: A.key, body }, [A.id]);
      const docs = '/databases/db1/collections/c1/documents';
      const internal: Record<string, unknown> = {
        $tenant: B.id, _tenant: 2, _TENANT: 2, '_tenant ': 2, $collection: 'cOnlyB', $collectionId: 'cOnlyB', $databaseId: 'dbOnlyB',
        _uid: 'doc2', _id: 1, $sequence: 1, $internalId: 1, _permissions: 'read("any")',
      };
      const accepted: string[] = [];
      const bad = (what: string, res: CallResult) => {
        if (![400, 201, 200].includes(res.status)) accepted.push(`${what} → unexpected ${res.status} ${res.text.slice(0, 200)}`);
        if (res.status === 400) stats.mass.refused++; else stats.mass.ignored++;
        return res.status < 300;
      };
      for (const [field, value] of Object.entries(internal)) {
        // create
        const id = rid('m');
        const created = await k('POST', docs, { documentId: id, data: { title: 'mass', n: 5, [field]: value }, permissions: ['read("user:alice")'] });
        if (bad(`create with data.${field}`, created)) {
          const read = await k('GET', `${docs}/${id}`);
          assert.equal(read.status, 200, read.text);
          assert.equal(read.body.$collectionId, 'c1'); assert.equal(read.body.$databaseId, 'db1'); assert.equal(read.body.$id, id);
          assert.notEqual(read.body[field], value, `create: ${field} was stored: ${read.text}`);
          assert.equal((await k('DELETE', `${docs}/${id}`)).status, 204);
        }
        // update of doc1, single and bulk, and upsert
        const before1 = (await k('GET', `${docs}/doc1`)).body;
        const updates: Array<[string, string, unknown]> = [
          ['PATCH', `${docs}/doc1`, { data: { [field]: value } }],
          ['PATCH', `${docs}/doc1`, { data: { $id: 'doc2', [field]: value } }],
          ['PUT', `${docs}/doc1`, { data: { title: before1.title, n: before1.n, [field]: value } }],
          ['PATCH', docs, { data: { [field]: value }, queries: [JSON.stringify({ method: 'equal', attribute: '$id', values: ['doc1'] })] }],
        ];
        for (const [method, path, body] of updates) {
          const res = await k(method, path, body);
          bad(`${method} ${path} with ${field}`, res);
          const now = (await k('GET', `${docs}/doc1`)).body;
          assert.equal(now.$id, 'doc1'); assert.equal(now.$collectionId, 'c1');
          assert.equal(now.title, before1.title); assert.equal(now.n, before1.n);
          assert.deepEqual(now.$permissions, before1.$permissions);
          assert.notEqual(now[field], value, `${method} ${path}: ${field} was stored`);
          assert.equal(now.$createdAt, before1.$createdAt);
        }
      }
      // A client may not set server timestamps or internal fields ($createdAt/$updatedAt are an API-key privilege).
      for (const [field, value] of Object.entries({ ...internal, $createdAt: '2000-01-01T00:00:00.000+00:00', $updatedAt: '2000-01-01T00:00:00.000+00:00' })) {
        const id = rid('m');
        const res = await send('mass alice create', 'POST', docs, { project: A.id, session: A.users.alice!.session, body: { documentId: id, data: { title: 'mass', [field]: value } } }, [A.id]);
        if (bad(`client create with data.${field}`, res)) {
          const read = await k('GET', `${docs}/${id}`);
          assert.equal(read.status, 200, read.text);
          assert.notEqual(read.body[field], value, `client create: ${field} was stored: ${read.text}`);
          assert.equal(read.body.$collectionId, 'c1');
          assert.equal((await k('DELETE', `${docs}/${id}`)).status, 204);
        }
      }
      // users: create and the admin routes
      const userExtras = { $tenant: B.id, _tenant: 2, _TENANT: 2, _uid: 'carolB', _id: 1, $sequence: 1, passwordHash: 'SECRET:forged', password_hash: 'SECRET:forged', labels: ['admin'], status: false, emailVerification: true };
      for (const [field, value] of Object.entries(userExtras)) {
        const id = rid('u');
        const res = await k('POST', '/users', { userId: id, email: `${id}@example.com`, password: PASSWORD, name: 'mass', [field]: value });
        if (bad(`POST /users with ${field}`, res)) {
          const u = (await k('GET', `/users/${id}`)).body;
          assert.deepEqual([u.$id, u.labels, u.status, u.emailVerification], [id, [], true, false], `POST /users ${field}: ${JSON.stringify(u)}`);
          assert.ok(!JSON.stringify(u).includes('SECRET:'), 'no hash in the user model');
          const login = await call('POST', '/account/sessions/email', { project: A.id, body: { email: `${id}@example.com`, password: PASSWORD } });
          assert.equal(login.status, 201, `the password still works after ${field}: ${login.text}`);
          assert.equal((await k('DELETE', `/users/${id}`)).status, 204);
        }
        const other = await k('PUT', '/users/bob/labels', { labels: ['x'], [field]: value });
        if (bad(`PUT labels with ${field}`, other)) assert.equal((await k('PUT', '/users/bob/labels', { labels: [] })).status, 200);
      }
      // account (client) routes: labels/status/emailVerification/scopes/tenant are never the user's to set
      const alice = (method: string, path: string, body?: unknown) => send(`mass alice ${method} ${path}`, method, path, { project: A.id, session: A.users.alice!.session, body }, [A.id]);
      const aliceBefore = (await k('GET', '/users/alice')).body;
      const clientExtras = { labels: ['admin'], status: false, emailVerification: true, scopes: ['users.read', 'users.write'], $tenant: B.id, _tenant: 2, _TENANT: 2, passwordHash: 'SECRET:forged', $id: 'bob', _uid: 'bob' };
      for (const [field, value] of Object.entries(clientExtras)) {
        bad(`PATCH /account/name ${field}`, await alice('PATCH', '/account/name', { name: aliceBefore.name, [field]: value }));
        bad(`PATCH /account/prefs ${field}`, await alice('PATCH', '/account/prefs', { prefs: { canary: canary(A.id, 'prefs:alice') }, [field]: value }));
        const jwt = await alice('POST', '/account/jwts', { [field]: value });
        if (bad(`POST /account/jwts ${field}`, jwt)) {
          const withJwt = await send('mass jwt use', 'GET', '/users', { project: A.id, jwt: jwt.body.jwt }, [A.id]);
          assert.equal(withJwt.status, 401, `a JWT minted with ${field} reads /users: ${withJwt.text.slice(0, 200)}`);
        }
        const withScopes = await send('mass scopes', 'GET', '/users', { project: A.id, session: A.users.alice!.session }, [A.id]);
        assert.equal(withScopes.status, 401, 'a session never gains key scopes');
        const signUpId = rid('su');
        const signUp = await call('POST', '/account', { project: A.id, body: { userId: signUpId, email: `${signUpId}@example.com`, password: PASSWORD, [field]: value } });
        if (bad(`POST /account ${field}`, signUp)) {
          const u = (await k('GET', `/users/${signUpId}`)).body;
          assert.deepEqual([u.$id, u.labels, u.status, u.emailVerification], [signUpId, [], true, false], `sign-up with ${field}: ${JSON.stringify(u)}`);
          assert.equal((await k('DELETE', `/users/${signUpId}`)).status, 204);
        }
      }
      const aliceAfter = (await k('GET', '/users/alice')).body;
      for (const f of ['$id', 'name', 'labels', 'status', 'emailVerification', 'email']) assert.deepEqual(aliceAfter[f], aliceBefore[f], `alice.${f}`);
      // teams and keys
      for (const [field, value] of Object.entries({ $tenant: B.id, _tenant: 2, _TENANT: 2, _uid: 'tOnlyB', _id: 1, $sequence: 1, total: 99 })) {
        const id = rid('t');
        const team = await k('POST', '/teams', { teamId: id, name: 'mass', [field]: value });
        if (bad(`POST /teams ${field}`, team)) {
          const got = (await k('GET', `/teams/${id}`)).body;
          assert.deepEqual([got.$id, got.name, got.total], [id, 'mass', 0]);
          assert.equal((await k('DELETE', `/teams/${id}`)).status, 204);
        }
        bad(`PUT /teams/t1 ${field}`, await k('PUT', '/teams/t1', { name: canary(A.id, 'team:t1'), [field]: value }));
        const key = await call('POST', `/projects/${A.id}/keys`, { cookie: A.owner.cookie, body: { name: 'mass', scopes: ['users.read'], [field]: value, projectId: B.id } });
        if (bad(`POST keys ${field}`, key)) {
          assert.equal((await call('GET', '/users', { project: B.id, key: key.body.secret })).status, 401, 'the key still belongs to A only');
          assert.equal((await call('GET', '/users', { project: A.id, key: key.body.secret })).status, 200);
          assert.deepEqual(key.body.scopes, ['users.read']);
          assert.equal((await call('DELETE', `/projects/${A.id}/keys/${key.body.$id}`, { cookie: A.owner.cookie })).status, 204);
        }
      }
      assert.deepEqual(accepted, []);
      assert.deepEqual(failures, []);
    });

    test('after the whole attack run: every project\'s data is unchanged and its sessions still work', async () => {
      failures.length = 0;
      const now = { A: await snapshot(A), B: await snapshot(B), C: await snapshot(C) };
      assert.deepEqual(now.B, before0.B, 'project B changed during the run');
      assert.deepEqual(now.C, before0.C, 'project C changed during the run');
      // A ran its own mass-assignment requests (all rolled back): compare everything but the timestamps they touched.
      const strip = (s: typeof now.A) => ({ ...s, documents: { total: s.documents.total, rows: s.documents.rows.map((d: Record<string, unknown>) => ({ ...d, $updatedAt: undefined })) } });
      assert.deepEqual(strip(now.A), strip(before0.A!), 'project A changed during the run');
      for (const t of [A, B]) for (const u of Object.values(t.users)) {
        const me = await call('GET', '/account', { project: t.id, session: u.session });
        assert.equal(me.status, 200, `${t.tag}'s ${u.id} session still works`);
        assert.equal(me.body.$id, u.id);
      }
      assert.equal(server.guard.violations.length, 0, 'tenant guard');
      console.log(`isolation matrix [${leg.name}/${layout}]: ${routes.length} routes; ${stats.cells} cells; ${stats.requests} requests; foreign forms refused ${stats.refused}, answered as guest ${stats.asGuest} (${[...stats.guestRoutes].map(([k, n]) => `${k}×${n}`).join('; ')}); mass assignment: ${stats.mass.refused} refused (400), ${stats.mass.ignored} ignored`);
    });
  });
}
