/**
 * The semaphore behind password hashing: a freed slot goes to the oldest waiter. The race it
 * guards: a task finishes, its slot is handed to the queued waiter, and a newcomer arrives before
 * that waiter has resumed — the newcomer must queue behind it, and the limit must hold.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSemaphore } from '../../src/lib/semaphore.ts';

/** Runs `fn` after `depth` microtask hops (the newcomer's arrival, swept across the hand-over). */
function afterMicrotasks(depth: number, fn: () => void): void {
  if (depth === 0) fn();
  else queueMicrotask(() => afterMicrotasks(depth - 1, fn));
}

test('a newcomer arriving while a slot is handed over queues behind the woken waiter (FIFO, limit kept)', async () => {
  // The hand-over takes a few microtask hops; a newcomer is tried at each point of it.
  for (let depth = 0; depth <= 8; depth++) {
    const run = createSemaphore(1);
    const started: string[] = [];
    let active = 0;
    let maxActive = 0;
    const task = (name: string, hold: Promise<void>) => async () => {
      started.push(name);
      active++;
      maxActive = Math.max(maxActive, active);
      await hold;
      active--;
    };
    let finishA!: () => void;
    const a = run(task('A', new Promise<void>((r) => { finishA = r; })));
    const b = run(task('B', new Promise<void>((r) => setTimeout(r, 5))));
    await new Promise((r) => setTimeout(r, 2));
    assert.deepEqual(started, ['A'], 'B waits while A holds the only slot');
    const c = new Promise<void>((resolve, reject) => {
      afterMicrotasks(depth, () => { run(task('C', Promise.resolve())).then(resolve, reject); });
    });
    finishA();
    await Promise.all([a, b, c]);
    assert.deepEqual(started, ['A', 'B', 'C'], `newcomer after ${depth} microtask(s)`);
    assert.equal(maxActive, 1, `limit kept with a newcomer after ${depth} microtask(s)`);
  }
});

test('many callers: started strictly in call order, never more than the limit at once', async () => {
  const run = createSemaphore(2);
  const order: number[] = [];
  let active = 0;
  let maxActive = 0;
  await Promise.all(Array.from({ length: 20 }, (_, i) => run(async () => {
    order.push(i);
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise((r) => setTimeout(r, 1 + (i % 3)));
    active--;
  })));
  assert.deepEqual(order, Array.from({ length: 20 }, (_, i) => i));
  assert.equal(maxActive, 2);
});

test('a task that throws frees its slot and rejects only its own caller', async () => {
  const run = createSemaphore(1);
  const failed = run(async () => { throw new Error('boom'); });
  const next = run(async () => 'ok');
  await assert.rejects(failed, /boom/);
  assert.equal(await next, 'ok');
});
