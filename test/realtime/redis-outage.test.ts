/**
 * The Redis event bus through an outage: the test starts its OWN redis-server on a spare port, holds a
 * subscription, and publishes both through the server (REST writes) and through a second bus that
 * stands for another Tenantry process. Redis killed: the socket stays open, local events still
 * arrive, the subscriber is told with an error frame that remote events may be missed. Redis back:
 * events from the other process arrive again.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import { keyApi, makeCollection } from '../documents/support.ts';
import { createLogger } from '../../src/logger.ts';
import { createRedisBus } from '../../src/realtime/redis-bus.ts';
import type { EventBus } from '../../src/realtime/bus.ts';
import { connected, isEvent, subscribe, wsUrl, type RtClient } from './support.ts';

async function sparePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('Ready to accept connections')) { clearTimeout(timer); resolve(); } });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`redis-server exited with ${code}`)); });
  });
  child.stdout!.resume();
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

describeLegs('realtime across a Redis outage', (leg) => {
  let server: TestServer;
  let project: Project;
  let redis: ChildProcess;
  let remote: EventBus;
  let client: RtClient;
  let tenant: number;
  const cleanup = useCleanup();
  before(async () => {
    const port = await sparePort();
    redis = await startRedis(port);
    cleanup.defer('own redis-server', () => stopRedis(redis));
    ({ server, project } = await withProject(leg, cleanup, { env: { REDIS_URL: `redis://127.0.0.1:${port}/0` } }));
    assert.equal(server.runtime.bus?.kind, 'redis');
    remote = createRedisBus(`redis://127.0.0.1:${port}/0`, server.runtime.storeScope, createLogger('silent'));
    cleanup.defer('remote bus', () => remote.close());
    await makeCollection(keyApi(project), 'app', 'pub', { permissions: ['read("any")'], attributes: [['string', { key: 'title', size: 64, required: true }]] });
    tenant = (await server.services.projects.resolve(project.id))!.sequence;
    ({ client } = await connected(wsUrl(server.url, `project=${project.id}`)));
    cleanup.defer('client', () => client.close());
    await subscribe(client, 's1', ['documents']);
  });
  const remoteEvent = (n: number) => ({ events: ['remote'], channels: ['documents'], timestamp: '', payload: { n }, roles: ['any'] });
  const write = async (title: string) => {
    const res = await keyApi(project)('POST', '/databases/app/collections/pub/documents', { documentId: 'unique()', data: { title } });
    assert.equal(res.status, 201, res.text);
  };
  /** Publishes from the "other process" until one arrives (the bus subscribes asynchronously). */
  const remoteArrives = async (ms: number) => {
    const end = Date.now() + ms;
    for (let n = 0; Date.now() < end; n++) {
      remote.publish(tenant, remoteEvent(n));
      const got = await client.next((f) => isEvent(f) && (f.data!.events as string[])[0] === 'remote', 300).catch(() => null);
      if (got) return got;
    }
    throw new Error(`no event from the other process within ${ms} ms`);
  };

  test('events from another process arrive through Redis', async () => {
    await remoteArrives(5000);
    await write('local');
    assert.equal(((await client.next(isEvent)).data!.payload as { title: string }).title, 'local');
  });

  test('Redis killed: the socket stays open, local events flow, the gap is reported; back: delivery resumes', async () => {
    await stopRedis(redis);
    const gap = await client.next((f) => f.type === 'error', 5000);
    assert.equal(gap.data!.code, 1011);
    assert.match(gap.data!.message!, /may be missed/);
    await write('during outage');
    assert.equal(((await client.next(isEvent, 5000)).data!.payload as { title: string }).title, 'during outage');
    assert.equal(client.ws.readyState, client.ws.OPEN);
    assert.equal(server.realtime.connections(project.id), 1);

    redis = await startRedis(Number(new URL(server.runtime.config.redisUrl!).port));
    await remoteArrives(15_000);
    await write('after');
    const after = await client.next((f) => isEvent(f) && (f.data!.payload as { title?: string }).title === 'after', 5000);
    assert.ok(after);
  });
});
