/**
 * TtlCache: single-flight loads (a burst on a cold key runs one load), invalidation during a load
 * (the flight is detached: never stored, the next caller loads anew), expiry and the size bound.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TtlCache } from '../../src/lib/ttl-cache.ts';

function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => { open = r; });
  return { wait, open };
}

test('50 concurrent callers on a cold key share one load and all get its value', async () => {
  const cache = new TtlCache<{ n: number }>(1_000);
  let loads = 0;
  const g = gate();
  const load = async () => { loads++; await g.wait; return { n: loads }; };
  const all = Array.from({ length: 50 }, () => cache.getOrLoad('k', load));
  g.open();
  const values = await Promise.all(all);
  assert.equal(loads, 1);
  assert.ok(values.every((v) => v?.n === 1));
  assert.deepEqual(await cache.getOrLoad('k', load), { n: 1 }, 'stored: no second load');
  assert.equal(loads, 1);
});

test('a failed load rejects every waiter, is not stored, and the next call loads again', async () => {
  const cache = new TtlCache<{ n: number }>(1_000);
  let loads = 0;
  const failing = async () => { loads++; throw new Error('db down'); };
  const results = await Promise.allSettled([cache.getOrLoad('k', failing), cache.getOrLoad('k', failing)]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  assert.equal(loads, 1);
  assert.deepEqual(await cache.getOrLoad('k', async () => ({ n: 2 })), { n: 2 });
});

test('undefined (not found) is shared by the burst but not stored', async () => {
  const cache = new TtlCache<{ n: number }>(1_000);
  let loads = 0;
  const missing = async () => { loads++; return undefined; };
  assert.deepEqual(await Promise.all([cache.getOrLoad('k', missing), cache.getOrLoad('k', missing)]), [undefined, undefined]);
  assert.equal(loads, 1);
  await cache.getOrLoad('k', missing);
  assert.equal(loads, 2);
});

test('an invalidation during a load: the old flight is not stored, the next caller loads fresh', async () => {
  const cache = new TtlCache<{ v: string }>(1_000);
  const g = gate();
  const stale = cache.getOrLoad('k', async () => { await g.wait; return { v: 'before the write' }; });
  cache.delete('k'); // a writer in this process
  const fresh = await cache.getOrLoad('k', async () => ({ v: 'after the write' }));
  g.open();
  assert.deepEqual(await stale, { v: 'before the write' });
  assert.deepEqual(fresh, { v: 'after the write' });
  assert.deepEqual(cache.get('k'), { v: 'after the write' }, 'the detached flight did not overwrite the fresh value');
});

test('entries expire after the TTL, and the cache keeps at most `max` entries', async () => {
  const cache = new TtlCache<{ v: number }>(30, 3);
  for (let i = 0; i < 5; i++) cache.set(`k${i}`, { v: i });
  assert.equal(cache.get('k0'), undefined);
  assert.equal(cache.get('k1'), undefined);
  assert.deepEqual(cache.get('k4'), { v: 4 });
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(cache.get('k4'), undefined);
});
