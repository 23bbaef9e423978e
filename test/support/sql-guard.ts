/**
 * The tenant guard: inspects every SQL statement the app sends and reports any that touches a
 * project table without the `_tenant` predicate (reads, updates, deletes) or value (inserts), or
 * that touches a table outside the namespace. Every test server runs it; a violation fails the file.
 */
export interface GuardViolation { readonly sql: string; readonly reason: string }

const DDL = /^\s*(create|alter|drop|pragma|truncate|rename|set|show|begin|commit|rollback|savepoint|release|start transaction|xa)\b/i;
const TABLE_REF = /\b(?:from|join|into|update)\s+[`"]?([A-Za-z0-9_]+)[`"]?/gi;
// json_each: SQLite's table-valued JSON function (array-attribute queries), not a table.
const SYSTEM_TABLES = /^(sqlite_\w+|json_each|information_schema|dual|performance_schema|mysql)$/i;

export function checkStatement(namespace: string, sql: string): string | null {
  if (DDL.test(sql)) return null;
  const tables = [...sql.matchAll(TABLE_REF)].map((m) => m[1]!).filter((t) => !SYSTEM_TABLES.test(t));
  if (tables.length === 0) return null;
  for (const t of tables) if (!t.startsWith(`${namespace}_`)) return `table ${t} is outside the namespace ${namespace}_`;
  const projectTables = tables.filter((t) => !t.startsWith(`${namespace}_console_`) && !/(^|_)migrations(_lock)?$/.test(t));
  if (projectTables.length === 0) return null;
  if (/^\s*insert\b/i.test(sql)) {
    return /\(\s*[^)]*[`"]_tenant[`"][^)]*\)\s*values/i.test(sql) || /[`"]_tenant[`"]/.test(sql.split(/\bselect\b/i)[0] ?? '')
      ? null : `insert into ${projectTables[0]} without _tenant`;
  }
  // One tenant predicate per project-table reference (a permission subquery needs its own).
  const predicates = (sql.match(/[`"]?_tenant[`"]?\s*(=|in)\s*\(?\s*\?/gi) ?? []).length;
  if (predicates < projectTables.length) return `${predicates} _tenant predicate(s) for ${projectTables.length} project table reference(s)`;
  return null;
}

export function createSqlGuard(namespace: string) {
  const violations: GuardViolation[] = [];
  let statements = 0;
  return {
    violations,
    get statements() { return statements; },
    observe(sql: string): void {
      statements++;
      const reason = checkStatement(namespace, sql);
      if (reason) violations.push({ sql, reason });
    },
  };
}
