// Data browser, first two levels: a project's databases, then a database's collections.
import { h, mount, field, checkbox, errorBox, onSubmit, table, formatDate, toast, badge } from '../dom.js';
import { consoleApi, projectApi, Query } from '../api.js';
import { projectHeader, projectCrumbs, projectHref } from './project-nav.js';

const ID_HINT = 'Up to 36 chars of a-z, A-Z, 0-9, period, hyphen and underscore; leave empty for a generated ID.';

export async function databasesPage({ view, params: [projectId], app }) {
  projectCrumbs(app, projectId, ['Databases']);
  const api = projectApi(projectId);
  const [project, { databases, total }] = await Promise.all([
    consoleApi.request('get', '/projects/{projectId}', { path: { projectId } }),
    api.request('get', '/databases', { query: { queries: [Query.limit(100)] } }),
  ]);
  mount(view,
    projectHeader(projectId, project.name, 'data'),
    h('section', { 'aria-labelledby': 'dbs-h' },
      h('h2', { id: 'dbs-h' }, `Databases (${total})`),
      table('Databases', [
        { label: 'Name', cell: (d) => h('a', { href: projectHref(projectId, 'data', d.$id) }, d.name) },
        { label: 'Database ID', cell: (d) => h('code', {}, d.$id) },
        { label: 'Status', cell: (d) => (d.enabled === false ? badge('disabled', 'bad') : badge('enabled', 'ok')) },
        { label: 'Created', cell: (d) => formatDate(d.$createdAt) },
      ], databases, 'No databases yet.')),
    createForm('Create a database', 'databaseId', 'Database ID', async (id, name) => {
      const db = await api.request('post', '/databases', { body: { databaseId: id, name } });
      toast(`Database ${db.name} created.`);
      app.navigate(projectHref(projectId, 'data', db.$id));
    }));
}

export async function collectionsPage({ view, params: [projectId, databaseId], app }) {
  projectCrumbs(app, projectId, ['Databases', projectHref(projectId, 'data')], [databaseId]);
  const api = projectApi(projectId);
  const [database, { collections, total }] = await Promise.all([
    api.request('get', '/databases/{databaseId}', { path: { databaseId } }),
    api.request('get', '/databases/{databaseId}/collections', { path: { databaseId }, query: { queries: [Query.limit(100)] } }),
  ]);
  mount(view,
    h('div', { class: 'page-head' }, h('p', { class: 'eyebrow' }, `Project ${projectId} · database`), h('h1', {}, database.name)),
    h('section', { 'aria-labelledby': 'colls-h' },
      h('h2', { id: 'colls-h' }, `Collections (${total})`),
      table('Collections', [
        { label: 'Name', cell: (c) => h('a', { href: projectHref(projectId, 'data', databaseId, c.$id) }, c.name) },
        { label: 'Collection ID', cell: (c) => h('code', {}, c.$id) },
        { label: 'Document security', cell: (c) => (c.documentSecurity ? 'On' : 'Off') },
        { label: 'Status', cell: (c) => (c.enabled === false ? badge('disabled', 'bad') : badge('enabled', 'ok')) },
        { label: 'Created', cell: (c) => formatDate(c.$createdAt) },
      ], collections, 'No collections in this database yet.')),
    createForm('Create a collection', 'collectionId', 'Collection ID', async (id, name, data) => {
      const permissions = String(data.get('permissions') ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
      const coll = await api.request('post', '/databases/{databaseId}/collections', {
        path: { databaseId },
        body: { collectionId: id, name, documentSecurity: data.get('documentSecurity') === 'on', permissions },
      });
      toast(`Collection ${coll.name} created.`);
      app.navigate(projectHref(projectId, 'data', databaseId, coll.$id, 'attributes'));
    }, [
      h('div', { class: 'inline-checks' }, checkbox('Document security (documents can grant their own permissions)', { name: 'documentSecurity' })),
      field('Collection permissions (optional)', { name: 'permissions', rows: 3, class: 'mono', spellcheck: 'false', placeholder: 'read("any")\ncreate("users")' },
        { tag: 'textarea', hint: 'One permission per line, e.g. read("any") or write("team:editors").' }),
    ]));
}

function createForm(title, idParam, idLabel, create, extra = []) {
  const errors = errorBox();
  const form = h('form', { class: 'card', 'aria-label': title },
    h('h2', {}, title),
    errors,
    h('div', { class: 'grid2' },
      field('Name', { name: 'name', required: true, maxlength: 128 }),
      field(idLabel, { name: idParam, maxlength: 36, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,35}', spellcheck: 'false' }, { hint: ID_HINT })),
    extra,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, title.replace(/ a | an /, ' '))));
  onSubmit(form, errors, (data) => create(String(data.get(idParam) || 'unique()'), String(data.get('name')), data));
  return form;
}
