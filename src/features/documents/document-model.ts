/**
 * Stored row → Appwrite's Document model: every available attribute (in schema order), then
 * `$id`, `$sequence` (a string), `$createdAt`, `$updatedAt`, `$permissions`, `$databaseId`,
 * `$collectionId`. `_tenant` and other physical columns never leave this file.
 */
import type { Row } from '../../db/tenant-db.ts';
import { toApiDate } from '../../lib/dates.ts';
import { parseJson } from '../../lib/json.ts';
import { exactInteger, parseStoredExact, toBigInt } from '../../lib/exact-json.ts';
import type { AttributeMeta, CollectionMeta } from '../collections/collection-meta.ts';
import { availableAttributes } from './query/schema.ts';

export type DocumentModel = Record<string, unknown>;

/**
 * A date as stored (`YYYY-MM-DD HH:MM:SS.mmm`, UTC) whose day exists in every month: formatted by
 * slicing instead of a Date round trip (a list formats 2+ dates per row). Other values, days 29–31
 * included (a Date would roll an impossible one over), take `toApiDate`'s path.
 */
const STORED_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8]) (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}$/;

function apiDate(raw: unknown): string | null {
  if (typeof raw === 'string' && STORED_DATE.test(raw)) return `${raw.slice(0, 10)}T${raw.slice(11)}+00:00`;
  return toApiDate(raw as string | Date | null | undefined);
}

/** Physical system columns every read fetches (a projection adds the selected attribute columns). */
export const SYSTEM_READ_COLUMNS = ['_id', '_uid', '_createdAt', '_updatedAt', '_permissions'] as const;

export interface ModelOptions {
  /** Selected attribute keys (null = all). */
  readonly select?: ReadonlySet<string> | null;
  /** False: only the system fields (an update by a caller who can't read the result, Appwrite #7529). */
  readonly withAttributes?: boolean;
}

export function toDocument(row: Row, meta: CollectionMeta, options: ModelOptions = {}): DocumentModel {
  const doc: DocumentModel = {};
  if (options.withAttributes !== false) {
    for (const a of availableAttributes(meta)) {
      if (options.select && !options.select.has(a.key)) continue;
      doc[a.key] = readValue(a, row[a.column]);
    }
  }
  doc.$id = String(row._uid);
  doc.$sequence = String(row._id);
  doc.$createdAt = apiDate(row._createdAt);
  doc.$updatedAt = apiDate(row._updatedAt);
  doc.$permissions = permissionsOf(row);
  doc.$databaseId = meta.databaseId;
  doc.$collectionId = meta.id;
  return doc;
}

export function permissionsOf(row: Row): string[] {
  const list = parseJson<unknown>(row._permissions, []);
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

const allColumns = new WeakMap<CollectionMeta, readonly string[]>();

/** Physical columns a read needs for this projection. */
export function columnsFor(meta: CollectionMeta, select: ReadonlySet<string> | null | undefined): string[] {
  if (!select) {
    // The full projection is the same for every read of this metadata object.
    let cols = allColumns.get(meta);
    if (!cols) { cols = [...SYSTEM_READ_COLUMNS, ...availableAttributes(meta).map((a) => a.column)]; allColumns.set(meta, cols); }
    return [...cols];
  }
  const attrs = availableAttributes(meta).filter((a) => select.has(a.key));
  return [...SYSTEM_READ_COLUMNS, ...attrs.map((a) => a.column)];
}

const exact = new WeakMap<CollectionMeta, boolean>();

/** Do this collection's reads need exact integers (a `bigint` attribute)? → FindOptions.exactIntegers. */
export function readsExact(meta: CollectionMeta): boolean {
  let v = exact.get(meta);
  if (v === undefined) { v = availableAttributes(meta).some((a) => a.type === 'bigint'); exact.set(meta, v); }
  return v;
}

function readValue(a: AttributeMeta, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (a.array) {
    const list = typeof raw === 'string' ? (a.type === 'bigint' ? parseStoredExact<unknown>(raw, null) : parseJson<unknown>(raw, null)) : raw;
    return Array.isArray(list) ? list.map((v) => readScalar(a, v)) : null;
  }
  return readScalar(a, raw);
}

function readScalar(a: AttributeMeta, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  switch (a.type) {
    case 'boolean': return typeof raw === 'boolean' ? raw : Number(raw) !== 0;
    case 'integer': case 'double': return Number(raw);
    case 'datetime': return apiDate(String(raw));
    // A number when safe; beyond 2^53 the driver's exact string (or BigInt) becomes an exact JSON literal.
    case 'bigint': return typeof raw === 'number' ? raw : exactInteger(toBigInt(raw) ?? BigInt(String(raw)));
    default: return String(raw);
  }
}
