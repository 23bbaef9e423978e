// The heading and tabs every project page shares.
import { h } from '../dom.js';

const TABS = [['keys', 'API keys'], ['data', 'Databases'], ['settings', 'Settings']];

export function projectHref(projectId, ...rest) {
  return ['#/projects', projectId, ...rest].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}

/** `<h1>` with the project ID, and tab links; `active` is one of keys | data | settings. */
export function projectHeader(projectId, title, active) {
  return h('div', { class: 'page-head' },
    h('p', { class: 'eyebrow' }, `Project ${projectId}`),
    h('h1', {}, title),
    h('nav', { class: 'tabs', 'aria-label': 'Project sections' },
      TABS.map(([tab, label]) => h('a', { href: projectHref(projectId, tab), 'aria-current': tab === active ? 'page' : false }, label))));
}

export function projectCrumbs(app, projectId, ...rest) {
  app.crumbs([['Projects', '#/projects'], [projectId, projectHref(projectId)], ...rest]);
}
