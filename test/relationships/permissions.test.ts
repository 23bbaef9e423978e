/**
 * Relationships never widen access, over HTTP on both legs: a related ID the caller can't read is
 * 404 (as a hidden document is); nested creates need the related collection's `create` grant and
 * nested updates the related document's `update` grant; `select` loading shows only related
 * documents the caller may read (null / left out of the list); and a related ID of another project
 * is unknown (404), in both table layouts, with each project's rows untouched.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { expectError } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer, withProject } from '../support/use-server.ts';
import { newOwner, newProject, type Project } from '../support/fixtures.ts';
import { clientApi, keyApi, makeCollection, q, type Api } from '../documents/support.ts';

const AUTHORS = '/databases/lib/collections/authors/documents';
const BOOKS = '/databases/lib/collections/books/documents';

/** authors (documentSecurity, users may create) ← books.author (manyToOne, two-way `books`); tags (read-only) ← books.tags. */
async function schema(api: Api): Promise<void> {
  await makeCollection(api, 'lib', 'authors', { permissions: ['create("users")'], documentSecurity: true, attributes: [['string', { key: 'name', size: 32, required: false }]] });
  await makeCollection(api, 'lib', 'books', { permissions: ['read("any")', 'create("users")', 'update("users")'], attributes: [['string', { key: 'name', size: 32, required: false }]] });
  await makeCollection(api, 'lib', 'tags', { permissions: ['read("any")'], attributes: [['string', { key: 'name', size: 32, required: false }]] });
  for (const [from, body] of [
    ['books', { relatedCollectionId: 'authors', type: 'manyToOne', key: 'author', twoWay: true, twoWayKey: 'books', onDelete: 'setNull' }],
    ['books', { relatedCollectionId: 'tags', type: 'manyToMany', key: 'tags', onDelete: 'setNull' }],
  ] as const) {
    const res = await api('POST', `/databases/lib/collections/${from}/attributes/relationship`, body);
    assert.equal(res.status, 202, res.text);
  }
}

describeLegs('relationships: permissions on related documents', (leg) => {
  let p: Project;
  let key: Api;
  let alice: Api;
  let bob: Api;

  async function user(id: string): Promise<Api> {
    assert.equal((await key('POST', '/users', { userId: id, email: `${id}@example.com`, password: 'password-123', name: id })).status, 201);
    const session = await key('POST', `/users/${id}/sessions`, {});
    assert.equal(session.status, 201, session.text);
    return clientApi(p, session.body.secret);
  }

  const cleanup = useCleanup();
  before(async () => {
    ({ project: p } = await withProject(leg, cleanup));
    key = keyApi(p);
    await schema(key);
    alice = await user('alice');
    bob = await user('bob');
    for (const [id, perms] of [['public', ['read("any")']], ['bobs', ['read("user:bob")']]] as const) {
      assert.equal((await key('POST', AUTHORS, { documentId: id, data: { name: id }, permissions: perms })).status, 201);
    }
    assert.equal((await key('POST', '/databases/lib/collections/tags/documents', { documentId: 'sci', data: { name: 'sci' }, permissions: ['read("any")'] })).status, 201);
  });

  test('linking: unreadable or unknown IDs are 404; nested create needs create, nested update needs update', async () => {
    expectError(await alice('POST', BOOKS, { documentId: 'a1', data: { name: 'a1', author: 'bobs' } }), 404, 'document_not_found');
    expectError(await alice('POST', BOOKS, { documentId: 'a1', data: { name: 'a1', author: { $id: 'bobs' } } }), 404, 'document_not_found');
    expectError(await alice('POST', BOOKS, { documentId: 'a1', data: { name: 'a1', author: 'nobody' } }), 404, 'document_not_found');
    assert.equal((await key('GET', `${BOOKS}/a1`)).status, 404, 'nothing was written');

    expectError(await alice('POST', BOOKS, { documentId: 'a1', data: { name: 'a1', author: { $id: 'public', name: 'renamed' } } }), 401, 'user_unauthorized');
    expectError(await alice('POST', BOOKS, { documentId: 'a1', data: { name: 'a1', tags: [{ $id: 'new-tag', name: 'x' }] } }), 401, 'user_unauthorized');
    assert.equal((await key('GET', '/databases/lib/collections/tags/documents/new-tag')).status, 404, 'no tag without the create grant');
    assert.equal((await key('GET', `${AUTHORS}/public`)).body.name, 'public', 'no update without the update grant');

    const created = await alice('POST', BOOKS, { documentId: 'a1', data: { name: 'a1', author: { $id: 'alices', name: 'Alice' }, tags: ['sci'] } });
    assert.equal(created.status, 201, created.text);
    const mine = await key('GET', `${AUTHORS}/alices`);
    assert.deepEqual(mine.body.$permissions, ['read("user:alice")', 'update("user:alice")', 'delete("user:alice")'], 'a nested create gets the creator\'s default permissions');
    const renamed = await alice('PATCH', `${BOOKS}/a1`, { data: { author: { $id: 'alices', name: 'Alice L.' } } });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal((await key('GET', `${AUTHORS}/alices`)).body.name, 'Alice L.', 'nested update with the update grant');
    assert.equal((await bob('POST', BOOKS, { documentId: 'b1', data: { name: 'b1', author: 'bobs' } })).status, 201);
  });

  test('loading: each caller sees only the related documents it may read', async () => {
    const select = { queries: [q('select', undefined, ['$id', 'author.name']), q('orderAsc', '$id')] };
    const view = async (api: Api) => {
      const res = await api('GET', BOOKS, undefined, select);
      assert.equal(res.status, 200, res.text);
      return res.body.documents.map((d: { $id: string; author: { name: string } | null }) => [d.$id, d.author?.name ?? null]);
    };
    assert.deepEqual(await view(alice), [['a1', 'Alice L.'], ['b1', null]]);
    assert.deepEqual(await view(bob), [['a1', null], ['b1', 'bobs']]);
    assert.deepEqual(await view(clientApi(p)), [['a1', null], ['b1', null]], 'a guest sees no author');
    assert.deepEqual(await view(key), [['a1', 'Alice L.'], ['b1', 'bobs']]);

    // The two-way side, from an author bob may read: the list holds only what bob may read (books are public).
    const bobs = await bob('GET', `${AUTHORS}/bobs`, undefined, { queries: [q('select', undefined, ['books.$id'])] });
    assert.equal(bobs.status, 200, bobs.text);
    assert.deepEqual(bobs.body.books.map((b: { $id: string }) => b.$id), ['b1']);
    expectError(await alice('GET', `${AUTHORS}/bobs`, undefined, { queries: [q('select', undefined, ['books.$id'])] }), 404, 'document_not_found');
  });
});

for (const layout of ['shared', 'isolated'] as const) {
  describeLegs(`relationships: another project's related IDs (${layout} layout)`, (leg) => {
    let server: TestServer;
    let a: Project;
    let b: Project;

    const cleanup = useCleanup();
    before(async () => {
      ({ server } = await useServer(leg, cleanup, { layout }));
      const owner = await newOwner(server);
      [a, b] = [await newProject(server, owner), await newProject(server, owner)];
      for (const proj of [a, b]) await schema(keyApi(proj));
      assert.equal((await keyApi(a)('POST', AUTHORS, { documentId: 'onlyA', data: { name: 'A' }, permissions: ['read("any")'] })).status, 201);
      for (const proj of [a, b]) {
        assert.equal((await keyApi(proj)('POST', AUTHORS, { documentId: 'both', data: { name: proj.id }, permissions: ['read("any")'] })).status, 201);
      }
    });

    test('a related ID of another project is unknown; a colliding ID links the own project\'s document', async () => {
      const inB = keyApi(b);
      expectError(await inB('POST', BOOKS, { documentId: 'x', data: { author: 'onlyA' } }), 404, 'document_not_found');
      // A nested document with A's ID is a new document of B's (B's key may create): A's row is never touched.
      assert.equal((await inB('POST', BOOKS, { documentId: 'y', data: { author: { $id: 'onlyA', name: 'made in B' } } })).status, 201);
      assert.equal((await inB('GET', `${AUTHORS}/onlyA`)).body.name, 'made in B');
      const linked = await inB('POST', BOOKS, { documentId: 'x', data: { author: 'both' } });
      assert.equal(linked.status, 201, linked.text);
      const loaded = await inB('GET', `${BOOKS}/x`, undefined, { queries: [q('select', undefined, ['author.*'])] });
      assert.equal(loaded.body.author.name, b.id, 'B\'s own document, never A\'s');
      const aAuthors = await keyApi(a)('GET', AUTHORS, undefined, { queries: [q('orderAsc', '$id')] });
      assert.deepEqual(aAuthors.body.documents.map((d: { $id: string; name: string }) => [d.$id, d.name]), [['both', a.id], ['onlyA', 'A']], 'A untouched');
      assert.equal((await keyApi(a)('GET', `${AUTHORS}/onlyA`)).body.name, 'A');
      const aBooks = await keyApi(a)('GET', BOOKS);
      assert.equal(aBooks.body.total, 0);
    });
  });
}
