/**
 * onDelete, over HTTP on both legs: restrict refuses (403 document_delete_restricted) and changes
 * nothing; cascade deletes the dependent documents recursively (a cycle ends) with their permission
 * rows; setNull unlinks (column NULL, junction rows gone). A restrict met deep inside a cascade rolls
 * the whole delete back. Physical tables are checked through the raw-db helpers.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { expectError } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import { keyApi, makeCollection, q, type Api } from '../documents/support.ts';
import { junctionRows, rowCounts, tenantDb } from './support.ts';

const OPEN = ['read("any")'];

describeLegs('relationships: onDelete', (leg) => {
  let server: TestServer;
  let p: Project;
  let api: Api;
  const base = (c: string) => `/databases/rel/collections/${c}`;

  async function collection(id: string): Promise<void> {
    await makeCollection(api, 'rel', id, { permissions: OPEN, attributes: [['string', { key: 'name', size: 32, required: false }]] });
  }
  async function relate(from: string, body: Record<string, unknown>): Promise<void> {
    const res = await api('POST', `${base(from)}/attributes/relationship`, body);
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.status, 'available');
  }
  async function create(c: string, id: string, data: Record<string, unknown>): Promise<void> {
    const res = await api('POST', `${base(c)}/documents`, { documentId: id, data, permissions: ['read("any")'] });
    assert.equal(res.status, 201, res.text);
  }
  async function exists(c: string, id: string): Promise<boolean> {
    const res = await api('GET', `${base(c)}/documents/${id}`);
    assert.ok(res.status === 200 || res.status === 404, res.text);
    return res.status === 200;
  }
  async function sequence(c: string): Promise<number> {
    return (await server.services.collections.metaIn(await tenantDb(server, p.id), 'rel', c)).sequence;
  }

  const cleanup = useCleanup();
  before(async () => {
    ({ server, project: p } = await withProject(leg, cleanup));
    api = keyApi(p);
    for (const c of ['cats', 'products', 'authors', 'books', 'chapters', 'reviews', 'teams', 'members', 'groups', 'nodes']) await collection(c);
    await relate('products', { relatedCollectionId: 'cats', type: 'manyToOne', key: 'cat', onDelete: 'restrict' });
    await relate('authors', { relatedCollectionId: 'books', type: 'oneToMany', key: 'books', twoWay: true, twoWayKey: 'author', onDelete: 'cascade' });
    await relate('books', { relatedCollectionId: 'chapters', type: 'oneToMany', key: 'chapters', onDelete: 'cascade' });
    await relate('books', { relatedCollectionId: 'reviews', type: 'oneToMany', key: 'reviews', onDelete: 'restrict' });
    await relate('members', { relatedCollectionId: 'teams', type: 'manyToOne', key: 'team', twoWay: true, twoWayKey: 'members', onDelete: 'setNull' });
    await relate('members', { relatedCollectionId: 'groups', type: 'manyToMany', key: 'groups', twoWay: true, twoWayKey: 'members', onDelete: 'setNull' });
    await relate('nodes', { relatedCollectionId: 'nodes', type: 'oneToOne', key: 'next', twoWay: true, twoWayKey: 'previous', onDelete: 'cascade' });
  });

  test('restrict: the referenced document cannot go while referenced; nothing changes', async () => {
    await create('cats', 'tools', { name: 'Tools' });
    await create('products', 'hammer', { name: 'Hammer', cat: 'tools' });
    expectError(await api('DELETE', `${base('cats')}/documents/tools`), 403, 'document_delete_restricted');
    assert.equal(await exists('cats', 'tools'), true);
    assert.equal(await exists('products', 'hammer'), true);
    // The referencing side ("many") may go; then the category may too.
    assert.equal((await api('DELETE', `${base('products')}/documents/hammer`)).status, 204);
    assert.equal((await api('DELETE', `${base('cats')}/documents/tools`)).status, 204);
    assert.deepEqual(await rowCounts(server, p.id, await sequence('cats')), { docs: 0, perms: 0 });
  });

  test('cascade: recursive, with permission rows; a restrict deep inside rolls it all back', async () => {
    await create('authors', 'ann', { name: 'Ann', books: [{ $id: 'b1', name: 'One', chapters: [{ $id: 'c1' }, { $id: 'c2' }] }, { $id: 'b2', name: 'Two' }] });
    await create('authors', 'bea', { name: 'Bea', books: [{ $id: 'b3', name: 'Three', reviews: [{ $id: 'r1' }] }] });
    const [books, chapters] = [await sequence('books'), await sequence('chapters')];
    assert.deepEqual(await rowCounts(server, p.id, chapters), { docs: 2, perms: 0 }, 'nested creates by a key: no default permissions');

    expectError(await api('DELETE', `${base('authors')}/documents/bea`), 403, 'document_delete_restricted');
    assert.equal(await exists('authors', 'bea'), true, 'rolled back');
    assert.equal(await exists('books', 'b3'), true, 'rolled back');

    const before = await rowCounts(server, p.id, books);
    assert.equal((await api('DELETE', `${base('authors')}/documents/ann`)).status, 204);
    for (const [c, id] of [['books', 'b1'], ['books', 'b2'], ['chapters', 'c1'], ['chapters', 'c2']] as const) assert.equal(await exists(c, id), false, `${c}/${id} cascaded`);
    assert.deepEqual(await rowCounts(server, p.id, chapters), { docs: 0, perms: 0 });
    const after = await rowCounts(server, p.id, books);
    assert.equal(after.docs, before.docs - 2);
    assert.equal(after.perms, 0, 'no permission rows left');
    assert.equal(await exists('books', 'b3'), true, 'other authors\' books stay');
  });

  test('cascade through a cycle deletes each document once', async () => {
    await create('nodes', 'n1', { name: 'one', next: { $id: 'n2', name: 'two' } });
    assert.equal((await api('PATCH', `${base('nodes')}/documents/n2`, { data: { next: 'n1' } })).status, 200);
    await create('nodes', 'n3', { name: 'three' });
    assert.equal((await api('DELETE', `${base('nodes')}/documents/n1`)).status, 204);
    assert.equal(await exists('nodes', 'n1'), false);
    assert.equal(await exists('nodes', 'n2'), false);
    assert.equal(await exists('nodes', 'n3'), true);
    assert.deepEqual(await rowCounts(server, p.id, await sequence('nodes')), { docs: 1, perms: 1 });
  });

  test('setNull: column set to NULL and junction rows removed, both sides', async () => {
    await create('teams', 'red', { name: 'Red' });
    await create('members', 'm1', { name: 'M1', team: 'red', groups: [{ $id: 'g1' }, { $id: 'g2' }] });
    await create('members', 'm2', { name: 'M2', team: 'red', groups: ['g1'] });
    const meta = await server.services.collections.metaIn(await tenantDb(server, p.id), 'rel', 'members');
    const groupsAttr = meta.attributes.find((a) => a.key === 'groups')!;
    const junction = [meta.sequence, groupsAttr.sequence!] as const;
    assert.deepEqual(await junctionRows(server, p.id, ...junction), [{ _parent: 'm1', _child: 'g1' }, { _parent: 'm1', _child: 'g2' }, { _parent: 'm2', _child: 'g1' }]);

    assert.equal((await api('DELETE', `${base('teams')}/documents/red`)).status, 204);
    const members = await api('GET', `${base('members')}/documents`, undefined, { queries: [q('select', undefined, ['$id', 'team.*']), q('isNull', 'team')] });
    assert.equal(members.status, 200, members.text);
    assert.deepEqual(members.body.documents.map((d: { $id: string; team: unknown }) => [d.$id, d.team]), [['m1', null], ['m2', null]]);

    assert.equal((await api('DELETE', `${base('groups')}/documents/g1`)).status, 204);
    assert.deepEqual(await junctionRows(server, p.id, ...junction), [{ _parent: 'm1', _child: 'g2' }]);
    assert.equal((await api('DELETE', `${base('members')}/documents/m1`)).status, 204);
    assert.deepEqual(await junctionRows(server, p.id, ...junction), [], 'a deleted member leaves no junction rows');
    assert.equal(await exists('groups', 'g2'), true, 'setNull never deletes the other side');
  });

  test('bulk operations refuse collections with relationships', async () => {
    expectError(await api('POST', `${base('products')}/documents`, { documents: [{ $id: 'x1', name: 'x' }] }), 400, 'general_bad_request', 'Bulk create is not supported for collections with relationship attributes');
    expectError(await api('DELETE', `${base('products')}/documents`, { queries: [] }), 400, 'general_bad_request');
  });
});
