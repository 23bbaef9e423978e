/**
 * An in-memory reference for the query language, used by the property test: the same semantics the
 * SQL has, written the plain way. SQL's NULL rules show through: every comparison with a NULL value
 * (including the negated ones) is false, only isNull matches it.
 */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export interface QueryJson { method: string; attribute?: string; values?: Json[] }
export type Doc = Record<string, Json>;

export function matches(doc: Doc, q: QueryJson): boolean {
  const v = doc[q.attribute ?? ''];
  const values = (q.values ?? []) as Json[];
  const present = v !== null && v !== undefined;
  const cmp = (a: Json, b: Json) => (Number(a) === Number(b) && typeof a !== 'string' ? 0 : (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
  const same = (a: Json, b: Json) => (typeof a === 'boolean' || typeof b === 'boolean' ? Number(a) === Number(b) : a === b);
  switch (q.method) {
    case 'and': return (values as unknown as QueryJson[]).every((sub) => matches(doc, sub));
    case 'or': return (values as unknown as QueryJson[]).some((sub) => matches(doc, sub));
    case 'isNull': return !present;
    case 'isNotNull': return present;
    case 'exists': return (values as string[]).every((a) => doc[a] !== null && doc[a] !== undefined);
    case 'notExists': return (values as string[]).every((a) => doc[a] === null || doc[a] === undefined);
  }
  if (!present) return false;
  if (Array.isArray(v)) {
    const has = (x: Json) => v.some((e) => same(e, x));
    switch (q.method) {
      case 'contains': case 'containsAny': return values.some(has);
      case 'containsAll': return values.every(has);
      case 'notContains': return !values.some(has);
    }
    throw new Error(`no array semantics for ${q.method}`);
  }
  const s = String(v);
  switch (q.method) {
    case 'equal': return values.some((x) => same(v, x));
    case 'notEqual': return !values.some((x) => same(v, x));
    case 'lessThan': return cmp(v, values[0]!) < 0;
    case 'lessThanEqual': return cmp(v, values[0]!) <= 0;
    case 'greaterThan': return cmp(v, values[0]!) > 0;
    case 'greaterThanEqual': return cmp(v, values[0]!) >= 0;
    case 'between': return cmp(v, values[0]!) >= 0 && cmp(v, values[1]!) <= 0;
    case 'notBetween': return cmp(v, values[0]!) < 0 || cmp(v, values[1]!) > 0;
    case 'startsWith': return values.some((x) => s.startsWith(String(x)));
    case 'endsWith': return values.some((x) => s.endsWith(String(x)));
    case 'contains': case 'containsAny': return values.some((x) => s.includes(String(x)));
    case 'containsAll': return values.every((x) => s.includes(String(x)));
    case 'notStartsWith': return values.every((x) => !s.startsWith(String(x)));
    case 'notEndsWith': return values.every((x) => !s.endsWith(String(x)));
    case 'notContains': return values.every((x) => !s.includes(String(x)));
  }
  throw new Error(`no semantics for ${q.method}`);
}

/** SQL order: NULLs first ascending (last descending), then `$sequence` ascending as the tie-breaker. */
export function sortDocs(docs: Doc[], order: { attribute: string; dir: 'asc' | 'desc' } | null): Doc[] {
  const key = (d: Doc): Json => d[order?.attribute ?? '$sequence'] ?? null;
  const rank = (a: Json, b: Json): number => {
    if (a === b) return 0;
    if (a === null || a === undefined) return -1;
    if (b === null || b === undefined) return 1;
    const x = typeof a === 'boolean' ? Number(a) : a;
    const y = typeof b === 'boolean' ? Number(b) : b;
    return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
  };
  return [...docs].sort((a, b) => {
    const primary = order ? rank(key(a), key(b)) * (order.dir === 'desc' ? -1 : 1) : 0;
    return primary || Number(a.$sequence) - Number(b.$sequence);
  });
}
