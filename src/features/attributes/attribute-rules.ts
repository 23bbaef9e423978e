/**
 * Attribute rules, as Appwrite applies them: what each create route means (type, format, size),
 * which defaults are allowed, the physical column type (utopia `MariaDB::getSQLType`), and the
 * MariaDB row-width budget that decides `attribute_limit_exceeded` before any DDL runs.
 */
import { isIP } from 'node:net';
import { AppError, invalidParam } from '../../errors/index.ts';
import { parseApiDate, toApiDate } from '../../lib/dates.ts';
import { exactInteger, INT64_MAX as INT64_MAX_EXACT, INT64_MIN as INT64_MIN_EXACT, parseStoredExact, stringifyExact, toBigInt } from '../../lib/exact-json.ts';
import type { AttributeFormat, AttributeMeta, AttributeSpec, AttributeType, TextType } from '../collections/collection-meta.ts';

export type { AttributeSpec };

/** The `/attributes/<kind>` route families. */
export const ATTRIBUTE_KINDS = [
  'string', 'integer', 'float', 'boolean', 'datetime', 'email', 'enum', 'url', 'ip', 'bigint', 'varchar', 'text', 'mediumtext', 'longtext',
] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

/** Spatial route families: known to the SDKs, not served (400 general_feature_unsupported). */
export const SPATIAL_KINDS = ['point', 'line', 'polygon'] as const;
export type SpatialKind = (typeof SPATIAL_KINDS)[number];

/** `varchar` sizes Appwrite takes (characters); the text types' fixed stored sizes (bytes, as MariaDB's limits). */
export const VARCHAR_MAX_SIZE = 16_381;
export const TEXT_SIZES: Readonly<Record<Exclude<TextType, 'varchar'>, number>> = { text: 65_535, mediumtext: 16_777_215, longtext: 2_147_483_647 };

export const INT64_MIN = -9223372036854775808;
export const INT64_MAX = 9223372036854775807;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
export const STRING_MAX_SIZE = 1_073_741_824;
/** MariaDB/MySQL limits: 65535-byte rows (BLOB/TEXT count their pointer only), 1017 InnoDB columns. */
export const ROW_BYTES_MAX = 65_535;
export const COLUMNS_MAX = 1017;
/** `_id`, `_tenant`, `_uid` VARCHAR(36), `_createdAt`, `_updatedAt`, `_permissions` MEDIUMTEXT. */
const SYSTEM_ROW_BYTES = 8 + 8 + (36 * 4 + 1) + 7 + 7 + 11;
const SYSTEM_COLUMNS = 6;


const FIXED: Partial<Record<AttributeKind, { format: AttributeFormat; size: number }>> = {
  email: { format: 'email', size: 254 }, ip: { format: 'ip', size: 39 }, url: { format: 'url', size: 2000 }, enum: { format: 'enum', size: 255 },
};

export function kindOf(a: { type: AttributeType; format: AttributeFormat }): AttributeKind {
  if (a.type === 'double') return 'float';
  if (a.type === 'string' && a.format !== '') return a.format;
  return a.type as AttributeKind;
}

function valueInvalid(message: string): AppError {
  return new AppError('attribute_value_invalid', { message });
}

/** Builds the spec for a create request of `kind` (body already shape-checked by the contract). */
export function specFromCreate(kind: AttributeKind, body: Readonly<Record<string, unknown>>): AttributeSpec {
  const base = { key: String(body.key), required: Boolean(body.required), array: Boolean(body.array ?? false), default: body.default ?? null };
  let spec: AttributeSpec;
  switch (kind) {
    case 'string':
      spec = { ...base, type: 'string', format: '', size: Number(body.size) }; break;
    case 'integer': {
      const min = (body.min as number | null | undefined) ?? INT64_MIN;
      const max = (body.max as number | null | undefined) ?? INT64_MAX;
      spec = { ...base, type: 'integer', format: '', size: integerSize(min, max), min, max }; break;
    }
    case 'float':
      spec = { ...base, type: 'double', format: '', size: 0, min: (body.min as number | null | undefined) ?? -Number.MAX_VALUE, max: (body.max as number | null | undefined) ?? Number.MAX_VALUE }; break;
    case 'boolean': spec = { ...base, type: 'boolean', format: '', size: 0 }; break;
    case 'datetime': spec = { ...base, type: 'datetime', format: '', size: 0 }; break;
    case 'bigint':
      spec = { ...base, type: 'bigint', format: '', size: 8, bounds: { min: int64Param('min', body.min, INT64_MIN_EXACT), max: int64Param('max', body.max, INT64_MAX_EXACT) } }; break;
    case 'varchar': spec = { ...base, type: 'varchar', format: '', size: Number(body.size) }; break;
    case 'text': case 'mediumtext': case 'longtext': spec = { ...base, type: kind, format: '', size: TEXT_SIZES[kind] }; break;
    default: {
      const fixed = FIXED[kind]!;
      spec = { ...base, type: 'string', format: fixed.format, size: fixed.size, ...(kind === 'enum' ? { elements: body.elements as string[] } : {}) };
    }
  }
  return checkSpec(spec);
}

/** An int64 body field (a number, or a BigInt from the exact body parse); `fallback` when absent or null. */
export function int64Param(name: string, value: unknown, fallback: bigint): bigint {
  if (value === undefined || value === null) return fallback;
  const n = toBigInt(value);
  if (n === null || typeof value === 'string' || n < INT64_MIN_EXACT || n > INT64_MAX_EXACT) {
    throw invalidParam(name, 'Value must be a valid integer between -9223372036854775808 and 9223372036854775807');
  }
  return n;
}

function integerSize(min: number, max: number): number {
  return min < INT32_MIN || max > INT32_MAX ? 8 : 4;
}

/** The rules shared by create and update: default vs required/array, ranges, elements, sizes. */
export function checkSpec(spec: AttributeSpec): AttributeSpec {
  if (spec.default !== null && spec.required) throw new AppError('attribute_default_unsupported', { message: 'Cannot set default value for required attribute' });
  if (spec.default !== null && spec.array) throw new AppError('attribute_default_unsupported', { message: 'Cannot set default value for array attributes' });
  if (spec.type === 'string' && spec.format === '' && (!Number.isInteger(spec.size) || spec.size < 1 || spec.size > STRING_MAX_SIZE)) {
    throw invalidParam('size', `Value must be a valid range between 1 and ${STRING_MAX_SIZE.toLocaleString('en-US')}`);
  }
  if (spec.type === 'varchar' && (!Number.isInteger(spec.size) || spec.size < 1 || spec.size > VARCHAR_MAX_SIZE)) {
    throw invalidParam('size', `Value must be a valid range between 1 and ${VARCHAR_MAX_SIZE.toLocaleString('en-US')}`);
  }
  if (spec.type === 'bigint') {
    const { min, max } = spec.bounds!;
    if (min > max) throw valueInvalid('Minimum value must be lesser than maximum value');
  }
  if (spec.type === 'integer' || spec.type === 'double') {
    const { min, max } = spec as Required<Pick<AttributeSpec, 'min' | 'max'>>;
    if (spec.type === 'integer' && (!Number.isInteger(min) || !Number.isInteger(max))) throw valueInvalid('Minimum and maximum values must be integers');
    if (min > max) throw valueInvalid('Minimum value must be lesser than maximum value');
    return { ...spec, size: spec.type === 'integer' ? integerSize(min, max) : 0, default: checkDefault(spec) };
  }
  if (spec.format === 'enum') {
    const elements = spec.elements ?? [];
    if (elements.length === 0) throw valueInvalid('Enum elements must not be empty');
    if (elements.some((e) => typeof e !== 'string' || e.length === 0 || e.length > 255)) throw valueInvalid('Each enum element must be a string of 1 to 255 characters');
    if (new Set(elements).size !== elements.length) throw valueInvalid('Enum elements must be unique');
  }
  return { ...spec, default: checkDefault(spec) };
}

/** Validates a default against the type; returns it in stored form (datetimes normalised). */
function checkDefault(spec: AttributeSpec): unknown {
  const d = spec.default;
  if (d === null) return null;
  const wrong = (what: string) => invalidParam('default', `Value must be ${what}`);
  switch (spec.type) {
    case 'integer':
      if (!Number.isInteger(d)) throw wrong('a valid integer');
      if ((d as number) < spec.min! || (d as number) > spec.max!) throw valueInvalid(`Default value must be between ${spec.min} and ${spec.max}`);
      return d;
    case 'bigint': {
      const n = typeof d === 'string' ? null : toBigInt(d);
      if (n === null) throw wrong('a valid integer');
      if (n < spec.bounds!.min || n > spec.bounds!.max) throw valueInvalid(`Default value must be between ${spec.bounds!.min} and ${spec.bounds!.max}`);
      return n;
    }
    case 'double':
      if (typeof d !== 'number' || !Number.isFinite(d)) throw wrong('a valid float');
      if (d < spec.min! || d > spec.max!) throw valueInvalid(`Default value must be between ${spec.min} and ${spec.max}`);
      return d;
    case 'boolean':
      if (typeof d !== 'boolean') throw wrong('a valid boolean');
      return d;
    case 'datetime': {
      const parsed = typeof d === 'string' ? parseApiDate(d) : null;
      if (!parsed) throw wrong('a valid date');
      return toApiDate(parsed);
    }
    default:
      return checkStringDefault(spec, d);
  }
}

function checkStringDefault(spec: AttributeSpec, d: unknown): string {
  if (typeof d !== 'string') throw invalidParam('default', 'Value must be a valid string');
  if (spec.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d)) throw invalidParam('default', 'Value must be a valid email address');
  if (spec.format === 'ip' && isIP(d) === 0) throw invalidParam('default', 'Value must be a valid IP address');
  if (spec.format === 'url' && !(/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(d) && URL.canParse(d))) throw invalidParam('default', 'Value must be a valid URL');
  if (spec.format === 'enum' && !(spec.elements ?? []).includes(d)) throw valueInvalid('Default value not found in elements');
  if ([...d].length > spec.size) throw valueInvalid(`Default value must be at most ${spec.size} characters long`);
  return d;
}

/** Physical column type (MariaDB names; SQLite accepts them as declared types, arrays as TEXT). */
export function sqlType(spec: Pick<AttributeSpec, 'type' | 'size' | 'array'>, dialect: 'mysql' | 'sqlite'): string {
  if (spec.array) return dialect === 'mysql' ? 'JSON' : 'TEXT';
  switch (spec.type) {
    case 'string':
      if (spec.size <= 16381) return `VARCHAR(${spec.size})`;
      if (spec.size <= 65535) return 'TEXT';
      return spec.size <= 16777215 ? 'MEDIUMTEXT' : 'LONGTEXT';
    // The explicit string types keep their physical type whatever the size (varchar's is capped at 16381).
    case 'varchar': return `VARCHAR(${spec.size})`;
    case 'text': return 'TEXT';
    case 'mediumtext': return 'MEDIUMTEXT';
    case 'longtext': return 'LONGTEXT';
    case 'bigint': return 'BIGINT';
    case 'integer': return spec.size >= 8 ? 'BIGINT' : 'INT';
    case 'double': return 'DOUBLE';
    case 'boolean': return 'TINYINT(1)';
    case 'datetime': return 'DATETIME(3)';
    // A relationship's column holds a related document's $id (virtual sides take no column, counted anyway).
    case 'relationship': return 'VARCHAR(255)';
  }
}

/** Bytes a column takes from MariaDB's 65535-byte row (utf8mb4: 4 bytes a character). */
export function rowBytes(spec: Pick<AttributeSpec, 'type' | 'size' | 'array'>): number {
  const type = sqlType(spec, 'mysql');
  if (type.startsWith('VARCHAR')) return spec.size * 4 + (spec.size * 4 > 255 ? 2 : 1);
  const fixed: Record<string, number> = { TEXT: 10, MEDIUMTEXT: 11, LONGTEXT: 12, JSON: 12, INT: 4, BIGINT: 8, DOUBLE: 8, 'TINYINT(1)': 1, 'DATETIME(3)': 7 };
  return fixed[type]!;
}

/** Would the collection still fit MariaDB's row and column limits with `next` replacing `replacing`? */
export function fitsRow(existing: readonly AttributeMeta[], next: AttributeSpec, replacing?: string): boolean {
  const kept = existing.filter((a) => a.status !== 'failed' && a.key !== replacing);
  const columns = SYSTEM_COLUMNS + kept.length + 1;
  const nullBytes = Math.ceil(columns / 8);
  const bytes = SYSTEM_ROW_BYTES + nullBytes + kept.reduce((n, a) => n + rowBytes(a), 0) + rowBytes(next);
  return bytes <= ROW_BYTES_MAX && columns <= COLUMNS_MAX;
}

// ---------------------------------------------------------------------------------------------
// The issue-13 types in metadata rows and models (hooks called from collections/schema-rows.ts).

/** A `bigint` attribute's exact range and default as stored (bounds as decimal strings, the default as an exact literal). */
export function storedBigint(spec: AttributeSpec): { bounds?: { min: string; max: string } } {
  return spec.type === 'bigint' && spec.bounds ? { bounds: { min: spec.bounds.min.toString(), max: spec.bounds.max.toString() } } : {};
}

/** The default as the `default_value` column keeps it (JSON; a bigint's as its exact literal). */
export function storedDefault(spec: AttributeSpec): string {
  return stringifyExact(spec.default ?? null);
}

/** A metadata row's `bigint` fields back (exact range, BigInt default); nothing for other types. */
export function bigintFromRow(type: unknown, options: { bounds?: { min?: unknown; max?: unknown } }, defaultRaw: unknown): Partial<Pick<AttributeSpec, 'bounds' | 'default'>> {
  if (type !== 'bigint') return {};
  const d = toBigInt(parseStoredExact<unknown>(defaultRaw, null));
  return {
    bounds: Object.freeze({ min: toBigInt(options.bounds?.min) ?? INT64_MIN_EXACT, max: toBigInt(options.bounds?.max) ?? INT64_MAX_EXACT }),
    default: d,
  };
}

/** The model fields of the issue-13 types (node-appwrite's AttributeBigint, AttributeVarchar, AttributeText…); null for other types. */
export function columnTypeModel(a: AttributeMeta): Record<string, unknown> | null {
  switch (a.type) {
    case 'bigint':
      return {
        min: exactInteger(a.bounds?.min ?? INT64_MIN_EXACT), max: exactInteger(a.bounds?.max ?? INT64_MAX_EXACT),
        default: typeof a.default === 'bigint' || typeof a.default === 'number' ? exactInteger(a.default) : null,
      };
    case 'varchar': return { size: a.size, default: a.default, encrypt: false };
    case 'text': case 'mediumtext': case 'longtext': return { default: a.default, encrypt: false };
    default: return null;
  }
}
