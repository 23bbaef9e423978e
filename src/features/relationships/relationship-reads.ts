/**
 * Loading related documents into read results — only when `select` names them (Appwrite 1.7+):
 * `Query.select(['*', 'author.*'])` loads every attribute of the related documents,
 * `'author.name'` only the named ones, and `'author'` alone the same as `'author.*'`. Related
 * documents are fetched under the related collection's read filter, so a relationship never shows a
 * document the caller can't read: a one-side value is then `null`, a list leaves it out. Every
 * statement is the tenant's own (TenantDb), so another project's rows can't appear.
 */
import { AppError } from '../../errors/index.ts';
import { eq } from '../../db/filter.ts';
import type { Row, TenantDb } from '../../db/tenant-db.ts';
import type { RequestContext } from '../../http/context.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { collectionGrants, readFilter } from '../documents/access.ts';
import { columnsFor, toDocument, type DocumentModel } from '../documents/document-model.ts';
import { all } from '../documents/documents-read.ts';
import { isMany, placementOf, visibleRelationships, type RelationshipAttribute } from './relationship-meta.ts';
import { relatedMeta, type RelatedMetas } from './related-metas.ts';

/** Relationship key → the related attributes to return (null: all). */
export type RelationshipSelection = ReadonlyMap<string, ReadonlySet<string> | null>;

const NOTHING: RelationshipSelection = new Map();

function queryError(message: string): AppError {
  return new AppError('general_query_invalid', { message: `Invalid query: ${message}` });
}

/**
 * Takes relationship paths out of the `select` queries (the rest of the query pipeline knows only
 * the collection's own attributes). A select left with nothing selects the system fields only.
 */
export function splitSelect(meta: CollectionMeta, rawQueries: unknown): { queries: unknown; load: RelationshipSelection } {
  const relationships = visibleRelationships(meta);
  if (relationships.length === 0 || !Array.isArray(rawQueries)) return { queries: rawQueries, load: NOTHING };
  const keys = new Set(relationships.map((a) => a.key));
  const load = new Map<string, Set<string> | null>();
  const queries = rawQueries.map((raw) => {
    const q = typeof raw === 'string' ? parse(raw) : null;
    if (q?.method !== 'select' || !Array.isArray(q.values)) return raw;
    const own: unknown[] = [];
    for (const v of q.values) {
      const path = typeof v === 'string' ? v.split('.') : [];
      if (!keys.has(path[0] ?? '')) { own.push(v); continue; }
      if (path.length > 2) throw queryError(`Only one level of relationship can be selected: "${String(v)}".`);
      const field = path[1] ?? '*';
      const current = load.has(path[0]!) ? load.get(path[0]!)! : new Set<string>();
      if (field === '*' || current === null) load.set(path[0]!, null);
      else load.set(path[0]!, current.add(field));
    }
    return JSON.stringify({ ...q, values: own.length ? own : ['$id'] });
  });
  return { queries, load };
}

function parse(raw: string): { method?: unknown; values?: unknown } | null {
  try {
    const q = JSON.parse(raw) as unknown;
    return q && typeof q === 'object' && !Array.isArray(q) ? q : null;
  } catch {
    return null;
  }
}

/** Adds the selected relationships to `docs` (documents of `meta`, as returned to the caller). */
export async function loadRelationships(tdb: TenantDb, ctx: RequestContext, metas: RelatedMetas, meta: CollectionMeta, docs: DocumentModel[], load: RelationshipSelection): Promise<void> {
  if (load.size === 0 || docs.length === 0) return;
  const ids = docs.map((d) => String(d.$id));
  for (const attribute of visibleRelationships(meta)) {
    if (!load.has(attribute.key)) continue;
    const related = relatedMeta(metas, attribute.relationship.relatedSequence);
    const byDocument = await relatedIds(tdb, meta, attribute, ids);
    const wanted = [...new Set([...byDocument.values()].flat())];
    const visible = await readable(tdb, ctx, related, wanted, load.get(attribute.key)!);
    for (const doc of docs) {
      const found = (byDocument.get(String(doc.$id)) ?? []).map((id) => visible.get(id)).filter((d): d is DocumentModel => d !== undefined);
      doc[attribute.key] = isMany(attribute.relationship) ? found : (found[0] ?? null);
    }
  }
}

/** Each document's related `$id`s through `attribute` (unfiltered: `readable` filters). */
async function relatedIds(tdb: TenantDb, meta: CollectionMeta, attribute: RelationshipAttribute, ids: readonly string[]): Promise<Map<string, string[]>> {
  const r = attribute.relationship;
  const placement = placementOf(meta, r);
  const out = new Map<string, string[]>();
  const add = (from: unknown, to: unknown) => {
    if (from === null || from === undefined || to === null || to === undefined) return;
    const list = out.get(String(from)) ?? [];
    list.push(String(to));
    out.set(String(from), list);
  };
  if (placement.kind === 'own') {
    const rows = await tdb.collection(meta.sequence).docs.find({ where: eq({ _uid: [...ids] }), columns: ['_uid', placement.column] });
    for (const row of rows) add(row._uid, row[placement.column]);
  } else if (placement.kind === 'reverse') {
    const rows = await tdb.collection(r.relatedSequence).docs.find({ where: eq({ [placement.column]: [...ids] }), columns: ['_uid', placement.column], orderBy: [{ column: '_id', dir: 'asc' }] });
    for (const row of rows) add(row[placement.column], row._uid);
  } else {
    const rows = await tdb.junction(placement.parentSequence, r.storage).find({ where: eq({ [placement.mine]: [...ids] }) });
    for (const row of rows) add(row[placement.mine], row[placement.theirs]);
  }
  return out;
}

/** The related documents among `ids` the caller may read, as documents. */
async function readable(tdb: TenantDb, ctx: RequestContext, related: CollectionMeta, ids: readonly string[], select: ReadonlySet<string> | null): Promise<Map<string, DocumentModel>> {
  const out = new Map<string, DocumentModel>();
  if (ids.length === 0) return out;
  // No read grant on the collection and no document security: nothing related is visible.
  if (!collectionGrants(ctx, related, 'read') && !related.documentSecurity) return out;
  const visible = readFilter(ctx, related);
  const { docs } = tdb.collection(related.sequence);
  for (let i = 0; i < ids.length; i += 500) {
    const rows: Row[] = await docs.find({ where: all([visible, eq({ _uid: ids.slice(i, i + 500) })]), columns: columnsFor(related, select) });
    for (const row of rows) out.set(String(row._uid), toDocument(row, related, { select }));
  }
  return out;
}
