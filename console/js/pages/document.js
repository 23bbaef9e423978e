// One document: its JSON and its permissions.
import { h, mount, table } from '../dom.js';
import { projectApi } from '../api.js';
import { projectCrumbs, projectHref } from './project-nav.js';

/** Splits `read("user:u1")` into its action and role, for the permissions table. */
function parsePermission(p) {
  const m = /^(\w+)\("(.*)"\)$/.exec(p);
  return m ? { action: m[1], role: m[2] } : { action: '?', role: p };
}

export async function documentPage({ view, params: [projectId, databaseId, collectionId, documentId], app }) {
  const collectionHref = projectHref(projectId, 'data', databaseId, collectionId);
  projectCrumbs(app, projectId, ['Databases', projectHref(projectId, 'data')], [databaseId, projectHref(projectId, 'data', databaseId)],
    [collectionId, `${collectionHref}/documents`], [documentId]);
  const doc = await projectApi(projectId).request('get', '/databases/{databaseId}/collections/{collectionId}/documents/{documentId}', {
    path: { databaseId, collectionId, documentId },
  });
  const permissions = (doc.$permissions ?? []).map(parsePermission);
  mount(view,
    h('div', { class: 'page-head' },
      h('p', { class: 'eyebrow' }, `Collection ${collectionId} · document`),
      h('h1', {}, h('code', {}, doc.$id))),
    h('section', { class: 'card', 'aria-labelledby': 'perms-h' },
      h('h2', { id: 'perms-h' }, 'Permissions'),
      table('Document permissions', [
        { label: 'Action', cell: (p) => p.action },
        { label: 'Role', cell: (p) => h('code', {}, p.role) },
      ], permissions, 'No document-level permissions: access comes from the collection\'s permissions.')),
    h('section', { class: 'card', 'aria-labelledby': 'json-h' },
      h('h2', { id: 'json-h' }, 'JSON'),
      h('pre', { class: 'json', tabindex: '0', 'data-testid': 'document-json' }, JSON.stringify(doc, null, 2))),
    h('p', {}, h('a', { href: `${collectionHref}/documents` }, '← Back to the documents')));
}
