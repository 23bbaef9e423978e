/**
 * Realtime subscription queries (`RuntimeQuery`, §D.2): `equal, notEqual, lessThan, lessThanEqual,
 * greaterThan, greaterThanEqual, isNull, isNotNull, and, or` and only `select(["*"])`, evaluated
 * against the event's payload. AND within a subscription; no queries match everything.
 */
export interface RtQuery {
  readonly method: string;
  readonly attribute: string;
  readonly values: readonly unknown[];
}

const COMPARE = new Set(['equal', 'notEqual', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual']);
const MAX_DEPTH = 3;

export class QueryError extends Error {}

function parseOne(raw: unknown, depth: number): RtQuery {
  let q: unknown = raw;
  if (typeof raw === 'string') {
    try { q = JSON.parse(raw); } catch { throw new QueryError(`Invalid query: ${raw.slice(0, 100)}`); }
  }
  if (!q || typeof q !== 'object' || Array.isArray(q)) throw new QueryError('Invalid query: not an object');
  const { method, attribute = '', values = [] } = q as { method?: unknown; attribute?: unknown; values?: unknown };
  if (typeof method !== 'string' || typeof attribute !== 'string' || !Array.isArray(values)) throw new QueryError('Invalid query: method, attribute and values are required');
  if (method === 'select') {
    if (values.length !== 1 || values[0] !== '*') throw new QueryError('Invalid query: only select(["*"]) is allowed');
    return { method, attribute, values };
  }
  if (method === 'and' || method === 'or') {
    if (depth >= MAX_DEPTH) throw new QueryError('Invalid query: nested too deeply');
    if (values.length === 0) throw new QueryError(`Invalid query: ${method} needs queries`);
    return { method, attribute, values: values.map((v) => parseOne(v, depth + 1)) };
  }
  if (method === 'isNull' || method === 'isNotNull') return { method, attribute, values: [] };
  if (!COMPARE.has(method)) throw new QueryError(`Invalid query: method "${method}" is not allowed in realtime queries`);
  if (values.length === 0) throw new QueryError(`Invalid query: ${method} needs a value`);
  if (values.some((v) => v !== null && typeof v === 'object')) throw new QueryError(`Invalid query: ${method} takes scalar values`);
  return { method, attribute, values };
}

/** Parses a subscription's query strings; throws QueryError with Appwrite's `Invalid query: …` message. */
export function parseRealtimeQueries(raw: unknown): RtQuery[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new QueryError('Invalid query: queries must be an array');
  if (raw.length > 100) throw new QueryError('Invalid query: at most 100 queries');
  return raw.map((q) => parseOne(q, 0));
}

function compare(method: string, actual: unknown, expected: unknown): boolean {
  if (method === 'equal') return actual === expected;
  if (method === 'notEqual') return actual !== expected;
  if (typeof actual !== typeof expected || (typeof actual !== 'number' && typeof actual !== 'string')) return false;
  const a = actual as number | string;
  const e = expected as number | string;
  switch (method) {
    case 'lessThan': return a < e;
    case 'lessThanEqual': return a <= e;
    case 'greaterThan': return a > e;
    default: return a >= e;
  }
}

function matchOne(q: RtQuery, payload: Record<string, unknown>): boolean {
  switch (q.method) {
    case 'select': return true;
    case 'and': return (q.values as RtQuery[]).every((s) => matchOne(s, payload));
    case 'or': return (q.values as RtQuery[]).some((s) => matchOne(s, payload));
    case 'isNull': return payload[q.attribute] === null || payload[q.attribute] === undefined;
    case 'isNotNull': return payload[q.attribute] !== null && payload[q.attribute] !== undefined;
    case 'notEqual': return q.values.every((v) => compare('notEqual', payload[q.attribute], v));
    default: {
      const actual = payload[q.attribute];
      if (Array.isArray(actual)) return actual.some((a) => q.values.some((v) => compare(q.method, a, v)));
      return q.values.some((v) => compare(q.method, actual, v));
    }
  }
}

export function matchesQueries(queries: readonly RtQuery[], payload: Record<string, unknown>): boolean {
  return queries.every((q) => matchOne(q, payload));
}
