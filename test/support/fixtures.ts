/**
 * Fixtures over the public API only: an owner with a console session, a fresh project, a key.
 * Each test file makes its own (random IDs), so files run in parallel on one MariaDB database.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { client, cookiesFrom, type Client } from './http.ts';
import type { TestServer } from './server.ts';

export const ALL_SCOPES = [
  'databases.read', 'databases.write', 'collections.read', 'collections.write', 'attributes.read', 'attributes.write',
  'indexes.read', 'indexes.write', 'documents.read', 'documents.write', 'users.read', 'users.write', 'teams.read', 'teams.write', 'health.read',
];

export function rid(prefix = 'p'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

export interface Owner { readonly id: string; readonly email: string; readonly password: string; readonly cookie: string }

export async function newOwner(server: TestServer): Promise<Owner> {
  const call = client(server.url);
  const email = `${rid('owner')}@example.com`;
  const password = 'correct horse battery';
  const signUp = await call('POST', '/account', { project: 'console', body: { userId: 'unique()', email, password, name: 'Owner' } });
  assert.equal(signUp.status, 201, signUp.text);
  const signIn = await call('POST', '/account/sessions/email', { project: 'console', body: { email, password } });
  assert.equal(signIn.status, 201, signIn.text);
  return { id: signUp.body.$id, email, password, cookie: cookiesFrom(signIn.headers) };
}

export interface Project { readonly id: string; readonly key: string; readonly call: Client; readonly owner: Owner }

/** A new project with an all-scopes key. `id` may be given (the isolation tests reuse IDs across servers). */
export async function newProject(server: TestServer, owner: Owner, options: { id?: string; scopes?: string[] } = {}): Promise<Project> {
  const call = client(server.url);
  const id = options.id ?? rid('p');
  const created = await call('POST', '/projects', { cookie: owner.cookie, body: { projectId: id, name: `Project ${id}` } });
  assert.equal(created.status, 201, created.text);
  const key = await call('POST', `/projects/${id}/keys`, { cookie: owner.cookie, body: { name: 'test key', scopes: options.scopes ?? ALL_SCOPES } });
  assert.equal(key.status, 201, key.text);
  return { id, key: key.body.secret, call, owner };
}
