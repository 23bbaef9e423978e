/**
 * The web console, driven in headless Chromium: an owner signs up, creates a project and a key,
 * the key's secret (read from the page) works through the API until it is revoked in the UI, and
 * the data browser pages through 60 documents with cursors.
 *
 * SQLite leg only: the console is storage-independent (it only calls the documented /v1 API, whose
 * behaviour on MariaDB + Redis the API suites cover), and a browser per leg would double the
 * slowest file of the suite for no extra coverage.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { legs } from '../support/legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { useServer } from '../support/use-server.ts';
import { cookiesFrom, type Client } from '../support/http.ts';
import { rid } from '../support/fixtures.ts';
import { DOCS, launchBrowser, snap, watchForErrors } from './browser.ts';
import { browseDocuments } from './data-browser.ts';

const sqlite = legs().find((l) => l.name === 'sqlite')!;

describe('web console in headless Chromium [SQLite + in-process store]', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let call: Client;
  const email = `${rid('owner')}@example.com`;
  const password = 'correct horse battery';
  const projectId = rid('shop');
  let ownerCookie = '';

  const cleanup = useCleanup();
  before(async () => {
    ({ server, call } = await useServer(sqlite, cleanup));
    browser = await launchBrowser();
    cleanup.defer('browser', () => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    problems = watchForErrors(page);
  });

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  test('a signed-out visitor lands on sign-in; signing up the first owner opens the projects page', async () => {
    await page.goto(`${server.url}/console`);
    await heading('Sign in').waitFor();
    await snap(page, 'signin');
    await page.getByRole('link', { name: 'Create the owner account' }).click();
    await heading('Create an owner account').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Ada Owner');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await snap(page, 'signup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading('Projects').waitFor();
    assert.equal(await page.locator('#who .who-email').textContent(), email);
    await snap(page, 'projects-empty');
    const signIn = await call('POST', '/account/sessions/email', { project: 'console', body: { email, password } });
    assert.equal(signIn.status, 201, 'the owner the console created can sign in through the API');
    ownerCookie = cookiesFrom(signIn.headers);
  });

  test('create a project from a name and ID; it opens on its API keys', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Demo shop');
    assert.equal(await page.getByLabel('Project ID').inputValue(), 'demo-shop', 'the ID is suggested from the name');
    await page.getByLabel('Project ID').fill(projectId);
    await page.getByRole('button', { name: 'Create project' }).click();
    await heading('Demo shop').waitFor();
    assert.match(page.url(), new RegExp(`#/projects/${projectId}/keys$`));
    const got = await call('GET', `/projects/${projectId}`, { cookie: ownerCookie });
    assert.equal(got.status, 200);
    assert.equal(got.body.name, 'Demo shop');
    // A duplicate ID shows the API's message in the form.
    await page.goto(`${server.url}/console/#/projects`);
    await heading('Projects').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Again');
    await page.getByLabel('Project ID').fill(projectId);
    await page.getByRole('button', { name: 'Create project' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const dup = await call('POST', '/projects', { cookie: ownerCookie, body: { projectId, name: 'Again' } });
    assert.equal(await alert.textContent(), dup.body.message);
    assert.equal(await page.getByRole('row').count(), 2, 'one project (plus the header row)');
    await snap(page, 'projects');
  });

  test('create a key with two scopes; the secret shown once works through the API; edit it; revoke it in the UI', async () => {
    await page.getByRole('link', { name: 'Open Demo shop' }).click();
    await page.getByRole('heading', { level: 2, name: 'API keys' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Server key');
    await page.getByLabel('databases.read', { exact: true }).check();
    await page.getByLabel('health.read', { exact: true }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secretBox = page.getByTestId('key-secret');
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    assert.match(secret, /^standard_[0-9a-f]{64}$/);
    await snap(page, 'keys-secret');

    // The secret works from outside the browser, with exactly the chosen scopes.
    const listed = await call('GET', `/projects/${projectId}/keys`, { cookie: ownerCookie });
    assert.deepEqual(listed.body.keys.map((k: { name: string; scopes: string[]; secret: string }) => [k.name, [...k.scopes].sort(), k.secret]), [['Server key', ['databases.read', 'health.read'], '']]);
    const databases = await call('GET', '/databases', { project: projectId, key: secret });
    assert.equal(databases.status, 200, databases.text);
    assert.equal(databases.body.total, 0);
    const outOfScope = await call('POST', '/databases', { project: projectId, key: secret, body: { databaseId: 'nope', name: 'No' } });
    assert.equal(outOfScope.status, 401, 'databases.write was not picked');
    assert.equal(outOfScope.body.type, 'general_unauthorized_scope');

    // Shown once: after "Done" the page has no secret, and the list never shows it.
    await page.getByRole('button', { name: 'Done, I have saved it' }).click();
    assert.equal(await page.getByTestId('key-secret').count(), 0);
    assert.equal(await page.getByText(secret).count(), 0);
    assert.ok(!(await page.content()).includes(secret), 'the secret is gone from the page');
    await snap(page, 'keys');
    if (process.env.CONSOLE_DOCS_SCREENSHOT) {
      // The README's picture (`CONSOLE_DOCS_SCREENSHOT=1 npm test -- test/console/console.test.ts`):
      // reloaded so "Last used" shows the calls above, and without the toast.
      await page.reload();
      await page.getByRole('cell', { name: 'Server key', exact: true }).waitFor();
      await page.locator('#toast:not(.visible)').waitFor({ state: 'attached' });
      mkdirSync(DOCS, { recursive: true });
      await page.screenshot({ path: `${DOCS}console-keys.png`, fullPage: true });
    }

    // Edit: rename, add a scope, set an expiry.
    await page.getByRole('button', { name: 'Edit key Server key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Backend key');
    await dialog.getByLabel('documents.read', { exact: true }).check();
    await dialog.getByLabel('Expires on (optional)').fill('2099-12-31');
    await snap(page, 'keys-edit');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('cell', { name: 'Backend key', exact: true }).waitFor();
    const edited = (await call('GET', `/projects/${projectId}/keys`, { cookie: ownerCookie })).body.keys[0];
    assert.equal(edited.name, 'Backend key');
    assert.deepEqual([...edited.scopes].sort(), ['databases.read', 'documents.read', 'health.read']);
    assert.equal(edited.expire, '2099-12-31T23:59:59.000+00:00');
    assert.notEqual(edited.accessedAt, null, 'the key was used above, and the list says when');

    // Dialogs are keyboard-friendly: Escape cancels and focus goes back to the button that opened it.
    const revoke = page.getByRole('button', { name: 'Revoke key Backend key' });
    await revoke.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate('document.activeElement.getAttribute("aria-label")'), 'Revoke key Backend key', 'focus returns to the Revoke button');

    // Revoke in the UI; the API refuses the secret afterwards.
    await revoke.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('No API keys yet.').waitFor();
    const refused = await call('GET', '/databases', { project: projectId, key: secret });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.type, 'user_unauthorized');
  });

  test('settings: allowed origins are saved; the connect snippet names the endpoint and project', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Connect' }).waitFor();
    assert.equal(await page.getByTestId('endpoint').textContent(), `${server.url}/v1`);
    const snippets = await page.locator('pre code').allTextContents();
    assert.ok(snippets.some((s) => s.includes("from 'node-appwrite'") && s.includes(`.setProject('${projectId}')`)));
    assert.ok(snippets.some((s) => s.includes("from 'appwrite'") && s.includes(`.setEndpoint('${server.url}/v1')`)));
    await page.getByLabel('Allowed web origins').fill('https://shop.example.com\nhttps://admin.example.com');
    assert.equal(await page.getByLabel('Realtime connections cap').inputValue(), '1000');
    await page.getByLabel('Realtime connections cap').fill('25');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Settings saved.').waitFor();
    const project = await call('GET', `/projects/${projectId}`, { cookie: ownerCookie });
    assert.deepEqual(project.body.origins, ['https://shop.example.com', 'https://admin.example.com']);
    assert.equal(project.body.realtimeConnections, 25);
    // The rate-limit section appears exactly when the server has the limits route (it is optional).
    const limits = await call('GET', `/projects/${projectId}/limits`, { cookie: ownerCookie });
    const shown = await page.getByRole('heading', { level: 2, name: 'Rate limits' }).count();
    assert.equal(shown, limits.status === 200 ? 1 : 0, `limits route answered ${limits.status}`);
    if (limits.status !== 200) assert.equal(limits.body.type, 'general_route_not_found');
    else await overrideALimit(projectId);
    await snap(page, 'settings');
  });

  async function overrideALimit(id: string): Promise<void> {
    const preset = (await call('GET', `/projects/${id}/limits`, { cookie: ownerCookie })).body.limits[0] as { name: string; limit: number };
    await page.getByLabel(`${preset.name}: requests per window`).fill(String(preset.limit + 7));
    await page.getByRole('button', { name: 'Save limits' }).click();
    await page.getByText('Rate limits saved.').waitFor();
    const after = (await call('GET', `/projects/${id}/limits`, { cookie: ownerCookie })).body.limits as { name: string; limit: number; overridden: boolean }[];
    assert.deepEqual(after.filter((l) => l.overridden).map((l) => [l.name, l.limit]), [[preset.name, preset.limit + 7]], 'only the changed preset is stored as an override');
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await page.getByText('Rate limits reset to the defaults.').waitFor();
    const reset = (await call('GET', `/projects/${id}/limits`, { cookie: ownerCookie })).body.limits as { overridden: boolean }[];
    assert.ok(reset.every((l) => !l.overridden));
  }

  test('data browser: databases → collections → 60 documents paged with cursors → one document', async () => {
    await browseDocuments({ page, server, projectId, ownerCookie });
  });

  test('deleting a project needs its ID typed in', async () => {
    const doomed = rid('temp');
    assert.equal((await call('POST', '/projects', { cookie: ownerCookie, body: { projectId: doomed, name: 'Temporary' } })).status, 201);
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('button', { name: 'Delete Temporary' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete project' });
    assert.ok(await confirm.isDisabled());
    await dialog.getByLabel(/Type the project ID/).fill('temp');
    assert.ok(await confirm.isDisabled(), 'a partial ID does not arm the button');
    await dialog.getByLabel(/Type the project ID/).fill(doomed);
    await snap(page, 'projects-delete');
    await confirm.click();
    await page.getByRole('link', { name: 'Temporary', exact: true }).waitFor({ state: 'detached' });
    assert.equal((await call('GET', `/projects/${doomed}`, { cookie: ownerCookie })).status, 404);
    assert.equal((await call('GET', `/projects/${projectId}`, { cookie: ownerCookie })).status, 200, 'the other project is untouched');
  });

  test('sign out ends the session on the server; a wrong password shows the API\'s message', async () => {
    const browserCookie = (await page.context().cookies()).filter((c) => c.name.startsWith('a_session_console')).map((c) => `${c.name}=${c.value}`).join('; ');
    assert.equal((await call('GET', '/account', { cookie: browserCookie })).status, 200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading('Sign in').waitFor();
    assert.equal((await call('GET', '/account', { cookie: browserCookie })).status, 401, 'the old session is refused');
    const cookies = await page.context().cookies();
    assert.ok(!cookies.some((c) => c.name === 'a_session_console' && c.value), 'the session cookie is gone');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const wrong = await call('POST', '/account/sessions/email', { project: 'console', body: { email, password: 'not the password' } });
    assert.equal(await alert.textContent(), wrong.body.message);
    await snap(page, 'signin-error');
    // Keyboard only: Enter in the password field submits.
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await heading('Projects').waitFor();
  });

  test('when the session is ended elsewhere, the next action leads to sign-in', async () => {
    assert.equal((await call('DELETE', '/account/sessions', { cookie: ownerCookie })).status, 204, 'signs out every session of the owner');
    await page.getByLabel('Name', { exact: true }).fill('Too late');
    await page.getByLabel('Project ID').fill(rid('late'));
    await page.getByRole('button', { name: 'Create project' }).click();
    await heading('Sign in').waitFor();
    assert.equal(await page.locator('#who').textContent(), '', 'no owner shown any more');
  });

  test('no page errors, console errors or CSP violations on the way', () => {
    assert.deepEqual(problems, []);
  });
});
