/**
 * The browser flow with the real `appwrite` web SDK (v28) under Node, with a `window.localStorage`
 * stand-in (Node's fetch keeps no cookies, so the SDK falls back to `X-Fallback-Cookies`, exactly as a
 * browser blocking third-party cookies does): sign up, sign in, read the account, create and list
 * documents, mint a JWT that a `node-appwrite` server client uses, sign out — after which both the
 * old session and the JWT are refused.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { rid, type Project } from '../support/fixtures.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import { keyApi, makeCollection } from '../documents/support.ts';
import { MemoryStorage } from '../support/memory-storage.ts';

const quietConsole = { ...console, warn: () => {} };

describeLegs('web SDK (appwrite 28) and node-appwrite with a JWT', (leg) => {
  let server: TestServer;
  let project: Project;
  const previousWindow = (globalThis as { window?: unknown }).window;
  const cleanup = useCleanup();
  before(async () => {
    cleanup.defer('window stand-in', () => { (globalThis as { window?: unknown }).window = previousWindow; });
    ({ server, project } = await withProject(leg, cleanup));
    await makeCollection(keyApi(project), 'app', 'notes', {
      permissions: ['create("users")'], documentSecurity: true, attributes: [['string', { key: 'title', size: 64, required: true }]],
    });
    (globalThis as { window?: unknown }).window = { localStorage: new MemoryStorage(), console: quietConsole, location: { host: 'localhost' } };
  });

  test('sign up, sign in, account, documents, JWT for the server, sign out', async () => {
    const web = await import('appwrite');
    const node = await import('node-appwrite');
    const client = new web.Client().setEndpoint(`${server.url}/v1`).setProject(project.id);
    const account = new web.Account(client);
    const databases = new web.Databases(client);
    const email = `${rid('web')}@example.com`;

    const user = await account.create({ userId: web.ID.unique(), email, password: 'web sdk password', name: 'Web' });
    assert.equal(user.email, email);
    const session = await account.createEmailPasswordSession({ email, password: 'web sdk password' });
    assert.equal(session.userId, user.$id);
    assert.equal(session.secret, '');
    assert.ok((globalThis as unknown as { window: { localStorage: MemoryStorage } }).window.localStorage.getItem('cookieFallback'), 'the SDK stored the fallback cookie');
    const me = await account.get();
    assert.equal(me.$id, user.$id);
    assert.equal(me.name, 'Web');

    // Someone else's document exists but stays invisible.
    const other = await keyApi(project)('POST', '/databases/app/collections/notes/documents', { documentId: 'theirs', data: { title: 'not yours' }, permissions: [] });
    assert.equal(other.status, 201);
    const mine = await databases.createDocument({ databaseId: 'app', collectionId: 'notes', documentId: web.ID.unique(), data: { title: 'mine' } });
    assert.deepEqual([...mine.$permissions].sort(), [`delete("user:${user.$id}")`, `read("user:${user.$id}")`, `update("user:${user.$id}")`].sort());
    const listed = await databases.listDocuments({ databaseId: 'app', collectionId: 'notes' });
    assert.deepEqual(listed.documents.map((d) => d.$id), [mine.$id]);
    assert.equal(listed.total, 1);

    const { jwt } = await account.createJWT();
    const server2 = new node.Client().setEndpoint(`${server.url}/v1`).setProject(project.id).setJWT(jwt);
    assert.equal((await new node.Account(server2).get()).$id, user.$id);
    const viaJwt = await new node.Databases(server2).listDocuments({ databaseId: 'app', collectionId: 'notes' });
    assert.deepEqual(viaJwt.documents.map((d) => d.$id), [mine.$id]);

    await account.deleteSession({ sessionId: 'current' });
    await assert.rejects(account.get(), (e: { code: number }) => e.code === 401);
    await assert.rejects(new node.Account(server2).get(), (e: { code: number }) => e.code === 401);
    // Signed out, the client is a guest: the list answers (documentSecurity) and holds none of the private documents.
    const afterOut = await databases.listDocuments({ databaseId: 'app', collectionId: 'notes' });
    assert.deepEqual(afterOut.documents, [], 'a signed-out client sees no private documents');
    assert.equal(afterOut.total, 0);
  });
});
