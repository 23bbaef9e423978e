/**
 * How the server serves the console: `/console` redirects to `/console/`, assets carry a strict
 * CSP and ETags, only files of the console directory are reachable, and `/console/sdk.js` is the
 * repository's typed SDK with its types stripped — a module that really talks to the API.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject } from '../support/fixtures.ts';

describeLegs('console assets', (leg) => {
  let server: TestServer;
  const cleanup = useCleanup();
  before(async () => { ({ server } = await useServer(leg, cleanup)); });

  test('/console redirects to /console/, which serves the page with security headers', async () => {
    const bare = await fetch(`${server.url}/console?x=1`, { redirect: 'manual' });
    assert.equal(bare.status, 308);
    assert.equal(bare.headers.get('location'), '/console/?x=1');
    const page = await fetch(`${server.url}/console/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const html = await page.text();
    assert.match(html, /<script type="module" src="js\/app\.js"><\/script>/);
    assert.doesNotMatch(html, /<script>(?!<)/, 'no inline scripts (the CSP would block them)');
  });

  test('assets are served with their content type and revalidate with ETags', async () => {
    const css = await fetch(`${server.url}/console/styles.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    const etag = css.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${server.url}/console/styles.css`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const js = await fetch(`${server.url}/console/js/app.js`);
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    const head = await fetch(`${server.url}/console/js/app.js`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('only files of the console directory can be reached', async () => {
    for (const path of ['/console/nope.js', '/console/../package.json', '/console/%2e%2e/package.json', '/console/..%2fpackage.json', '/console/%ZZ', '/console/js/../../src/app.ts']) {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.equal(((await res.json()) as { type: string }).type, 'general_route_not_found', path);
    }
    const post = await fetch(`${server.url}/console/`, { method: 'POST' });
    assert.equal(post.status, 404);
  });

  test('/console/sdk.js is the typed SDK without its types, and it works against the API', async () => {
    const res = await fetch(`${server.url}/console/sdk.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    const js = await res.text();
    const source = await readFile(new URL('../../sdk/index.ts', import.meta.url), 'utf8');
    assert.equal(js.split('\n').length, source.split('\n').length, 'line numbers kept for debugging');
    assert.doesNotMatch(js, /import type|: Promise<|interface ClientOptions/);
    const sdk = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
    const owner = await newOwner(server);
    const project = await newProject(server, owner);
    const api = sdk.createClient({ endpoint: `${server.url}/v1`, headers: { cookie: owner.cookie } });
    const got = await api.request('get', '/projects/{projectId}', { path: { projectId: project.id } });
    assert.equal(got.$id, project.id);
    await assert.rejects(api.request('get', '/projects/{projectId}', { path: { projectId: 'does-not-exist' } }), (err: { name: string; code: number; type: string }) => {
      assert.equal(err.name, 'TenantryError');
      assert.equal(err.code, 404);
      assert.equal(err.type, 'project_not_found');
      return true;
    });
  });
});
