/**
 * Which key scopes open the schema routes (README "Define your schema"): as in Appwrite's Databases
 * API, attribute and index routes check `collections.read|write`. `attributes.*` / `indexes.*` are
 * accepted on keys (Appwrite's scope list has them) but open no route on their own.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { expectError, type CallResult } from '../support/http.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';

describeLegs('schema: key scopes for attributes and indexes', (leg) => {
  let p: Project;
  /** Calls the project's API with a key holding exactly `scopes`, made through the console. */
  let withScopes: (scopes: string[]) => Promise<(method: string, path: string, body?: unknown) => Promise<CallResult>>;
  const collection = '/databases/db/collections/c';

  const cleanup = useCleanup();
  before(async () => {
    ({ project: p } = await withProject(leg, cleanup, { scopes: ['databases.write', 'collections.write'] }));
    withScopes = async (scopes) => {
      const made = await p.call('POST', `/projects/${p.id}/keys`, { cookie: p.owner.cookie, body: { name: scopes.join(' '), scopes } });
      assert.equal(made.status, 201, made.text);
      assert.deepEqual(made.body.scopes, scopes);
      return (method, path, body) => p.call(method, path, { project: p.id, key: made.body.secret, body });
    };
    const schema = (method: string, path: string, body?: unknown) => p.call(method, path, { project: p.id, key: p.key, body });
    assert.equal((await schema('POST', '/databases', { databaseId: 'db', name: 'DB' })).status, 201);
    assert.equal((await schema('POST', '/databases/db/collections', { collectionId: 'c', name: 'C' })).status, 201);
  });

  test('attributes.* and indexes.* alone: 401 general_unauthorized_scope naming collections.*, nothing created', async () => {
    const api = await withScopes(['attributes.read', 'attributes.write', 'indexes.read', 'indexes.write']);
    const missing = (scope: string) => new RegExp(`missing scopes \\(\\["${scope.replace('.', '\\.')}"\\]\\)`);
    const attempts: Array<[string, string, unknown, string]> = [
      ['POST', `${collection}/attributes/string`, { key: 'name', size: 64, required: true }, 'collections.write'],
      ['GET', `${collection}/attributes`, undefined, 'collections.read'],
      ['POST', `${collection}/indexes`, { key: 'by_id', type: 'key', attributes: ['$id'] }, 'collections.write'],
      ['GET', `${collection}/indexes`, undefined, 'collections.read'],
    ];
    for (const [method, path, body, scope] of attempts) {
      const res = await api(method, path, body);
      expectError(res, 401, 'general_unauthorized_scope');
      assert.match(res.body.message, missing(scope), `${method} ${path}`);
    }
    const reader = await withScopes(['collections.read']);
    const attributes = await reader('GET', `${collection}/attributes`);
    assert.equal(attributes.status, 200, attributes.text);
    assert.deepEqual({ total: attributes.body.total, attributes: attributes.body.attributes }, { total: 0, attributes: [] });
    const indexes = await reader('GET', `${collection}/indexes`);
    assert.equal(indexes.status, 200, indexes.text);
    assert.deepEqual({ total: indexes.body.total, indexes: indexes.body.indexes }, { total: 0, indexes: [] });
  });

  test('collections.write alone creates attributes and indexes (202), collections.read lists them', async () => {
    const writer = await withScopes(['collections.write']);
    const attribute = await writer('POST', `${collection}/attributes/string`, { key: 'title', size: 64, required: false });
    assert.equal(attribute.status, 202, attribute.text);
    assert.equal(attribute.body.key, 'title');
    const index = await writer('POST', `${collection}/indexes`, { key: 'by_title', type: 'key', attributes: ['title'] });
    assert.equal(index.status, 202, index.text);
    assert.equal(index.body.key, 'by_title');
    const reader = await withScopes(['collections.read']);
    const attributes = await reader('GET', `${collection}/attributes`);
    assert.equal(attributes.status, 200, attributes.text);
    assert.deepEqual(attributes.body.attributes.map((a: { key: string }) => a.key), ['title']);
    const indexes = await reader('GET', `${collection}/indexes`);
    assert.equal(indexes.status, 200, indexes.text);
    assert.deepEqual(indexes.body.indexes.map((i: { key: string }) => i.key), ['by_title']);
  });
});
