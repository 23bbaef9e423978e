/**
 * Appwrite's update operators (1.8+): a `data` value that is the JSON text of `{method, values}`
 * (what `Operator.increment(1)` & co. return), or that object itself, changes its attribute from the
 * attribute's current value instead of replacing it. Parsed as Appwrite's `parseOperators` does
 * (malformed → 400 general_bad_request), checked as utopia's operator validator does
 * (→ "Invalid document structure: Cannot apply …"), and handed to src/db/operators-sql.ts, which
 * applies each one in the UPDATE statement itself. Used by update, upsert and bulk update/upsert,
 * never by create (there an operator string is just a string).
 */
import { AppError } from '../../errors/index.ts';
import type { ColumnOperation, ComputedSet, FilterCondition, ItemClass } from '../../db/operators-sql.ts';
import type { Row } from '../../db/tenant-db.ts';
import { parseApiDate } from '../../lib/dates.ts';
import type { AttributeMeta, CollectionMeta } from '../collections/collection-meta.ts';
import { prepareData, structureError } from './document-input.ts';
import { availableAttributes } from './query/schema.ts';

const METHODS = new Set([
  'increment', 'decrement', 'multiply', 'divide', 'modulo', 'power',
  'arrayAppend', 'arrayPrepend', 'arrayInsert', 'arrayRemove', 'arrayUnique', 'arrayIntersect', 'arrayDiff', 'arrayFilter',
  'stringConcat', 'stringReplace', 'toggle', 'dateAddDays', 'dateSubDays', 'dateSetNow',
]);
const FILTER_CONDITIONS: readonly FilterCondition[] = ['equal', 'notEqual', 'greaterThan', 'greaterThanEqual', 'lessThan', 'lessThanEqual', 'isNull', 'isNotNull'];
/** utopia's Operator::MAX_ARRAY_OPERATOR_SIZE: the most values one array operator may carry. */
export const MAX_ARRAY_OPERATOR_SIZE = 10_000;
const INT32 = { min: -2147483648, max: 2147483647 };
const STRING_TYPES = new Set<string>(['string', 'varchar', 'text', 'mediumtext', 'longtext']);

/** One operator as sent, keyed by its attribute. */
export interface OperatorInput {
  readonly key: string;
  readonly method: string;
  readonly values: readonly unknown[];
}

/** An operator checked against its attribute: the SQL operation plus what the current value must allow. */
export interface PlannedOperator {
  readonly key: string;
  readonly attribute: AttributeMeta;
  readonly set: ComputedSet;
  /** Checks that need the document's current value (overflow, array bounds, string size). */
  readonly check?: (current: unknown) => void;
}

export interface SplitData {
  /** The plain attribute values (what prepareData takes). */
  readonly data: Record<string, unknown>;
  readonly operators: readonly OperatorInput[];
}

/**
 * Appwrite's `parseOperators`: a top-level string that JSON-decodes to `{method}` with a known
 * method, or such an object itself, is an operator; `$` keys and relationship keys never are.
 */
export function splitOperators(meta: CollectionMeta, data: Readonly<Record<string, unknown>> | null | undefined): SplitData {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { data: (data ?? {}) as Record<string, unknown>, operators: [] };
  const relationships = new Set(meta.attributes.filter((a) => (a.type as string) === 'relationship').map((a) => a.key));
  const plain: Record<string, unknown> = {};
  const operators: OperatorInput[] = [];
  for (const key of Object.keys(data)) {
    const value = data[key];
    const decoded = key.startsWith('$') || relationships.has(key) ? null : operatorObject(value);
    if (decoded) operators.push(parseOperator(key, decoded));
    else plain[key] = value;
  }
  return { data: plain, operators };
}

function operatorObject(value: unknown): Record<string, unknown> | null {
  let decoded = value;
  if (typeof value === 'string') {
    // Only a JSON object can be an operator: other strings are never parsed.
    if (!/^\s*\{/.test(value)) return null;
    try { decoded = JSON.parse(value); } catch { return null; }
  }
  if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded)) return null;
  const method = (decoded as Record<string, unknown>).method;
  return typeof method === 'string' && METHODS.has(method) ? decoded as Record<string, unknown> : null;
}

/** utopia's Operator::parseOperator (the method is already known to be valid). */
function parseOperator(key: string, o: Record<string, unknown>): OperatorInput {
  const bad = (why: string) => new AppError('general_bad_request', { message: `Invalid operator for attribute "${key}": ${why}` });
  const attribute = o.attribute ?? '';
  if (typeof attribute !== 'string') throw bad(`Invalid operator attribute. Must be a string, got ${phpType(attribute)}`);
  const raw = o.values ?? [];
  // PHP decodes a JSON object to an array too: it is accepted as a list of its values.
  if (typeof raw !== 'object') throw bad(`Invalid operator values. Must be an array, got ${phpType(raw)}`);
  const values = Array.isArray(raw) ? raw : Object.values(raw as object);
  return { key, method: o.method as string, values };
}

/** PHP's gettype() of a JSON-decoded value (what Appwrite's messages name). */
function phpType(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'double';
  if (typeof v === 'object') return 'array';
  return typeof v;
}

/**
 * Checks each operator against its attribute (utopia's Validator\Operator) and plans its SQL.
 * Throws `document_invalid_structure` ("Invalid document structure: …").
 */
export function planOperators(meta: CollectionMeta, operators: readonly OperatorInput[]): PlannedOperator[] {
  const attributes = new Map(availableAttributes(meta).map((a) => [a.key, a]));
  return operators.map((op) => {
    const a = attributes.get(op.key);
    // utopia's Structure validator refuses unknown keys before it looks at operators.
    if (!a) throw structureError(`Unknown attribute: "${op.key.slice(0, 128)}"`);
    return planOne(meta, a, op);
  });
}

/**
 * Checks the operators against the row's current values (the caller holds its lock), then runs
 * `write` with their SQL sets.
 */
export async function applyOperators<T>(row: Row, planned: readonly PlannedOperator[], write: (sets: readonly ComputedSet[]) => Promise<T>): Promise<T> {
  checkOperators(planned, row);
  return write(planned.map((p) => p.set));
}

/** Runs the current-value checks of every planned operator against one stored row. */
export function checkOperators(planned: readonly PlannedOperator[], row: Row): void {
  for (const p of planned) p.check?.(row[p.attribute.column]);
}

function planOne(meta: CollectionMeta, a: AttributeMeta, op: OperatorInput): PlannedOperator {
  const m = op.method;
  const v = op.values;
  const fail = (why: string) => structureError(`Cannot apply ${m} operator: ${why}`);
  const wrongType = (kind: string) => structureError(`Cannot apply ${m} operator to non-${kind} field '${a.key}'`);
  const plan = (operation: ColumnOperation, check?: (current: unknown) => void): PlannedOperator =>
    ({ key: a.key, attribute: a, set: { column: a.column, operation }, check });
  if (['arrayAppend', 'arrayPrepend', 'arrayIntersect', 'arrayDiff', 'arrayRemove'].includes(m)) {
    const n = payload(v).length;
    if (n > MAX_ARRAY_OPERATOR_SIZE) throw structureError(`Array size ${n} exceeds maximum allowed size of ${MAX_ARRAY_OPERATOR_SIZE} for array operations`);
  }
  switch (m) {
    case 'increment': case 'decrement': case 'multiply': case 'divide': case 'modulo': case 'power': {
      if ((a.type !== 'integer' && a.type !== 'double') || a.array) throw wrongType('numeric');
      const by = numeric(v[0]);
      if (by === null) throw fail(`value must be numeric, got ${phpType(v[0])}`);
      if ((m === 'divide' || m === 'modulo') && by === 0) throw fail(`${m === 'divide' ? 'division' : 'modulo'} by zero`);
      const hasBound = v.length > 1 && v[1] !== null && v[1] !== undefined;
      const bound = hasBound ? numeric(v[1]) : undefined;
      if (bound === null) throw fail(`max/min limit must be numeric, got ${phpType(v[1])}`);
      const integer = a.type === 'integer';
      const operation: ColumnOperation = m === 'modulo' ? { method: m, by, integer } : { method: m, by, bound, integer };
      return plan(operation, (current) => checkArithmetic(m, a, by, bound, current, fail));
    }
    case 'arrayAppend': case 'arrayPrepend': {
      if (!a.array) throw wrongType('array');
      const items = storedItems(meta, a, payload(v), m);
      return plan({ method: m, items });
    }
    case 'arrayInsert': {
      if (!a.array) throw wrongType('array');
      if (v.length !== 2) throw fail('requires exactly 2 values (index and value)');
      const index = v[0];
      if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) throw fail('index must be a non-negative integer');
      const item = storedItems(meta, a, [v[1]], m).slice(1, -1);
      return plan({ method: m, index, item }, (current) => {
        const list = currentList(current);
        if (list && index > list.length) throw fail(`index ${index} is out of bounds for array of length ${list.length}`);
      });
    }
    case 'arrayRemove':
      if (!a.array) throw wrongType('array');
      if (v.length === 0) throw fail('requires a value to remove');
      return plan({ method: m, items: itemClass(a), keys: JSON.stringify(comparisonKeys(a, payload(v))) });
    case 'arrayIntersect': case 'arrayDiff':
      if (!a.array) throw structureError(`Cannot use ${m} operator on non-array attribute '${a.key}'`);
      if (m === 'arrayIntersect' && v.length === 0) throw structureError(`${m} operator requires a non-empty array value`);
      return plan({ method: m, items: itemClass(a), keys: JSON.stringify(comparisonKeys(a, payload(v))) });
    case 'arrayUnique':
      if (!a.array) throw wrongType('array');
      return plan({ method: m, items: itemClass(a) });
    case 'arrayFilter': {
      if (!a.array) throw wrongType('array');
      if (v.length < 1 || v.length > 2) throw fail('requires 1 or 2 values (condition and optional comparison value)');
      const condition = v[0];
      if (typeof condition !== 'string') throw fail('condition must be a string');
      if (!FILTER_CONDITIONS.includes(condition as FilterCondition)) {
        throw structureError(`Invalid array filter condition '${condition}'. Must be one of: ${FILTER_CONDITIONS.join(', ')}`);
      }
      const key = v[1] === null || v[1] === undefined ? null : comparisonKey(a, v[1]);
      return plan({ method: m, items: itemClass(a), condition: condition as FilterCondition, key: key ?? null });
    }
    case 'stringConcat': {
      if (!STRING_TYPES.has(a.type) || a.array) throw wrongType('string');
      const text = v[0];
      if (typeof text !== 'string') throw fail('requires a string value');
      return plan({ method: m, text }, (current) => checkLength(a, `${typeof current === 'string' ? current : ''}${text}`, fail));
    }
    case 'stringReplace': {
      if (!STRING_TYPES.has(a.type) || a.array) throw wrongType('string');
      const [search, replace] = v;
      if (v.length !== 2 || typeof search !== 'string' || typeof replace !== 'string') throw fail('requires exactly 2 string values (search and replace)');
      return plan({ method: m, search, replace }, (current) => {
        if (typeof current === 'string' && search !== '') checkLength(a, current.split(search).join(replace), fail);
      });
    }
    case 'toggle':
      if (a.type !== 'boolean' || a.array) throw wrongType('boolean');
      return plan({ method: m });
    case 'dateAddDays': case 'dateSubDays': {
      if (a.type !== 'datetime' || a.array) throw wrongType('datetime');
      const days = v[0];
      if (typeof days !== 'number' || !Number.isSafeInteger(days)) throw fail('requires an integer number of days');
      return plan({ method: m, days }, (current) => checkDate(current, m === 'dateAddDays' ? days : -days, fail));
    }
    case 'dateSetNow':
      if (a.type !== 'datetime' || a.array) throw wrongType('datetime');
      return plan({ method: m });
  }
  throw fail('unsupported operator method');
}

/** The list an array operator carries: its values, or a list passed as its only value. */
function payload(values: readonly unknown[]): readonly unknown[] {
  return values.length === 1 && Array.isArray(values[0]) ? values[0] : values;
}

/** PHP's is_numeric on a JSON value: numbers and numeric strings. */
function numeric(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** The largest and smallest value the column can hold exactly (INT, or BIGINT within JS's exact range). */
function integerRange(a: AttributeMeta): { min: number; max: number } {
  return a.size >= 8 ? { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER } : INT32;
}

/** Computes the result as the SQL will (bounds keep the value) and refuses one the column can't hold. */
function checkArithmetic(m: string, a: AttributeMeta, by: number, bound: number | undefined, current: unknown, fail: (why: string) => AppError): void {
  const c = current === null || current === undefined ? 0 : Number(current);
  let r: number;
  switch (m) {
    case 'increment': r = bound !== undefined && c > bound - by ? c : c + by; break;
    case 'decrement': r = bound !== undefined && c < bound + by ? c : c - by; break;
    case 'multiply': r = bound !== undefined && (by > 0 ? c > bound / by : by < 0 ? c < bound / by : 0 > bound) ? c : c * by; break;
    case 'divide': r = bound !== undefined && c / by < bound ? c : c / by; break;
    case 'modulo': r = c % by; break;
    default: {
      const p = c ** by;
      r = bound !== undefined && (!Number.isFinite(p) || Number.isNaN(p) || p > bound) ? c : p;
    }
  }
  if (Number.isNaN(r)) throw fail('result is undefined');
  // Without a bound, utopia refuses integer results outside Database::MIN_INT/MAX_INT (32 bits) even
  // on a 64-bit column; with one, only what the column can hold.
  const range = a.type !== 'integer' ? { min: -Number.MAX_VALUE, max: Number.MAX_VALUE } : bound === undefined ? INT32 : integerRange(a);
  if (r > range.max) throw fail(`would overflow maximum value of ${range.max}`);
  if (r < range.min) throw fail(`would underflow minimum value of ${range.min}`);
}

function checkLength(a: AttributeMeta, result: string, fail: (why: string) => AppError): void {
  // `string`/`varchar` sizes count characters; the text types' sizes are bytes.
  const length = a.type === 'string' || a.type === 'varchar' ? [...result].length : Buffer.byteLength(result);
  if (length > a.size) throw fail(`result would exceed maximum length of ${a.size} characters`);
}

/** A stored date moved by `days` must stay within the years 0000–9999 (what DATETIME holds). */
function checkDate(current: unknown, days: number, fail: (why: string) => AppError): void {
  if (current === null || current === undefined) return;
  const at = current instanceof Date ? current.valueOf() : Date.parse(`${String(current).replace(' ', 'T')}Z`);
  const moved = new Date(at + days * 86_400_000);
  if (Number.isNaN(moved.valueOf()) || moved.getUTCFullYear() < 0 || moved.getUTCFullYear() > 9999) throw fail('result would be outside the years 0000 to 9999');
}

function currentList(current: unknown): unknown[] | null {
  if (Array.isArray(current)) return current;
  if (typeof current !== 'string') return null;
  try {
    const list = JSON.parse(current);
    return Array.isArray(list) ? list : null;
  } catch {
    return null;
  }
}

/** New elements as the column stores them (JSON list), with the attribute's own value rules. */
function storedItems(meta: CollectionMeta, a: AttributeMeta, items: readonly unknown[], m: string): string {
  if (a.type === 'integer') {
    // utopia's bound for integer items, whatever the column's size.
    const range = INT32;
    if (items.some((i) => typeof i === 'number' && (i > range.max || i < range.min))) {
      throw structureError(`Cannot apply ${m} operator: array items must be between ${range.min} and ${range.max}`);
    }
  }
  const stored = prepareData(meta, { [a.key]: [...items] }, 'update', true).columns[a.column];
  return typeof stored === 'string' ? stored : '[]';
}

function itemClass(a: AttributeMeta): ItemClass {
  return a.type === 'integer' || a.type === 'double' ? 'number' : a.type === 'boolean' ? 'boolean' : 'text';
}

/**
 * What an element is compared with: numbers, booleans as 1/0, dates in stored form, strings as
 * such. A value that can't be an element of this array matches nothing and is left out.
 */
function comparisonKeys(a: AttributeMeta, values: readonly unknown[]): (string | number)[] {
  return values.map((v) => comparisonKey(a, v)).filter((k): k is string | number => k !== undefined);
}

function comparisonKey(a: AttributeMeta, v: unknown): string | number | undefined {
  switch (itemClass(a)) {
    case 'number': return numeric(v) ?? undefined;
    case 'boolean': return typeof v === 'boolean' ? Number(v) : undefined;
    default:
      if (typeof v !== 'string') return typeof v === 'number' ? String(v) : undefined;
      return a.type === 'datetime' ? parseApiDate(v) ?? v : v;
  }
}
