/**
 * openapi.yaml is the contract: every mounted route must be described there (same method and path),
 * every described operation must be mounted, and the committed openapi.yaml and sdk/ must be fresh.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { render } from '../../scripts/build-contract.ts';
import { loadContract, CONTRACT_PATH } from '../../src/contract.ts';
import { indexOperations } from '../../src/http/validate.ts';
import { legs } from '../support/legs.ts';
import { startServer } from '../support/server.ts';
import { allRoutes } from '../../src/http/routes.ts';

test('openapi.yaml and sdk/schema.d.ts are regenerated from openapi/*.yaml (run `npm run sdk`)', async () => {
  const { yaml, types } = await render();
  assert.equal(readFileSync(CONTRACT_PATH, 'utf8'), yaml, 'openapi.yaml is stale');
  assert.equal(readFileSync(new URL('../../sdk/schema.d.ts', import.meta.url), 'utf8'), types, 'sdk/schema.d.ts is stale');
});

test('every route is in openapi.yaml with the same method and path, and every operation is mounted', async () => {
  const server = await startServer(legs()[0]!);
  try {
    const routes = allRoutes(server.services, server.runtime);
    const ops = indexOperations(loadContract());
    const mounted = new Set<string>();
    for (const r of routes) {
      const op = ops.get(r.operationId);
      assert.ok(op, `${r.method.toUpperCase()} ${r.path}: operationId ${r.operationId} is not in openapi.yaml`);
      assert.equal(op.method, r.method, `${r.operationId}: method`);
      assert.equal(op.path, r.path.replace(/:(\w+)/g, '{$1}'), `${r.operationId}: path`);
      assert.ok(!mounted.has(r.operationId), `${r.operationId} is mounted twice`);
      mounted.add(r.operationId);
      const statuses = Object.keys(op.op.responses ?? {});
      assert.ok(statuses.includes(String(r.status ?? 200)), `${r.operationId}: success status ${r.status ?? 200} is not documented`);
    }
    for (const id of ops.keys()) assert.ok(mounted.has(id), `openapi.yaml describes ${id}, but no route serves it`);
  } finally {
    await server.close();
  }
});

test('the SDK client exposes typed paths for the contract', async () => {
  const { createClient } = await import('../../sdk/index.ts');
  const api = createClient({ endpoint: 'http://127.0.0.1:1/v1', project: 'p' });
  assert.equal(typeof api.request, 'function');
});
