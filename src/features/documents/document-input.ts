/**
 * Document `data` → column values, checked against the collection's attributes with utopia's
 * `Structure` messages ("Invalid document structure: …"). System fields are stripped or refused as
 * Appwrite does: `$id`, `$sequence`, `$databaseId`, `$collectionId`, `$permissions` are dropped;
 * `$createdAt` / `$updatedAt` are honoured only for API keys and admins; anything else unknown —
 * `$tenant`, `_tenant`, `_uid`, `__proto__` — is an `Unknown attribute` 400. Columns come from the
 * schema map, never from the keys the client sent.
 */
import { isIP } from 'node:net';
import { AppError } from '../../errors/index.ts';
import type { Row } from '../../db/tenant-db.ts';
import { parseApiDate } from '../../lib/dates.ts';
import { exactInteger, INT64_MAX, INT64_MIN, toBigInt } from '../../lib/exact-json.ts';
import type { AttributeMeta, CollectionMeta } from '../collections/collection-meta.ts';
import { availableAttributes } from './query/schema.ts';

const STRIPPED = new Set(['$id', '$sequence', '$databaseId', '$collectionId', '$permissions']);
const DATE_FIELDS = new Set(['$createdAt', '$updatedAt']);
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]+$/;

export interface PreparedData {
  /** Attribute columns to write. */
  readonly columns: Row;
  /** Dates a key/admin asked to preserve (DB form). */
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

export function structureError(why: string): AppError {
  return new AppError('document_invalid_structure', { message: `Invalid document structure: ${why}` });
}

/**
 * `create`: the whole document (missing attributes take their default; missing required → 400).
 * `update`: only the attributes sent (a required attribute can't be set to null).
 */
export function prepareData(meta: CollectionMeta, data: Readonly<Record<string, unknown>>, mode: 'create' | 'update', privileged: boolean): PreparedData {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw structureError('Value must be a valid object');
  const attributes = new Map<string, AttributeMeta>(availableAttributes(meta).map((a) => [a.key, a]));
  const columns: Row = {};
  const dates: { createdAt?: string; updatedAt?: string } = {};
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (STRIPPED.has(key)) continue;
    if (DATE_FIELDS.has(key)) {
      if (privileged && value !== null && value !== undefined) dates[key === '$createdAt' ? 'createdAt' : 'updatedAt'] = dateValue(key, value);
      continue;
    }
    const a = attributes.get(key);
    if (!a) throw structureError(`Unknown attribute: "${key.slice(0, 128)}"`);
    columns[a.column] = columnValue(a, value);
  }
  for (const a of attributes.values()) {
    const sent = Object.hasOwn(data, a.key);
    if (mode === 'create' && !sent) {
      if (a.required) throw structureError(`Missing required attribute "${a.key}"`);
      columns[a.column] = a.default === undefined || a.default === null ? null : columnValue(a, a.default);
    } else if (sent && a.required && (data[a.key] === null || data[a.key] === undefined)) {
      throw structureError(`Missing required attribute "${a.key}"`);
    }
  }
  return { columns, ...dates };
}

function dateValue(key: string, value: unknown): string {
  const d = typeof value === 'string' ? parseApiDate(value) : null;
  if (d === null) throw structureError(`Attribute "${key}" has invalid type. Value must be valid date between 0000-01-01 00:00:00 and 9999-12-31 23:59:59.`);
  return d;
}

/** The value as stored: scalars as such (booleans 1/0, dates in DB form), arrays as a JSON list. */
function columnValue(a: AttributeMeta, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (a.array) {
    if (!Array.isArray(value)) throw structureError(`Attribute "${a.key}" must be an array`);
    return JSON.stringify(value.map((v) => {
      if (v === null) throw structureError(`Attribute "${a.key}" has invalid type. Array values can not be null`);
      const stored = scalarValue(a, v);
      return a.type === 'boolean' ? stored === 1 : a.type === 'bigint' ? exactInteger(BigInt(stored)) : stored;
    }));
  }
  if (Array.isArray(value)) throw structureError(`Attribute "${a.key}" has invalid type. ${describe(a)}`);
  return scalarValue(a, value);
}

function scalarValue(a: AttributeMeta, v: unknown): string | number {
  const invalid = (label = 'type') => structureError(`Attribute "${a.key}" has invalid ${label}. ${describe(a)}`);
  switch (a.type) {
    case 'string': {
      if (typeof v !== 'string' || [...v].length > a.size) throw invalid();
      if (a.format === 'email' && !EMAIL.test(v)) throw invalid('format');
      if (a.format === 'ip' && isIP(v) === 0) throw invalid('format');
      if (a.format === 'url' && !isUrl(v)) throw invalid('format');
      if (a.format === 'enum' && !(a.elements ?? []).includes(v)) throw invalid('format');
      return v;
    }
    case 'integer':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw invalid();
      if ((a.min !== undefined && v < a.min) || (a.max !== undefined && v > a.max)) throw structureError(`Attribute "${a.key}" has invalid format. ${range(a)}`);
      return v;
    case 'double':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid();
      if ((a.min !== undefined && v < a.min) || (a.max !== undefined && v > a.max)) throw structureError(`Attribute "${a.key}" has invalid format. ${range(a)}`);
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw invalid();
      return v ? 1 : 0;
    case 'datetime': {
      const d = typeof v === 'string' ? parseApiDate(v) : null;
      if (d === null) throw invalid();
      return d;
    }
    // Relationship values are written by src/features/relationships, never as a plain column.
    case 'relationship': throw invalid();
    case 'varchar': case 'text': case 'mediumtext': case 'longtext':
      if (typeof v !== 'string' || [...v].length > a.size) throw invalid();
      return v;
    case 'bigint': return bigintValue(a, v);
  }
}

/** A bigint as stored: a number when safe, else its exact decimal string (both drivers write that exactly). */
function bigintValue(a: AttributeMeta, v: unknown): string | number {
  const n = typeof v === 'number' && !Number.isSafeInteger(v) ? null : typeof v === 'string' ? null : toBigInt(v);
  if (n === null || n < INT64_MIN || n > INT64_MAX) throw structureError(`Attribute "${a.key}" has invalid type. ${describe(a)}`);
  if (a.bounds && (n < a.bounds.min || n > a.bounds.max)) throw structureError(`Attribute "${a.key}" has invalid format. ${range(a)}`);
  return typeof v === 'number' ? v : Number.isSafeInteger(Number(n)) ? Number(n) : n.toString();
}

function isUrl(v: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v) && URL.canParse(v);
}

function range(a: AttributeMeta): string {
  if (a.bounds) return `Value must be a valid range between ${a.bounds.min} and ${a.bounds.max}`;
  return `Value must be a valid range between ${a.min ?? '-∞'} and ${a.max ?? '∞'}`;
}

function describe(a: AttributeMeta): string {
  switch (a.type) {
    case 'string':
      if (a.format === 'email') return 'Value must be a valid email address';
      if (a.format === 'ip') return 'Value must be a valid IP address';
      if (a.format === 'url') return 'Value must be a valid URL';
      if (a.format === 'enum') return `Value must be one of (${(a.elements ?? []).join(', ')})`;
      return `Value must be a valid string and no longer than ${a.size} chars`;
    case 'integer': return 'Value must be a valid integer';
    case 'double': return 'Value must be a valid float';
    case 'boolean': return 'Value must be a valid boolean';
    case 'datetime': return 'Value must be valid date between 0000-01-01 00:00:00 and 9999-12-31 23:59:59.';
    case 'relationship': return 'Value must be a document ID or a document';
    case 'varchar': case 'text': case 'mediumtext': case 'longtext': return `Value must be a valid string and no longer than ${a.size} chars`;
    case 'bigint': return 'Value must be a valid integer between -9223372036854775808 and 9223372036854775807';
  }
}
