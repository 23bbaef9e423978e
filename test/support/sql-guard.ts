/**
 * The tenant guard: inspects every SQL statement the app sends (with its bindings and its issuer,
 * `SqlEvent.origin`) and reports any that, on a project table:
 * - lacks the `_tenant` predicate (reads, updates, deletes: one per project-table reference) or value (inserts);
 * - was not issued through a project scope or `systemAccess()` (no origin: raw knex), or was issued by
 *   platform code for console tables (origin without a tenant);
 * - binds a `_tenant` other than the issuing scope's project — a statement built in one request's
 *   scope that reaches another project's rows.
 * It also reports any statement on a table outside the namespace. Every test server runs it; a
 * violation fails the file.
 */
import type { SqlEvent } from '../../src/db/connection.ts';

export interface GuardViolation { readonly sql: string; readonly reason: string }

const DDL = /^\s*(create|alter|drop|pragma|truncate|rename|set|show|begin|commit|rollback|savepoint|release|start transaction|xa|analyze|explain)\b/i;
const TABLE_REF = /\b(?:from|join|into|update)\s+[`"]?([A-Za-z0-9_]+)[`"]?/gi;
// json_each / JSON_TABLE: SQLite's and MariaDB's table-valued JSON functions (array attributes), not tables.
const SYSTEM_TABLES = /^(sqlite_\w+|json_each|json_table|information_schema|dual|performance_schema|mysql)$/i;
/** `_tenant = ?`, `_tenant = 7`, `_tenant in (?, ?)` (any quoting, any table alias). */
const TENANT_PREDICATE = /[`"]?_tenant[`"]?\s*(?:=\s*(\?|\d+)|in\s*\(([^)]*)\))/gi;

/** The statement's project tables (namespaced tables that are neither console tables nor migration ledgers). */
function projectTablesOf(namespace: string, tables: readonly string[]): string[] {
  return tables.filter((t) => !t.startsWith(`${namespace}_console_`) && !/(^|_)migrations(_lock)?$/.test(t));
}

/** Number of `?` placeholders in `sql` before `position` (knex and our compiled SQL bind every value with `?`). */
function placeholdersBefore(sql: string, position: number): number {
  let n = 0;
  for (let i = 0; i < position; i++) if (sql[i] === '?') n++;
  return n;
}

/** Top-level comma-separated items of a parenthesised list's inside. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) { out.push(text.slice(start, i)); start = i + 1; }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim());
}

/** A token's value: a binding (`?`, consuming the next one) or a numeric literal. */
function tokenValue(token: string, bindings: readonly unknown[], next: { index: number }): unknown {
  if (token === '?') return bindings[next.index++];
  const count = (token.match(/\?/g) ?? []).length;
  next.index += count;
  return /^\d+$/.test(token) ? Number(token) : token;
}

/**
 * Every `_tenant` value the statement binds: the predicates' values, and for `INSERT … VALUES` the
 * `_tenant` column of each row. Null when an insert's rows can't be read (then only presence is checked).
 */
export function boundTenants(sql: string, bindings: readonly unknown[]): unknown[] | null {
  const insert = /^\s*insert\s+(?:or\s+\w+\s+)?(?:ignore\s+)?into\s+\S+\s*\(([^)]*)\)\s*values\s*/i.exec(sql);
  if (insert) {
    const columns = splitTopLevel(insert[1]!).map((c) => c.replace(/[`"]/g, '').toLowerCase());
    const at = columns.indexOf('_tenant');
    if (at < 0) return null;
    const values: unknown[] = [];
    const next = { index: placeholdersBefore(sql, insert.index + insert[0].length) };
    let rest = sql.slice(insert.index + insert[0].length);
    for (;;) {
      const open = /^\s*,?\s*\(/.exec(rest);
      if (!open) break;
      let depth = 1;
      let i = open[0].length;
      for (; i < rest.length && depth > 0; i++) {
        if (rest[i] === '(') depth++;
        else if (rest[i] === ')') depth--;
      }
      const tokens = splitTopLevel(rest.slice(open[0].length, i - 1));
      tokens.forEach((t, k) => { const v = tokenValue(t, bindings, next); if (k === at) values.push(v); });
      rest = rest.slice(i);
    }
    return values;
  }
  const values: unknown[] = [];
  for (const m of sql.matchAll(TENANT_PREDICATE)) {
    const next = { index: placeholdersBefore(sql, m.index) };
    if (m[1] !== undefined) values.push(tokenValue(m[1], bindings, next));
    else for (const t of splitTopLevel(m[2]!)) values.push(tokenValue(t, bindings, next));
  }
  return values;
}

/** The guard's verdict on one statement: null when it is fine, else the reason. */
export function checkStatement(namespace: string, sql: string, bindings: readonly unknown[] = [], origin?: SqlEvent['origin']): string | null {
  if (DDL.test(sql)) return null;
  // knex's SQLite ALTER emulation (migrations): copies a table through `_knex_temp_alterN` — DDL in all but name.
  if (/[`"]_knex_temp_alter\d+[`"]/.test(sql)) return null;
  const tables = [...sql.matchAll(TABLE_REF)].map((m) => m[1]!).filter((t) => !SYSTEM_TABLES.test(t));
  if (tables.length === 0) return null;
  for (const t of tables) if (!t.startsWith(`${namespace}_`)) return `table ${t} is outside the namespace ${namespace}_`;
  const projectTables = projectTablesOf(namespace, tables);
  if (projectTables.length === 0) return null;
  if (/^\s*insert\b/i.test(sql)) {
    const stamped = /\(\s*[^)]*[`"]_tenant[`"][^)]*\)\s*values/i.test(sql) || /[`"]_tenant[`"]/.test(sql.split(/\bselect\b/i)[0] ?? '');
    if (!stamped) return `insert into ${projectTables[0]} without _tenant`;
  } else {
    // One tenant predicate per project-table reference (a permission subquery needs its own).
    const predicates = (sql.match(/[`"]?_tenant[`"]?\s*(=|in)\s*\(?\s*\?/gi) ?? []).length;
    if (predicates < projectTables.length) return `${predicates} _tenant predicate(s) for ${projectTables.length} project table reference(s)`;
  }
  if (!origin) return `statement on ${projectTables[0]} has no issuer (it did not come through a project scope or systemAccess())`;
  if (origin.tenant === null) return `statement on ${projectTables[0]} was issued for console tables (no project)`;
  const bound = boundTenants(sql, bindings) ?? [];
  for (const value of bound) {
    if (Number(value) !== origin.tenant) return `binds _tenant ${String(value)}, but its issuer is project ${origin.tenant}${origin.system ? ' (system)' : ''}`;
  }
  return null;
}

export function createSqlGuard(namespace: string) {
  const violations: GuardViolation[] = [];
  let statements = 0;
  let attributed = 0;
  return {
    violations,
    get statements() { return statements; },
    /** Statements on project tables whose bound tenant was compared with their issuer's project. */
    get attributed() { return attributed; },
    observe(event: SqlEvent): void {
      statements++;
      const reason = checkStatement(namespace, event.sql, event.bindings, event.origin);
      if (reason) violations.push({ sql: event.sql, reason });
      else if (event.origin?.tenant != null) attributed++;
    },
  };
}
