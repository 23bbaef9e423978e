/**
 * Document access decisions (SPEC §4, Appwrite's rules):
 * - keys and console admins (`isPrivileged`) bypass permissions, bounded by their scopes;
 * - an action is allowed when the collection grants it to one of the caller's roles, or when
 *   `documentSecurity` is on and the document grants it (create: the collection only);
 * - lists filter inside SQL through the `_perms` side table, so `total`, `limit` and cursors are exact.
 */
import { AppError } from '../../errors/index.ts';
import type { Condition } from '../../db/filter.ts';
import { isPrivileged, type RequestContext } from '../../http/context.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { allows, type ParsedPermissions, type PermissionType } from '../permissions/permissions.ts';

export type DocumentAction = 'read' | 'update' | 'delete';

/** The collection alone grants `action` (or the caller bypasses permissions). */
export function collectionGrants(ctx: RequestContext, meta: CollectionMeta, action: PermissionType): boolean {
  return isPrivileged(ctx) || allows(meta.permissions, action, ctx.roles);
}

/** The caller may do `action` on a document whose stored permission list is `documentPermissions`. */
export function documentGrants(ctx: RequestContext, meta: CollectionMeta, documentPermissions: readonly string[], action: DocumentAction): boolean {
  if (collectionGrants(ctx, meta, action)) return true;
  return meta.documentSecurity && allows(documentPermissions, action, ctx.roles);
}

/**
 * The SQL filter a list (or count, or cursor lookup) runs under: nothing when the collection grants
 * read, the `_perms` subquery with documentSecurity, else the list is refused (401).
 */
export function readFilter(ctx: RequestContext, meta: CollectionMeta): Condition {
  if (collectionGrants(ctx, meta, 'read')) return { kind: 'true' };
  if (meta.documentSecurity) return { kind: 'permitted', action: 'read', roles: [...ctx.roles] };
  throw new AppError('user_unauthorized');
}

/**
 * Who may grant what. Clients may only name roles they hold (Appwrite's rule), and — unlike Appwrite
 * (#7530) — may only add permission types they already hold on the document: an update-only caller
 * can't grant itself read or delete. Removing permissions is always allowed. `previous` is the
 * document's list before the change (empty for a new document, where the collection's grants count).
 */
export function assertMayGrant(ctx: RequestContext, meta: CollectionMeta, next: ParsedPermissions, previous: readonly string[] | null): void {
  if (isPrivileged(ctx)) return;
  const unheld = next.pairs.filter((p) => !ctx.roles.includes(p.role));
  if (unheld.length) throw new AppError('user_unauthorized', { message: `Permissions must be one of: (${ctx.roles.join(', ')})` });
  if (previous === null) return;
  const already = new Set(previous);
  for (const p of next.pairs) {
    if (already.has(`${p.type}("${p.role}")`)) continue;
    if (!documentGrants(ctx, meta, previous, p.type as DocumentAction)) {
      throw new AppError('user_unauthorized', { message: `You can only grant permission types you already hold on this document; you do not hold "${p.type}".` });
    }
  }
}

/** A signed-in user's new document without explicit permissions: read/update/delete for `user:ID`. */
export function defaultPermissions(ctx: RequestContext): string[] {
  if (ctx.principal.kind !== 'user') return [];
  const role = `user:${ctx.principal.user.id}`;
  return [`read("${role}")`, `update("${role}")`, `delete("${role}")`];
}

