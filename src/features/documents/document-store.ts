/**
 * Row + permission writes for one collection, always together inside the caller's transaction:
 * the document row keeps `_permissions` (the list as returned) and the `_perms` side table keeps one
 * row per (type, role) for the SQL read filter. A write replaces the side-table rows under the row
 * lock, so two concurrent updates can never leave a mix of both writers' permissions.
 *
 * Side-table rows reference the document by its integer row key `_id` (see `createPermsTable`). A
 * store learns each document's `_id` from the rows it loads or inserts (a one-row insert answers it;
 * a multi-row insert reads `_id, _uid` back in one statement), and looks up the rest in one
 * index-only statement, so callers keep addressing documents by `$id`.
 */
import { AppError, appError } from '../../errors/index.ts';
import { isDocumentIdConflict } from '../../db/documents-sql.ts';
import { DuplicateKeyError } from '../../db/errors.ts';
import { eq, type Condition } from '../../db/filter.ts';
import type { ComputedSet } from '../../db/operators-sql.ts';
import type { Row, TenantDb } from '../../db/tenant-db.ts';
import { toDbDate } from '../../lib/dates.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import { DOCUMENT_PERMISSION_TYPES, parsePermissions, type ParsedPermissions } from '../permissions/permissions.ts';
import { columnsFor, readsExact } from './document-model.ts';
import { collectionWrites } from './total-cache.ts';

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
  /** `$id` → `_id` of documents this store has loaded or written (the row key never changes while a row lives). */
  readonly #sequences = new Map<string, number>();

  constructor(tdb: TenantDb, meta: CollectionMeta) {
    this.#tdb = tdb;
    this.#meta = meta;
  }

  get #tables() { return this.#tdb.collection(this.#meta.sequence); }
  /** The tables, to write: the total cache is told first (its one writer-side hook, total-cache.ts). */
  async #writable() { await collectionWrites(this.#tdb, this.#meta); return this.#tables; }

  /** The (transaction's) database handle this store writes through: related writes join it. */
  get db(): TenantDb { return this.#tdb; }

  /** The full row (all columns this collection reads), optionally locked for the transaction. */
  async load(documentId: string, lock = false): Promise<Row | undefined> {
    const rows = await this.#tables.docs.find({ where: eq({ _uid: documentId }), columns: columnsFor(this.#meta, null), limit: 1, forUpdate: lock, exactIntegers: readsExact(this.#meta) });
    this.#remember(rows);
    return rows[0];
  }

  async loadMany(where: Condition, options: { limit?: number; offset?: number; lock?: boolean; orderBy?: { column: string; dir: 'asc' | 'desc' }[] } = {}): Promise<Row[]> {
    return this.#remember(await this.#tables.docs.find({ where, columns: columnsFor(this.#meta, null), limit: options.limit, offset: options.offset, forUpdate: options.lock, orderBy: options.orderBy, exactIntegers: readsExact(this.#meta) }));
  }

  /**
   * Inserts rows and their permission rows; answers each document's `_id` (its `$sequence`), in order.
   * A taken ID → 409 document_already_exists, a unique index → 409 unique violation.
   */
  async insert(docs: readonly NewDocument[]): Promise<number[]> {
    if (docs.length === 0) return [];
    const now = toDbDate();
    const { docs: table, perms } = await this.#writable();
    try {
      const inserted = await table.insert(docs.map((d) => storedRow(d, now)));
      if (docs.length === 1 && inserted !== undefined) this.#sequences.set(docs[0]!.id, inserted);
      else for (const id of docs.map((d) => d.id)) this.#sequences.delete(id);
      const sequences = (await this.#sequencesOf(docs.map((d) => d.id))).map((seq, i) => {
        if (seq === undefined) throw new Error(`document ${docs[i]!.id} vanished inside its own insert`);
        return seq;
      });
      const permRows = docs.flatMap((d, i) => d.permissions.pairs.map((p) => ({ _document: sequences[i]!, _type: p.type, _permission: p.role })));
      for (let i = 0; i < permRows.length; i += 500) await perms.insert(permRows.slice(i, i + 500));
      return sequences;
    } catch (e) {
      throw conflict(e, docs.length === 1 ? docs[0]!.id : null);
    }
  }

  /**
   * Inserts documents and answers their rows as stored — built from what was written plus each new
   * `_id`, without reading them back (creates are the hot write path).
   */
  async create(docs: readonly NewDocument[]): Promise<Row[]> {
    const now = toDbDate();
    const dated = docs.map((d): NewDocument => ({ ...d, createdAt: d.createdAt ?? now, updatedAt: d.updatedAt ?? d.createdAt ?? now }));
    const sequences = await this.insert(dated);
    return dated.map((d, i) => ({ ...storedRow(d, now), _id: sequences[i] }));
  }

  /**
   * Updates attribute columns and/or permissions of one document (the caller holds its row lock);
   * answers the columns written, so the caller can build the new row from the locked one.
   */
  async update(documentId: string, columns: Row, permissions: ParsedPermissions | null, updatedAt?: string, computed: readonly ComputedSet[] = []): Promise<Row> {
    const patch: Row = { ...columns, _updatedAt: updatedAt ?? toDbDate() };
    if (permissions) patch._permissions = JSON.stringify(permissions.list);
    try {
      await (await this.#writable()).docs.update(eq({ _uid: documentId }), patch, computed);
    } catch (e) {
      throw conflict(e, documentId);
    }
    if (permissions) await this.replacePermissions([documentId], permissions);
    return patch;
  }

  /** The same attribute change on many documents (bulk update), 500 IDs per statement. */
  async updateMany(documentIds: readonly string[], columns: Row, updatedAt?: string, computed: readonly ComputedSet[] = []): Promise<void> {
    const patch: Row = { ...columns, _updatedAt: updatedAt ?? toDbDate() };
    for (let i = 0; i < documentIds.length; i += 500) {
      try {
        await (await this.#writable()).docs.update(eq({ _uid: documentIds.slice(i, i + 500) }), patch, computed);
      } catch (e) {
        throw conflict(e, null);
      }
    }
  }

  /** Replaces the side-table rows of existing documents (IDs with no row are skipped). */
  async replacePermissions(documentIds: readonly string[], permissions: ParsedPermissions): Promise<void> {
    const { perms } = await this.#writable();
    const sequences = (await this.#sequencesOf(documentIds)).filter((s): s is number => s !== undefined);
    if (sequences.length === 0) return;
    await perms.delete(eq({ _document: sequences }));
    const rows = sequences.flatMap((seq) => permissions.pairs.map((p) => ({ _document: seq, _type: p.type, _permission: p.role })));
    for (let i = 0; i < rows.length; i += 500) await perms.insert(rows.slice(i, i + 500));
  }

  async delete(documentIds: readonly string[]): Promise<void> {
    if (documentIds.length === 0) return;
    const { docs, perms } = await this.#writable();
    const sequences = (await this.#sequencesOf(documentIds)).filter((s): s is number => s !== undefined);
    if (sequences.length) await perms.delete(eq({ _document: sequences }));
    await docs.delete(eq({ _uid: [...documentIds] }));
    for (const id of documentIds) this.#sequences.delete(id);
  }

  /** Atomic `column += by` within bounds; false when the bound refused it. */
  async increment(documentId: string, column: string, by: number, bound: { max?: number; min?: number }): Promise<boolean> {
    const changed = await (await this.#writable()).docs.increment(eq({ _uid: documentId }), column, by, bound, { _updatedAt: toDbDate() });
    return changed > 0;
  }

  #remember(rows: Row[]): Row[] {
    for (const r of rows) if (r._id !== undefined && r._id !== null) this.#sequences.set(String(r._uid), Number(r._id));
    return rows;
  }

  /** Each ID's `_id` (undefined: no such document), reading the unknown ones in one statement per 500. */
  async #sequencesOf(documentIds: readonly string[]): Promise<(number | undefined)[]> {
    const unknown = [...new Set(documentIds.filter((id) => !this.#sequences.has(id)))];
    for (let i = 0; i < unknown.length; i += 500) {
      this.#remember(await this.#tables.docs.find({ where: eq({ _uid: unknown.slice(i, i + 500) }), columns: ['_id', '_uid'] }));
    }
    return documentIds.map((id) => this.#sequences.get(id));
  }
}

/** The document row as written (physical columns; `_id` comes from the insert). */
export function storedRow(d: NewDocument, now: string): Row {
  return {
    ...d.columns, _uid: d.id, _createdAt: d.createdAt ?? now, _updatedAt: d.updatedAt ?? d.createdAt ?? now,
    _permissions: JSON.stringify(d.permissions.list),
  };
}

function conflict(e: unknown, documentId: string | null): unknown {
  if (!(e instanceof DuplicateKeyError)) return e;
  if (isDocumentIdConflict(e)) return documentId ? appError('document_already_exists', documentId) : new AppError('document_already_exists', { message: 'A document with one of the requested IDs already exists.' });
  return new AppError('document_unique_constraint_violation');
}
