/**
 * Document events (legacy Databases; §D.4): the 42 event names (the collection scheme and its
 * `tables/rows` mirror), the eight channels with their action twins, and the receiving roles —
 * the collection's `read` roles, plus the document's own with documentSecurity — taken from the
 * permissions as they are after the write, so delivery follows permissions at the time of the event.
 */
import type { CollectionMeta } from '../features/collections/collection-meta.ts';
import { rolesFor } from '../features/permissions/permissions.ts';
import { actionOf, apiTimestamp, generateEvents, withActionTwins, type RealtimeEvent } from './events.ts';

export type DocumentAction = 'create' | 'update' | 'upsert' | 'delete';

const PATTERN = 'databases.[databaseId].collections.[collectionId].documents.[documentId]';

/** `databases.D.collections.C.documents.R…` → `databases.D.tables.C.rows.R…` */
function mirror(name: string): string {
  const parts = name.split('.');
  if (parts[2] === 'collections') parts[2] = 'tables';
  if (parts[4] === 'documents') parts[4] = 'rows';
  return parts.join('.');
}

/**
 * Legacy names each followed by its mirror (shared names such as `databases.D` once): 42 names; a
 * TablesDB-type database adds the `tablesdb.D.tables.C.rows…` forms of them all (64).
 */
export function documentEventNames(databaseId: string, collectionId: string, documentId: string, action: DocumentAction, tablesdb = false): string[] {
  const legacy = generateEvents(`${PATTERN}.${action}`, { databaseId, collectionId, documentId });
  const out = new Set<string>();
  for (const name of legacy) { out.add(name); out.add(mirror(name)); }
  if (tablesdb) for (const name of legacy) out.add(`tablesdb${mirror(name).slice('databases'.length)}`);
  return [...out];
}

export function documentChannels(databaseId: string, collectionId: string, documentId: string): string[] {
  const d = databaseId;
  const c = collectionId;
  const r = documentId;
  return [
    'documents', `databases.${d}.collections.${c}.documents`, `databases.${d}.collections.${c}.documents.${r}`,
    'rows', `databases.${d}.tables.${c}.rows`, `databases.${d}.tables.${c}.rows.${r}`,
    `tablesdb.${d}.tables.${c}.rows`, `tablesdb.${d}.tables.${c}.rows.${r}`,
  ];
}

/** Who may read the document: collection `read` ∪ (documentSecurity ? document `read`). */
export function documentReadRoles(meta: Pick<CollectionMeta, 'permissions' | 'documentSecurity'>, documentPermissions: readonly string[]): string[] {
  const roles = new Set(rolesFor(meta.permissions, 'read'));
  if (meta.documentSecurity) for (const r of rolesFor(documentPermissions, 'read')) roles.add(r);
  return [...roles];
}

/** The event for a committed document write; `document` is the Document model as the route answers it. */
export function documentEvent(meta: CollectionMeta, action: DocumentAction, document: Record<string, unknown>, now = Date.now()): RealtimeEvent {
  const id = String(document.$id);
  const events = documentEventNames(meta.databaseId, meta.id, id, action, meta.databaseType === 'tablesdb');
  const permissions = Array.isArray(document.$permissions) ? (document.$permissions as string[]) : [];
  return {
    events,
    channels: withActionTwins(documentChannels(meta.databaseId, meta.id, id), actionOf(events[0]!)),
    timestamp: apiTimestamp(now),
    payload: document,
    // A disabled collection or database is unreadable by clients, so its events reach nobody.
    roles: meta.enabled && meta.databaseEnabled ? documentReadRoles(meta, permissions) : [],
  };
}
