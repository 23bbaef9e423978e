/**
 * Tenantry's filter AST → SQL text with `?` placeholders, for the compiled (prepared) statements of
 * document tables. It mirrors `applyCondition` in filter.ts clause for clause, but writes the text
 * directly: the same condition shape always gives the same text (values never appear in it), so the
 * text is the key of the driver's prepared-statement cache. Identifiers are checked and quoted here.
 */
import { escapeGlob, escapeLike, searchWords, type Condition, type Scalar } from './filter.ts';
import { assertColumn } from './names.ts';

/** `` `name` `` — backticks mean an identifier on MariaDB and SQLite alike (names are pattern-checked first). */
export function quote(name: string): string {
  return '`' + assertColumn(name) + '`';
}

/** A table name built by names.ts (namespace prefix + validated parts), quoted. */
export function quoteTable(name: string): string {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`refusing unsafe table name ${JSON.stringify(name)}`);
  return '`' + name + '`';
}

export interface TextEnv {
  readonly dialect: 'mysql' | 'sqlite';
  /** The permission side table and tenant, for `permitted` conditions (document tables only). */
  readonly perms?: { readonly table: string; readonly tenant: number };
}

const FALSE = '1 = 0';

/** `?, ?, ?` for n values. */
export function placeholders(n: number): string {
  return n === 1 ? '?' : '?' + ', ?'.repeat(n - 1);
}

/**
 * The condition as one self-contained SQL expression, its values appended to `out` in order;
 * null when it is always true (the caller adds no clause).
 */
export function conditionText(c: Condition, env: TextEnv, out: unknown[]): string | null {
  switch (c.kind) {
    case 'true': return null;
    case 'false': return FALSE;
    case 'cmp': {
      const col = quote(c.column);
      if (c.value === null) return c.op === '=' ? `${col} IS NULL` : c.op === '!=' ? `${col} IS NOT NULL` : FALSE;
      out.push(c.value);
      return `${col} ${c.op === '!=' ? '<>' : c.op} ?`;
    }
    case 'in':
      if (c.values.length === 0) return c.negate ? null : FALSE;
      for (const v of c.values) out.push(v);
      return `${quote(c.column)} ${c.negate ? 'NOT IN' : 'IN'} (${placeholders(c.values.length)})`;
    case 'null':
      return `${quote(c.column)} ${c.negate ? 'IS NOT NULL' : 'IS NULL'}`;
    case 'between':
      out.push(c.low, c.high);
      return `${quote(c.column)} ${c.negate ? 'NOT BETWEEN' : 'BETWEEN'} ? AND ?`;
    case 'like': return likeText(c, env, out);
    case 'jsonHas': return jsonHasText(c, env, out);
    case 'search': return searchText(c, env, out);
    case 'permitted': return permittedText(c, env, out);
    case 'not': {
      const inner = conditionText(c.condition, env, out);
      return inner === null ? FALSE : `NOT (${inner})`;
    }
    case 'and': {
      const parts: string[] = [];
      for (const sub of c.conditions) {
        const t = conditionText(sub, env, out);
        if (t !== null) parts.push(`(${t})`);
      }
      return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
    }
    case 'or': {
      if (c.conditions.length === 0) return FALSE;
      const parts: string[] = [];
      const mark = out.length;
      for (const sub of c.conditions) {
        const t = conditionText(sub, env, out);
        // One always-true branch makes the whole OR true: drop what the other branches bound.
        if (t === null) { out.length = mark; return null; }
        parts.push(`(${t})`);
      }
      return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
    }
  }
}

type Of<K extends Condition['kind']> = Extract<Condition, { kind: K }>;

/** MariaDB LIKE with `!` escapes (binary collation: case-sensitive); SQLite GLOB (also case-sensitive). */
function likeText(c: Of<'like'>, env: TextEnv, out: unknown[]): string {
  const glob = env.dialect === 'sqlite';
  const t = glob ? escapeGlob(c.text) : escapeLike(c.text);
  const any = glob ? '*' : '%';
  out.push(c.anchor === 'prefix' ? `${t}${any}` : c.anchor === 'suffix' ? `${any}${t}` : `${any}${t}${any}`);
  if (glob) return `${quote(c.column)} ${c.negate ? 'NOT GLOB' : 'GLOB'} ?`;
  return `${quote(c.column)} ${c.negate ? 'NOT LIKE' : 'LIKE'} ? ESCAPE '!'`;
}

function jsonHasText(c: Of<'jsonHas'>, env: TextEnv, out: unknown[]): string | null {
  const col = quote(c.column);
  if (c.values.length === 0) return c.negate ? `${col} IS NOT NULL` : FALSE;
  let positive: string;
  if (env.dialect === 'mysql') {
    out.push(JSON.stringify(c.values));
    positive = `${c.mode === 'any' ? 'JSON_OVERLAPS' : 'JSON_CONTAINS'}(${col}, ?)`;
  } else {
    const member = `EXISTS (SELECT 1 FROM json_each(${col}) WHERE json_each.value = ?)`;
    for (const v of c.values) out.push(typeof v === 'boolean' ? Number(v) : v);
    positive = c.values.length === 1 ? member : `(${c.values.map(() => member).join(c.mode === 'any' ? ' OR ' : ' AND ')})`;
  }
  // A NULL list is "unknown" in SQL: never let NOT turn it into a match on either backend.
  return c.negate ? `(${col} IS NOT NULL AND NOT (${positive}))` : positive;
}

function searchText(c: Of<'search'>, env: TextEnv, out: unknown[]): string {
  const col = quote(c.column);
  const words = searchWords(c.text);
  if (words.length === 0) return c.negate ? `${col} IS NOT NULL` : FALSE;
  let positive: string;
  if (env.dialect === 'mysql') {
    // Appwrite's form: operators stripped, a trailing `*` so the last word matches as a prefix.
    out.push(`${words.join(' ')}*`);
    positive = `MATCH (${col}) AGAINST (? IN BOOLEAN MODE)`;
  } else {
    for (const w of words) out.push(`*${escapeGlob(w)}*`);
    positive = words.length === 1 ? `${col} GLOB ?` : `(${words.map(() => `${col} GLOB ?`).join(' OR ')})`;
  }
  return c.negate ? `(${col} IS NOT NULL AND NOT (${positive}))` : positive;
}

/**
 * The row's integer key among the documents granted `action` to one of `roles` — the same
 * semi-join as `applyPermitted` in filter.ts, with its own tenant predicate.
 */
function permittedText(c: Of<'permitted'>, env: TextEnv, out: unknown[]): string {
  if (!env.perms) throw new Error('a permission condition needs a document table');
  if (c.roles.length === 0) return FALSE;
  out.push(env.perms.tenant, c.action, ...c.roles);
  return `${PERMITTED_KEY} IN (SELECT \`_document\` FROM ${quoteTable(env.perms.table)} WHERE \`_tenant\` = ? AND \`_type\` = ? AND \`_permission\` IN (${placeholders(c.roles.length)}))`;
}

/** The document column `_perms._document` references. */
export const PERMITTED_KEY = '`_id`';

/** Values as the driver takes them: better-sqlite3 binds no booleans (knex's conversion, kept). */
export function sqliteValue(v: unknown): unknown {
  return typeof v === 'boolean' ? Number(v) : v instanceof Date ? v.valueOf() : v;
}

export type { Scalar };
