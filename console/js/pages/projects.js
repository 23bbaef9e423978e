// Projects: list, create (ID, name), open, delete with a typed confirmation.
import { h, mount, field, errorBox, onSubmit, table, formatDate, openDialog, toast } from '../dom.js';
import { consoleApi } from '../api.js';
import { projectHref } from './project-nav.js';

/** A project ID suggested from its name: lowercase, hyphens, ≤36 chars (`^[a-z0-9][a-z0-9-]{0,35}$`). */
function slug(name) {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 36).replace(/-+$/, '');
}

export async function projectsPage({ view, app }) {
  app.crumbs([['Projects']]);
  const { projects } = await consoleApi.request('get', '/projects', { query: { queries: [JSON.stringify({ method: 'limit', values: [100] })] } });
  const list = h('section', { 'aria-labelledby': 'projects-h' },
    h('h2', { id: 'projects-h' }, 'Your projects'),
    table('Projects', [
      { label: 'Name', cell: (p) => h('a', { href: projectHref(p.$id) }, p.name) },
      { label: 'Project ID', cell: (p) => h('code', {}, p.$id) },
      { label: 'Created', cell: (p) => formatDate(p.$createdAt) },
      { label: 'Actions', cell: (p) => h('div', { class: 'row-actions' },
        h('a', { class: 'button', href: projectHref(p.$id), 'aria-label': `Open ${p.name}` }, 'Open'),
        h('button', { type: 'button', class: 'danger ghost', 'aria-label': `Delete ${p.name}`, onclick: () => confirmDelete(app, p) }, 'Delete')) },
    ], projects, 'No projects yet. Create your first one below.'));
  mount(view, h('div', { class: 'page-head' }, h('h1', {}, 'Projects')), list, createForm(app));
}

function createForm(app) {
  const errors = errorBox();
  let idEdited = false;
  const form = h('form', { class: 'card', 'aria-labelledby': 'create-project-h' },
    h('h2', { id: 'create-project-h' }, 'Create a project'),
    errors,
    h('div', { class: 'grid2' },
      field('Name', { name: 'name', required: true, maxlength: 128, oninput: (e) => { if (!idEdited) form.elements.projectId.value = slug(e.target.value); } }),
      field('Project ID', { name: 'projectId', required: true, maxlength: 36, pattern: '[a-z0-9][a-z0-9\\-]{0,35}', oninput: () => { idEdited = true; } },
        { hint: 'Lowercase letters, digits and hyphens; used in the X-Appwrite-Project header. It can\'t be changed later.' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create project')));
  onSubmit(form, errors, async (data) => {
    const project = await consoleApi.request('post', '/projects', { body: { projectId: String(data.get('projectId')), name: String(data.get('name')) } });
    toast(`Project ${project.name} created.`);
    app.navigate(projectHref(project.$id));
  });
  return form;
}

/** Deleting a project removes all its data: the owner types the project ID to confirm. */
export function confirmDelete(app, project) {
  openDialog(`Delete project ${project.name}?`, (close) => {
    const errors = errorBox();
    const confirmButton = h('button', { type: 'submit', class: 'danger', disabled: true }, 'Delete project');
    const form = h('form', { method: 'dialog' },
      h('p', {}, 'This permanently deletes the project with all its databases, documents, users and API keys.'),
      errors,
      field(`Type the project ID (${project.$id}) to confirm`, { name: 'confirm', autocomplete: 'off', spellcheck: 'false',
        oninput: (e) => { confirmButton.disabled = e.target.value !== project.$id; } }),
      h('div', { class: 'actions' }, confirmButton, h('button', { type: 'button', onclick: close }, 'Cancel')));
    onSubmit(form, errors, async (data) => {
      if (data.get('confirm') !== project.$id) return;
      await consoleApi.request('delete', '/projects/{projectId}', { path: { projectId: project.$id } });
      close();
      toast(`Project ${project.name} deleted.`);
      app.navigate('#/projects');
    });
    return form;
  });
}
