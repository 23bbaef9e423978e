/**
 * The first owner becomes root — exactly one, even when the first sign-ups arrive together (the
 * owner count is read in each sign-up's transaction; a unique root marker settles the race). Each
 * case runs on a fresh database (no owners yet). On MariaDB the owners table is locked while the
 * sign-ups arrive, so all their transactions count at the same moment (without the marker: several
 * roots). SQLite serialises writers, so there it checks the same outcome without the squeeze.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTenantry } from '../../src/app.ts';
import { client } from '../support/http.ts';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { holdTableLock, openFreshRuntime, serve } from '../reliability/fresh-database.ts';
import { platformTable } from '../../src/db/names.ts';

const PASSWORD = 'correct horse battery';

describeLegs('console: concurrent first owner sign-ups', (leg) => {
  const cleanup = useCleanup();

  async function signUpTen(env: Record<string, string>) {
    const runtime = await openFreshRuntime(leg, cleanup, { TENANTRY_DB_POOL_MAX: '12', ...env });
    const tenantry = createTenantry(runtime);
    const call = client(await serve(tenantry.app, cleanup));
    const lock = leg.name === 'mariadb' ? await holdTableLock(runtime, platformTable(runtime.config.namespace, 'owners')) : null;
    const pending = Array.from({ length: 10 }, (_, i) =>
      call('POST', '/account', { project: 'console', body: { userId: `owner${i}`, email: `owner${i}@example.com`, password: PASSWORD, name: `Owner ${i}` } }));
    if (lock) {
      try {
        // Password hashing runs 2 at a time: release once all ten transactions wait on the lock.
        for (let i = 0; i < 600 && (await lock.waiting()) < 10; i++) await new Promise((r) => setTimeout(r, 50));
        assert.equal(await lock.waiting(), 10, 'all ten sign-ups wait on the locked table');
      } finally {
        await lock.release();
      }
    }
    const results = await Promise.all(pending);
    const roots = await Promise.all(Array.from({ length: 10 }, async (_, i) => (await tenantry.services.owners.get(`owner${i}`))?.isRoot ?? null));
    return { tenantry, results, roots };
  }

  test('open sign-up: 10 parallel first sign-ups → all 201, exactly one root', async () => {
    const { tenantry, results, roots } = await signUpTen({ TENANTRY_OPEN_SIGNUP: 'true' });
    assert.deepEqual(results.map((r) => r.status), Array(10).fill(201), results.map((r) => r.text).join('\n'));
    assert.equal(results.filter((r) => r.body.labels.includes('root')).length, 1, 'one answer says root');
    assert.equal(roots.filter((r) => r === true).length, 1, 'one stored root');
    assert.equal(roots.filter((r) => r === false).length, 9);
    assert.equal(await tenantry.services.owners.count(), 10);
    const root = await tenantry.services.owners.root();
    assert.equal(root?.id, results.find((r) => r.body.labels.includes('root'))!.body.$id);
  });

  test('closed sign-up: 10 parallel first sign-ups → one 201 (root), nine 401 general_access_forbidden', async () => {
    const { tenantry, results, roots } = await signUpTen({ TENANTRY_OPEN_SIGNUP: 'false' });
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, ...Array(9).fill(401)], results.map((r) => r.text).join('\n'));
    const created = results.find((r) => r.status === 201)!;
    assert.deepEqual(created.body.labels, ['root']);
    for (const r of results.filter((x) => x.status === 401)) assert.equal(r.body.type, 'general_access_forbidden');
    assert.equal(roots.filter((r) => r === true).length, 1);
    assert.equal(roots.filter((r) => r === null).length, 9, 'the refused sign-ups stored nothing');
    assert.equal(await tenantry.services.owners.count(), 1);
  });
});
