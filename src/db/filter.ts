/**
 * Tenantry's own filter AST and its one translation to knex. Services describe *what* they want;
 * only this file decides the SQL, and every value is a bound parameter. Column names are checked
 * against the physical-name pattern here; services map API attribute names onto columns first.
 */
import type { Knex } from 'knex';
import { assertColumn } from './names.ts';

export type Scalar = string | number | boolean | null;

export type Condition =
  | { readonly kind: 'cmp'; readonly column: string; readonly op: '=' | '!=' | '<' | '<=' | '>' | '>='; readonly value: Scalar }
  | { readonly kind: 'in'; readonly column: string; readonly values: readonly Scalar[]; readonly negate?: boolean }
  | { readonly kind: 'null'; readonly column: string; readonly negate?: boolean }
  | { readonly kind: 'between'; readonly column: string; readonly low: Scalar; readonly high: Scalar; readonly negate?: boolean }
  /** LIKE with the caller's text escaped: `%`, `_` and the escape char itself match literally. */
  | { readonly kind: 'like'; readonly column: string; readonly text: string; readonly anchor: 'prefix' | 'suffix' | 'contains'; readonly negate?: boolean }
  | { readonly kind: 'and' | 'or'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'not'; readonly condition: Condition }
  | { readonly kind: 'true' }
  | { readonly kind: 'false' };

/** Equality map → condition: `eq({ _uid: 'abc', status: ['a', 'b'] })`; an array value means IN, null IS NULL. */
export function eq(map: Readonly<Record<string, Scalar | readonly Scalar[]>>): Condition {
  const parts: Condition[] = Object.entries(map).map(([column, value]): Condition =>
    Array.isArray(value)
      ? { kind: 'in', column, values: value as readonly Scalar[] }
      : value === null
        ? { kind: 'null', column }
        : { kind: 'cmp', column, op: '=', value: value as Scalar },
  );
  return parts.length === 1 ? parts[0]! : { kind: 'and', conditions: parts };
}

export const ALL: Condition = { kind: 'true' };

/** Names a column condition refers to, for callers that need to refuse system columns. */
export function columnsOf(c: Condition): string[] {
  switch (c.kind) {
    case 'and': case 'or': return c.conditions.flatMap(columnsOf);
    case 'not': return columnsOf(c.condition);
    case 'true': case 'false': return [];
    default: return [c.column];
  }
}

/** `!` escapes LIKE wildcards: unlike `\\`, it means the same in MariaDB and SQLite string literals. */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (m) => '!' + m);
}

/** Applies `c` to `qb` inside its own parenthesised group, so an OR can never escape sibling predicates. */
export function applyCondition(qb: Knex.QueryBuilder, c: Condition, alias?: string): void {
  const col = (name: string) => (alias ? `${alias}.${assertColumn(name)}` : assertColumn(name));
  switch (c.kind) {
    case 'true': return;
    case 'false': qb.whereRaw('1 = 0'); return;
    case 'cmp':
      if (c.value === null) { if (c.op === '=') qb.whereNull(col(c.column)); else if (c.op === '!=') qb.whereNotNull(col(c.column)); else qb.whereRaw('1 = 0'); return; }
      qb.where(col(c.column), c.op === '!=' ? '<>' : c.op, c.value);
      return;
    case 'in':
      if (c.values.length === 0) { if (!c.negate) qb.whereRaw('1 = 0'); return; }
      if (c.negate) qb.whereNotIn(col(c.column), c.values as Scalar[]); else qb.whereIn(col(c.column), c.values as Scalar[]);
      return;
    case 'null':
      if (c.negate) qb.whereNotNull(col(c.column)); else qb.whereNull(col(c.column));
      return;
    case 'between':
      if (c.negate) qb.whereNotBetween(col(c.column), [c.low, c.high] as [Scalar, Scalar]);
      else qb.whereBetween(col(c.column), [c.low, c.high] as [Scalar, Scalar]);
      return;
    case 'like': {
      const t = escapeLike(c.text);
      const pattern = c.anchor === 'prefix' ? `${t}%` : c.anchor === 'suffix' ? `%${t}` : `%${t}%`;
      qb.whereRaw(`?? ${c.negate ? 'NOT LIKE' : 'LIKE'} ? ESCAPE '!'`, [col(c.column), pattern]);
      return;
    }
    case 'not':
      qb.whereNot((w) => applyCondition(w, c.condition, alias));
      return;
    case 'and':
      qb.where((w) => { for (const sub of c.conditions) w.andWhere((x) => applyCondition(x, sub, alias)); });
      return;
    case 'or':
      if (c.conditions.length === 0) { qb.whereRaw('1 = 0'); return; }
      qb.where((w) => { for (const sub of c.conditions) w.orWhere((x) => applyCondition(x, sub, alias)); });
      return;
  }
}
