/**
 * The permission table: actor × operation × collection permissions × documentSecurity × document
 * permissions → expected status and visible documents. Actors: guest, user, verified user, team
 * owner, labelled user, API keys with and without the documents scopes.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import { clientApi, ids, keyApi, makeCollection, q, type Api } from './support.ts';

type Actor = 'guest' | 'alice' | 'bob' | 'carol' | 'erin' | 'key';

/** Documents of the private, documentSecurity collection and who may do what with each. */
const DOCS: Record<string, { perms: string[]; read: Actor[]; update: Actor[]; delete: Actor[] }> = {
  dAny: { perms: ['read("any")'], read: ['guest', 'alice', 'bob', 'carol', 'erin', 'key'], update: ['key'], delete: ['key'] },
  dGuests: { perms: ['read("guests")', 'update("guests")'], read: ['guest', 'key'], update: ['guest', 'key'], delete: ['key'] },
  dUsers: { perms: ['read("users")', 'update("users")'], read: ['alice', 'bob', 'carol', 'erin', 'key'], update: ['alice', 'bob', 'carol', 'erin', 'key'], delete: ['key'] },
  dVerified: { perms: ['read("users/verified")', 'delete("users/verified")'], read: ['bob', 'key'], update: ['key'], delete: ['bob', 'key'] },
  dAlice: { perms: ['read("user:alice")', 'update("user:alice")', 'delete("user:alice")'], read: ['alice', 'key'], update: ['alice', 'key'], delete: ['alice', 'key'] },
  dTeam: { perms: ['read("team:t1")', 'write("team:t1/owner")'], read: ['carol', 'key'], update: ['carol', 'key'], delete: ['carol', 'key'] },
  dLabel: { perms: ['read("label:vip")', 'delete("label:vip")'], read: ['erin', 'key'], update: ['key'], delete: ['erin', 'key'] },
  dNone: { perms: [], read: ['key'], update: ['key'], delete: ['key'] },
};

describeLegs('documents: permission table', (leg) => {
  let p: Project;
  let key: Api;
  const as: Partial<Record<Actor, Api>> = {};
  const actors: Actor[] = ['guest', 'alice', 'bob', 'carol', 'erin', 'key'];

  async function user(id: string, options: { verified?: boolean; labels?: string[] } = {}): Promise<Api> {
    assert.equal((await key('POST', '/users', { userId: id, email: `${id}@example.com`, password: 'password-123', name: id })).status, 201);
    if (options.verified) assert.equal((await key('PATCH', `/users/${id}/verification`, { emailVerification: true })).status, 200);
    if (options.labels) assert.equal((await key('PUT', `/users/${id}/labels`, { labels: options.labels })).status, 200);
    const session = await key('POST', `/users/${id}/sessions`, {});
    assert.equal(session.status, 201, session.text);
    return clientApi(p, session.body.secret);
  }

  const cleanup = useCleanup();
  before(async () => {
    ({ project: p } = await withProject(leg, cleanup));
    key = keyApi(p);
    as.key = key;
    as.guest = clientApi(p);
    as.alice = await user('alice');
    as.bob = await user('bob', { verified: true });
    as.carol = await user('carol');
    as.erin = await user('erin', { labels: ['vip'] });
    assert.equal((await key('POST', '/teams', { teamId: 't1', name: 'T1' })).status, 201);
    const m = await key('POST', '/teams/t1/memberships', { userId: 'carol', roles: ['owner'] });
    assert.equal(m.status, 201, m.text);
  });

  const attrs = [['string', { key: 'v', size: 32, required: false }]] as const;

  test('private collection + documentSecurity: list, get, update, delete per actor and document', async () => {
    const docs = await makeCollection(key, 'db', 'secure', { documentSecurity: true, attributes: attrs });
    for (const [id, d] of Object.entries(DOCS)) assert.equal((await key('POST', docs, { documentId: id, data: { v: id }, permissions: d.perms })).status, 201);
    for (const actor of actors) {
      const api = as[actor]!;
      const expected = Object.entries(DOCS).filter(([, d]) => d.read.includes(actor)).map(([id]) => id).sort();
      const listed = await api('GET', docs);
      assert.deepEqual(ids(listed).sort(), expected, `${actor} list`);
      assert.equal(listed.body.total, expected.length, `${actor} total counts only visible documents`);
      const paged = ids(await api('GET', docs, undefined, { queries: [q('limit', undefined, [1]), q('offset', undefined, [expected.length - 1])] }));
      assert.equal(paged.length, 1, `${actor}: offset/limit run over the visible set`);
      for (const [id, d] of Object.entries(DOCS)) {
        const got = await api('GET', `${docs}/${id}`);
        assert.equal(got.status, d.read.includes(actor) ? 200 : 404, `${actor} get ${id}`);
        const upd = await api('PATCH', `${docs}/${id}`, { data: { v: `${actor}` } });
        assert.equal(upd.status, d.update.includes(actor) ? 200 : 401, `${actor} update ${id}: ${upd.text}`);
        if (!d.delete.includes(actor)) {
          const del = await api('DELETE', `${docs}/${id}`);
          assert.equal(del.status, 401, `${actor} delete ${id}`);
          assert.equal(del.body.type, 'user_unauthorized');
        }
      }
      assert.equal((await api('GET', `${docs}/missing`)).status, 404);
      assert.equal((await api('PATCH', `${docs}/missing`, { data: { v: 'x' } })).status, 404, 'a missing document is 404 for everyone');
      const create = await api('POST', docs, { documentId: `new-${actor}`, data: { v: 'x' } });
      assert.equal(create.status, actor === 'key' ? 201 : 401, `${actor} create needs the collection grant`);
    }
    // Allowed deletes, last (each on its own document).
    for (const [id, d] of Object.entries(DOCS)) {
      const actor = d.delete.find((a) => a !== 'key') ?? 'key';
      assert.equal((await as[actor]!('DELETE', `${docs}/${id}`)).status, 204, `${actor} delete ${id}`);
    }
  });

  test('collection-level grants: no documentSecurity, users-only, label-only, disabled', async () => {
    const closed = await makeCollection(key, 'db', 'closed', { attributes: attrs });
    const open = await makeCollection(key, 'db', 'open', { permissions: ['read("any")', 'create("any")', 'update("any")', 'delete("any")'], attributes: attrs });
    const members = await makeCollection(key, 'db', 'members', { permissions: ['read("users")', 'create("users")'], attributes: attrs });
    const vip = await makeCollection(key, 'db', 'vip', { permissions: ['read("label:vip")'], documentSecurity: true, attributes: attrs });
    for (const docs of [closed, open, members, vip]) {
      assert.equal((await key('POST', docs, { documentId: 'x', data: { v: 'x' }, permissions: [] })).status, 201);
      assert.equal((await key('POST', docs, { documentId: 'mine', data: { v: 'x' }, permissions: ['read("user:alice")'] })).status, 201);
    }
    const table: Array<[string, Actor, number, string[] | null]> = [
      [closed, 'guest', 401, null], [closed, 'alice', 401, null], [closed, 'key', 200, ['mine', 'x']],
      [open, 'guest', 200, ['mine', 'x']], [open, 'bob', 200, ['mine', 'x']],
      [members, 'guest', 401, null], [members, 'alice', 200, ['mine', 'x']], [members, 'erin', 200, ['mine', 'x']],
      [vip, 'erin', 200, ['mine', 'x']], [vip, 'alice', 200, ['mine']], [vip, 'guest', 200, []],
    ];
    for (const [docs, actor, status, expected] of table) {
      const res = await as[actor]!('GET', docs);
      assert.equal(res.status, status, `${actor} ${docs}`);
      if (status === 401) assert.equal(res.body.type, 'user_unauthorized');
      if (expected) assert.deepEqual(ids(res).sort(), expected, `${actor} ${docs}`);
    }
    assert.equal((await as.guest!('GET', `${closed}/x`)).status, 404, 'get without any grant → 404');
    const guestCreate = await as.guest!('POST', open, { documentId: 'g1', data: { v: 'g' } });
    assert.equal(guestCreate.status, 201);
    assert.deepEqual(guestCreate.body.$permissions, [], 'guests get no default permissions');
    const aliceCreate = await as.alice!('POST', members, { documentId: 'a1', data: { v: 'a' } });
    assert.equal(aliceCreate.status, 201);
    assert.deepEqual(aliceCreate.body.$permissions, ['read("user:alice")', 'update("user:alice")', 'delete("user:alice")']);
    assert.equal((await as.guest!('DELETE', `${open}/g1`)).status, 204, 'collection delete grant');

    assert.equal((await key('PUT', '/databases/db/collections/open', { name: 'open', enabled: false, permissions: ['read("any")'] })).status, 200);
    const hidden = await as.guest!('GET', open);
    assert.equal(hidden.status, 404);
    assert.equal(hidden.body.type, 'collection_not_found');
    assert.equal((await key('GET', open)).status, 200, 'keys still see a disabled collection');
  });

  test('API key scopes bound what a key may do', async () => {
    const docs = await makeCollection(key, 'db', 'scoped', { attributes: attrs });
    const owner = p.owner;
    const mk = async (scopes: string[]) => {
      const res = await p.call('POST', `/projects/${p.id}/keys`, { cookie: owner.cookie, body: { name: 'k', scopes } });
      assert.equal(res.status, 201, res.text);
      return keyApi(p, res.body.secret);
    };
    const reader = await mk(['documents.read']);
    const none = await mk(['databases.read']);
    assert.equal((await reader('GET', docs)).status, 200);
    const write = await reader('POST', docs, { documentId: 'k1', data: { v: 'x' } });
    assert.equal(write.status, 401);
    assert.equal(write.body.type, 'general_unauthorized_scope');
    const list = await none('GET', docs);
    assert.equal(list.status, 401);
    assert.equal(list.body.type, 'general_unauthorized_scope');
  });

  test('who may grant what: held roles only, held types only (#7530); no values for update-only callers (#7529)', async () => {
    const docs = await makeCollection(key, 'db', 'grants', { permissions: ['create("users")'], documentSecurity: true, attributes: attrs });
    const foreign = await as.alice!('POST', docs, { documentId: 'g1', data: { v: 'x' }, permissions: ['read("user:bob")'] });
    assert.equal(foreign.status, 401);
    assert.match(foreign.body.message, /^Permissions must be one of: \(/);
    assert.equal((await as.alice!('POST', docs, { documentId: 'g2', data: { v: 'x' }, permissions: ['read("users")', 'update("user:alice")'] })).status, 201);

    assert.equal((await key('POST', docs, { documentId: 'u1', data: { v: 'secret' }, permissions: ['update("user:alice")'] })).status, 201);
    const blind = await as.alice!('PATCH', `${docs}/u1`, { data: { v: 'changed' } });
    assert.equal(blind.status, 200, blind.text);
    assert.ok(!('v' in blind.body), 'an update-only caller gets no attribute values back');
    assert.equal(blind.body.$id, 'u1');
    for (const extra of ['read("user:alice")', 'delete("user:alice")']) {
      const escalate = await as.alice!('PATCH', `${docs}/u1`, { permissions: ['update("user:alice")', extra] });
      assert.equal(escalate.status, 401, extra);
      assert.equal(escalate.body.type, 'user_unauthorized');
    }
    assert.deepEqual((await key('GET', `${docs}/u1`)).body.$permissions, ['update("user:alice")'], 'unchanged');
    assert.equal((await key('GET', `${docs}/u1`)).body.v, 'changed');
    assert.equal((await as.alice!('PATCH', `${docs}/u1`, { permissions: [] })).status, 200, 'removing is allowed');
    assert.equal((await as.alice!('PATCH', `${docs}/u1`, { data: { v: 'again' } })).status, 401);
  });

  test('increment / decrement need update permission; bulk routes are key-only', async () => {
    const docs = await makeCollection(key, 'db', 'counters', { documentSecurity: true, permissions: ['read("any")'], attributes: [['integer', { key: 'n', required: false }]] });
    assert.equal((await key('POST', docs, { documentId: 'c', data: { n: 0 }, permissions: ['update("user:alice")'] })).status, 201);
    assert.equal((await as.alice!('PATCH', `${docs}/c/n/increment`, { value: 2 })).body.n, 2);
    assert.equal((await as.bob!('PATCH', `${docs}/c/n/increment`, {})).status, 401);
    assert.equal((await as.guest!('PATCH', `${docs}/c/n/decrement`, {})).status, 401);
    assert.equal((await as.alice!('PATCH', `${docs}/missing/n/increment`, {})).status, 404);
    for (const [method, body] of [['POST', { documents: [{ n: 1 }] }], ['PUT', { documents: [{ $id: 'c', n: 1 }] }], ['PATCH', { data: { n: 9 } }], ['DELETE', { queries: [] }]] as const) {
      const res = await as.alice!(method, docs, body);
      assert.equal(res.status, 401, `${method} bulk`);
      assert.equal(res.body.type, 'general_unauthorized_scope');
    }
    assert.equal((await key('GET', `${docs}/c`)).body.n, 2, 'no bulk call changed anything');
  });

  test('membership and label changes take effect on the next request', async () => {
    const docs = await makeCollection(key, 'db', 'live', { documentSecurity: true, attributes: attrs });
    assert.equal((await key('POST', docs, { documentId: 't', data: { v: 'x' }, permissions: ['read("team:t1")'] })).status, 201);
    assert.equal((await key('POST', docs, { documentId: 'l', data: { v: 'x' }, permissions: ['read("label:vip")'] })).status, 201);
    assert.equal((await as.carol!('GET', `${docs}/t`)).status, 200);
    assert.equal((await as.erin!('GET', `${docs}/l`)).status, 200);
    const memberships = await key('GET', '/teams/t1/memberships');
    const carol = memberships.body.memberships.find((m: { userId: string }) => m.userId === 'carol');
    assert.equal((await key('DELETE', `/teams/t1/memberships/${carol.$id}`)).status, 204);
    assert.equal((await key('PUT', '/users/erin/labels', { labels: [] })).status, 200);
    assert.equal((await as.carol!('GET', `${docs}/t`)).status, 404);
    assert.equal((await as.erin!('GET', `${docs}/l`)).status, 404);
  });
});
