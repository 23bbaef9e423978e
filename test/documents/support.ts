/** Helpers for the documents tests: a keyed project API, collections with attributes/indexes, callers. */
import assert from 'node:assert/strict';
import type { CallOptions, CallResult } from '../support/http.ts';
import type { Project } from '../support/fixtures.ts';

export type Api = (method: string, path: string, body?: unknown, query?: CallOptions['query']) => Promise<CallResult>;

/** Calls as the project's all-scopes API key. */
export function keyApi(p: Project, key = p.key): Api {
  return (method, path, body, query) => p.call(method, path, { project: p.id, key, body, query });
}

/** Calls as a guest, or as an end user when `session` is given. */
export function clientApi(p: Project, session?: string): Api {
  return (method, path, body, query) => p.call(method, path, { project: p.id, session, body, query });
}

export type AttributeSpec = readonly [kind: string, body: Record<string, unknown>];

export interface CollectionSpec {
  readonly permissions?: readonly string[];
  readonly documentSecurity?: boolean;
  readonly attributes: readonly AttributeSpec[];
  readonly indexes?: ReadonlyArray<{ key: string; type: string; attributes: string[]; orders?: string[] }>;
}

/** Creates the database (once) and a collection with its attributes and indexes, all available. */
export async function makeCollection(api: Api, databaseId: string, collectionId: string, spec: CollectionSpec): Promise<string> {
  const db = await api('GET', `/databases/${databaseId}`);
  if (db.status === 404) assert.equal((await api('POST', '/databases', { databaseId, name: databaseId })).status, 201);
  const created = await api('POST', `/databases/${databaseId}/collections`, {
    collectionId, name: collectionId, permissions: spec.permissions ?? [], documentSecurity: spec.documentSecurity ?? false,
  });
  assert.equal(created.status, 201, created.text);
  const base = `/databases/${databaseId}/collections/${collectionId}`;
  for (const [kind, body] of spec.attributes) {
    const res = await api('POST', `${base}/attributes/${kind}`, body);
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.status, 'available', res.text);
  }
  for (const index of spec.indexes ?? []) {
    const res = await api('POST', `${base}/indexes`, index);
    assert.equal(res.status, 202, res.text);
    assert.equal(res.body.status, 'available', res.text);
  }
  return `${base}/documents`;
}

export const q = (method: string, attribute?: string, values?: unknown[]) =>
  JSON.stringify({ method, ...(attribute !== undefined ? { attribute } : {}), ...(values ? { values } : {}) });

export function ids(res: CallResult): string[] {
  assert.equal(res.status, 200, res.text);
  return (res.body.documents as Array<{ $id: string }>).map((d) => d.$id);
}
