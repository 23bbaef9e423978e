/**
 * Roles produced for end users (teams, memberships, labels, verification) and their invalidation:
 * observed through documents (document permissions are decided from `ctx.roles`) and the teams list.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Client } from '../support/http.ts';
import { rid, type Project } from '../support/fixtures.ts';
import { clientApi, ids, keyApi, makeCollection, type Api } from '../documents/support.ts';
import { newEndUser, type EndUser } from './helpers.ts';

describeLegs('end-user roles: teams, memberships, labels', (leg) => {
  let call: Client;
  let project: Project;
  let key: Api;
  let docs: string;
  const cleanup = useCleanup();
  before(async () => {
    ({ call, project } = await withProject(leg, cleanup));
    key = keyApi(project);
    docs = await makeCollection(key, 'db', 'notes', { documentSecurity: true, attributes: [['string', { key: 'v', size: 32, required: false }]] });
  });

  const as = (u: EndUser) => clientApi(project, u.session);
  const put = async (id: string, permissions: string[]) => {
    const res = await key('POST', docs, { documentId: id, data: { v: id }, permissions });
    assert.equal(res.status, 201, res.text);
  };

  test('team roles grant access and lose it when the membership is removed or its roles change', async () => {
    const team = rid('t');
    const [ann, bo] = [await newEndUser(call, project.id, { key: project.key }), await newEndUser(call, project.id, { key: project.key })];
    await put(`${team}-members`, [`read("team:${team}")`]);
    await put(`${team}-editors`, [`read("team:${team}/editor")`]);
    // Ann creates the team and is its owner.
    const created = await as(ann)('POST', '/teams', { teamId: team, name: 'Team' });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.total, 1);
    assert.deepEqual(ids(await as(ann)('GET', docs)), [`${team}-members`]);
    assert.deepEqual(ids(await as(bo)('GET', docs)), []);
    // Bo can't see or join the team on his own.
    assert.equal((await as(bo)('GET', `/teams/${team}`)).status, 404);
    assert.equal((await as(bo)('POST', `/teams/${team}/memberships`, { userId: bo.id, roles: ['owner'] })).status, 404);
    // The owner adds Bo as an editor.
    const added = await as(ann)('POST', `/teams/${team}/memberships`, { userId: bo.id, roles: ['editor'] });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.body.confirm, true);
    assert.equal(added.body.userEmail, bo.email);
    await put(`${team}-mbr`, [`read("member:${added.body.$id}")`]);
    assert.deepEqual(ids(await as(bo)('GET', docs)).sort(), [`${team}-editors`, `${team}-mbr`, `${team}-members`].sort());
    assert.deepEqual((await as(bo)('GET', '/teams')).body.teams.map((t: { $id: string }) => t.$id), [team]);
    assert.equal((await as(ann)('GET', `/teams/${team}`)).body.total, 2);
    // An editor is not an owner: no renaming, no adding members.
    assert.equal((await as(bo)('PUT', `/teams/${team}`, { name: 'Mine' })).status, 401);
    // Role change: editor → viewer drops the editor document at once.
    const changed = await as(ann)('PATCH', `/teams/${team}/memberships/${added.body.$id}`, { roles: ['viewer'] });
    assert.equal(changed.status, 200, changed.text);
    assert.ok(!ids(await as(bo)('GET', docs)).includes(`${team}-editors`));
    // Removal: every team role goes on the very next request.
    assert.equal((await as(ann)('DELETE', `/teams/${team}/memberships/${added.body.$id}`)).status, 204);
    assert.deepEqual(ids(await as(bo)('GET', docs)), []);
    assert.deepEqual((await as(bo)('GET', '/teams')).body.teams, []);
    assert.equal((await as(bo)('GET', `/teams/${team}`)).status, 404);
    // Deleting the team takes the owner's roles too.
    assert.equal((await as(ann)('DELETE', `/teams/${team}`)).status, 204);
    assert.deepEqual(ids(await as(ann)('GET', docs)), []);
  });

  test('API keys manage teams for anyone; a member may leave; memberships by email', async () => {
    const team = rid('k');
    const cy = await newEndUser(call, project.id, { key: project.key });
    assert.equal((await key('POST', '/teams', { teamId: team, name: 'Keyed' })).status, 201);
    const byEmail = await key('POST', `/teams/${team}/memberships`, { email: cy.email.toUpperCase(), roles: ['member'] });
    assert.equal(byEmail.status, 201, byEmail.text);
    assert.equal(byEmail.body.userId, cy.id);
    const dup = await key('POST', `/teams/${team}/memberships`, { userId: cy.id, roles: [] });
    assert.equal(dup.status, 409);
    const fresh = `${rid('new')}@example.com`;
    const created = await key('POST', `/teams/${team}/memberships`, { email: fresh, roles: [] });
    assert.equal(created.status, 201, created.text);
    assert.equal((await key('GET', `/users/${created.body.userId}`)).body.email, fresh);
    const list = await key('GET', `/teams/${team}/memberships`);
    assert.equal(list.body.total, 2);
    await put(`${team}-doc`, [`read("team:${team}/member")`]);
    assert.deepEqual(ids(await as(cy)('GET', docs)), [`${team}-doc`]);
    assert.equal((await as(cy)('DELETE', `/teams/${team}/memberships/${byEmail.body.$id}`)).status, 204);
    assert.deepEqual(ids(await as(cy)('GET', docs)), []);
    assert.equal((await key('GET', `/teams/${team}`)).body.total, 1);
    assert.equal((await key('GET', '/teams', undefined, { search: team })).body.total, 1);
  });

  test('label and verification roles follow changes at once', async () => {
    const dee = await newEndUser(call, project.id, { key: project.key });
    const label = rid('vip').replace(/[^a-z0-9]/g, '');
    await put(`${label}-doc`, [`read("label:${label}")`]);
    await put(`${label}-verified`, [`read("user:${dee.id}/verified")`]);
    assert.deepEqual(ids(await as(dee)('GET', docs)), []);
    const labelled = await key('PUT', `/users/${dee.id}/labels`, { labels: [label, label] });
    assert.equal(labelled.status, 200, labelled.text);
    assert.deepEqual(labelled.body.labels, [label]);
    assert.deepEqual(ids(await as(dee)('GET', docs)), [`${label}-doc`]);
    assert.equal((await key('PATCH', `/users/${dee.id}/verification`, { emailVerification: true })).status, 200);
    assert.deepEqual(ids(await as(dee)('GET', docs)).sort(), [`${label}-doc`, `${label}-verified`]);
    assert.equal((await key('PUT', `/users/${dee.id}/labels`, { labels: [] })).status, 200);
    assert.deepEqual(ids(await as(dee)('GET', docs)), [`${label}-verified`]);
    const bad = await key('PUT', `/users/${dee.id}/labels`, { labels: ['no spaces'] });
    assert.equal(bad.status, 400);
  });

  test('users API: list/search, get, delete removes sessions and memberships', async () => {
    const eve = await newEndUser(call, project.id, { key: project.key });
    const team = rid('d');
    assert.equal((await as(eve)('POST', '/teams', { teamId: team, name: 'Eve' })).status, 201);
    const found = await key('GET', '/users', undefined, { search: eve.email });
    assert.equal(found.body.total, 1);
    assert.equal(found.body.users[0].$id, eve.id);
    assert.equal((await clientApi(project)('GET', '/users')).status, 401);
    assert.equal((await key('DELETE', `/users/${eve.id}`)).status, 204);
    assert.equal((await key('GET', `/users/${eve.id}`)).status, 404);
    assert.equal((await as(eve)('GET', '/account')).status, 401);
    assert.equal((await key('GET', `/teams/${team}`)).body.total, 0);
    assert.equal((await key('DELETE', `/users/${eve.id}`)).body.type, 'user_not_found');
  });
});
