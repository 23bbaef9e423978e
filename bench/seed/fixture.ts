/**
 * Builds bench and fault fixtures through the public API only: the first owner, projects with an
 * all-scopes key and raised rate limits, a database + documentSecurity collection, end users with
 * sessions, and documents in bulk (API key, ≤100 per call).
 */
import { expectOk, cookiesFrom, sessionTokenFrom, type Api } from '../lib/api.ts';
import { sleep } from '../lib/procs.ts';

export const KEY_SCOPES = [
  'databases.read', 'databases.write', 'collections.read', 'collections.write', 'attributes.read', 'attributes.write',
  'indexes.read', 'indexes.write', 'documents.read', 'documents.write', 'users.read', 'users.write', 'teams.read', 'teams.write', 'health.read',
];

export interface Owner { readonly cookie: string }
export interface ProjectRef { readonly id: string; readonly key: string; readonly limitsRaised: boolean }
export interface EndUser { readonly id: string; readonly email: string; readonly password: string; readonly session: string }

export interface AttributeSpec { readonly key: string; readonly type: 'string' | 'integer'; readonly size?: number }
export interface SchemaSpec {
  readonly databaseId: string;
  readonly collectionId: string;
  readonly attributes: readonly AttributeSpec[];
  /** Attribute keys that get a `key` index each. */
  readonly indexed: readonly string[];
  /** Collection-level permissions; documentSecurity is always on. */
  readonly permissions: readonly string[];
}

/** Signs up the instance's first owner (root) on a fresh database and signs in. */
export async function bootstrapOwner(call: Api, email = 'bench-owner@example.com', password = 'bench-password-123'): Promise<Owner> {
  await expectOk(call, 'owner sign-up', 'POST', '/account', { project: 'console', body: { userId: 'unique()', email, password, name: 'Bench' } });
  const signIn = await expectOk(call, 'owner sign-in', 'POST', '/account/sessions/email', { project: 'console', body: { email, password } });
  return { cookie: cookiesFrom(signIn.headers) };
}

/** A project with an all-scopes API key; rate limits raised when the server supports overrides. */
export async function createProject(call: Api, owner: Owner, id: string, options: { raiseLimits?: boolean } = {}): Promise<ProjectRef> {
  await expectOk(call, 'create project', 'POST', '/projects', { cookie: owner.cookie, body: { projectId: id, name: `Bench ${id}` } });
  const key = await expectOk(call, 'create key', 'POST', `/projects/${id}/keys`, { cookie: owner.cookie, body: { name: 'bench', scopes: KEY_SCOPES } });
  const limitsRaised = options.raiseLimits === false ? false : await raiseLimits(call, owner, id);
  return { id, key: key.body.secret as string, limitsRaised };
}

/**
 * Raises every per-project rate limit far above what a bench can reach, through the per-project
 * overrides (`/v1/projects/{id}/limits`). Returns false when the server has no such route.
 */
export async function raiseLimits(call: Api, owner: Owner, projectId: string): Promise<boolean> {
  const current = await call('GET', `/projects/${projectId}/limits`, { cookie: owner.cookie });
  if (current.status === 404) return false;
  if (current.status !== 200) throw new Error(`GET /projects/${projectId}/limits: HTTP ${current.status} ${JSON.stringify(current.body)}`);
  const body = current.body as { limits?: Array<Record<string, unknown>> } | Record<string, unknown>;
  const raised = raiseEntries(body);
  await expectOk(call, 'raise limits', 'PUT', `/projects/${projectId}/limits`, { cookie: owner.cookie, body: raised });
  return true;
}

/** Accepts the overrides document in either list form (`{limits:[{name,limit,windowSeconds}]}`) or map form (`{name:{limit,windowSeconds}}`). */
function raiseEntries(body: unknown): unknown {
  // The contract caps overrides at 1e6; the counters keep running (a realistic cost), they just never trip.
  const HIGH = 1_000_000;
  if (body && typeof body === 'object' && Array.isArray((body as { limits?: unknown }).limits)) {
    const list = (body as { limits: Array<Record<string, unknown>> }).limits;
    return { limits: Object.fromEntries(list.map((l) => [String(l.name ?? l.key ?? l.$id), { limit: HIGH, windowSeconds: Number(l.windowSeconds ?? l.window ?? 60) }])) };
  }
  const map = (body && typeof body === 'object' && 'limits' in body ? (body as { limits: unknown }).limits : body) as Record<string, { windowSeconds?: number }>;
  return { limits: Object.fromEntries(Object.entries(map ?? {}).map(([name, v]) => [name, { limit: HIGH, windowSeconds: Number(v?.windowSeconds ?? 60) }])) };
}

/** Database, documentSecurity collection, attributes and key indexes; waits until all are `available`. */
export async function createSchema(call: Api, project: ProjectRef, spec: SchemaSpec, options: { createDatabase?: boolean } = {}): Promise<void> {
  const o = { project: project.id, key: project.key };
  if (options.createDatabase !== false) await expectOk(call, 'create database', 'POST', '/databases', { ...o, body: { databaseId: spec.databaseId, name: spec.databaseId } });
  const base = `/databases/${spec.databaseId}/collections`;
  await expectOk(call, 'create collection', 'POST', base, { ...o, body: { collectionId: spec.collectionId, name: spec.collectionId, permissions: spec.permissions, documentSecurity: true } });
  const coll = `${base}/${spec.collectionId}`;
  for (const a of spec.attributes) {
    const body = a.type === 'string' ? { key: a.key, size: a.size ?? 64, required: false } : { key: a.key, required: false };
    await expectOk(call, `create attribute ${a.key}`, 'POST', `${coll}/attributes/${a.type}`, { ...o, body });
  }
  await waitAvailable(call, o, `${coll}/attributes`, 'attributes');
  for (const k of spec.indexed) {
    await expectOk(call, `create index ${k}`, 'POST', `${coll}/indexes`, { ...o, body: { key: `idx_${k}`, type: 'key', attributes: [k], orders: ['asc'] } });
  }
  if (spec.indexed.length) await waitAvailable(call, o, `${coll}/indexes`, 'indexes');
}

async function waitAvailable(call: Api, o: { project: string; key: string }, path: string, field: 'attributes' | 'indexes'): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const r = await expectOk(call, `list ${field}`, 'GET', path, o);
    const list = r.body[field] as Array<{ key: string; status: string; error?: string }>;
    const failed = list.find((x) => x.status === 'failed');
    if (failed) throw new Error(`${field} ${failed.key} failed: ${failed.error}`);
    if (list.every((x) => x.status === 'available')) return;
    await sleep(100);
  }
  throw new Error(`${field} still processing after 30 s`);
}

/** Signs up an end user of the project and opens a session (returns the session token). */
export async function createEndUser(call: Api, projectId: string, userId: string, email: string, password = 'user-password-123'): Promise<EndUser> {
  await expectOk(call, 'end-user sign-up', 'POST', '/account', { project: projectId, body: { userId, email, password, name: userId } });
  const session = await signIn(call, projectId, email, password);
  return { id: userId, email, password, session };
}

export async function signIn(call: Api, projectId: string, email: string, password: string): Promise<string> {
  const r = await expectOk(call, 'end-user sign-in', 'POST', '/account/sessions/email', { project: projectId, body: { email, password } });
  const token = sessionTokenFrom(r.headers, projectId);
  if (!token) throw new Error('sign-in answered without a session cookie or X-Fallback-Cookies');
  return token;
}

/** Creates documents in bulk with the API key, 100 per call (falls back to single creates if bulk is refused). */
export async function bulkCreate(call: Api, project: ProjectRef, databaseId: string, collectionId: string, docs: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const path = `/databases/${databaseId}/collections/${collectionId}/documents`;
  const o = { project: project.id, key: project.key };
  for (let i = 0; i < docs.length; i += 100) {
    const batch = docs.slice(i, i + 100);
    const r = await call('POST', path, { ...o, body: { documents: batch } });
    if (r.status === 201) continue;
    if (r.status !== 400 && r.status !== 401) throw new Error(`bulk create: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    for (const d of batch) {
      const { $id, $permissions, ...data } = d as { $id: string; $permissions?: string[] } & Record<string, unknown>;
      await expectOk(call, 'create document', 'POST', path, { ...o, body: { documentId: $id, data, permissions: $permissions } });
    }
  }
}
