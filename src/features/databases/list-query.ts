/**
 * The Appwrite `queries[]` subset the schema lists (databases, collections, attributes, indexes)
 * support: `limit`, `offset`, `cursorAfter`/`cursorBefore`, `equal`/`notEqual` and
 * `orderAsc`/`orderDesc` on a per-list set of fields, plus `search` (substring of the name).
 * Anything else is a clear 400 `general_query_invalid`, never silently ignored.
 */
import { AppError } from '../../errors/index.ts';
import { eq, type Condition, type Scalar } from '../../db/filter.ts';
import type { Order, Row, ScopedTable } from '../../db/tenant-db.ts';

export const MAX_LIMIT = 5000;
export const TOTAL_CAP = 5000;

/** API field → physical column, and how to read the query values for it. */
export type ListFields = Readonly<Record<string, { readonly column: string; readonly kind: 'string' | 'boolean' | 'number' }>>;

interface ParsedQuery { readonly method: string; readonly attribute?: string; readonly values: readonly unknown[] }

function invalid(message: string): AppError {
  return new AppError('general_query_invalid', { message: `Invalid query: ${message}` });
}

function parseOne(raw: unknown): ParsedQuery {
  let q: { method?: unknown; attribute?: unknown; values?: unknown };
  try { q = JSON.parse(String(raw)) as typeof q; } catch { throw invalid(`Syntax error in ${String(raw).slice(0, 100)}`); }
  if (typeof q !== 'object' || q === null || typeof q.method !== 'string') throw invalid('Every query needs a method.');
  return { method: q.method, attribute: typeof q.attribute === 'string' ? q.attribute : undefined, values: Array.isArray(q.values) ? q.values : [] };
}

function field(fields: ListFields, q: ParsedQuery) {
  const f = q.attribute !== undefined ? fields[q.attribute] : undefined;
  if (!f) throw invalid(`Attribute not found in schema: ${q.attribute ?? ''}. Queryable here: ${Object.keys(fields).join(', ')}.`);
  return f;
}

function scalar(kind: 'string' | 'boolean' | 'number', v: unknown): Scalar {
  if (kind === 'boolean' && typeof v === 'boolean') return v;
  if (kind === 'number' && typeof v === 'number') return v;
  if (kind === 'string' && typeof v === 'string') return v;
  throw invalid(`Query value ${JSON.stringify(v)} must be a ${kind}.`);
}

export interface ListRequest {
  readonly queries?: unknown;
  readonly search?: unknown;
  readonly total?: unknown;
}

/**
 * Runs a list over `table` within `base` (the parent scope, e.g. one database's collections).
 * The cursor is an ID; keyset pagination goes by the internal sequence, the default order.
 */
export async function listRows(table: ScopedTable, base: Condition, fields: ListFields, request: ListRequest, searchColumn: string | null): Promise<{ total: number; rows: Row[] }> {
  const conditions: Condition[] = [base];
  const orderBy: Order[] = [];
  let limit = 25;
  let offset = 0;
  let cursor: { id: string; dir: 'after' | 'before' } | null = null;
  for (const raw of Array.isArray(request.queries) ? request.queries : []) {
    const q = parseOne(raw);
    const v = q.values[0];
    switch (q.method) {
      case 'limit':
        if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > MAX_LIMIT) throw invalid(`limit must be an integer between 0 and ${MAX_LIMIT}.`);
        limit = v as number; break;
      case 'offset':
        if (!Number.isInteger(v) || (v as number) < 0) throw invalid('offset must be a non-negative integer.');
        offset = v as number; break;
      case 'cursorAfter': case 'cursorBefore':
        if (typeof v !== 'string') throw invalid('The cursor must be an ID.');
        cursor = { id: v, dir: q.method === 'cursorAfter' ? 'after' : 'before' }; break;
      case 'equal': case 'notEqual': {
        const f = field(fields, q);
        if (q.values.length === 0) throw invalid('Equal queries require at least one value.');
        conditions.push({ kind: 'in', column: f.column, values: q.values.map((x) => scalar(f.kind, x)), negate: q.method === 'notEqual' });
        break;
      }
      case 'orderAsc': case 'orderDesc':
        orderBy.push({ column: field(fields, q).column, dir: q.method === 'orderAsc' ? 'asc' : 'desc' }); break;
      default:
        throw invalid(`The query method "${q.method}" is not supported on this list.`);
    }
  }
  if (typeof request.search === 'string' && request.search.trim() !== '' && searchColumn) {
    conditions.push({ kind: 'like', column: searchColumn, text: request.search.trim(), anchor: 'contains' });
  }
  const where: Condition = { kind: 'and', conditions };
  const total = request.total === false || request.total === 'false' ? 0 : await table.count(where, TOTAL_CAP);
  let pageWhere = where;
  let dir: 'asc' | 'desc' = 'asc';
  if (cursor) {
    const at = await table.first({ kind: 'and', conditions: [base, eq({ _uid: cursor.id })] }, ['_id']);
    if (!at) throw new AppError('general_cursor_not_found');
    dir = cursor.dir === 'after' ? 'asc' : 'desc';
    pageWhere = { kind: 'and', conditions: [where, { kind: 'cmp', column: '_id', op: cursor.dir === 'after' ? '>' : '<', value: Number(at._id) }] };
  }
  const rows = await table.find({ where: pageWhere, orderBy: [...orderBy, { column: '_id', dir }], limit, offset });
  if (cursor?.dir === 'before') rows.reverse();
  return { total, rows };
}
