/**
 * Appwrite query strings → a typed AST, with no knowledge of the schema yet.
 *
 * Every limit (count, length, nesting depth, values per query) and the prototype-key ban are checked
 * by iterative walks BEFORE any recursive code runs, so a 4 KB `or` chain can't blow the stack.
 * Only then is the (depth-bounded) tree converted recursively.
 */
import { AppError } from '../../../errors/index.ts';
import { parseExact } from '../../../lib/exact-json.ts';

export const QUERY_LIMITS = Object.freeze({
  /** Query strings per request. */
  count: 100,
  /** Characters per query string. */
  length: 4096,
  /** Nesting depth: a top-level query is depth 1; `or([and([equal])])` is depth 3. */
  depth: 3,
  /** Values per query (for `and`/`or`: nested queries). */
  values: 100,
  /** Largest `limit`. */
  limit: 5000,
  /** Default `limit`. */
  defaultLimit: 25,
});

export const FILTER_METHODS = [
  'equal', 'notEqual', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'between', 'notBetween',
  'isNull', 'isNotNull', 'startsWith', 'endsWith', 'notStartsWith', 'notEndsWith',
  'contains', 'notContains', 'containsAny', 'containsAll', 'search', 'notSearch',
] as const;
export type FilterMethod = (typeof FILTER_METHODS)[number];

/** Methods the SDK knows that Tenantry deliberately doesn't serve. */
const UNSUPPORTED = new Set([
  'regex', 'elemMatch', 'distanceEqual', 'distanceNotEqual', 'distanceGreaterThan', 'distanceLessThan',
  'intersects', 'notIntersects', 'crosses', 'notCrosses', 'overlaps', 'notOverlaps', 'touches', 'notTouches',
  'vectorDot', 'vectorCosine', 'vectorEuclidean',
]);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const FILTER_SET = new Set<string>(FILTER_METHODS);

/** A bigint: an integer literal beyond ±(2^53 − 1), kept exact by the parse. */
export type Value = string | number | bigint | boolean | null;

export type Query =
  | { readonly method: FilterMethod; readonly attribute: string; readonly values: readonly Value[] }
  | { readonly method: 'exists' | 'notExists'; readonly attributes: readonly string[] }
  | { readonly method: 'and' | 'or'; readonly queries: readonly Query[] }
  | { readonly method: 'select'; readonly attributes: readonly string[] }
  | { readonly method: 'orderAsc' | 'orderDesc'; readonly attribute: string }
  | { readonly method: 'orderRandom' }
  | { readonly method: 'limit' | 'offset'; readonly value: number }
  | { readonly method: 'cursorAfter' | 'cursorBefore'; readonly documentId: string };

export function queryError(why: string): AppError {
  return new AppError('general_query_invalid', { message: `Invalid query: ${why}` });
}

/** Parses the `queries` param (array of JSON strings). */
export function parseQueries(raw: unknown): Query[] {
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > QUERY_LIMITS.count) throw queryError(`A request may carry at most ${QUERY_LIMITS.count} queries.`);
  return list.map((item) => {
    if (typeof item !== 'string') throw queryError('Every query must be a JSON string.');
    if (item.length > QUERY_LIMITS.length) throw queryError(`A query may be at most ${QUERY_LIMITS.length} characters long.`);
    let json: unknown;
    try {
      json = parseExact(item);
    } catch {
      throw queryError(`Syntax error in ${JSON.stringify(item.slice(0, 64))}.`);
    }
    assertQueryShape(json);
    return toQuery(json as Record<string, unknown>);
  });
}

/** Iterative (no recursion, whatever the input's depth): prototype keys anywhere, logical nesting depth, values per query. */
export function assertQueryShape(root: unknown): void {
  const stack: Array<{ node: unknown; queryDepth: number; isQuery: boolean }> = [{ node: root, queryDepth: 1, isQuery: true }];
  while (stack.length) {
    const { node, queryDepth, isQuery } = stack.pop()!;
    if (node === null || typeof node !== 'object') {
      if (isQuery) throw queryError('A query must be an object with a "method".');
      continue;
    }
    if (Array.isArray(node)) {
      for (const v of node) stack.push({ node: v, queryDepth, isQuery: false });
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) throw queryError(`The key "${key}" is not allowed.`);
    }
    const record = node as Record<string, unknown>;
    if (!isQuery) {
      for (const key of Object.keys(record)) stack.push({ node: record[key], queryDepth, isQuery: false });
      continue;
    }
    if (queryDepth > QUERY_LIMITS.depth) throw queryError(`Queries may be nested at most ${QUERY_LIMITS.depth} levels deep.`);
    const values = record.values;
    if (values !== undefined && !Array.isArray(values)) throw queryError('"values" must be an array.');
    if (Array.isArray(values) && values.length > QUERY_LIMITS.values) throw queryError(`A query may have at most ${QUERY_LIMITS.values} values.`);
    const logical = record.method === 'and' || record.method === 'or';
    for (const v of (values as unknown[] | undefined) ?? []) stack.push({ node: v, queryDepth: queryDepth + 1, isQuery: logical });
    for (const key of Object.keys(record)) if (key !== 'values') stack.push({ node: record[key], queryDepth, isQuery: false });
  }
}

/** Recursive, but only over trees `checkShape` has bounded to QUERY_LIMITS.depth. */
function toQuery(q: Record<string, unknown>): Query {
  const method = q.method;
  if (typeof method !== 'string') throw queryError('"method" must be a string.');
  const attribute = q.attribute === undefined ? '' : q.attribute;
  if (typeof attribute !== 'string') throw queryError('"attribute" must be a string.');
  const values = (q.values ?? []) as unknown[];
  if (FILTER_SET.has(method)) return { method: method as FilterMethod, attribute, values: values.map((v) => scalar(method, v)) };
  switch (method) {
    case 'and': case 'or':
      if (values.length === 0) throw queryError(`${capitalise(method)} queries require at least one query.`);
      return { method, queries: values.map((v) => toQuery(v as Record<string, unknown>)) };
    case 'exists': case 'notExists': case 'select':
      if (values.length === 0) throw queryError(`${capitalise(method)} queries require at least one attribute.`);
      return { method, attributes: values.map((v) => stringValue(method, v)) };
    case 'orderAsc': case 'orderDesc':
      return { method, attribute };
    case 'orderRandom':
      return { method };
    case 'limit': case 'offset':
      return { method, value: integerValue(method, values) };
    case 'cursorAfter': case 'cursorBefore':
      if (values.length !== 1) throw queryError(`${capitalise(method)} queries require exactly one document ID.`);
      return { method, documentId: stringValue(method, values[0]) };
    default:
      if (UNSUPPORTED.has(method)) {
        throw queryError(`Method "${method}" is not supported: spatial, vector, regex and elemMatch queries are not available in Tenantry.`);
      }
      throw queryError(`Method not valid: ${JSON.stringify(method.slice(0, 64))}.`);
  }
}

function scalar(method: string, v: unknown): Value {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'bigint') return v;
  throw queryError(`${capitalise(method)} query values must be strings, numbers, booleans or null.`);
}

function stringValue(method: string, v: unknown): string {
  if (typeof v !== 'string') throw queryError(`${capitalise(method)} query values must be strings.`);
  return v;
}

function integerValue(method: 'limit' | 'offset', values: unknown[]): number {
  const v = values[0];
  const max = method === 'limit' ? QUERY_LIMITS.limit : Number.MAX_SAFE_INTEGER;
  if (values.length !== 1 || typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > max) {
    throw queryError(method === 'limit' ? `Limit must be a whole number between 0 and ${QUERY_LIMITS.limit}.` : 'Offset must be a whole number of at least 0.');
  }
  return v;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
