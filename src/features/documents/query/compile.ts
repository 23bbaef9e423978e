/**
 * Validated query AST → a plan TenantDb can run: a Condition tree (columns from the schema map,
 * values bound and typed), orders with the `$sequence` tie-breaker, paging, cursor and projection.
 * Every attribute named anywhere (filters, orders, select, exists) must be in the collection schema.
 */
import type { Condition, Scalar } from '../../../db/filter.ts';
import type { Order } from '../../../db/tenant-db.ts';
import { parseApiDate } from '../../../lib/dates.ts';
import { AppError } from '../../../errors/index.ts';
import { isStringType, type CollectionMeta } from '../../collections/collection-meta.ts';
import { INT64_MAX, INT64_MIN } from '../../../lib/exact-json.ts';
import { QUERY_LIMITS, queryError, type FilterMethod, type Query, type Value } from './parse.ts';
import { fieldsOf, hasFulltextIndex, type Field } from './schema.ts';

export interface QueryPlan {
  readonly where: Condition;
  /** Orders including the `_id` tie-breaker (absent with `orderRandom`). */
  readonly orders: readonly Order[];
  readonly random: boolean;
  readonly limit: number;
  readonly offset: number;
  readonly cursor: { readonly documentId: string; readonly direction: 'after' | 'before' } | null;
  /** Selected attribute keys; null = every attribute. */
  readonly select: ReadonlySet<string> | null;
}

/** `select`: only projections (get document); `all`: everything a list takes. */
export type Allowed = 'select' | 'all';

/** Fields `select` may name besides attributes (always returned anyway). */
const SELECTABLE_SYSTEM = new Set(['$id', '$sequence', '$createdAt', '$updatedAt', '$permissions', '$databaseId', '$collectionId', '*']);

export function compileQueries(queries: readonly Query[], meta: CollectionMeta, allowed: Allowed = 'all'): QueryPlan {
  const fields = fieldsOf(meta);
  const filters: Condition[] = [];
  const orders: Order[] = [];
  let random = false;
  let limit: number = QUERY_LIMITS.defaultLimit;
  let offset = 0;
  let cursor: QueryPlan['cursor'] = null;
  let select: Set<string> | null = null;
  for (const q of queries) {
    if (allowed === 'select' && q.method !== 'select') throw queryError(`Only select queries are allowed here, not "${q.method}".`);
    switch (q.method) {
      case 'select':
        select ??= new Set();
        for (const key of q.attributes) {
          if (!SELECTABLE_SYSTEM.has(key) && !fields.has(key)) throw notFound(key);
          select.add(key);
        }
        break;
      case 'orderAsc': case 'orderDesc': {
        const field = fieldFor(fields, q.attribute === '' ? '$sequence' : q.attribute);
        if (field.array) throw queryError(`Cannot order by array attribute "${field.key}".`);
        orders.push({ column: field.column, dir: q.method === 'orderAsc' ? 'asc' : 'desc' });
        break;
      }
      case 'orderRandom': random = true; break;
      case 'limit': limit = q.value; break;
      case 'offset': offset = q.value; break;
      case 'cursorAfter': case 'cursorBefore':
        cursor = { documentId: q.documentId, direction: q.method === 'cursorAfter' ? 'after' : 'before' };
        break;
      default: filters.push(compileFilter(q, fields, meta));
    }
  }
  if (select?.has('*')) select = null;
  if (random && (orders.length || cursor)) throw queryError('orderRandom can not be combined with other orders or with cursors.');
  return { where: and(filters), orders: random ? [] : withTieBreaker(orders), random, limit, offset, cursor, select };
}

/** Appwrite's rule: `$sequence` breaks ties — ASC, or the leading direction when ordering by a timestamp. */
function withTieBreaker(orders: Order[]): Order[] {
  if (orders.some((o) => o.column === '_id' || o.column === '_uid')) return orders;
  const lead = orders[0];
  const dir = lead && (lead.column === '_createdAt' || lead.column === '_updatedAt') ? lead.dir : 'asc';
  return [...orders, { column: '_id', dir }];
}

function and(conditions: Condition[]): Condition {
  if (conditions.length === 0) return { kind: 'true' };
  return conditions.length === 1 ? conditions[0]! : { kind: 'and', conditions };
}

function notFound(key: string): AppError {
  return queryError(`Attribute not found in schema: ${key.slice(0, 128)}`);
}

function fieldFor(fields: Map<string, Field>, key: string): Field {
  const f = fields.get(key);
  if (!f) throw notFound(key);
  return f;
}

/** Recursive only through and/or, whose depth parse.ts already bounded. */
function compileFilter(q: Query, fields: Map<string, Field>, meta: CollectionMeta): Condition {
  switch (q.method) {
    case 'and': case 'or': {
      const conditions = q.queries.map((sub) => {
        if (!isFilter(sub)) throw queryError(`${q.method === 'and' ? 'And' : 'Or'} queries may only contain filters, not "${sub.method}".`);
        return compileFilter(sub, fields, meta);
      });
      return { kind: q.method, conditions };
    }
    case 'exists': case 'notExists':
      return and(q.attributes.map((key): Condition => ({ kind: 'null', column: fieldFor(fields, key).column, negate: q.method === 'exists' })));
    default:
      if (!isFilterMethod(q)) throw queryError(`"${q.method}" can not be used as a filter.`);
      return compileComparison(q.method, fieldFor(fields, q.attribute), q.values, meta);
  }
}

function isFilter(q: Query): boolean {
  return !['select', 'orderAsc', 'orderDesc', 'orderRandom', 'limit', 'offset', 'cursorAfter', 'cursorBefore'].includes(q.method);
}

function isFilterMethod(q: Query): q is Extract<Query, { method: FilterMethod }> {
  return 'values' in q && 'attribute' in q;
}

const ANY = (cs: Condition[]): Condition => (cs.length === 1 ? cs[0]! : { kind: 'or', conditions: cs });
const ALL_OF = (cs: Condition[]): Condition => and(cs);

function compileComparison(method: FilterMethod, field: Field, raw: readonly Value[], meta: CollectionMeta): Condition {
  const column = field.column;
  const needValues = (n?: number) => {
    if (n !== undefined && raw.length !== n) throw queryError(`${label(method)} queries require exactly ${n} value${n === 1 ? '' : 's'}.`);
    if (raw.length === 0) throw queryError(`${label(method)} queries require at least one value.`);
  };
  const notArray = () => { if (field.array) throw queryError(`Cannot query ${method} on attribute "${field.key}" because it is an array.`); };
  switch (method) {
    case 'isNull': case 'isNotNull':
      return { kind: 'null', column, negate: method === 'isNotNull' };
    case 'equal': case 'notEqual':
      notArray(); needValues();
      return { kind: 'in', column, values: raw.map((v) => typed(field, v)), negate: method === 'notEqual' };
    case 'lessThan': case 'lessThanEqual': case 'greaterThan': case 'greaterThanEqual': {
      notArray(); needValues(1);
      const op = ({ lessThan: '<', lessThanEqual: '<=', greaterThan: '>', greaterThanEqual: '>=' } as const)[method];
      return { kind: 'cmp', column, op, value: typed(field, raw[0]!) };
    }
    case 'between': case 'notBetween':
      notArray(); needValues(2);
      return { kind: 'between', column, low: typed(field, raw[0]!), high: typed(field, raw[1]!), negate: method === 'notBetween' };
    case 'startsWith': case 'endsWith': case 'notStartsWith': case 'notEndsWith': {
      notArray(); needValues(); requireString(field, method);
      const negate = method.startsWith('not');
      const anchor = method === 'startsWith' || method === 'notStartsWith' ? 'prefix' : 'suffix';
      const parts = raw.map((v): Condition => ({ kind: 'like', column, text: textValue(field, v), anchor, negate }));
      return negate ? ALL_OF(parts) : ANY(parts);
    }
    case 'contains': case 'containsAny': case 'containsAll': case 'notContains':
      needValues();
      return compileContains(method, field, raw);
    case 'search': case 'notSearch':
      notArray(); needValues(1); requireString(field, method);
      if (!hasFulltextIndex(meta, field.key)) throw new AppError('general_query_invalid', { message: `Searching by attribute "${field.key}" requires a fulltext index.` });
      return { kind: 'search', column, text: textValue(field, raw[0]!), negate: method === 'notSearch' };
  }
}

function compileContains(method: 'contains' | 'containsAny' | 'containsAll' | 'notContains', field: Field, raw: readonly Value[]): Condition {
  const column = field.column;
  if (field.array) {
    return { kind: 'jsonHas', column, values: raw.map((v) => typed(field, v)), mode: method === 'containsAll' ? 'all' : 'any', negate: method === 'notContains' };
  }
  requireString(field, method);
  const negate = method === 'notContains';
  const parts = raw.map((v): Condition => ({ kind: 'like', column, text: textValue(field, v), anchor: 'contains', negate }));
  return method === 'containsAll' || negate ? ALL_OF(parts) : ANY(parts);
}

function requireString(field: Field, method: string): void {
  if (!isStringType(field.type)) throw queryError(`Cannot query ${method} on attribute "${field.key}" because it is not a string.`);
}

function textValue(field: Field, v: Value): string {
  if (typeof v !== 'string') throw queryError(`Query value for attribute "${field.key}" must be a string.`);
  return v;
}

/** A query value checked against the attribute's type and put in its stored form. */
export function typed(field: Field, v: Value): Scalar {
  const invalid = (what: string) => queryError(`Query value for attribute "${field.key}" must be ${what}.`);
  if (v === null) throw queryError(`Query values can not be null (use isNull / isNotNull for attribute "${field.key}").`);
  switch (field.type) {
    case 'string':
      if (typeof v !== 'string') throw invalid('a string');
      return v;
    case 'relationship':
      if (typeof v !== 'string') throw invalid('a document ID');
      return v;
    case 'varchar': case 'text': case 'mediumtext': case 'longtext':
      if (typeof v !== 'string') throw invalid('a string');
      return v;
    case 'bigint': {
      // Exact: a value beyond 2^53 arrives as a BigInt (exact parse) and is bound as its decimal string.
      const n = typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v)) ? BigInt(v) : null;
      if (n === null || n < INT64_MIN || n > INT64_MAX) throw invalid('an integer between -9223372036854775808 and 9223372036854775807');
      return typeof v === 'number' ? v : n.toString();
    }
    case 'integer':
      // `$sequence` is a string on the wire, so a numeric string is accepted for it.
      if (field.key === '$sequence' && typeof v === 'string' && /^\d{1,16}$/.test(v)) return Number(v);
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw invalid('an integer');
      return v;
    case 'double':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid('a number');
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw invalid('a boolean');
      return v;
    case 'datetime': {
      const d = typeof v === 'string' ? parseApiDate(v) : null;
      if (d === null) throw invalid('a date in ISO 8601 form');
      return d;
    }
  }
}

function label(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1);
}
