/**
 * Relationships end to end through node-appwrite 27, on both APIs (`Databases` and `TablesDB`):
 * each type one-way and two-way, IDs and nested documents, `select` loading (and nothing loaded
 * without it), queries on a related `$id`, attribute models, rename/onDelete update, and deleting
 * the attribute dropping its storage (checked in the physical tables).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { type AppwriteException, Client, Databases, type Models, Query, RelationMutate, RelationshipType, TablesDB } from 'node-appwrite';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { newOwner, newProject } from '../support/fixtures.ts';
import { hasTable, physicalColumns } from './support.ts';

describeLegs('relationships: node-appwrite 27 end to end', (leg) => {
  let server: TestServer;
  let db: Databases;
  let tables: TablesDB;
  let projectId: string;

  const cleanup = useCleanup();
  before(async () => {
    ({ server } = await useServer(leg, cleanup));
    const p = await newProject(server, await newOwner(server));
    projectId = p.id;
    const client = new Client().setEndpoint(`${server.url}/v1`).setProject(p.id).setKey(p.key);
    db = new Databases(client);
    tables = new TablesDB(client);
    await db.create({ databaseId: 'lib', name: 'Library' });
    for (const id of ['authors', 'books', 'profiles', 'tags']) {
      await db.createCollection({ databaseId: 'lib', collectionId: id, name: id, permissions: ['read("any")', 'create("any")', 'update("any")', 'delete("any")'] });
      await db.createStringAttribute({ databaseId: 'lib', collectionId: id, key: 'name', size: 64, required: false });
    }
  });

  test('manyToOne two-way (Databases): IDs, nested create, select loading, reverse list, query by related $id', async () => {
    const attr = await db.createRelationshipAttribute({
      databaseId: 'lib', collectionId: 'books', relatedCollectionId: 'authors', type: RelationshipType.ManyToOne,
      twoWay: true, key: 'author', twoWayKey: 'books', onDelete: RelationMutate.SetNull,
    });
    assert.deepEqual(
      { key: attr.key, type: attr.type, status: attr.status, relatedCollection: attr.relatedCollection, relationType: attr.relationType, twoWay: attr.twoWay, twoWayKey: attr.twoWayKey, onDelete: attr.onDelete, side: attr.side },
      { key: 'author', type: 'relationship', status: 'available', relatedCollection: 'authors', relationType: 'manyToOne', twoWay: true, twoWayKey: 'books', onDelete: 'setNull', side: 'parent' },
    );
    const twin = await db.getAttribute({ databaseId: 'lib', collectionId: 'authors', key: 'books' }) as unknown as Record<string, unknown>;
    assert.deepEqual([twin.relatedCollection, twin.side, twin.twoWayKey, twin.relationType], ['books', 'child', 'author', 'manyToOne']);

    await db.createDocument({ databaseId: 'lib', collectionId: 'authors', documentId: 'tolkien', data: { name: 'Tolkien' } });
    const hobbit = await db.createDocument({ databaseId: 'lib', collectionId: 'books', documentId: 'hobbit', data: { name: 'The Hobbit', author: 'tolkien' } });
    assert.equal(hobbit.name, 'The Hobbit');
    assert.equal('author' in hobbit, false, 'not loaded in the write answer');
    await db.createDocument({ databaseId: 'lib', collectionId: 'books', documentId: 'silmarillion', data: { name: 'Silmarillion', author: { $id: 'tolkien' } } });
    await db.createDocument({ databaseId: 'lib', collectionId: 'books', documentId: 'dune', data: { name: 'Dune', author: { $id: 'herbert', name: 'Frank Herbert' } } });

    const plain = await db.getDocument({ databaseId: 'lib', collectionId: 'books', documentId: 'hobbit' });
    assert.equal('author' in plain, false, 'not loaded without select');
    const loaded = await db.getDocument({ databaseId: 'lib', collectionId: 'books', documentId: 'dune', queries: [Query.select(['*', 'author.*'])] }) as unknown as { name: string; author: { $id: string; name: string; $collectionId: string } };
    assert.equal(loaded.name, 'Dune');
    assert.deepEqual([loaded.author.$id, loaded.author.name, loaded.author.$collectionId], ['herbert', 'Frank Herbert', 'authors'], 'nested create made the author');

    const author = await db.getDocument({ databaseId: 'lib', collectionId: 'authors', documentId: 'tolkien', queries: [Query.select(['name', 'books.name'])] }) as unknown as { name: string; books: Array<{ $id: string; name: string }> };
    assert.equal(author.name, 'Tolkien');
    assert.deepEqual(author.books.map((b) => [b.$id, b.name]), [['hobbit', 'The Hobbit'], ['silmarillion', 'Silmarillion']]);

    const byAuthor = await db.listDocuments({ databaseId: 'lib', collectionId: 'books', queries: [Query.equal('author', 'tolkien'), Query.orderAsc('name')] });
    assert.deepEqual(byAuthor.documents.map((d) => d.$id), ['silmarillion', 'hobbit'], 'ordered by name');
    assert.equal(byAuthor.total, 2);
    const listed = await db.listDocuments({ databaseId: 'lib', collectionId: 'books', queries: [Query.select(['$id', 'author.name']), Query.orderAsc('$id')] });
    assert.deepEqual(listed.documents.map((d) => [d.$id, (d as unknown as { author: { name: string } | null }).author?.name]), [['dune', 'Frank Herbert'], ['hobbit', 'Tolkien'], ['silmarillion', 'Tolkien']]);
    await assert.rejects(db.listDocuments({ databaseId: 'lib', collectionId: 'books', queries: [Query.startsWith('author', 'tol')] }), (e: AppwriteException) => e.code === 400 && e.type === 'general_query_invalid');

    // The "one" side sets the list: hobbit moves to herbert, silmarillion loses its author.
    await db.updateDocument({ databaseId: 'lib', collectionId: 'authors', documentId: 'herbert', data: { books: ['dune', 'hobbit'] } });
    const moved = await db.getDocument({ databaseId: 'lib', collectionId: 'books', documentId: 'hobbit', queries: [Query.select(['author.*'])] }) as unknown as { author: { $id: string } };
    assert.equal(moved.author.$id, 'herbert');
    // Nested update of the related document through the parent.
    await db.updateDocument({ databaseId: 'lib', collectionId: 'books', documentId: 'dune', data: { author: { $id: 'herbert', name: 'F. Herbert' } } });
    assert.equal((await db.getDocument({ databaseId: 'lib', collectionId: 'authors', documentId: 'herbert' })).name, 'F. Herbert');
    // A related ID that does not exist: 404, nothing written.
    await assert.rejects(db.createDocument<Models.DefaultDocument>({ databaseId: 'lib', collectionId: 'books', documentId: 'ghost', data: { name: 'Ghost', author: 'nobody' } }), (e: AppwriteException) => e.code === 404 && e.type === 'document_not_found');
    await assert.rejects(db.getDocument({ databaseId: 'lib', collectionId: 'books', documentId: 'ghost' }), (e: AppwriteException) => e.code === 404);

    // Databases.updateRelationshipAttribute (the SDK's own path, `…/attributes/relationship/{key}`): both sides follow.
    const updated = await db.updateRelationshipAttribute({ databaseId: 'lib', collectionId: 'books', key: 'author', onDelete: RelationMutate.Restrict }) as unknown as Record<string, unknown>;
    assert.deepEqual([updated.key, updated.onDelete, updated.side], ['author', 'restrict', 'parent']);
    const twinAfter = await db.getAttribute({ databaseId: 'lib', collectionId: 'authors', key: 'books' }) as unknown as Record<string, unknown>;
    assert.equal(twinAfter.onDelete, 'restrict');
    await db.updateRelationshipAttribute({ databaseId: 'lib', collectionId: 'books', key: 'author', onDelete: RelationMutate.SetNull });
  });

  test('oneToOne one-way (TablesDB): column on the parent, hidden twin, rename and onDelete update', async () => {
    const column = await tables.createRelationshipColumn({ databaseId: 'lib', tableId: 'authors', relatedTableId: 'profiles', type: RelationshipType.OneToOne, key: 'profile' });
    assert.deepEqual([column.key, column.relatedTable, column.relationType, column.twoWay, column.twoWayKey, column.onDelete, column.side], ['profile', 'profiles', 'oneToOne', false, 'authors', 'restrict', 'parent']);
    const profileColumns = await tables.listColumns({ databaseId: 'lib', tableId: 'profiles' });
    assert.deepEqual(profileColumns.columns.map((c) => c.key), ['name'], 'the one-way twin is not listed');
    await assert.rejects(tables.getColumn({ databaseId: 'lib', tableId: 'profiles', key: 'authors' }), (e: AppwriteException) => e.code === 404);

    await tables.createRow({ databaseId: 'lib', tableId: 'authors', rowId: 'le-guin', data: { name: 'Le Guin', profile: { $id: 'p1', name: 'Ursula' } } });
    const row = await tables.getRow({ databaseId: 'lib', tableId: 'authors', rowId: 'le-guin', queries: [Query.select(['*', 'profile.*'])] }) as unknown as { profile: { $id: string; name: string; $tableId: string } };
    assert.deepEqual([row.profile.$id, row.profile.name, row.profile.$tableId], ['p1', 'Ursula', 'profiles']);
    const meta = await server.services.collections.metaIn(await tdbOf(), 'lib', 'authors');
    const attr = meta.attributes.find((a) => a.key === 'profile')!;
    assert.ok((await physicalColumns(server, projectId, meta.sequence)).includes(`a${attr.sequence}`), 'one-to-one: a column on the parent');

    const updated = await tables.updateRelationshipColumn({ databaseId: 'lib', tableId: 'authors', key: 'profile', onDelete: RelationMutate.Cascade, newKey: 'bio' });
    assert.deepEqual([updated.key, updated.onDelete], ['bio', 'cascade']);
    const renamed = await tables.getRow({ databaseId: 'lib', tableId: 'authors', rowId: 'le-guin', queries: [Query.select(['bio.name'])] }) as unknown as { bio: { name: string } };
    assert.equal(renamed.bio.name, 'Ursula');

    // Dropping the related table takes the relationship (and its column) with it; the parent keeps working.
    await tables.deleteTable({ databaseId: 'lib', tableId: 'profiles' });
    await assert.rejects(tables.getColumn({ databaseId: 'lib', tableId: 'authors', key: 'bio' }), (e: AppwriteException) => e.code === 404);
    assert.ok(!(await physicalColumns(server, projectId, meta.sequence)).includes(`a${attr.sequence}`), 'the column is dropped');
    const after = await tables.updateRow({ databaseId: 'lib', tableId: 'authors', rowId: 'le-guin', data: { name: 'Ursula K. Le Guin' } });
    assert.equal(after.name, 'Ursula K. Le Guin');
  });

  test('manyToMany two-way (TablesDB) and oneToMany one-way (Databases); deleting the attribute drops its storage', async () => {
    await tables.createRelationshipColumn({ databaseId: 'lib', tableId: 'books', relatedTableId: 'tags', type: RelationshipType.ManyToMany, twoWay: true, key: 'tags', twoWayKey: 'books', onDelete: RelationMutate.SetNull });
    await tables.createRow({ databaseId: 'lib', tableId: 'books', rowId: 'lotr', data: { name: 'LOTR', tags: [{ $id: 'fantasy', name: 'Fantasy' }, { $id: 'epic', name: 'Epic' }] } });
    await tables.updateRow({ databaseId: 'lib', tableId: 'books', rowId: 'hobbit', data: { tags: ['fantasy'] } });
    const fantasy = await tables.getRow({ databaseId: 'lib', tableId: 'tags', rowId: 'fantasy', queries: [Query.select(['books.$id'])] }) as unknown as { books: Array<{ $id: string }> };
    assert.deepEqual(fantasy.books.map((b) => b.$id).sort(), ['hobbit', 'lotr']);
    const lotr = await tables.getRow({ databaseId: 'lib', tableId: 'books', rowId: 'lotr', queries: [Query.select(['tags.name'])] }) as unknown as { tags: Array<{ name: string }> };
    assert.deepEqual(lotr.tags.map((t) => t.name).sort(), ['Epic', 'Fantasy']);

    const books = await server.services.collections.metaIn(await tdbOf(), 'lib', 'books');
    const tags = books.attributes.find((a) => a.key === 'tags')!;
    const junction = `${(await tdbOf()).prefix}c${books.sequence}_r${tags.sequence}`;
    assert.equal(await hasTable(server, junction), true, 'many-to-many: a junction table');

    await db.createRelationshipAttribute({ databaseId: 'lib', collectionId: 'authors', relatedCollectionId: 'tags', type: RelationshipType.OneToMany, key: 'favourites' });
    await db.updateDocument({ databaseId: 'lib', collectionId: 'authors', documentId: 'tolkien', data: { favourites: ['epic', 'fantasy'] } });
    const fav = await db.getDocument({ databaseId: 'lib', collectionId: 'authors', documentId: 'tolkien', queries: [Query.select(['favourites.$id'])] }) as unknown as { favourites: Array<{ $id: string }> };
    assert.deepEqual(fav.favourites.map((t) => t.$id).sort(), ['epic', 'fantasy']);
    const tagsMeta = await server.services.collections.metaIn(await tdbOf(), 'lib', 'tags');
    const authors = await server.services.collections.metaIn(await tdbOf(), 'lib', 'authors');
    const favourites = authors.attributes.find((a) => a.key === 'favourites')!;
    assert.ok((await physicalColumns(server, projectId, tagsMeta.sequence)).includes(`a${favourites.sequence}`), 'one-to-many: the column is on the child');

    await tables.deleteColumn({ databaseId: 'lib', tableId: 'tags', key: 'books' });
    assert.equal(await hasTable(server, junction), false, 'deleting either side drops the junction table');
    await assert.rejects(tables.getColumn({ databaseId: 'lib', tableId: 'books', key: 'tags' }), (e: AppwriteException) => e.code === 404, 'and the twin');
    await db.deleteAttribute({ databaseId: 'lib', collectionId: 'authors', key: 'favourites' });
    assert.ok(!(await physicalColumns(server, projectId, tagsMeta.sequence)).includes(`a${favourites.sequence}`), 'the child column is dropped');
  });

  async function tdbOf() {
    const project = await server.services.projects.resolve(projectId);
    const { projectDb } = await import('../support/raw-db.ts');
    return projectDb(server.runtime.database, project!.sequence);
  }
});
