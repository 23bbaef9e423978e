/**
 * Relationship values in a document write. `data` names a relationship by its key with, per side,
 * one value (`null`, a related `$id`, or a related document as an object) or a list of them. IDs and
 * objects with a `$id` must name a document the caller can read (else 404, like any hidden
 * document); an object with other fields updates that document (its `update` grant) or, when no
 * such document exists, creates it in the related collection (that collection's `create` grant),
 * and may nest further relationships (up to MAX_DEPTH). Links are written after the document row,
 * in the same transaction: a column, the related rows' column, or the junction table.
 */
import { AppError, appError } from '../../errors/index.ts';
import { eq } from '../../db/filter.ts';
import type { TenantDb } from '../../db/tenant-db.ts';
import { isPrivileged, type RequestContext } from '../../http/context.ts';
import { CUSTOM_ID, resolveCustomId } from '../../lib/ids.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { DOCUMENT_PERMISSION_TYPES, parsePermissions } from '../permissions/permissions.ts';
import { assertMayGrant, collectionGrants, defaultPermissions, documentGrants } from '../documents/access.ts';
import { prepareData } from '../documents/document-input.ts';
import { permissionsOf } from '../documents/document-model.ts';
import { DocumentStore } from '../documents/document-store.ts';
import { isMany, placementOf, visibleRelationships, type RelationshipAttribute } from './relationship-meta.ts';
import { relatedMeta, type RelatedMetas } from './related-metas.ts';

/** Appwrite's relationship depth limit (utopia `Database::RELATION_MAX_DEPTH`). */
export const MAX_DEPTH = 3;
/** Related documents a list value may name (Appwrite's APP_LIMIT_ARRAY_PARAMS_SIZE). */
const MAX_LIST = 100;

export interface RelationshipValue { readonly attribute: RelationshipAttribute; readonly value: unknown }
export interface SplitData { readonly data: Record<string, unknown>; readonly relations: readonly RelationshipValue[] }

/** Takes the relationship keys out of `data` (unchanged, same object, when there are none). */
export function splitRelationships(meta: CollectionMeta, data: Record<string, unknown> | null | undefined): SplitData {
  const input = data ?? {};
  const attributes = visibleRelationships(meta);
  if (attributes.length === 0 || typeof input !== 'object' || Array.isArray(input)) return { data: input, relations: [] };
  const relations: RelationshipValue[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const attribute = attributes.find((a) => a.key === key);
    if (attribute) relations.push({ attribute, value });
    else rest[key] = value;
  }
  return relations.length ? { data: rest, relations } : { data: input, relations: [] };
}

function invalid(message: string): AppError {
  return new AppError('relationship_value_invalid', { message: `Invalid relationship value: ${message}` });
}

/** Writes the links of `documentId` (already written in `meta`) for each relationship value sent. */
export async function writeRelationships(tdb: TenantDb, ctx: RequestContext, metas: RelatedMetas, meta: CollectionMeta, documentId: string, relations: readonly RelationshipValue[], depth = 1): Promise<void> {
  for (const { attribute, value } of relations) {
    const r = attribute.relationship;
    const related = relatedMeta(metas, r.relatedSequence);
    const list = isMany(r) ? manyValues(attribute.key, value) : value === null || value === undefined ? [] : [value];
    if (!isMany(r) && Array.isArray(value)) throw invalid(`"${attribute.key}" takes one document, not a list.`);
    const ids: string[] = [];
    for (const item of list) ids.push(await resolveRelated(tdb, ctx, metas, related, attribute.key, item, depth));
    await link(tdb, meta, related, attribute, documentId, [...new Set(ids)]);
  }
}

function manyValues(key: string, value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(`"${key}" takes a list of documents or document IDs.`);
  if (value.length > MAX_LIST) throw invalid(`"${key}" can name at most ${MAX_LIST} documents.`);
  return value;
}

/** One related value → its `$id`, after the checks and any nested create or update. */
async function resolveRelated(tdb: TenantDb, ctx: RequestContext, metas: RelatedMetas, related: CollectionMeta, key: string, item: unknown, depth: number): Promise<string> {
  if (typeof item === 'string') {
    const row = await new DocumentStore(tdb, related).load(item, true);
    if (!row || !documentGrants(ctx, related, permissionsOf(row), 'read')) throw appError('document_not_found', item);
    return item;
  }
  if (item === null || typeof item !== 'object' || Array.isArray(item)) throw invalid(`"${key}" values must be document IDs or documents.`);
  if (depth >= MAX_DEPTH) throw invalid(`nested documents go at most ${MAX_DEPTH} levels deep.`);
  const nested = item as Record<string, unknown>;
  const id = typeof nested.$id === 'string' ? resolveCustomId(nested.$id) : resolveCustomId('unique()');
  if (!CUSTOM_ID.test(id)) throw invalid(`"${key}" names an invalid document ID.`);
  const store = new DocumentStore(tdb, related);
  const row = await store.load(id, true);
  const { $permissions: rawPermissions, ...fields } = nested;
  const split = splitRelationships(related, fields);
  const changes = Object.keys(split.data).some((k) => k !== '$id') || split.relations.length > 0 || rawPermissions !== undefined;
  if (!row) {
    if (!collectionGrants(ctx, related, 'create')) throw new AppError('user_unauthorized');
    const data = prepareData(related, split.data, 'create', isPrivileged(ctx));
    const permissions = parsePermissions((rawPermissions as unknown[] | undefined) ?? defaultPermissions(ctx), DOCUMENT_PERMISSION_TYPES);
    if (rawPermissions !== undefined) assertMayGrant(ctx, related, permissions, null);
    await store.create([{ id, columns: data.columns, permissions, createdAt: data.createdAt, updatedAt: data.updatedAt }]);
  } else {
    const previous = permissionsOf(row);
    if (!documentGrants(ctx, related, previous, 'read')) throw appError('document_not_found', id);
    if (changes) {
      if (!documentGrants(ctx, related, previous, 'update')) throw new AppError('user_unauthorized');
      const data = prepareData(related, split.data, 'update', isPrivileged(ctx));
      let permissions = null;
      if (rawPermissions !== undefined) {
        permissions = parsePermissions(rawPermissions as unknown[], DOCUMENT_PERMISSION_TYPES);
        assertMayGrant(ctx, related, permissions, previous);
      }
      await store.update(id, data.columns, permissions, data.updatedAt);
    }
  }
  if (split.relations.length) await writeRelationships(tdb, ctx, metas, related, id, split.relations, depth + 1);
  return id;
}

/** Makes `ids` the related documents of `documentId` through `attribute` (replacing the previous ones). */
async function link(tdb: TenantDb, meta: CollectionMeta, related: CollectionMeta, attribute: RelationshipAttribute, documentId: string, ids: readonly string[]): Promise<void> {
  const r = attribute.relationship;
  const placement = placementOf(meta, r);
  // Column writes go through DocumentStore, like every document write (it keeps the write hooks informed).
  switch (placement.kind) {
    case 'own':
      await new DocumentStore(tdb, meta).update(documentId, { [placement.column]: ids[0] ?? null }, null);
      return;
    case 'reverse': {
      const store = new DocumentStore(tdb, related);
      const keep = new Set(ids);
      const current = await tdb.collection(related.sequence).docs.find({ where: eq({ [placement.column]: documentId }), columns: ['_uid'], forUpdate: true });
      const dropped = current.map((row) => String(row._uid)).filter((id) => !keep.has(id));
      if (dropped.length) await store.updateMany(dropped, { [placement.column]: null });
      if (ids.length) await store.updateMany(ids, { [placement.column]: documentId });
      return;
    }
    case 'junction': {
      const junction = tdb.junction(placement.parentSequence, r.storage);
      await junction.delete(eq({ [placement.mine]: documentId }));
      if (ids.length) await junction.insert(ids.map((id) => ({ [placement.mine]: documentId, [placement.theirs]: id })));
    }
  }
}
