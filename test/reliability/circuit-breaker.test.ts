/**
 * The KvStore circuit breaker: after a store failure calls fail fast with the store's own 503 for
 * the cool-down, a background ping probes, success closes it; errors that aren't "unavailable"
 * don't trip it. Then the real thing: a private redis-server (spare port, never 6379) frozen with
 * SIGSTOP — the first call pays the command timeout, the next ones fail at once; after SIGCONT
 * the store is used again without a restart.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { after, describe, test } from 'node:test';
import { AppError } from '../../src/errors/index.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { withCircuitBreaker } from '../../src/store/circuit-breaker.ts';
import type { KvStore } from '../../src/store/kv-store.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const unavailable = () => new AppError('general_service_unavailable', { headers: { 'Retry-After': '5' } });

function assertUnavailable(e: unknown): true {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, 503);
  assert.equal(e.type, 'general_service_unavailable');
  assert.equal(e.headers['Retry-After'], '5');
  return true;
}

/** A memory store that can be switched to "down": every call waits `delayMs`, then throws the store's 503. */
function flakyStore(delayMs: number) {
  const inner = createMemoryStore();
  const state = { down: false, calls: 0 };
  const store = new Proxy(inner, {
    get(target, name) {
      const v = Reflect.get(target, name) as unknown;
      if (typeof v !== 'function' || name === 'close') return v;
      return async (...args: unknown[]) => {
        state.calls++;
        if (state.down) { await sleep(delayMs); throw unavailable(); }
        return (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  }) as KvStore;
  return { store, state };
}

describe('reliability: KvStore circuit breaker', () => {
  test('opens on a failure, fails fast during the cool-down, probes, closes again', async () => {
    const { store, state } = flakyStore(100);
    const changes: string[] = [];
    const kv = withCircuitBreaker(store, { cooldownMs: 150, onStateChange: (s) => changes.push(s) });
    await kv.set('k', 'v');
    assert.equal(await kv.get('k'), 'v');
    state.down = true;
    await assert.rejects(kv.get('k'), assertUnavailable); // pays the (fake) timeout
    assert.equal(kv.breaker.state, 'open');
    const callsBefore = state.calls;
    const started = Date.now();
    for (let i = 0; i < 20; i++) await assert.rejects(kv.hget('k', 'f'), assertUnavailable);
    assert.ok(Date.now() - started < 80, 'while open, calls fail without touching the store');
    assert.equal(state.calls, callsBefore);
    // Still down at the probe: stays open.
    await sleep(400);
    assert.notEqual(kv.breaker.state, 'closed');
    state.down = false;
    const stateNow = (): string => kv.breaker.state; // read through a function: TS narrowed it above
    for (let i = 0; i < 50 && stateNow() !== 'closed'; i++) await sleep(50);
    assert.equal(stateNow(), 'closed');
    assert.equal(await kv.get('k'), 'v');
    assert.deepEqual(changes.slice(0, 3), ['open', 'probing', 'open']);
    assert.equal(changes.at(-1), 'closed');
    await kv.close();
  });

  test('errors that are not "store unavailable" pass through without tripping it', async () => {
    const inner = createMemoryStore();
    const store = { ...inner, get: async () => { throw new Error('a bug'); } } as KvStore;
    const kv = withCircuitBreaker(store, { cooldownMs: 10_000 });
    await assert.rejects(kv.get('x'), /a bug/);
    assert.equal(kv.breaker.state, 'closed');
    assert.equal(kv.kind, 'memory');
    await kv.close();
  });

  describe('with a real redis-server frozen by SIGSTOP', () => {
    let redis: ChildProcess | null = null;
    after(() => { if (redis && redis.exitCode === null) { redis.kill('SIGCONT'); redis.kill('SIGKILL'); } });

    test('one call pays the command timeout, the rest fail at once; recovers after SIGCONT', async () => {
      const port = await new Promise<number>((resolve) => {
        const srv = createServer().listen(0, '127.0.0.1', () => { const p = (srv.address() as { port: number }).port; srv.close(() => resolve(p)); });
      });
      redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
        redis!.stdout!.on('data', (c: Buffer) => { if (c.toString().includes('Ready to accept connections')) { clearTimeout(timer); resolve(); } });
        redis!.once('exit', (code) => { clearTimeout(timer); reject(new Error(`redis-server exited with ${code}`)); });
      });
      redis.stdout!.resume();
      const { createRedisStore } = await import('../../src/store/redis-store.ts');
      const kv = withCircuitBreaker(await createRedisStore(`redis://127.0.0.1:${port}/0`, { commandTimeoutMs: 500 }), { cooldownMs: 300 });
      try {
        await kv.set('tr:0:k', 'v');
        redis.kill('SIGSTOP');
        let started = Date.now();
        await assert.rejects(kv.get('tr:0:k'), assertUnavailable);
        assert.ok(Date.now() - started >= 400, 'the first call waited for the command timeout');
        started = Date.now();
        for (let i = 0; i < 10; i++) await assert.rejects(kv.get('tr:0:k'), assertUnavailable);
        assert.ok(Date.now() - started < 400, `10 calls during the outage took ${Date.now() - started} ms`);
        redis.kill('SIGCONT');
        let value: string | null = null;
        for (let i = 0; i < 100 && value === null; i++) {
          value = await kv.get('tr:0:k').catch(() => null);
          if (value === null) await sleep(100);
        }
        assert.equal(value, 'v', 'the same store works again after the freeze');
      } finally {
        redis.kill('SIGCONT');
        await kv.close();
      }
    });
  });
});
