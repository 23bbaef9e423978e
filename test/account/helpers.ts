/** Shared steps of the account tests: sign up and sign in an end user over the public API. */
import assert from 'node:assert/strict';
import type { Client } from '../support/http.ts';
import { rid } from '../support/fixtures.ts';

export interface EndUser { readonly id: string; readonly email: string; readonly password: string; readonly session: string; readonly sessionId: string }

export const PASSWORD = 'correct horse battery';

/** A signed-up, signed-in end user of `project`; `session` is the token for `X-Appwrite-Session`. */
export async function newEndUser(call: Client, project: string, options: { key?: string } = {}): Promise<EndUser> {
  const email = `${rid('u')}@example.com`;
  const signUp = options.key
    ? await call('POST', '/users', { project, key: options.key, body: { userId: 'unique()', email, password: PASSWORD, name: 'Test User' } })
    : await call('POST', '/account', { project, body: { userId: 'unique()', email, password: PASSWORD, name: 'Test User' } });
  assert.equal(signUp.status, 201, signUp.text);
  const session = await signIn(call, project, email);
  return { id: signUp.body.$id, email, password: PASSWORD, ...session };
}

export async function signIn(call: Client, project: string, email: string, password = PASSWORD): Promise<{ session: string; sessionId: string }> {
  const res = await call('POST', '/account/sessions/email', { project, body: { email, password } });
  assert.equal(res.status, 201, res.text);
  const fallback = JSON.parse(res.headers.get('x-fallback-cookies') ?? '{}') as Record<string, string>;
  const token = fallback[`a_session_${project}`];
  assert.ok(token, 'X-Fallback-Cookies carries the session token');
  return { session: token, sessionId: res.body.$id };
}
