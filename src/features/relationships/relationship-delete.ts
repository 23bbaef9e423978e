/**
 * `onDelete` when a document is deleted, inside the caller's transaction (so a refusal or a failure
 * anywhere leaves everything as it was). For each relationship of the document's collection (hidden
 * one-way twins included), the documents that would be left pointing at it — or, for one-to-one and
 * a many-to-many's parent side, that it points at — are:
 * - `restrict`: a reason to refuse (403 document_delete_restricted);
 * - `setNull`: unlinked (their column set to NULL, junction rows removed);
 * - `cascade`: deleted too, recursively (each document once: cycles end), rows and permission rows.
 * The document's own junction rows always go. Cascaded deletes follow the schema's rule: they are
 * not checked against the caller's permissions on the related documents (as in Appwrite).
 */
import { AppError } from '../../errors/index.ts';
import { eq } from '../../db/filter.ts';
import type { TenantDb } from '../../db/tenant-db.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { DocumentStore } from '../documents/document-store.ts';
import { placementOf, relationshipsOf, type RelationshipAttribute } from './relationship-meta.ts';
import { relatedMeta, type RelatedMetas } from './related-metas.ts';

/** `collection sequence:$id` of every document this delete has reached. */
type Visited = Set<string>;

/** Applies `onDelete` for `documentIds` of `meta` (the caller deletes those rows itself afterwards). */
export async function beforeDelete(tdb: TenantDb, metas: RelatedMetas, meta: CollectionMeta, documentIds: readonly string[], visited: Visited = new Set()): Promise<void> {
  if (metas.size === 0) return;
  for (const id of documentIds) visited.add(`${meta.sequence}:${id}`);
  for (const attribute of relationshipsOf(meta)) {
    const related = relatedMeta(metas, attribute.relationship.relatedSequence);
    const linked = (await linkedIds(tdb, meta, attribute, documentIds)).filter((id) => !visited.has(`${related.sequence}:${id}`));
    await apply(tdb, metas, meta, related, attribute, documentIds, linked, visited);
  }
}

async function apply(tdb: TenantDb, metas: RelatedMetas, meta: CollectionMeta, related: CollectionMeta, attribute: RelationshipAttribute, documentIds: readonly string[], linked: string[], visited: Visited): Promise<void> {
  const r = attribute.relationship;
  const placement = placementOf(meta, r);
  const junction = placement.kind === 'junction' ? tdb.junction(placement.parentSequence, r.storage) : null;
  if (r.onDelete === 'restrict' && linked.length) throw new AppError('document_delete_restricted');
  if (r.onDelete === 'setNull' && placement.kind === 'reverse' && linked.length) {
    await new DocumentStore(tdb, related).updateMany(linked, { [placement.column]: null });
  }
  if (junction && placement.kind === 'junction') await junction.delete(eq({ [placement.mine]: [...documentIds] }));
  if (r.onDelete === 'cascade' && linked.length) {
    // A many-to-many cascades from its parent side only (utopia's rule); its child side only unlinks.
    if (placement.kind === 'junction' && r.side !== 'parent') return;
    await deleteCascaded(tdb, metas, related, linked, visited);
  }
}

/** Related documents this relationship makes dependent on `documentIds` (see the file comment). */
async function linkedIds(tdb: TenantDb, meta: CollectionMeta, attribute: RelationshipAttribute, documentIds: readonly string[]): Promise<string[]> {
  const r = attribute.relationship;
  const placement = placementOf(meta, r);
  if (placement.kind === 'own') {
    // The document points at the related one: only a one-to-one makes that one dependent.
    if (r.relationType !== 'oneToOne') return [];
    const rows = await tdb.collection(meta.sequence).docs.find({ where: eq({ _uid: [...documentIds] }), columns: [placement.column] });
    return rows.map((row) => row[placement.column]).filter((v): v is string => typeof v === 'string');
  }
  if (placement.kind === 'reverse') {
    const rows = await tdb.collection(r.relatedSequence).docs.find({ where: eq({ [placement.column]: [...documentIds] }), columns: ['_uid'], forUpdate: true });
    return rows.map((row) => String(row._uid));
  }
  const rows = await tdb.junction(placement.parentSequence, r.storage).find({ where: eq({ [placement.mine]: [...documentIds] }) });
  return [...new Set(rows.map((row) => String(row[placement.theirs])))];
}

async function deleteCascaded(tdb: TenantDb, metas: RelatedMetas, meta: CollectionMeta, ids: readonly string[], visited: Visited): Promise<void> {
  const store = new DocumentStore(tdb, meta);
  const existing = (await store.loadMany(eq({ _uid: [...ids] }), { lock: true })).map((row) => String(row._uid));
  if (existing.length === 0) return;
  await beforeDelete(tdb, metas, meta, existing, visited);
  await store.delete(existing);
}
