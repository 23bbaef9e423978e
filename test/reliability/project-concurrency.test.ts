/**
 * The per-project concurrency cap: slots per project, FIFO hand-over, refusal (429 + Retry-After)
 * when the queue is full or the wait runs out, leaving the queue when the request's deadline
 * answered, other projects untouched, and the per-shape slow start. Deterministic: no timing
 * assertions beyond generous bounds.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../src/errors/index.ts';
import { ProjectConcurrency, type Release } from '../../src/http/project-concurrency.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function assertRefused(e: unknown): true {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, 429);
  assert.equal(e.type, 'general_rate_limit_exceeded');
  assert.ok(e.headers['Retry-After']);
  return true;
}

/** Resolves to the release once granted; `granted` tells whether it has been. */
function pending(p: Promise<Release>) {
  const state = { granted: false, release: null as Release | null, error: null as unknown };
  const done = p.then((r) => { state.granted = true; state.release = r; }, (e) => { state.error = e; });
  return Object.assign(state, { done });
}

describe('reliability: project concurrency cap', () => {
  test('at most `limit` per project; the next waits and gets the slot handed over in order', async () => {
    const cap = new ProjectConcurrency({ limit: 2, queue: 10, waitMs: 10_000, slowMs: 0 });
    const a1 = await cap.acquire('A');
    const a2 = await cap.acquire('A');
    const a3 = pending(cap.acquire('A'));
    const a4 = pending(cap.acquire('A'));
    await sleep(10);
    assert.deepEqual([a3.granted, a4.granted], [false, false]);
    assert.deepEqual(cap.load('A'), { active: 2, waiting: 2, shapeLimit: 2 });
    // Another project is not held up by A.
    const b1 = await cap.acquire('B');
    a1();
    a1(); // idempotent
    await a3.done;
    assert.deepEqual([a3.granted, a4.granted], [true, false]);
    a2();
    await a4.done;
    assert.equal(a4.granted, true);
    a3.release!(); a4.release!(); b1();
    assert.deepEqual(cap.load('A'), { active: 0, waiting: 0, shapeLimit: 2 });
  });

  test('a full queue refuses at once; a wait that runs out refuses with 429 + Retry-After', async () => {
    const cap = new ProjectConcurrency({ limit: 1, queue: 1, waitMs: 50, slowMs: 0 });
    const held = await cap.acquire('A');
    const waiting = pending(cap.acquire('A'));
    const started = Date.now();
    await assert.rejects(cap.acquire('A'), assertRefused); // queue (1) full
    assert.ok(Date.now() - started < 40, 'refused without waiting');
    await waiting.done;
    assert.equal(waiting.granted, false);
    assertRefused(waiting.error);
    assert.deepEqual(cap.load('A'), { active: 1, waiting: 0, shapeLimit: 1 });
    held();
    assert.deepEqual(cap.load('A'), { active: 0, waiting: 0, shapeLimit: 1 });
  });

  test('a queued request leaves when its deadline answers (the signal aborts)', async () => {
    const cap = new ProjectConcurrency({ limit: 1, queue: 5, waitMs: 10_000, slowMs: 0 });
    const held = await cap.acquire('A');
    const controller = new AbortController();
    const reason = new Error('deadline');
    const waiting = pending(cap.acquire('A', '', controller.signal));
    controller.abort(reason);
    await waiting.done;
    assert.equal(waiting.error, reason);
    assert.equal(cap.load('A').waiting, 0);
    held();
    await assert.rejects(cap.acquire('A', '', AbortSignal.abort(reason)), (e) => e === reason);
  });

  test('limit 0 turns the cap off', async () => {
    const cap = new ProjectConcurrency({ limit: 0, queue: 0, waitMs: 0, slowMs: 0 });
    const releases = await Promise.all(Array.from({ length: 50 }, () => cap.acquire('A')));
    for (const r of releases) r();
  });

  test('slow start per shape: one at a time, ramps up on fast requests, back to one after a slow request', async () => {
    const cap = new ProjectConcurrency({ limit: 4, queue: 100, waitMs: 10_000, slowMs: 30 });
    assert.equal(cap.load('A', 'list heavy').shapeLimit, 1);
    const first = await cap.acquire('A', 'list heavy');
    const second = pending(cap.acquire('A', 'list heavy'));
    const third = pending(cap.acquire('A', 'list heavy'));
    // Another shape of the same project is not held back by this one's slow start.
    const other = await cap.acquire('A', 'get doc');
    await sleep(10);
    assert.deepEqual([second.granted, third.granted], [false, false]);
    first(); // fast (< 30 ms): limit 2, so both waiters run
    await Promise.all([second.done, third.done]);
    assert.deepEqual([second.granted, third.granted], [true, true]);
    assert.equal(cap.load('A', 'list heavy').shapeLimit, 2);
    await sleep(80);
    second.release!(); // slow (> 30 ms): back to one at a time
    assert.equal(cap.load('A', 'list heavy').shapeLimit, 1);
    const fourth = pending(cap.acquire('A', 'list heavy'));
    await sleep(10);
    assert.equal(fourth.granted, false, 'one is still running: the slow shape waits');
    third.release!();
    await fourth.done;
    assert.equal(fourth.granted, true);
    fourth.release!(); other();
    assert.deepEqual(cap.load('A'), { active: 0, waiting: 0, shapeLimit: 1 });
  });

  test('after two slow requests in a row their shape rests (three times as long) before the next one starts', async () => {
    const cap = new ProjectConcurrency({ limit: 4, queue: 10, waitMs: 10_000, slowMs: 20 });
    const once = await cap.acquire('A', 'scan');
    await sleep(60);
    once(); // one slow request may be noise: no rest
    const twice = await cap.acquire('A', 'scan');
    await sleep(100);
    twice(); // the second in a row took ~100 ms: the shape rests ~300 ms
    const next = pending(cap.acquire('A', 'scan'));
    const fast = await cap.acquire('A', 'other'); // other shapes don't rest
    await sleep(100);
    assert.equal(next.granted, false, 'still resting');
    await next.done;
    assert.equal(next.granted, true);
    next.release!(); fast();
  });

  test('the project cap bounds all shapes together', async () => {
    const cap = new ProjectConcurrency({ limit: 2, queue: 10, waitMs: 10_000, slowMs: 1000 });
    const r1 = await cap.acquire('A', 's1');
    const r2 = await cap.acquire('A', 's2');
    const r3 = pending(cap.acquire('A', 's3'));
    await sleep(10);
    assert.equal(r3.granted, false);
    r1();
    await r3.done;
    assert.equal(r3.granted, true);
    r2(); r3.release!();
  });
});
