/**
 * Realtime socket lifecycle: the heartbeat cuts off a socket that stops answering pings (and keeps
 * one that answers), and graceful shutdown closes every socket with 1001 going-away and refuses
 * new upgrades.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import type { Project } from '../support/fixtures.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { connect, connected, wsUrl } from './support.ts';

describeLegs('realtime lifecycle', (leg) => {
  let server: TestServer;
  let project: Project;
  const cleanup = useCleanup();
  before(async () => {
    ({ server, project } = await withProject(leg, cleanup, { app: { realtime: { heartbeatMs: 250 } } }));
  });
  const url = () => wsUrl(server.url, `project=${project.id}`);

  test('the heartbeat closes a socket that stops answering pings, and keeps one that answers', async () => {
    const { client: live } = await connected(url());
    const deaf = await connect(url(), {}, { autoPong: false });
    assert.equal((await deaf.next()).type, 'connected');
    const started = Date.now();
    assert.equal(await deaf.closed, 1006, 'terminated without a close frame');
    assert.ok(Date.now() - started < 2000, 'within two heartbeat intervals (plus slack)');
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(live.ws.readyState, live.ws.OPEN);
    assert.equal(server.realtime.connections(project.id), 1);
    live.close();
  });

  test('shutdown: every socket is closed with 1001 going-away; new upgrades are refused', async () => {
    const { client } = await connected(url());
    await server.realtime.close();
    assert.equal(await client.closed, 1001);
    assert.equal(server.realtime.connections(project.id), 0);
    await assert.rejects(connect(url()), /HTTP 503/);
  });
});
