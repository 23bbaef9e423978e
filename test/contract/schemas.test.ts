/**
 * The server compiles request validators without checking the contract's schemas against JSON
 * Schema's meta-schema (that check costs ~150 ms per ajv instance on a route's first request). This
 * test is where the check happens: every operation's path, query and body schemas compile with it on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadContract, type OpenApiDocument } from '../../src/contract.ts';
import { AppError } from '../../src/errors/index.ts';
import { createValidators, indexOperations } from '../../src/http/validate.ts';

/** Compiles every part of every operation's validator; returns the operations whose schemas are invalid. */
function invalidOperations(doc: OpenApiDocument, checkSchemas: boolean): string[] {
  const validators = createValidators(doc, { checkSchemas });
  const bad: string[] = [];
  for (const operationId of indexOperations(doc).keys()) {
    try {
      const v = validators.compile(operationId);
      // An empty request fails most operations with a typed 400 (that is fine): a schema error is not typed.
      for (const part of [() => v.path({}), () => v.query({}, false), () => v.body({})]) {
        try { part(); } catch (e) { if (!(e instanceof AppError)) throw e; }
      }
    } catch (e) {
      bad.push(`${operationId}: ${(e as Error).message}`);
    }
  }
  return bad;
}

test('every operation of openapi.yaml has schemas valid under the JSON Schema 2020-12 meta-schema', () => {
  const doc = loadContract();
  assert.ok(indexOperations(doc).size > 90, 'the whole contract is checked');
  assert.deepEqual(invalidOperations(doc, true), []);
});

test('control: a schema only the meta-schema refuses compiles at run time, and this check catches it', () => {
  const doc = structuredClone(loadContract());
  const op = doc.paths['/databases/{databaseId}/collections/{collectionId}/documents']!.get!;
  op.parameters = [...(op.parameters ?? []), { name: 'broken', in: 'query', schema: { type: 'array', minItems: -1 } }];
  assert.deepEqual(invalidOperations(doc, false), [], 'without the check the broken schema compiles');
  const bad = invalidOperations(doc, true);
  assert.equal(bad.length, 1);
  assert.match(bad[0]!, /^listDocuments: schema is invalid: .*minItems/);
});
