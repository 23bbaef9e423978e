// Project settings: name, allowed web origins and the realtime connections cap, rate-limit overrides (when the server has them),
// the connect snippet, and deleting the project.
import { h, mount, field, errorBox, onSubmit, toast } from '../dom.js';
import { consoleApi, endpoint, isMissingRoute } from '../api.js';
import { projectHeader, projectCrumbs } from './project-nav.js';
import { confirmDelete } from './projects.js';
import { limitsSection } from './limits.js';

export async function settingsPage({ view, params: [projectId], app }) {
  projectCrumbs(app, projectId, ['Settings']);
  const project = await consoleApi.request('get', '/projects/{projectId}', { path: { projectId } });
  const limits = await limitsSection(projectId).catch((err) => {
    if (isMissingRoute(err)) return null; // this server has no per-project limits route: hide the section
    throw err;
  });
  mount(view,
    projectHeader(projectId, project.name, 'settings'),
    connectSection(projectId),
    generalForm(project),
    limits,
    h('section', { class: 'card danger-zone', 'aria-labelledby': 'danger-h' },
      h('h2', { id: 'danger-h' }, 'Delete this project'),
      h('p', {}, 'Removes the project and everything in it.'),
      h('button', { type: 'button', class: 'danger', onclick: () => confirmDelete(app, project) }, 'Delete project…')));
}

function generalForm(project) {
  const errors = errorBox();
  const form = h('form', { class: 'card', 'aria-labelledby': 'general-h' },
    h('h2', { id: 'general-h' }, 'General'),
    errors,
    field('Project name', { name: 'name', required: true, maxlength: 128, value: project.name }),
    field('Allowed web origins', { name: 'origins', rows: 4, value: project.origins.join('\n'), spellcheck: 'false' }, {
      tag: 'textarea',
      hint: 'One origin per line, e.g. https://app.example.com. Browsers on other origins get no CORS headers.',
    }),
    field('Realtime connections cap', { name: 'realtimeConnections', type: 'number', required: true, min: 0, max: 1000000, step: 1, value: String(project.realtimeConnections) }, {
      hint: 'Open /v1/realtime connections allowed per server process; further connects are refused with close code 1013.',
    }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save')));
  onSubmit(form, errors, async (data) => {
    const origins = String(data.get('origins') ?? '').split(/\s+/).map((s) => s.trim()).filter(Boolean);
    const updated = await consoleApi.request('patch', '/projects/{projectId}', { path: { projectId: project.$id }, body: { name: String(data.get('name')), origins, realtimeConnections: Number(data.get('realtimeConnections')) } });
    form.elements.origins.value = updated.origins.join('\n');
    form.elements.realtimeConnections.value = String(updated.realtimeConnections);
    toast('Settings saved.');
  });
  return form;
}

function snippet(title, code) {
  return h('figure', { class: 'snippet' }, h('figcaption', {}, title), h('pre', { tabindex: '0' }, h('code', {}, code)));
}

function connectSection(projectId) {
  const server = `import { Client, Databases } from 'node-appwrite';

const client = new Client()
  .setEndpoint('${endpoint}')
  .setProject('${projectId}')
  .setKey(process.env.TENANTRY_API_KEY); // a key from the API keys tab

const databases = new Databases(client);
const list = await databases.listDocuments('<databaseId>', '<collectionId>');`;
  const web = `import { Client, Account, Databases } from 'appwrite';

const client = new Client()
  .setEndpoint('${endpoint}')
  .setProject('${projectId}');

const account = new Account(client);
await account.createEmailPasswordSession({ email, password });
const databases = new Databases(client);`;
  return h('section', { class: 'card', 'aria-labelledby': 'connect-h' },
    h('h2', { id: 'connect-h' }, 'Connect'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Endpoint'), h('dd', {}, h('code', { 'data-testid': 'endpoint' }, endpoint)),
      h('dt', {}, 'Project ID'), h('dd', {}, h('code', {}, projectId))),
    snippet('Server (node-appwrite)', server),
    snippet('Browser (appwrite) — add your site to the allowed origins below', web));
}
