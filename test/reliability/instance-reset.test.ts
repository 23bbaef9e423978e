/**
 * Store keys carry the database's instance ID. Project sequences restart at 1 in a fresh database:
 * without it, an instance whose database was reset while Redis (here: the same store) was kept would
 * read the old project 1's sessions as the new project 1's. Both databases here are fresh, so both
 * projects are sequence 1, and the new database even re-creates the same user and owner IDs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTenantry } from '../../src/app.ts';
import { client, cookiesFrom, type Client } from '../support/http.ts';
import { ALL_SCOPES } from '../support/fixtures.ts';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { signIn, PASSWORD } from '../account/helpers.ts';
import type { Runtime } from '../../src/runtime.ts';
import { openFreshRuntime, serve } from './fresh-database.ts';

interface Instance { readonly call: Client; readonly ownerCookie: string; readonly key: string; readonly sequence: number }

describeLegs('reliability: a database reset with the store kept', (leg) => {
  const cleanup = useCleanup();

  /** Owner `founder`, project `p1`, end user `u1` — the same IDs in every database. */
  async function provision(runtime: Runtime): Promise<Instance> {
    const tenantry = createTenantry(runtime);
    const call = client(await serve(tenantry.app, cleanup));
    const owner = await call('POST', '/account', { project: 'console', body: { userId: 'founder', email: 'founder@example.com', password: PASSWORD } });
    assert.equal(owner.status, 201, owner.text);
    const signedIn = await call('POST', '/account/sessions/email', { project: 'console', body: { email: 'founder@example.com', password: PASSWORD } });
    assert.equal(signedIn.status, 201, signedIn.text);
    const ownerCookie = cookiesFrom(signedIn.headers);
    const project = await call('POST', '/projects', { cookie: ownerCookie, body: { projectId: 'p1', name: 'P1' } });
    assert.equal(project.status, 201, project.text);
    const key = await call('POST', '/projects/p1/keys', { cookie: ownerCookie, body: { name: 'k', scopes: ALL_SCOPES } });
    assert.equal(key.status, 201, key.text);
    const user = await call('POST', '/users', { project: 'p1', key: key.body.secret, body: { userId: 'u1', email: 'u1@example.com', password: PASSWORD, name: 'U1' } });
    assert.equal(user.status, 201, user.text);
    const resolved = await tenantry.services.projects.resolve('p1');
    return { call, ownerCookie, key: key.body.secret, sequence: resolved!.sequence };
  }

  test('old end-user session and old console session → 401 on the reset database; new ones work', async () => {
    const before = await openFreshRuntime(leg, cleanup);
    const old = await provision(before);
    const { session } = await signIn(old.call, 'p1', 'u1@example.com');
    const accepted = await old.call('GET', '/account', { project: 'p1', session });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal(accepted.body.$id, 'u1');
    assert.equal((await old.call('GET', '/account', { project: 'console', cookie: old.ownerCookie })).status, 200);

    // The reset: a fresh database, the same store.
    const fresh = await openFreshRuntime(leg, cleanup);
    const reset = await provision({ ...fresh, store: before.store });
    assert.equal(reset.sequence, old.sequence, 'the new p1 has the old p1\'s sequence');
    assert.notEqual(fresh.storeScope.prefix, before.storeScope.prefix, 'each database has its own instance ID');

    const replayed = await reset.call('GET', '/account', { project: 'p1', session });
    assert.equal(replayed.status, 401, replayed.text);
    assert.equal(replayed.body.type, 'general_unauthorized_scope', 'read as a guest: the old session is unknown here');
    const replayedConsole = await reset.call('GET', '/account', { project: 'console', cookie: old.ownerCookie });
    assert.equal(replayedConsole.status, 401, replayedConsole.text);

    const { session: renewed } = await signIn(reset.call, 'p1', 'u1@example.com');
    const ok = await reset.call('GET', '/account', { project: 'p1', session: renewed });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.$id, 'u1');
  });
});
