/**
 * How much of node-appwrite 27's `TablesDB` Tenantry serves: every method of the SDK (read from its
 * source: name, HTTP method, path) is sent once with an API key; a method is served when its route
 * answers anything but 404 `general_route_not_found`. The only methods left unserved must be
 * Appwrite Cloud's (specifications, failovers, replicas, status) and those whose legacy twin is not
 * mounted (yet); the figure is printed (`npm test -- test/tablesdb/sdk-coverage.test.ts`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { before, test } from 'node:test';
import { describeLegs } from '../support/describe-legs.ts';
import type { TestServer } from '../support/server.ts';
import { useCleanup } from '../support/cleanup.ts';
import { withProject } from '../support/use-server.ts';
import type { Project } from '../support/fixtures.ts';
import { allRoutes } from '../../src/http/routes.ts';
import { TWINS } from '../../src/features/tablesdb/tablesdb-map.ts';

const CLOUD_ONLY = ['listSpecifications', 'createFailover', 'getReplicas', 'getStatus'];
const FILL: Readonly<Record<string, string>> = { databaseId: 'db', tableId: 't', rowId: 'r', key: 'k', column: 'n', transactionId: 'tx' };

interface SdkMethod { readonly name: string; readonly method: string; readonly path: string }

/** The SDK's TablesDB methods with the request each one sends. */
export function sdkTablesDbMethods(): SdkMethod[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('node-appwrite').replace(/dist\/.*$/, 'dist/services/tables-db.mjs');
  const source = readFileSync(file, 'utf8');
  return source.split(/\n {2}(?=\w+\((?:paramsOrFirst[^)]*)?\) \{)/).slice(1).map((part) => {
    const name = /^(\w+)/.exec(part)![1]!;
    const path = /const apiPath = "([^"]+)"/.exec(part)?.[1];
    const method = /client\.call\(\s*"(\w+)"/.exec(part)?.[1];
    assert.ok(path && method, `could not read the request of TablesDB.${name}`);
    return { name, method: method.toUpperCase(), path };
  });
}

describeLegs('tablesdb: node-appwrite 27 TablesDB methods served', (leg) => {
  let server: TestServer;
  let project: Project;
  const cleanup = useCleanup();
  before(async () => {
    ({ server, project } = await withProject(leg, cleanup));
  });

  test('every TablesDB method is served except Cloud-only ones and twins of unmounted legacy routes', async (t) => {
    const methods = sdkTablesDbMethods();
    assert.equal(methods.length, 75, 'node-appwrite 27.1.0 TablesDB has 75 methods');
    const unserved: string[] = [];
    for (const m of methods) {
      const path = m.path.replace(/\{(\w+)\}/g, (_, p: string) => FILL[p] ?? p);
      const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m.method) ? {} : undefined;
      const res = await project.call(m.method, path, { project: project.id, key: project.key, body });
      assert.ok(res.status < 500, `${m.name}: ${m.method} ${path} → ${res.status} ${res.text}`);
      if (res.status === 404 && res.body?.type === 'general_route_not_found') unserved.push(m.name);
    }
    // What may be missing: Cloud-only methods, and twins whose legacy route isn't mounted.
    const mounted = new Set(allRoutes(server.services, server.runtime).map((r) => r.operationId as string));
    const sdkName = (twin: string) => twin[8]!.toLowerCase() + twin.slice(9); // tablesDBCreateRow → createRow
    const twinOf = new Map(Object.entries(TWINS).map(([legacy, twin]) => [sdkName(twin), legacy]));
    twinOf.set('list', 'listDatabases').set('create', 'createDatabase').set('get', 'getDatabase').set('update', 'updateDatabase').set('delete', 'deleteDatabase');
    twinOf.set('createRows', 'createDocument'); // one route serves createRow and createRows
    const allowed = methods.map((m) => m.name).filter((n) => CLOUD_ONLY.includes(n) || !mounted.has(twinOf.get(n) ?? '?'));
    assert.deepEqual(unserved.filter((n) => !allowed.includes(n)), [], 'served by a mounted legacy route, yet 404 general_route_not_found');
    assert.deepEqual(CLOUD_ONLY.filter((n) => !unserved.includes(n)), [], 'Cloud-only methods answer 404 general_route_not_found');
    const served = methods.length - unserved.length;
    t.diagnostic(`node-appwrite 27 TablesDB: ${served}/${methods.length} methods served; not served: ${unserved.join(', ')}`);
    console.log(`node-appwrite 27 TablesDB: ${served}/${methods.length} methods served; not served: ${unserved.join(', ')}`);
  });
});
