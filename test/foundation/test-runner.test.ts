/**
 * The decisions of `npm test` about the MariaDB + Redis leg (test/support/leg-decision.ts) and the
 * cleanup stack every suite's teardown runs on (test/support/cleanup.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cleanup } from '../support/cleanup.ts';
import { countProblems, isUnreachable, legVerdict } from '../support/leg-decision.ts';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
const denied = Object.assign(new Error("Access denied for user 'x'@'127.0.0.1'"), { code: 'ER_ACCESS_DENIED_ERROR' });
const migration = Object.assign(new Error('You have an error in your SQL syntax'), { code: 'ER_PARSE_ERROR' });

test('leg verdict: only an unreachable server skips, and only outside CI', () => {
  assert.deepEqual(legVerdict(false, null), { kind: 'ready' });
  assert.deepEqual(legVerdict(true, null), { kind: 'ready' });
  assert.equal(legVerdict(false, { stage: 'probe', error: refused }).kind, 'skip');
  assert.match((legVerdict(false, { stage: 'probe', error: refused }) as { why: string }).why, /ECONNREFUSED/);
  const ci = legVerdict(true, { stage: 'probe', error: refused });
  assert.equal(ci.kind, 'fail');
  assert.match((ci as { why: string }).why, /CI=true.*mandatory/);
  // Reachable but refusing us, or a preparation/migration bug: never a skip, CI or not.
  for (const isCi of [false, true]) {
    assert.equal(legVerdict(isCi, { stage: 'probe', error: denied }).kind, 'fail');
    assert.equal(legVerdict(isCi, { stage: 'prepare', error: migration }).kind, 'fail');
    // Even a connection error during preparation (the server went away mid-migration) fails.
    assert.equal(legVerdict(isCi, { stage: 'prepare', error: refused }).kind, 'fail');
  }
});

test('unreachable: socket codes, and an AggregateError of them (happy eyeballs); nothing else', () => {
  assert.equal(isUnreachable(refused), true);
  assert.equal(isUnreachable(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })), true);
  assert.equal(isUnreachable(new AggregateError([refused, Object.assign(new Error('y'), { code: 'ECONNREFUSED' })])), true);
  assert.equal(isUnreachable(new AggregateError([refused, denied])), false);
  assert.equal(isUnreachable(new AggregateError([])), false);
  assert.equal(isUnreachable(denied), false);
  assert.equal(isUnreachable(new Error('Connection is closed.')), false);
  assert.equal(isUnreachable(null), false);
});

test('counts: a leg with zero tests fails the run; a suite must run on both legs', () => {
  const both = [{ leg: 'sqlite', suite: 's', ran: 3 }, { leg: 'mariadb', suite: 's', ran: 3 }] as const;
  assert.deepEqual(countProblems(both, { mariadbSkipped: false, fullRun: true }), []);
  assert.deepEqual(countProblems([both[0]], { mariadbSkipped: true, fullRun: true }), []);
  assert.deepEqual(countProblems([both[0]], { mariadbSkipped: false, fullRun: true }), ['the mariadb leg ran zero tests', 'suite "s" ran 3 test(s) on sqlite and 0 on mariadb']);
  assert.deepEqual(countProblems([], { mariadbSkipped: false, fullRun: true }), ['the sqlite leg ran zero tests', 'the mariadb leg ran zero tests']);
  assert.deepEqual(countProblems([], { mariadbSkipped: true, fullRun: true }), ['the sqlite leg ran zero tests']);
  // A focused run of unit-test files has no leg suites at all: nothing to check.
  assert.deepEqual(countProblems([], { mariadbSkipped: false, fullRun: false }), []);
  assert.deepEqual(countProblems([{ leg: 'sqlite', suite: 's', ran: 0 }, { leg: 'mariadb', suite: 's', ran: 2 }], { mariadbSkipped: false, fullRun: false }),
    ['the sqlite leg ran zero tests', 'suite "s" ran 0 test(s) on sqlite and 2 on mariadb']);
});

test('cleanup stack: every step runs in reverse order, the first error is rethrown at the end', async () => {
  const ran: string[] = [];
  const cleanup = new Cleanup();
  cleanup.defer('redis-server', () => { ran.push('redis-server'); });
  cleanup.defer('server', async () => { ran.push('server'); throw new Error('tenant guard: violation'); });
  cleanup.defer('temp', () => { ran.push('temp'); throw new Error('second failure'); });
  const errors: unknown[] = [];
  const log = console.error;
  console.error = (...args: unknown[]) => { errors.push(args); };
  try {
    await assert.rejects(cleanup.run(), /second failure/);
  } finally {
    console.error = log;
  }
  assert.deepEqual(ran, ['temp', 'server', 'redis-server']);
  assert.equal(errors.length, 1, 'the later failure is logged, not lost');
  await cleanup.run(); // steps run once
  assert.deepEqual(ran, ['temp', 'server', 'redis-server']);
});
