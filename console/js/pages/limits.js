// Per-project rate-limit overrides (`GET/PUT /v1/projects/{projectId}/limits`). The route is an
// optional part of the server: `limitsSection` rejects with the API's error (404
// general_route_not_found when it is absent) and the settings page then leaves the section out.
import { h, mount, errorBox, onSubmit, toast, badge } from '../dom.js';
import { consoleApi } from '../api.js';

const path = (projectId) => ({ path: { projectId } });

/** Overrides to send: every preset whose inputs differ from its default. */
function overridesFrom(form, limits) {
  const overrides = {};
  for (const l of limits) {
    const limit = Number(form.querySelector(`[data-limit="${CSS.escape(l.name)}"]`).value);
    const windowSeconds = Number(form.querySelector(`[data-window="${CSS.escape(l.name)}"]`).value);
    if (!Number.isInteger(limit) || !Number.isInteger(windowSeconds)) throw new Error(`${l.name}: limit and window must be whole numbers.`);
    if (limit !== l.default.limit || windowSeconds !== l.default.windowSeconds) overrides[l.name] = { limit, windowSeconds };
  }
  return overrides;
}

function limitsTable(limits) {
  return h('table', {},
    h('caption', { class: 'sr-only' }, 'Rate limits'),
    h('thead', {}, h('tr', {}, ['Preset', 'Counted per', 'Default', 'Requests (0 = off)', 'Window (seconds)'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, limits.map((l) => h('tr', {},
      h('th', { scope: 'row' }, h('code', {}, l.name), l.overridden ? [' ', badge('override', 'warn')] : null),
      h('td', {}, l.key.join(' + ') || 'project'),
      h('td', {}, `${l.default.limit} / ${l.default.windowSeconds} s`),
      h('td', {}, h('input', { type: 'number', min: 0, max: 1000000, step: 1, value: String(l.limit), 'data-limit': l.name, 'aria-label': `${l.name}: requests per window` })),
      h('td', {}, h('input', { type: 'number', min: 1, max: 86400, step: 1, value: String(l.windowSeconds), 'data-window': l.name, 'aria-label': `${l.name}: window in seconds` }))))));
}

export async function limitsSection(projectId) {
  const current = await consoleApi.request('get', '/projects/{projectId}/limits', path(projectId));
  const errors = errorBox();
  const tableArea = h('div', { class: 'table-scroll' });
  let limits = current.limits;
  const save = async (overrides, message) => {
    const saved = await consoleApi.request('put', '/projects/{projectId}/limits', { ...path(projectId), body: { limits: overrides } });
    limits = saved.limits;
    mount(tableArea, limitsTable(limits));
    toast(message);
  };
  mount(tableArea, limitsTable(limits));
  const form = h('form', { class: 'card', 'aria-labelledby': 'limits-h' },
    h('h2', { id: 'limits-h' }, 'Rate limits'),
    h('p', { class: 'muted' }, 'Requests allowed per window for this project. Values that equal the default are not stored as overrides.'),
    errors,
    tableArea,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Save limits'),
      h('button', { type: 'button', onclick: async () => {
        errors.clear();
        try { await save({}, 'Rate limits reset to the defaults.'); } catch (err) { errors.show(err); }
      } }, 'Reset to defaults')));
  onSubmit(form, errors, () => save(overridesFrom(form, limits), 'Rate limits saved.'));
  return form;
}
