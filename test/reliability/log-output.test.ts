/**
 * `LogOutput`, the logs' non-blocking destination, against a scripted stream: lines are batched
 * into one write in order; past its bound lines are dropped and counted, and the count is logged
 * once the stream moves again; a stream error (EPIPE) stops it at once; `flushWithin` always ends
 * by its deadline. And the per-request line built from a template is the JSON pino would write.
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { pino } from 'pino';
import { createLogger, LogOutput, requestLineWriter } from '../../src/logger.ts';

/** A stream whose buffered length the test sets (a stalled reader keeps it up). */
class ScriptedSink extends EventEmitter {
  readonly chunks: string[] = [];
  writableLength = 0;
  throwOnWrite: Error | null = null;
  write(chunk: string): boolean {
    if (this.throwOnWrite) throw this.throwOnWrite;
    this.chunks.push(chunk);
    return true;
  }
}

const epipe = () => Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });

describe('LogOutput', () => {
  test('lines written in one tick go out as one write, in order', async () => {
    const sink = new ScriptedSink();
    const out = new LogOutput(sink);
    out.write('a\n');
    out.write('b\n');
    out.line('c');
    assert.deepEqual(sink.chunks, [], 'nothing written synchronously');
    assert.equal(await out.flushWithin(1_000), true);
    assert.deepEqual(sink.chunks, ['a\nb\nc\n']);
    assert.equal(out.dropped, 0);
  });

  test('past the bound lines are dropped and counted; the count is logged once the stream moves', async () => {
    const sink = new ScriptedSink();
    const out = new LogOutput(sink, { maxBufferedBytes: 100 });
    sink.writableLength = 90; // the reader stalls: the stream holds 90 bytes it can't hand over
    out.write('0123456789\n'); // 90 + 11 > 100
    out.write('9876543210\n');
    assert.equal(out.dropped, 2);
    assert.equal(await out.flushWithin(50), false, 'the stream still holds bytes: not flushed, but the wait ended');
    assert.deepEqual(sink.chunks, []);

    sink.writableLength = 0; // the reader caught up
    out.write('after\n');
    assert.equal(await out.flushWithin(1_000), true);
    const written: string[] = sink.chunks;
    assert.equal(written.length, 1);
    const [kept, report] = written[0]!.split('\n');
    assert.equal(kept, 'after');
    const parsed = JSON.parse(report!) as Record<string, unknown>;
    assert.deepEqual({ level: parsed.level, service: parsed.service, dropped: parsed.dropped, msg: parsed.msg }, { level: 40, service: 'tenantry', dropped: 2, msg: 'log output too slow or gone: lines dropped' });
    assert.equal(typeof parsed.time, 'number');

    out.write('later\n');
    assert.equal(await out.flushWithin(1_000), true);
    assert.deepEqual(sink.chunks.slice(1), ['later\n'], 'reported once');
  });

  test('a stream error (EPIPE: the reader is gone) stops it: later lines are dropped, flushWithin ends at once', async () => {
    const sink = new ScriptedSink();
    const out = new LogOutput(sink);
    out.write('queued\n');
    sink.writableLength = 500;
    sink.emit('error', epipe());
    assert.equal((out.failure as NodeJS.ErrnoException | null)?.code, 'EPIPE');
    out.write('after\n');
    assert.equal(out.dropped, 2, 'the queued line and the later one');
    const started = performance.now();
    assert.equal(await out.flushWithin(5_000), false);
    assert.ok(performance.now() - started < 1_000, 'no waiting for a stream that failed');
    assert.deepEqual(sink.chunks, []);
    assert.equal(out.pendingBytes, 0);
  });

  test('a stream whose write throws does not throw into the caller', async () => {
    const sink = new ScriptedSink();
    const out = new LogOutput(sink);
    sink.throwOnWrite = epipe();
    out.write('x\n');
    assert.equal(await out.flushWithin(1_000), false);
    assert.equal((out.failure as NodeJS.ErrnoException | null)?.code, 'EPIPE');
    assert.doesNotThrow(() => out.write('y\n'));
    assert.equal(out.dropped, 1);
  });

  test('flushWithin ends by its deadline while the stream stays stalled', async () => {
    const sink = new ScriptedSink();
    const out = new LogOutput(sink);
    out.write('x\n');
    sink.writableLength = 1_000; // never drains
    const started = performance.now();
    assert.equal(await out.flushWithin(200), false);
    const took = performance.now() - started;
    assert.ok(took >= 190 && took < 1_000, `took ${took} ms`);
    assert.deepEqual(sink.chunks, ['x\n'], 'what was queued was handed over');
  });
});

describe('the per-request line', () => {
  function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
    let text = '';
    const stream = new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } });
    return { stream, lines: () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
  }

  test('is the JSON pino writes for the same fields (escaping included), one line per request', () => {
    const fast = capture();
    const line = requestLineWriter(createLogger('info', { write: (s: string) => fast.stream.write(s) }));
    const reference = capture();
    const logger = pino({ level: 'info', base: { service: 'tenantry' } }, reference.stream);
    const cases = [
      ['3b241101-e2bb-4255-8caf-4136c566a962', 'GET', '/databases/:databaseId', '', 200, 3, 'p1'],
      ['abc', 'POST', undefined, '/v1/nothing/"quoted"\\/\u00e9\u2028', 404, 0, 'pro"ject\n'],
    ] as const;
    for (const [reqId, method, route, path, status, ms, project] of cases) {
      line(reqId, method, route, path, status, ms, project);
      logger.info({ reqId, method, path: route ?? path, status, ms, project }, 'request');
    }
    const got = fast.lines();
    const want = reference.lines();
    assert.equal(got.length, 2);
    for (let i = 0; i < 2; i++) {
      assert.equal(typeof got[i]!.time, 'number');
      assert.deepEqual(Object.keys(got[i]!), Object.keys(want[i]!), 'same fields, same order');
      assert.deepEqual({ ...got[i], time: 0 }, { ...want[i], time: 0 });
    }
  });

  test('respects the level, and another pino logger gets logger.info', () => {
    const quiet = capture();
    const line = requestLineWriter(createLogger('warn', { write: (s: string) => quiet.stream.write(s) }));
    line('a', 'GET', '/x', '', 200, 1, 'p');
    assert.deepEqual(quiet.lines(), []);

    const other = capture();
    const foreign = pino({ level: 'info', base: { app: 'host' } }, other.stream);
    requestLineWriter(foreign)('a', 'GET', undefined, '/y', 404, 1, 'console');
    assert.deepEqual(other.lines().map((l) => ({ app: l.app, reqId: l.reqId, path: l.path, status: l.status, msg: l.msg })), [{ app: 'host', reqId: 'a', path: '/y', status: 404, msg: 'request' }]);
  });
});
