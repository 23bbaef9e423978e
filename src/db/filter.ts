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
  /** Array attribute (a JSON list) holding any / all of `values`; negated, a NULL list never matches. */
  | { readonly kind: 'jsonHas'; readonly column: string; readonly values: readonly Scalar[]; readonly mode: 'any' | 'all'; readonly negate?: boolean }
  /** Full-text search: MariaDB FULLTEXT in boolean mode; SQLite: a case-sensitive substring test per word, OR-ed. */
  | { readonly kind: 'search'; readonly column: string; readonly text: string; readonly negate?: boolean }
  /**
   * Row-level permission: the row (by its integer key `_id`) is granted `action` to one of `roles` in
   * the table's `_perms` side table. Only a document table's ScopedTable can resolve it (it knows the
   * side table and tenant).
   */
  | { readonly kind: 'permitted'; readonly action: 'read' | 'update' | 'delete'; readonly roles: readonly string[] }
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
    case 'permitted': return ['_id'];
    default: return [c.column];
  }
}

/** `!` escapes LIKE wildcards: unlike `\\`, it means the same in MariaDB and SQLite string literals. */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (m) => '!' + m);
}

/** GLOB metacharacters as one-character classes, so the text matches literally (SQLite). */
export function escapeGlob(text: string): string {
  return text.replace(/[[*?]/g, (m) => `[${m}]`);
}

/** Words of a search string, with the characters MariaDB's boolean mode treats as operators removed (as Appwrite does). */
export function searchWords(text: string): string[] {
  return text.replace(/[@+\-*()<>~"]/g, ' ').split(/\s+/).filter(Boolean);
}

/** What a condition needs to know about where it runs. */
export interface ApplyEnv {
  readonly dialect: 'mysql' | 'sqlite';
  /** Table alias of the row being filtered (columns are qualified with it). */
  readonly alias?: string;
  /** The permission side table and tenant, for `permitted` conditions (document tables only). */
  readonly perms?: { readonly table: string; readonly tenant: number };
}

/** Applies `c` to `qb` inside its own parenthesised group, so an OR can never escape sibling predicates. */
export function applyCondition(qb: Knex.QueryBuilder, c: Condition, env: ApplyEnv): void {
  const col = (name: string) => (env.alias ? `${env.alias}.${assertColumn(name)}` : assertColumn(name));
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
    case 'like': applyLike(qb, col(c.column), c, env); return;
    case 'jsonHas': applyJsonHas(qb, col(c.column), c, env); return;
    case 'search': applySearch(qb, col(c.column), c, env); return;
    case 'permitted': applyPermitted(qb, col('_id'), c, env); return;
    case 'not':
      qb.whereNot((w) => applyCondition(w, c.condition, env));
      return;
    case 'and':
      qb.where((w) => { for (const sub of c.conditions) w.andWhere((x) => applyCondition(x, sub, env)); });
      return;
    case 'or':
      if (c.conditions.length === 0) { qb.whereRaw('1 = 0'); return; }
      qb.where((w) => { for (const sub of c.conditions) w.orWhere((x) => applyCondition(x, sub, env)); });
      return;
  }
}

type Of<K extends Condition['kind']> = Extract<Condition, { kind: K }>;

/**
 * MariaDB compares with the column's binary collation (case-sensitive); SQLite's LIKE folds ASCII
 * case, so SQLite uses GLOB (case-sensitive) to give the same answers on both backends.
 */
function applyLike(qb: Knex.QueryBuilder, column: string, c: Of<'like'>, env: ApplyEnv): void {
  const glob = env.dialect === 'sqlite';
  const t = glob ? escapeGlob(c.text) : escapeLike(c.text);
  const any = glob ? '*' : '%';
  const pattern = c.anchor === 'prefix' ? `${t}${any}` : c.anchor === 'suffix' ? `${any}${t}` : `${any}${t}${any}`;
  const op = glob ? (c.negate ? 'NOT GLOB' : 'GLOB') : (c.negate ? 'NOT LIKE' : 'LIKE');
  qb.whereRaw(`?? ${op} ?${glob ? '' : " ESCAPE '!'"}`, [column, pattern]);
}

/** JSON lists: MariaDB JSON_OVERLAPS / JSON_CONTAINS; SQLite a json_each membership test per value. */
function applyJsonHas(qb: Knex.QueryBuilder, column: string, c: Of<'jsonHas'>, env: ApplyEnv): void {
  if (c.values.length === 0) { if (!c.negate) qb.whereRaw('1 = 0'); else qb.whereNotNull(column); return; }
  const positive = (w: Knex.QueryBuilder) => {
    if (env.dialect === 'mysql') {
      w.whereRaw(c.mode === 'any' ? 'JSON_OVERLAPS(??, ?)' : 'JSON_CONTAINS(??, ?)', [column, JSON.stringify(c.values)]);
      return;
    }
    const member = 'EXISTS (SELECT 1 FROM json_each(??) WHERE json_each.value = ?)';
    for (const v of c.values) {
      const bound = typeof v === 'boolean' ? Number(v) : v;
      if (c.mode === 'any') w.orWhereRaw(member, [column, bound]); else w.andWhereRaw(member, [column, bound]);
    }
  };
  if (!c.negate) { qb.where(positive); return; }
  // A NULL list is "unknown" in SQL: never let NOT turn it into a match on either backend.
  qb.where((w) => { w.whereNotNull(column).andWhereNot(positive); });
}

function applySearch(qb: Knex.QueryBuilder, column: string, c: Of<'search'>, env: ApplyEnv): void {
  const words = searchWords(c.text);
  if (words.length === 0) { if (c.negate) qb.whereNotNull(column); else qb.whereRaw('1 = 0'); return; }
  const positive = (w: Knex.QueryBuilder) => {
    if (env.dialect === 'mysql') {
      // Appwrite's form: operators stripped, a trailing `*` so the last word matches as a prefix.
      w.whereRaw('MATCH (??) AGAINST (? IN BOOLEAN MODE)', [column, `${words.join(' ')}*`]);
      return;
    }
    for (const word of words) w.orWhereRaw('?? GLOB ?', [column, `*${escapeGlob(word)}*`]);
  };
  if (!c.negate) { qb.where(positive); return; }
  qb.where((w) => { w.whereNotNull(column).andWhereNot(positive); });
}

/**
 * The permission semi-join, in exactly this shape (compiled statements mirror it):
 *
 *   `_id` IN (SELECT `_document` FROM `<perms>` WHERE `_tenant` = ? AND `_type` = ? AND `_permission` IN (?, …))
 *
 * `_document` is the document's integer row key, so the candidate side is read from whichever
 * secondary index of the document table the other predicates pick (it carries `_id`), and each
 * candidate is probed in the side table's `(_tenant, _document, _type, _permission)` index; a
 * role-first plan range-scans its primary key `(_tenant, _permission, _type, _document)` instead.
 * Both index-only (collection-ddl.ts `createPermsTable`; test/documents/explain.test.ts asserts it).
 */
function applyPermitted(qb: Knex.QueryBuilder, idColumn: string, c: Of<'permitted'>, env: ApplyEnv): void {
  if (!env.perms) throw new Error('a permission condition needs a document table');
  if (c.roles.length === 0) { qb.whereRaw('1 = 0'); return; }
  const { table, tenant } = env.perms;
  qb.whereIn(idColumn, function (this: Knex.QueryBuilder) {
    this.select('_document').from(table).where('_tenant', tenant).andWhere('_type', c.action).whereIn('_permission', c.roles as string[]);
  });
}
