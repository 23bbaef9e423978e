/**
 * Row + permission writes for one collection, always together inside the caller's transaction:
 * the document row keeps `_permissions` (the list as returned) and the `_perms` side table keeps one
 * row per (type, role) for the SQL read filter. A write replaces the side-table rows under the row
 * lock, so two concurrent updates can never leave a mix of both writers' permissions.
 */
import { AppError, appError } from '../../errors/index.ts';
import { isDocumentIdConflict } from '../../db/documents-sql.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq, type Condition } from '../../db/filter.ts';
import type { Row, TenantDb } from '../../db/tenant-db.ts';
import { toDbDate } from '../../lib/dates.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { DOCUMENT_PERMISSION_TYPES, parsePermissions, type ParsedPermissions } from '../permissions/permissions.ts';
import { columnsFor } from './document-model.ts';

export interface NewDocument {
  readonly id: string;
  readonly columns: Row;
  readonly permissions: ParsedPermissions;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

export function storedPermissions(list: readonly string[]): ParsedPermissions {
  return parsePermissions(list, DOCUMENT_PERMISSION_TYPES);
}

export class DocumentStore {
  readonly #tdb: TenantDb;
  readonly #meta: CollectionMeta;

  constructor(tdb: TenantDb, meta: CollectionMeta) {
    this.#tdb = tdb;
    this.#meta = meta;
  }

  get #tables() { return this.#tdb.collection(this.#meta.sequence); }

  /** The full row (all columns this collection reads), optionally locked for the transaction. */
  async load(documentId: string, lock = false): Promise<Row | undefined> {
    const rows = await this.#tables.docs.find({ where: eq({ _uid: documentId }), columns: columnsFor(this.#meta, null), limit: 1, forUpdate: lock });
    return rows[0];
  }

  async loadMany(where: Condition, options: { limit?: number; offset?: number; lock?: boolean; orderBy?: { column: string; dir: 'asc' | 'desc' }[] } = {}): Promise<Row[]> {
    return this.#tables.docs.find({ where, columns: columnsFor(this.#meta, null), limit: options.limit, offset: options.offset, forUpdate: options.lock, orderBy: options.orderBy });
  }

  /** Inserts rows and their permission rows; a taken ID → 409 document_already_exists, a unique index → 409 unique violation. */
  async insert(docs: readonly NewDocument[]): Promise<void> {
    const now = toDbDate();
    const { docs: table, perms } = this.#tables;
    try {
      await table.insert(docs.map((d) => ({
        ...d.columns, _uid: d.id, _createdAt: d.createdAt ?? now, _updatedAt: d.updatedAt ?? d.createdAt ?? now,
        _permissions: JSON.stringify(d.permissions.list),
      })));
      const permRows = docs.flatMap((d) => d.permissions.pairs.map((p) => ({ _document: d.id, _type: p.type, _permission: p.role })));
      for (let i = 0; i < permRows.length; i += 500) await perms.insert(permRows.slice(i, i + 500));
    } catch (e) {
      throw conflict(e, docs.length === 1 ? docs[0]!.id : null);
    }
  }

  /** Updates attribute columns and/or permissions of one document (the caller holds its row lock). */
  async update(documentId: string, columns: Row, permissions: ParsedPermissions | null, updatedAt?: string): Promise<void> {
    const patch: Row = { ...columns, _updatedAt: updatedAt ?? toDbDate() };
    if (permissions) patch._permissions = JSON.stringify(permissions.list);
    try {
      await this.#tables.docs.update(eq({ _uid: documentId }), patch);
    } catch (e) {
      throw conflict(e, documentId);
    }
    if (permissions) await this.replacePermissions([documentId], permissions);
  }

  /** The same attribute change on many documents (bulk update), 500 IDs per statement. */
  async updateMany(documentIds: readonly string[], columns: Row, updatedAt?: string): Promise<void> {
    const patch: Row = { ...columns, _updatedAt: updatedAt ?? toDbDate() };
    for (let i = 0; i < documentIds.length; i += 500) {
      try {
        await this.#tables.docs.update(eq({ _uid: documentIds.slice(i, i + 500) }), patch);
      } catch (e) {
        throw conflict(e, null);
      }
    }
  }

  async replacePermissions(documentIds: readonly string[], permissions: ParsedPermissions): Promise<void> {
    const { perms } = this.#tables;
    await perms.delete(eq({ _document: [...documentIds] }));
    const rows = documentIds.flatMap((id) => permissions.pairs.map((p) => ({ _document: id, _type: p.type, _permission: p.role })));
    for (let i = 0; i < rows.length; i += 500) await perms.insert(rows.slice(i, i + 500));
  }

  async delete(documentIds: readonly string[]): Promise<void> {
    if (documentIds.length === 0) return;
    const { docs, perms } = this.#tables;
    await perms.delete(eq({ _document: [...documentIds] }));
    await docs.delete(eq({ _uid: [...documentIds] }));
  }

  /** Atomic `column += by` within bounds; false when the bound refused it. */
  async increment(documentId: string, column: string, by: number, bound: { max?: number; min?: number }): Promise<boolean> {
    const changed = await this.#tables.docs.increment(eq({ _uid: documentId }), column, by, bound, { _updatedAt: toDbDate() });
    return changed > 0;
  }
}

function conflict(e: unknown, documentId: string | null): unknown {
  if (!(e instanceof DuplicateKeyError)) return e;
  if (isDocumentIdConflict(e)) return documentId ? appError('document_already_exists', documentId) : new AppError('document_already_exists', { message: 'A document with one of the requested IDs already exists.' });
  return new AppError('document_unique_constraint_violation');
}
