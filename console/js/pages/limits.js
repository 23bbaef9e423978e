// Per-project rate-limit overrides (`GET/PUT /v1/projects/{projectId}/limits`). The route is an
// optional part of the server: `limitsSection` rejects with the API's error (404
// general_route_not_found when it is absent) and the settings page then leaves the section out.
import { h, field, errorBox, onSubmit, toast } from '../dom.js';
import { consoleApi } from '../api.js';

export async function limitsSection(projectId) {
  const current = await consoleApi.request('get', '/projects/{projectId}/limits', { path: { projectId } });
  const errors = errorBox();
  const form = h('form', { class: 'card', 'aria-labelledby': 'limits-h' },
    h('h2', { id: 'limits-h' }, 'Rate limits'),
    h('p', { class: 'muted' }, 'Overrides of the server\'s default rate limits for this project, as JSON. Remove an entry to go back to the default.'),
    errors,
    field('Overrides (JSON)', { name: 'limits', rows: 8, class: 'mono', spellcheck: 'false', value: JSON.stringify(current, null, 2) }, { tag: 'textarea' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save limits')));
  onSubmit(form, errors, async (data) => {
    let body;
    try {
      body = JSON.parse(String(data.get('limits')));
    } catch {
      throw new Error('The overrides are not valid JSON.');
    }
    const saved = await consoleApi.request('put', '/projects/{projectId}/limits', { path: { projectId }, body });
    form.elements.limits.value = JSON.stringify(saved, null, 2);
    toast('Rate limits saved.');
  });
  return form;
}
