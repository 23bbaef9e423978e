// API keys: list (never the secret), create with a scope picker and optional expiry, the secret
// shown exactly once with a copy button, edit name/scopes/expiry, revoke.
import { h, mount, field, errorBox, onSubmit, table, formatDate, openDialog, toast, badge, uid } from '../dom.js';
import { consoleApi } from '../api.js';
import { projectHeader, projectCrumbs } from './project-nav.js';

/** The scopes a key may hold, grouped for the picker (the server's KEY_SCOPES). */
const SCOPE_GROUPS = [
  ['Databases', ['databases.read', 'databases.write']],
  ['Collections', ['collections.read', 'collections.write']],
  ['Attributes', ['attributes.read', 'attributes.write']],
  ['Indexes', ['indexes.read', 'indexes.write']],
  ['Documents', ['documents.read', 'documents.write']],
  ['Users', ['users.read', 'users.write']],
  ['Teams', ['teams.read', 'teams.write']],
  ['Health', ['health.read']],
];

export async function keysPage({ view, params: [projectId], app }) {
  projectCrumbs(app, projectId, ['API keys']);
  const project = await consoleApi.request('get', '/projects/{projectId}', { path: { projectId } });
  const listArea = h('div');
  const secretArea = h('div', { 'aria-live': 'polite' });
  const refresh = async () => {
    const { keys } = await consoleApi.request('get', '/projects/{projectId}/keys', { path: { projectId } });
    mount(listArea, keysTable(projectId, keys, refresh));
  };
  await refresh();
  mount(view,
    projectHeader(projectId, project.name, 'keys'),
    h('section', { 'aria-labelledby': 'keys-h' }, h('h2', { id: 'keys-h' }, 'API keys'), listArea),
    secretArea,
    keyForm({ title: 'Create an API key', submitLabel: 'Create key', onSave: async (input) => {
      const created = await consoleApi.request('post', '/projects/{projectId}/keys', { path: { projectId }, body: input });
      mount(secretArea, secretPanel(created, () => mount(secretArea)));
      await refresh();
      secretArea.querySelector('input').focus();
    } }));
}

function keysTable(projectId, keys, refresh) {
  return table('API keys', [
    { label: 'Name', cell: (k) => h('strong', {}, k.name) },
    { label: 'Scopes', cell: (k) => h('ul', { class: 'scopes' }, k.scopes.map((s) => h('li', {}, h('code', {}, s)))) },
    { label: 'Expires', cell: (k) => expiry(k.expire) },
    { label: 'Last used', cell: (k) => formatDate(k.accessedAt, 'Never') },
    { label: 'Actions', cell: (k) => h('div', { class: 'row-actions' },
      h('button', { type: 'button', 'aria-label': `Edit key ${k.name}`, onclick: () => editKey(projectId, k, refresh) }, 'Edit'),
      h('button', { type: 'button', class: 'danger ghost', 'aria-label': `Revoke key ${k.name}`, onclick: () => revokeKey(projectId, k, refresh) }, 'Revoke')) },
  ], keys, 'No API keys yet. Create one below to call the API from your servers.');
}

function expiry(expire) {
  if (!expire) return 'Never';
  const expired = new Date(expire).getTime() <= Date.now();
  return expired ? h('span', {}, formatDate(expire), ' ', badge('expired', 'bad')) : formatDate(expire);
}

/** The key's secret, shown once: the API never returns it again. */
function secretPanel(key, dismiss) {
  const inputId = uid('secret');
  const input = h('input', { id: inputId, readonly: true, value: key.secret, class: 'mono', 'data-testid': 'key-secret', spellcheck: 'false' });
  const copy = h('button', { type: 'button', class: 'primary', onclick: async () => {
    try {
      await navigator.clipboard.writeText(key.secret);
    } catch {
      input.select(); // clipboard API unavailable (e.g. plain http): leave it selected for Ctrl+C
      document.execCommand?.('copy');
    }
    copy.textContent = 'Copied';
    toast('Secret copied to the clipboard.');
  } }, 'Copy');
  return h('section', { class: 'card secret', 'aria-labelledby': `${inputId}-h` },
    h('h2', { id: `${inputId}-h` }, `Secret for ${key.name}`),
    h('p', {}, h('strong', {}, 'Copy it now: it is shown only once.'), ' Tenantry stores only a hash and cannot show it again.'),
    h('label', { for: inputId, class: 'sr-only' }, 'API key secret'),
    h('div', { class: 'copy-row' }, input, copy),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: dismiss }, 'Done, I have saved it')));
}

/** `YYYY-MM-DD` from a date input → the end of that day in UTC; '' → no expiry. */
function expireFromInput(value) {
  return value ? `${value}T23:59:59.000+00:00` : null;
}

function keyForm({ title, submitLabel, key, onSave, onCancel }) {
  const errors = errorBox();
  const titleId = uid('keyform');
  const form = h('form', { class: key ? '' : 'card', 'aria-labelledby': key ? false : titleId },
    key ? null : h('h2', { id: titleId }, title),
    errors,
    field('Name', { name: 'name', required: true, maxlength: 128, value: key?.name ?? '' }),
    scopePicker(key?.scopes ?? []),
    field('Expires on (optional)', { name: 'expire', type: 'date', value: key?.expire ? key.expire.slice(0, 10) : '' }, { hint: 'Leave empty for a key that never expires. Keys expire at the end of the day (UTC).' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, submitLabel),
      onCancel ? h('button', { type: 'button', onclick: onCancel }, 'Cancel') : null));
  onSubmit(form, errors, async (data) => {
    const scopes = data.getAll('scopes').map(String);
    if (!scopes.length) throw new Error('Choose at least one scope.');
    await onSave({ name: String(data.get('name')), scopes, expire: expireFromInput(String(data.get('expire') ?? '')) });
    if (!key) form.reset();
  });
  return form;
}

function scopePicker(selected) {
  const chosen = new Set(selected);
  const boxes = [];
  const groups = SCOPE_GROUPS.map(([label, scopes]) => h('div', { class: 'scope-group' },
    h('span', { class: 'scope-group-label' }, label),
    scopes.map((scope) => {
      const id = uid('scope');
      const box = h('input', { type: 'checkbox', name: 'scopes', value: scope, id, checked: chosen.has(scope) });
      boxes.push(box);
      return h('span', { class: 'check' }, box, h('label', { for: id }, scope));
    })));
  const setAll = (on) => boxes.forEach((b) => { b.checked = on; });
  return h('fieldset', { class: 'scopes-picker' },
    h('legend', {}, 'Scopes'),
    h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'ghost small', onclick: () => setAll(true) }, 'Select all'),
      h('button', { type: 'button', class: 'ghost small', onclick: () => setAll(false) }, 'Clear')),
    h('div', { class: 'scope-grid' }, groups));
}

function editKey(projectId, key, refresh) {
  openDialog(`Edit key ${key.name}`, (close) => keyForm({ submitLabel: 'Save changes', key, onCancel: close, onSave: async (input) => {
    await consoleApi.request('put', '/projects/{projectId}/keys/{keyId}', { path: { projectId, keyId: key.$id }, body: input });
    close();
    toast(`Key ${input.name} saved.`);
    await refresh();
  } }));
}

function revokeKey(projectId, key, refresh) {
  openDialog(`Revoke key ${key.name}?`, (close) => {
    const errors = errorBox();
    const form = h('form', {},
      h('p', {}, 'Anything using this key will get 401 errors immediately. This cannot be undone.'),
      errors,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'danger' }, 'Revoke key'),
        h('button', { type: 'button', onclick: close }, 'Cancel')));
    onSubmit(form, errors, async () => {
      await consoleApi.request('delete', '/projects/{projectId}/keys/{keyId}', { path: { projectId, keyId: key.$id } });
      close();
      toast(`Key ${key.name} revoked.`);
      await refresh();
    });
    return form;
  });
}
