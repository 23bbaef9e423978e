// Sign in and sign up (console owners: `/v1/account…` with `X-Appwrite-Project: console`).
import { h, mount, field, errorBox, onSubmit } from '../dom.js';
import { consoleApi } from '../api.js';

async function signIn(app, email, password) {
  await consoleApi.request('post', '/account/sessions/email', { body: { email, password } });
  await app.refreshAccount();
  app.navigate('#/projects');
}

export async function signInPage({ view, app }) {
  app.crumbs([['Sign in']]);
  const errors = errorBox();
  const form = h('form', { class: 'card narrow', novalidate: false },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'muted' }, 'Sign in with your console owner account.'),
    errors,
    field('Email', { name: 'email', type: 'email', autocomplete: 'username', required: true }),
    field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
    h('p', {}, 'First time here? ', h('a', { href: '#/signup' }, 'Create the owner account')));
  onSubmit(form, errors, (data) => signIn(app, String(data.get('email')), String(data.get('password'))));
  mount(view, form);
  form.querySelector('input').focus();
}

export async function signUpPage({ view, app }) {
  app.crumbs([['Sign up']]);
  const errors = errorBox();
  const form = h('form', { class: 'card narrow' },
    h('h1', {}, 'Create an owner account'),
    h('p', { class: 'muted' }, 'The first owner to sign up becomes the administrator of this Tenantry server.'),
    errors,
    field('Name', { name: 'name', autocomplete: 'name' }),
    field('Email', { name: 'email', type: 'email', autocomplete: 'username', required: true }),
    field('Password', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8 }, { hint: 'At least 8 characters.' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create account')),
    h('p', {}, 'Already have an account? ', h('a', { href: '#/signin' }, 'Sign in')));
  onSubmit(form, errors, async (data) => {
    const email = String(data.get('email'));
    const password = String(data.get('password'));
    const name = String(data.get('name') ?? '').trim();
    await consoleApi.request('post', '/account', { body: { userId: 'unique()', email, password, ...(name ? { name } : {}) } });
    await signIn(app, email, password);
  });
  mount(view, form);
  form.querySelector('input').focus();
}
