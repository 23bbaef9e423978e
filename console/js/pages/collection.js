// One collection: documents (paged with cursors), attributes and indexes with their status.
import { h, mount, errorBox, table, formatDate, badge } from '../dom.js';
import { projectApi, Query } from '../api.js';
import { projectCrumbs, projectHref } from './project-nav.js';
import { attributeForm, indexForm } from './schema-forms.js';

export const PAGE_SIZE = 25;
const TABS = [['documents', 'Documents'], ['attributes', 'Attributes'], ['indexes', 'Indexes']];

export async function collectionPage({ view, params: [projectId, databaseId, collectionId, tab = 'documents'], app }) {
  const ids = { databaseId, collectionId };
  const base = projectHref(projectId, 'data', databaseId, collectionId);
  projectCrumbs(app, projectId, ['Databases', projectHref(projectId, 'data')], [databaseId, projectHref(projectId, 'data', databaseId)], [collectionId]);
  const api = projectApi(projectId);
  const collection = await api.request('get', '/databases/{databaseId}/collections/{collectionId}', { path: ids });
  const body = h('div');
  mount(view,
    h('div', { class: 'page-head' },
      h('p', { class: 'eyebrow' }, `Project ${projectId} · database ${databaseId} · collection`),
      h('h1', {}, collection.name),
      h('p', { class: 'muted' }, `Document security ${collection.documentSecurity ? 'on' : 'off'} · permissions: `,
        collection.$permissions.length ? collection.$permissions.map((p) => h('code', { class: 'perm' }, p)) : 'none'),
      h('nav', { class: 'tabs', 'aria-label': 'Collection sections' },
        TABS.map(([key, label]) => h('a', { href: `${base}/${key}`, 'aria-current': key === tab ? 'page' : false }, label)))),
    body);
  if (tab === 'documents') await documentsTab(api, ids, collection, body, (docId) => `${base}/documents/${encodeURIComponent(docId)}`);
  else if (tab === 'attributes') await attributesTab(api, ids, body);
  else await indexesTab(api, ids, body);
}

/** A cell value, short enough for a table. */
function preview(value) {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, 'null');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Keyset paging: "Next" asks for `cursorAfter(<last ID on this page>)`; the cursors that led to
 * earlier pages are kept on a stack, so "Previous" re-reads exactly the page the owner saw.
 */
async function documentsTab(api, ids, collection, container, docHref) {
  const columns = (collection.attributes ?? []).filter((a) => a.status === 'available').slice(0, 4).map((a) => a.key);
  let cursors = [];
  let cursor = null;
  const errors = errorBox();
  const area = h('div');
  mount(container, h('h2', { class: 'sr-only' }, 'Documents'), errors, area);

  /** Loads the page after `nextCursor`; `stack` (the cursors of the pages before it) is kept only on success. */
  async function load(nextCursor, stack) {
    const queries = [Query.limit(PAGE_SIZE)];
    if (nextCursor) queries.push(Query.cursorAfter(nextCursor));
    const { documents, total } = await api.request('get', '/databases/{databaseId}/collections/{collectionId}/documents', { path: ids, query: { queries } });
    cursors = stack;
    cursor = nextCursor;
    const first = cursors.length * PAGE_SIZE;
    const hasNext = documents.length === PAGE_SIZE && first + documents.length < total;
    // The pager is redrawn on every page: keep keyboard focus on the button the owner pressed.
    const go = (fn, which) => async () => {
      errors.clear();
      try { await fn(); } catch (err) { errors.show(err); return; }
      const again = area.querySelector(`[data-pager=${which}]`);
      (again && !again.disabled ? again : area.querySelector('[data-pager]:not([disabled])'))?.focus();
    };
    const prev = h('button', { type: 'button', 'data-pager': 'prev', disabled: cursors.length === 0, onclick: go(() => load(cursors.at(-1), cursors.slice(0, -1)), 'prev') }, '← Previous');
    const next = h('button', { type: 'button', 'data-pager': 'next', disabled: !hasNext, onclick: go(() => load(documents.at(-1).$id, [...cursors, cursor]), 'next') }, 'Next →');
    mount(area,
      table('Documents', [
        { label: 'Document ID', cell: (d) => h('a', { href: docHref(d.$id) }, h('code', {}, d.$id)) },
        ...columns.map((key) => ({ label: key, cell: (d) => preview(d[key]) })),
        { label: 'Created', cell: (d) => formatDate(d.$createdAt) },
      ], documents, 'No documents in this collection yet.'),
      h('div', { class: 'pager' },
        h('p', { class: 'muted', 'data-testid': 'page-range', 'aria-live': 'polite' }, documents.length ? `Documents ${first + 1}–${first + documents.length} of ${total}` : `${total} documents`),
        h('div', { class: 'row-actions' }, prev, next)));
  }
  await load(null, []);
}

/** `string (enum: a, b)[]`, `string, size 64`, `double`… */
function attributeType(a) {
  const format = a.format === 'enum' ? ` (enum: ${(a.elements ?? []).join(', ')})` : a.format ? ` (${a.format})` : '';
  const size = a.size && !a.format ? `, size ${a.size}` : '';
  return `${a.type}${format}${a.array ? '[]' : ''}${size}`;
}

function statusBadge(item) {
  const kind = item.status === 'available' ? 'ok' : item.status === 'failed' || item.status === 'stuck' ? 'bad' : 'warn';
  return h('span', {}, badge(item.status, kind), item.error ? h('span', { class: 'error-text' }, ` ${item.error}`) : null);
}

/** Re-reads a list while something in it is still `processing` (a few times, then leaves a Refresh button). */
function pollWhileProcessing(items, container, reload) {
  if (!items.some((i) => i.status === 'processing')) return;
  setTimeout(() => { if (container.isConnected) reload(); }, 1500);
}

async function attributesTab(api, ids, container, attempt = 0) {
  const { attributes } = await api.request('get', '/databases/{databaseId}/collections/{collectionId}/attributes', { path: ids });
  const reload = () => attributesTab(api, ids, container, attempt + 1);
  mount(container,
    h('section', { 'aria-labelledby': 'attrs-h' },
      h('div', { class: 'section-head' }, h('h2', { id: 'attrs-h' }, 'Attributes'), h('button', { type: 'button', class: 'ghost small', onclick: reload }, 'Refresh')),
      table('Attributes', [
        { label: 'Key', cell: (a) => h('code', {}, a.key) },
        { label: 'Type', cell: attributeType },
        { label: 'Required', cell: (a) => (a.required ? 'Yes' : 'No') },
        { label: 'Default', cell: (a) => preview(a.default) },
        { label: 'Status', cell: statusBadge },
      ], attributes, 'No attributes yet. Documents need attributes before they can hold data.')),
    attributeForm(api, ids, reload));
  if (attempt < 10) pollWhileProcessing(attributes, container, reload);
}

async function indexesTab(api, ids, container, attempt = 0) {
  const [{ indexes }, { attributes }] = await Promise.all([
    api.request('get', '/databases/{databaseId}/collections/{collectionId}/indexes', { path: ids }),
    api.request('get', '/databases/{databaseId}/collections/{collectionId}/attributes', { path: ids }),
  ]);
  const reload = () => indexesTab(api, ids, container, attempt + 1);
  mount(container,
    h('section', { 'aria-labelledby': 'idx-h' },
      h('div', { class: 'section-head' }, h('h2', { id: 'idx-h' }, 'Indexes'), h('button', { type: 'button', class: 'ghost small', onclick: reload }, 'Refresh')),
      table('Indexes', [
        { label: 'Key', cell: (i) => h('code', {}, i.key) },
        { label: 'Type', cell: (i) => i.type },
        { label: 'Attributes', cell: (i) => i.attributes.map((a, n) => `${a}${i.orders?.[n] ? ` ${String(i.orders[n]).toLowerCase()}` : ''}`).join(', ') },
        { label: 'Status', cell: statusBadge },
      ], indexes, 'No indexes yet.')),
    indexForm(api, ids, attributes.filter((a) => a.status === 'available').map((a) => a.key), reload));
  if (attempt < 10) pollWhileProcessing(indexes, container, reload);
}
