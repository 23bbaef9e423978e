/**
 * The checks a staged operation passes when it is staged (Appwrite runs the normal validation and
 * permission checks at once, then writes nothing): attribute values, permissions the caller may
 * grant, the caller's grants on the collection / the document as the transaction sees it. Answers
 * the mock response the write route returns instead of the written document.
 */
import { AppError, appError, invalidParam } from '../../errors/index.ts';
import { isPrivileged, type RequestContext } from '../../http/context.ts';
import { CUSTOM_ID, CUSTOM_ID_RULE, resolveCustomId } from '../../lib/ids.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { DOCUMENT_PERMISSION_TYPES, parsePermissions } from '../permissions/permissions.ts';
import { assertMayGrant, collectionGrants, defaultPermissions, documentGrants } from '../documents/access.ts';
import { prepareData } from '../documents/document-input.ts';
import { splitOperators } from '../documents/operators.ts';
import { splitRelationships } from '../relationships/relationship-writes.ts';
import type { DocumentModel } from '../documents/document-model.ts';
import { compileQueries } from '../documents/query/compile.ts';
import { parseQueries } from '../documents/query/parse.ts';
import { availableAttributes } from '../documents/query/schema.ts';
import type { Payload, StagedOp } from './transaction-store.ts';

/** The document as the transaction sees it (null: absent), for the checks of update/delete/increment. */
export type Current = (id: string) => Promise<DocumentModel | null>;

/** Where the operation came from: a write route (`write`) or `createOperations` (`batch`); they word refusals differently. */
export type Origin = 'write' | 'batch';

export const MAX_OPERATIONS = 100;
const BULK_LIMIT = 100;

/** A new document ID as staged: `unique()` is resolved now, so replays and the commit agree on it. */
export function stagedId(raw: unknown, param: string): string {
  if (typeof raw !== 'string') throw invalidParam(param, CUSTOM_ID_RULE);
  const id = resolveCustomId(raw);
  if (!CUSTOM_ID.test(id)) throw invalidParam(param, CUSTOM_ID_RULE);
  return id;
}

/**
 * Validates `op` for `ctx` (throws the error the direct write would) and answers its mock response
 * (undefined for a delete). Bulk documents get their `$id` resolved in place (the returned op).
 */
export async function checkOperation(ctx: RequestContext, meta: CollectionMeta, op: Omit<StagedOp, 'stagedAt'>, current: Current, origin: Origin): Promise<{ op: Omit<StagedOp, 'stagedAt'>; mock: unknown }> {
  const p = op.payload;
  const privileged = isPrivileged(ctx);
  const base = { $databaseId: meta.databaseId, $collectionId: meta.id };
  if (op.action.startsWith('bulk') && !privileged) {
    if (origin === 'batch') throw new AppError('user_unauthorized', { message: 'Bulk operations are only available to API keys.' });
    throw new AppError('general_unauthorized_scope', { message: 'Bulk document operations are only available to API keys.' });
  }
  const id = op.documentId ?? '';
  switch (op.action) {
    case 'create': {
      checkCreate(ctx, meta, p.data ?? {}, p.permissions ?? null);
      if (await current(id)) throw appError('document_already_exists', id);
      // A signed-in user's default permissions are fixed now, so reads through the transaction see them too.
      const staged = p.permissions ? op : { ...op, payload: { ...p, permissions: defaultPermissions(ctx) } };
      return { op: staged, mock: { $id: id, ...base, ...(p.permissions ? { $permissions: p.permissions } : {}), ...(p.data ?? {}) } };
    }
    case 'update': case 'upsert': {
      const doc = await current(id);
      if (!doc && op.action === 'update') throw appError('document_not_found', id);
      if (!doc) {
        checkCreate(ctx, meta, p.data ?? {}, p.permissions ?? null);
        return { op, mock: { $id: id, ...base, ...(p.permissions ? { $permissions: p.permissions } : {}), ...(p.data ?? {}) } };
      }
      checkUpdate(ctx, meta, doc, p.data ?? {}, p.permissions ?? null);
      return { op, mock: { ...doc, ...(p.data ?? {}), ...(p.permissions ? { $permissions: p.permissions } : {}) } };
    }
    case 'delete': {
      const doc = await current(id);
      if (!doc) throw appError('document_not_found', id);
      if (!documentGrants(ctx, meta, doc.$permissions as string[], 'delete')) throw new AppError('user_unauthorized');
      return { op, mock: undefined };
    }
    case 'increment': case 'decrement': {
      const attribute = p.attribute ?? '';
      const attr = availableAttributes(meta).find((a) => a.key === attribute);
      if (!attr) throw appError('attribute_not_found', attribute);
      if ((attr.type !== 'integer' && attr.type !== 'double') || attr.array) throw appError('attribute_type_invalid', attribute);
      const value = p.value ?? 1;
      if (typeof value !== 'number' || !(value > 0) || (attr.type === 'integer' && !Number.isSafeInteger(value))) throw invalidParam('value', 'Value must be numeric and greater than 0');
      const doc = await current(id);
      if (!doc) throw appError('document_not_found', id);
      if (!documentGrants(ctx, meta, doc.$permissions as string[], 'update')) throw new AppError('user_unauthorized');
      return { op, mock: { $id: id, ...base, [attribute]: value } };
    }
    case 'bulkCreate': case 'bulkUpsert': {
      const docs = p.documents ?? [];
      if (!Array.isArray(docs) || docs.length > BULK_LIMIT) throw invalidParam('documents', `Value must be an array of at most ${BULK_LIMIT} documents.`);
      const resolved = docs.map((d, i) => ({ ...d, $id: stagedId(d.$id ?? 'unique()', `documents[${i}].$id`) }));
      if (new Set(resolved.map((d) => d.$id)).size !== resolved.length) throw invalidParam('documents', 'Every document must have a distinct $id.');
      for (const [i, d] of resolved.entries()) {
        const exists = op.action === 'bulkUpsert' && (await current(d.$id)) !== null;
        prepareData(meta, stagedValues(meta, d, exists ? 'update' : 'create'), exists ? 'update' : 'create', true);
        if (Array.isArray(d.$permissions)) parsePermissions(d.$permissions, DOCUMENT_PERMISSION_TYPES, `documents[${i}].$permissions`);
      }
      return { op: { ...op, payload: { documents: resolved } }, mock: { total: resolved.length, documents: [] } };
    }
    case 'bulkUpdate': case 'bulkDelete': {
      compileQueries(parseQueries(p.queries ?? []), meta);
      if (op.action === 'bulkUpdate') prepareData(meta, stagedValues(meta, p.data ?? {}, 'update'), 'update', true);
      return { op, mock: { total: 0, documents: [] } };
    }
  }
}

function checkCreate(ctx: RequestContext, meta: CollectionMeta, data: Record<string, unknown>, permissions: readonly unknown[] | null): void {
  if (!collectionGrants(ctx, meta, 'create')) throw new AppError('user_unauthorized');
  prepareData(meta, stagedValues(meta, data, 'create'), 'create', isPrivileged(ctx));
  if (permissions) assertMayGrant(ctx, meta, parsePermissions(permissions, DOCUMENT_PERMISSION_TYPES), null);
}

function checkUpdate(ctx: RequestContext, meta: CollectionMeta, doc: DocumentModel, data: Record<string, unknown>, permissions: readonly unknown[] | null): void {
  const previous = doc.$permissions as string[];
  if (!documentGrants(ctx, meta, previous, 'update')) throw new AppError('user_unauthorized');
  prepareData(meta, stagedValues(meta, data, 'update'), 'update', isPrivileged(ctx));
  if (permissions) assertMayGrant(ctx, meta, parsePermissions(permissions, DOCUMENT_PERMISSION_TYPES), previous);
}

/**
 * The plain values checked when staging. Updates may carry operators (an increment on a number attribute is a
 * string until commit): a malformed one is refused now, and it runs at commit on the row as it is then.
 * Relationship values (IDs or nested documents) are checked at commit, where the documents service resolves
 * them against the related collections with the caller's permissions.
 */
function stagedValues(meta: CollectionMeta, data: Record<string, unknown>, mode: 'create' | 'update'): Record<string, unknown> {
  const plain = mode === 'update' ? splitOperators(meta, data).data : data;
  return splitRelationships(meta, plain).data;
}

/** A write route's body → a payload (the same names the routes read). */
export function payloadOf(action: StagedOp['action'], body: Readonly<Record<string, unknown>>, attribute?: string): Payload {
  const list = (v: unknown) => (Array.isArray(v) ? [...v] : null);
  switch (action) {
    case 'create': case 'update': case 'upsert': return { data: (body.data as Record<string, unknown> | undefined) ?? null, permissions: list(body.permissions) };
    case 'increment': case 'decrement': return { attribute, value: (body.value as number | undefined) ?? 1, max: body.max as number | undefined, min: body.min as number | undefined };
    case 'bulkCreate': case 'bulkUpsert': return { documents: (body.documents as Record<string, unknown>[] | undefined) ?? [] };
    case 'bulkUpdate': return { data: (body.data as Record<string, unknown> | undefined) ?? {}, queries: body.queries ?? [] };
    case 'bulkDelete': return { queries: body.queries ?? [] };
    case 'delete': return {};
  }
}
