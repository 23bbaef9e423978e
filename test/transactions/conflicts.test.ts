/**
 * Commit isolation (both legs): one database transaction per commit, optimistic conflict checks.
 * Two transactions updating one row: the first commit wins, the second is 409 `transaction_conflict`
 * with nothing of it written; a row changed outside after staging conflicts too; concurrent commits
 * touching the same row: exactly one wins; a duplicate create at commit is a conflict.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { expectError } from '../support/http.ts';
import type { Project } from '../support/fixtures.ts';
import type { Api } from '../documents/support.ts';
import { itemsCollection, keyApi } from './support.ts';

const TX = '/databases/transactions';

describeLegs('transactions: conflicts', (leg) => {
  let project: Project;
  let key: Api;
  let docs: string;

  const cleanup = useCleanup();
  before(async () => {
    ({ project } = await withProject(leg, cleanup));
    key = keyApi(project);
    docs = await itemsCollection(key);
    for (const id of ['x', 'y', 'z']) assert.equal((await key('POST', docs, { documentId: id, data: { name: id, qty: 0 } })).status, 201);
  });

  async function open(): Promise<string> {
    const res = await key('POST', TX, {});
    assert.equal(res.status, 201, res.text);
    return res.body.$id;
  }

  async function stage(id: string, method: string, path: string, body: Record<string, unknown>, status = 200): Promise<void> {
    const res = await key(method, path, { ...body, transactionId: id });
    assert.equal(res.status, status, res.text);
  }

  const qty = async (doc: string) => (await key('GET', `${docs}/${doc}`)).body.qty;
  const tick = () => new Promise((r) => setTimeout(r, 5));

  test('two transactions update one row: the first commit is 200, the second 409 and fully rolled back', async () => {
    const t1 = await open();
    const t2 = await open();
    await stage(t1, 'PATCH', `${docs}/x`, { data: { qty: 1 } });
    await stage(t2, 'POST', docs, { documentId: 'x2', data: { name: 'x2' } }, 201);
    await stage(t2, 'PATCH', `${docs}/x`, { data: { qty: 2 } });
    await tick();
    const first = await key('PATCH', `${TX}/${t1}`, { commit: true });
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.status, 'committed');
    expectError(await key('PATCH', `${TX}/${t2}`, { commit: true }), 409, 'transaction_conflict');
    assert.equal((await key('GET', `${TX}/${t2}`)).body.status, 'failed');
    assert.equal(await qty('x'), 1);
    expectError(await key('GET', `${docs}/x2`), 404, 'document_not_found');
    expectError(await key('PATCH', `${TX}/${t2}`, { commit: true }), 400, 'transaction_not_ready');
  });

  test('a row changed outside the transaction after staging conflicts; one changed before staging does not', async () => {
    const t = await open();
    await stage(t, 'PATCH', `${docs}/y/qty/increment`, { value: 5 });
    await tick();
    assert.equal((await key('PATCH', `${docs}/y`, { data: { name: 'y!' } })).status, 200);
    expectError(await key('PATCH', `${TX}/${t}`, { commit: true }), 409, 'transaction_conflict');
    assert.equal(await qty('y'), 0);

    const later = await open();
    await tick();
    await stage(later, 'PATCH', `${docs}/y/qty/increment`, { value: 5 });
    await stage(later, 'PATCH', `${docs}/y/qty/decrement`, { value: 2 });
    await stage(later, 'DELETE', `${docs}/z`, {}, 204);
    const ok = await key('PATCH', `${TX}/${later}`, { commit: true });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(await qty('y'), 3, 'both staged operations on one row apply (the first one\'s write is not a conflict for the second)');
    expectError(await key('GET', `${docs}/z`), 404, 'document_not_found');
  });

  test('a staged create whose ID was taken since is a conflict; nothing of the transaction is written', async () => {
    const t = await open();
    await stage(t, 'PATCH', `${docs}/y`, { data: { qty: 50 } });
    await stage(t, 'POST', docs, { documentId: 'dup', data: { name: 'staged' } }, 201);
    assert.equal((await key('POST', docs, { documentId: 'dup', data: { name: 'direct' } })).status, 201);
    expectError(await key('PATCH', `${TX}/${t}`, { commit: true }), 409, 'transaction_conflict');
    assert.equal(await qty('y'), 3);
    assert.equal((await key('GET', `${docs}/dup`)).body.name, 'direct');
  });

  test('a staged value past a bound fails the commit with its own error; the earlier operations roll back', async () => {
    const t = await open();
    await stage(t, 'POST', docs, { documentId: 'b1', data: { name: 'b1' } }, 201);
    await stage(t, 'PATCH', `${docs}/y/qty/increment`, { value: 999, max: 1000 });
    await stage(t, 'PATCH', `${docs}/y/qty/increment`, { value: 999, max: 1000 });
    const res = await key('PATCH', `${TX}/${t}`, { commit: true });
    assert.equal(res.status, 400, res.text);
    // The increment's own bound error (the documents service words it; Appwrite: attribute_limit_exceeded).
    assert.ok(['attribute_value_invalid', 'attribute_limit_exceeded'].includes(res.body.type), res.text);
    assert.match(res.body.message, /maximum/);
    assert.equal((await key('GET', `${TX}/${t}`)).body.status, 'failed');
    expectError(await key('GET', `${docs}/b1`), 404, 'document_not_found');
    assert.equal(await qty('y'), 3);
  });

  test('concurrent commits touching the same row: exactly one wins, the loser writes nothing', async () => {
    for (let round = 0; round < 3; round++) {
      const ts = [await open(), await open(), await open()];
      for (const [i, t] of ts.entries()) {
        await stage(t, 'POST', docs, { documentId: `c${round}_${i}`, data: { name: `c${round}_${i}` } }, 201);
        await stage(t, 'PATCH', `${docs}/x`, { data: { qty: 100 + i } });
      }
      await tick();
      const results = await Promise.all(ts.map((t) => key('PATCH', `${TX}/${t}`, { commit: true })));
      const winners = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
      assert.equal(winners.length, 1, results.map((r) => `${r.status} ${r.text}`).join('\n'));
      for (const r of results) if (r.status !== 200) expectError(r, 409, 'transaction_conflict');
      const w = winners[0]!;
      assert.equal(await qty('x'), 100 + w);
      for (let i = 0; i < ts.length; i++) assert.equal((await key('GET', `${docs}/c${round}_${i}`)).status, i === w ? 200 : 404);
    }
  });
});
