/**
 * openapi.yaml is the contract: every mounted route must be described there (same method and path),
 * every described operation must be mounted, and the committed openapi.yaml and sdk/ must be fresh;
 * the SDK's paths, parameters, bodies and responses are typed (checked with the TypeScript compiler).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
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
    // `x-websocket` operations are served by the realtime server's upgrade handler, not by a REST route.
    for (const [id, o] of ops) if (!(o.op as { 'x-websocket'?: boolean })['x-websocket']) assert.ok(mounted.has(id), `openapi.yaml describes ${id}, but no route serves it`);
  } finally {
    await server.close();
  }
});

/** Type-checks `source` (a module importing the SDK) with the project's compiler options; returns the diagnostics. */
function typeCheck(source: string): Array<{ code: number; line: number; text: string }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const dir = mkdtempSync(join(tmpdir(), 'tenantry-sdk-types-'));
  try {
    const file = join(dir, 'probe.mts');
    writeFileSync(file, source.replaceAll('SDK', JSON.stringify(relative(dir, join(root, 'sdk/index.ts')))));
    const program = ts.createProgram([file], { ...options, noEmit: true, typeRoots: [join(root, 'node_modules/@types')] });
    return ts.getPreEmitDiagnostics(program).map((d) => ({
      code: d.code,
      line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
      text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the SDK client has typed paths: wrong paths, params, bodies and fields don\'t compile', () => {
  const probe = `import { createClient } from SDK;
const api = createClient({ endpoint: 'http://127.0.0.1:1/v1', project: 'p' });
export async function probe(): Promise<void> {
  const keys = await api.request('get', '/projects/{projectId}/keys', { path: { projectId: 'p' } });
  const total: number = keys.total;
  const keyNames: string[] = keys.keys.map((k) => k.name);
  const db = await api.request('post', '/databases', { body: { databaseId: 'd1', name: 'Shop' } });
  const dbId: string = db.$id;
  void [total, keyNames, dbId];
  // @ts-expect-error: no such path
  await api.request('get', '/no/such/path');
  // @ts-expect-error: a path parameter the route doesn't have
  await api.request('get', '/projects/{projectId}/keys', { path: { projectIdd: 'p' } });
  // @ts-expect-error: a body field of the wrong type
  await api.request('post', '/databases', { body: { databaseId: 'd1', name: 42 } });
  // @ts-expect-error: a body for a method the path doesn't serve
  await api.request('put', '/databases', { body: { databaseId: 'd1', name: 'Shop' } });
  // @ts-expect-error: the response is typed, so a field it doesn't have is an error
  void keys.nope;
}
`;
  assert.deepEqual(typeCheck(probe), [], 'the probe compiles: correct calls type-check and every wrong one is an error');
  // Control: a correct call marked as an error is reported (TS2578), so the check above can fail.
  const control = `import { createClient } from SDK;
const api = createClient({ endpoint: 'http://127.0.0.1:1/v1' });
// @ts-expect-error: this call is fine
export const ok = api.request('get', '/databases');
`;
  assert.deepEqual(typeCheck(control).map((d) => d.code), [2578]);
});
