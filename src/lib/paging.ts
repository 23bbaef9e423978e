import { AppError } from '../errors/index.ts';

export interface Paging { readonly limit: number; readonly offset: number }

/**
 * `limit` / `offset` from Appwrite query strings, for the simple lists (projects, keys) that take
 * no filters. Anything else is a clear 400 rather than silently ignored.
 */
export function parsePaging(queries: unknown, defaults: Paging = { limit: 25, offset: 0 }, maxLimit = 5000): Paging {
  let { limit, offset } = defaults;
  for (const raw of Array.isArray(queries) ? queries : []) {
    let q: { method?: unknown; values?: unknown };
    try { q = JSON.parse(String(raw)) as typeof q; } catch { throw new AppError('general_query_invalid', { message: `Invalid query: ${String(raw).slice(0, 100)}` }); }
    const v = Array.isArray(q.values) ? q.values[0] : undefined;
    if (q.method === 'limit' && Number.isInteger(v) && (v as number) >= 1 && (v as number) <= maxLimit) limit = v as number;
    else if (q.method === 'offset' && Number.isInteger(v) && (v as number) >= 0) offset = v as number;
    else throw new AppError('general_query_invalid', { message: `Invalid query: only limit (1–${maxLimit}) and offset are supported here.` });
  }
  return { limit, offset };
}
