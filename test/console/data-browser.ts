/**
 * The data-browser part of the console test: a collection with 60 documents made through the API
 * (with a project key), browsed and paged in the UI; then an attribute and an index made from the
 * UI's forms. Pages are checked against what the API itself lists.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/server.ts';
import { client } from '../support/http.ts';
import { ALL_SCOPES } from '../support/fixtures.ts';
import { snap } from './browser.ts';

interface Setup { page: Page; server: TestServer; projectId: string; ownerCookie: string }

const DB = 'shopdb';
const COLL = 'orders';
const TOTAL = 60;

async function waitAvailable(get: () => Promise<{ status: number; body: { status: string } }>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await get();
    if (res.body.status === 'available') return;
    assert.notEqual(res.body.status, 'failed', JSON.stringify(res.body));
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('attribute did not become available');
}

/** Database, collection, two attributes and 60 documents, all through the API with a project key. */
async function seed(server: TestServer, projectId: string, ownerCookie: string): Promise<string[]> {
  const call = client(server.url);
  const made = await call('POST', `/projects/${projectId}/keys`, { cookie: ownerCookie, body: { name: 'seed', scopes: ALL_SCOPES } });
  assert.equal(made.status, 201, made.text);
  const key = made.body.secret as string;
  const as = { project: projectId, key };
  const base = `/databases/${DB}/collections/${COLL}`;
  assert.equal((await call('POST', '/databases', { ...as, body: { databaseId: DB, name: 'Shop' } })).status, 201);
  const coll = await call('POST', `/databases/${DB}/collections`, { ...as, body: { collectionId: COLL, name: 'Orders', permissions: ['read("any")'], documentSecurity: true } });
  assert.equal(coll.status, 201, coll.text);
  for (const [type, body] of [['string', { key: 'title', size: 64, required: true }], ['integer', { key: 'n', required: true }]] as const) {
    const attr = await call('POST', `${base}/attributes/${type}`, { ...as, body });
    assert.equal(attr.status, 202, attr.text);
    await waitAvailable(() => call('GET', `${base}/attributes/${body.key}`, as));
  }
  for (let n = 1; n <= TOTAL; n++) {
    const id = `order-${String(n).padStart(2, '0')}`;
    const doc = await call('POST', `${base}/documents`, { ...as, body: { documentId: id, data: { title: `Order ${n}`, n }, permissions: ['read("user:reviewer")'] } });
    assert.equal(doc.status, 201, doc.text);
  }
  // The order the console must show: the API's own default order, 60 at once.
  const all = await call('GET', `${base}/documents`, { ...as, query: { queries: [JSON.stringify({ method: 'limit', values: [TOTAL] })] } });
  assert.equal(all.status, 200, all.text);
  assert.equal(all.body.total, TOTAL);
  return all.body.documents.map((d: { $id: string }) => d.$id);
}

async function idsOnPage(page: Page): Promise<string[]> {
  return page.locator('tbody tr td:first-child code').allTextContents();
}

async function expectRange(page: Page, text: string): Promise<void> {
  await page.getByTestId('page-range').filter({ hasText: text }).waitFor();
}

export async function browseDocuments({ page, server, projectId, ownerCookie }: Setup): Promise<void> {
  const expected = await seed(server, projectId, ownerCookie);

  await page.getByRole('link', { name: 'Databases' }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Databases (1)' }).waitFor();
  await snap(page, 'data-databases');
  await page.getByRole('link', { name: 'Shop', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Collections (1)' }).waitFor();
  await snap(page, 'data-collections');
  await page.getByRole('link', { name: 'Orders', exact: true }).click();

  await expectRange(page, `Documents 1–25 of ${TOTAL}`);
  assert.deepEqual(await idsOnPage(page), expected.slice(0, 25));
  assert.ok(await page.getByRole('button', { name: '← Previous' }).isDisabled());
  await snap(page, 'data-documents');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expectRange(page, `Documents 26–50 of ${TOTAL}`);
  assert.deepEqual(await idsOnPage(page), expected.slice(25, 50));
  await page.getByRole('button', { name: 'Next →' }).click();
  await expectRange(page, `Documents 51–60 of ${TOTAL}`);
  assert.deepEqual(await idsOnPage(page), expected.slice(50));
  assert.ok(await page.getByRole('button', { name: 'Next →' }).isDisabled(), 'no page after the last');
  await page.getByRole('button', { name: '← Previous' }).click();
  await expectRange(page, `Documents 26–50 of ${TOTAL}`);
  assert.deepEqual(await idsOnPage(page), expected.slice(25, 50));

  // One document: its JSON and permissions.
  const docId = expected[30]!;
  await page.getByRole('link', { name: docId }).click();
  await page.getByRole('heading', { level: 2, name: 'Permissions' }).waitFor();
  const json = JSON.parse((await page.getByTestId('document-json').textContent()) ?? '');
  assert.equal(json.$id, docId);
  assert.equal(json.title, `Order ${Number(docId.slice(-2))}`);
  assert.deepEqual(json.$permissions, ['read("user:reviewer")']);
  await page.getByRole('cell', { name: 'user:reviewer', exact: true }).waitFor();
  await snap(page, 'data-document');

  await createSchemaFromForms(page);
  await createDatabaseAndCollectionFromForms(page, server, projectId, ownerCookie);
}

async function createDatabaseAndCollectionFromForms(page: Page, server: TestServer, projectId: string, ownerCookie: string): Promise<void> {
  await page.getByRole('link', { name: 'Databases', exact: true }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Databases (1)' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Archive');
  await page.getByLabel('Database ID').fill('archive');
  await page.getByRole('button', { name: 'Create database' }).click();
  await page.getByRole('heading', { level: 1, name: 'Archive' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Old orders');
  await page.getByLabel('Document security', { exact: false }).check();
  await page.getByLabel('Collection permissions (optional)').fill('read("users")\ncreate("team:staff")');
  await page.getByRole('button', { name: 'Create collection' }).click();
  await page.getByRole('heading', { level: 2, name: 'Attributes' }).waitFor();
  // Made with a generated ID: find it through the API and check what the form sent.
  const call = client(server.url);
  const { body } = await call('GET', '/databases/archive/collections', { project: projectId, cookie: ownerCookie, headers: { 'x-appwrite-mode': 'admin' } });
  assert.equal(body.total, 1);
  const made = body.collections[0];
  assert.equal(made.name, 'Old orders');
  assert.match(made.$id, /^[0-9a-f]{20}$/);
  assert.equal(made.documentSecurity, true);
  assert.deepEqual(made.$permissions, ['read("users")', 'create("team:staff")']);
  assert.match(page.url(), new RegExp(`/data/archive/${made.$id}/attributes$`));
  // A bad ID shows the API's message.
  await page.getByRole('link', { name: 'archive', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('Bad');
  await page.getByLabel('Collection ID').fill(made.$id);
  await page.getByRole('button', { name: 'Create collection' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /already exists/i);
  await snap(page, 'data-collection-error');
}

async function createSchemaFromForms(page: Page): Promise<void> {
  await page.getByRole('link', { name: '← Back to the documents' }).click();
  await page.getByRole('link', { name: 'Attributes' }).click();
  await page.getByRole('heading', { level: 2, name: 'Attributes' }).waitFor();
  await page.getByLabel('Key', { exact: true }).fill('status');
  await page.getByLabel('Type', { exact: true }).selectOption('enum');
  assert.ok(await page.getByLabel('Size (characters)').isHidden(), 'only the fields of the chosen type are shown');
  await page.getByLabel('Elements').fill('new, paid, shipped');
  await page.getByLabel('Default (optional)').fill('new');
  await page.getByRole('button', { name: 'Create attribute' }).click();
  const row = page.locator('tbody tr').filter({ has: page.locator('code', { hasText: /^status$/ }) });
  await row.filter({ hasText: 'available' }).waitFor();
  assert.match((await row.textContent()) ?? '', /string \(enum: new, paid, shipped\)/);
  await snap(page, 'data-attributes');

  await page.getByRole('link', { name: 'Indexes' }).click();
  await page.getByRole('heading', { level: 2, name: 'Indexes' }).waitFor();
  await page.getByLabel('Key', { exact: true }).fill('by_n');
  await page.getByLabel('n', { exact: true }).check();
  await page.getByLabel('Order').selectOption('desc');
  await page.getByRole('button', { name: 'Create index' }).click();
  const indexRow = page.locator('tbody tr').filter({ has: page.locator('code', { hasText: /^by_n$/ }) });
  await indexRow.filter({ hasText: 'available' }).waitFor();
  assert.match((await indexRow.textContent()) ?? '', /n desc/);
  await snap(page, 'data-indexes');
}
