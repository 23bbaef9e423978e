// The console shell: a hash router (`#/projects/p1/keys`), the signed-in owner, breadcrumbs.
import { h, mount, messageOf, errorBox } from './dom.js';
import { consoleApi, isSignedOut } from './api.js';
import { signInPage, signUpPage } from './pages/auth.js';
import { projectsPage } from './pages/projects.js';
import { keysPage } from './pages/keys.js';
import { settingsPage } from './pages/settings.js';
import { databasesPage, collectionsPage } from './pages/databases.js';
import { collectionPage } from './pages/collection.js';
import { documentPage } from './pages/document.js';

const SEG = '([^/]+)';
const routes = [
  { path: new RegExp('^/signin$'), page: signInPage, public: true },
  { path: new RegExp('^/signup$'), page: signUpPage, public: true },
  { path: new RegExp('^/projects$'), page: projectsPage },
  { path: new RegExp(`^/projects/${SEG}$`), redirect: (p) => `#/projects/${encodeURIComponent(p[0])}/keys` },
  { path: new RegExp(`^/projects/${SEG}/keys$`), page: keysPage },
  { path: new RegExp(`^/projects/${SEG}/settings$`), page: settingsPage },
  { path: new RegExp(`^/projects/${SEG}/data$`), page: databasesPage },
  { path: new RegExp(`^/projects/${SEG}/data/${SEG}$`), page: collectionsPage },
  { path: new RegExp(`^/projects/${SEG}/data/${SEG}/${SEG}(?:/(documents|attributes|indexes))?$`), page: collectionPage },
  { path: new RegExp(`^/projects/${SEG}/data/${SEG}/${SEG}/documents/${SEG}$`), page: documentPage },
];

const main = document.getElementById('main');
const app = {
  /** The signed-in owner (the `GET /v1/account` model), or null. */
  account: null,
  navigate(hash) {
    if (location.hash === hash) render();
    else location.hash = hash;
  },
  /** Breadcrumbs: `[['Projects', '#/projects'], ['p1']]` (the last one is the current page). */
  crumbs(items) {
    const nav = document.getElementById('crumbs');
    mount(nav, h('ol', {}, items.map(([label, href], i) => h('li', {},
      href && i < items.length - 1 ? h('a', { href }, label) : h('span', { 'aria-current': 'page' }, label)))));
    document.title = `${items.at(-1)?.[0] ?? 'Console'} · Tenantry console`;
  },
  async signOut() {
    try { await consoleApi.request('delete', '/account/sessions/{sessionId}', { path: { sessionId: 'current' } }); } catch { /* already gone */ }
    app.account = null;
    renderWho();
    app.navigate('#/signin');
  },
  async refreshAccount() {
    try {
      app.account = await consoleApi.request('get', '/account');
    } catch (err) {
      if (!isSignedOut(err)) throw err;
      app.account = null;
    }
    renderWho();
    return app.account;
  },
};

function renderWho() {
  const who = document.getElementById('who');
  if (!app.account) { mount(who); return; }
  mount(who,
    h('span', { class: 'who-email' }, app.account.email),
    h('button', { type: 'button', class: 'ghost', onclick: () => app.signOut() }, 'Sign out'));
}

function match(path) {
  for (const route of routes) {
    const m = route.path.exec(path);
    if (m) return { route, params: m.slice(1).map((s) => (s === undefined ? undefined : decodeURIComponent(s))) };
  }
  return null;
}

let accountChecked = false;

async function render() {
  const path = location.hash.replace(/^#/, '') || '/projects';
  const found = match(path);
  if (!found) { app.navigate('#/projects'); return; }
  if (found.route.redirect) { location.replace(found.route.redirect(found.params)); return; }
  // Each render draws into its own container: a slow page that finishes after the owner has
  // moved on writes into a detached element instead of over the new page.
  const view = h('div', { class: 'view' });
  mount(main, view);
  try {
    if (!accountChecked) { await app.refreshAccount(); accountChecked = true; }
    if (!found.route.public && !app.account) { app.navigate('#/signin'); return; }
    if (found.route.public && app.account) { app.navigate('#/projects'); return; }
    await found.route.page({ view, params: found.params, app });
  } catch (err) {
    if (isSignedOut(err)) { app.account = null; renderWho(); app.navigate('#/signin'); return; }
    const box = errorBox();
    box.show({ message: messageOf(err) });
    mount(view, h('h1', {}, 'Something went wrong'), box, h('p', {}, h('a', { href: '#/projects' }, 'Back to projects')));
  }
  if (view.isConnected && !view.contains(document.activeElement)) {
    const heading = view.querySelector('h1');
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
  }
}

// The skip link would otherwise change the route.
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
// A 401 from the API while we believed we were signed in: check the session once (the 401 may be
// about something else, e.g. another owner's project) and go to sign-in only if it is really gone.
let checkingSession = false;
window.addEventListener('console:signed-out', async () => {
  if (!app.account || checkingSession) return;
  checkingSession = true;
  try {
    if (!(await app.refreshAccount().catch(() => null))) app.navigate('#/signin');
  } finally {
    checkingSession = false;
  }
});
window.addEventListener('hashchange', render);
render();
