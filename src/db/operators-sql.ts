/**
 * Appwrite's update operators (increment, arrayAppend, stringConcat, toggle, dateAddDays, …) as SQL
 * expressions, one per dialect, for `SET column = <expression>` in a compiled UPDATE: the new value
 * is computed from the column's current value inside the statement, so two concurrent writers never
 * lose each other's change. Values are always bound; the text depends only on the operation's shape.
 *
 * The feature layer (src/features/documents/operators.ts) checks and converts the values first; an
 * operation here is already valid for its column. NULL starts as 0 / '' / [] (a NULL date stays
 * NULL); `max`/`min` bounds leave the value unchanged rather than clamp it (Appwrite ≥ 1.8).
 */
import { quote } from './sql-text.ts';

type Dialect = 'mysql' | 'sqlite';

/** How an array column's elements compare: as numbers, as booleans (1/0) or as text. */
export type ItemClass = 'number' | 'boolean' | 'text';

export type FilterCondition = 'equal' | 'notEqual' | 'greaterThan' | 'greaterThanEqual' | 'lessThan' | 'lessThanEqual' | 'isNull' | 'isNotNull';

export type ColumnOperation =
  | { readonly method: 'increment' | 'decrement' | 'multiply' | 'divide' | 'power'; readonly by: number; readonly bound?: number; readonly integer: boolean }
  | { readonly method: 'modulo'; readonly by: number; readonly integer: boolean }
  /** `items`: the JSON list of the elements as stored. */
  | { readonly method: 'arrayAppend' | 'arrayPrepend'; readonly items: string }
  /** `item`: the JSON of one element as stored. */
  | { readonly method: 'arrayInsert'; readonly index: number; readonly item: string }
  /** `keys`: the JSON list of comparison keys (numbers, 1/0 or strings, per `items`). */
  | { readonly method: 'arrayRemove' | 'arrayIntersect' | 'arrayDiff'; readonly items: ItemClass; readonly keys: string }
  | { readonly method: 'arrayUnique'; readonly items: ItemClass }
  | { readonly method: 'arrayFilter'; readonly items: ItemClass; readonly condition: FilterCondition; readonly key: string | number | null }
  | { readonly method: 'stringConcat'; readonly text: string }
  | { readonly method: 'stringReplace'; readonly search: string; readonly replace: string }
  | { readonly method: 'toggle' | 'dateSetNow' }
  | { readonly method: 'dateAddDays' | 'dateSubDays'; readonly days: number };

/** One `column = <operation>` of an UPDATE. */
export interface ComputedSet {
  readonly column: string;
  readonly operation: ColumnOperation;
}

/**
 * The expression for `column`'s new value, its bound values appended to `out` in order
 * (the column name is checked and quoted here).
 */
export function operationText(column: string, op: ColumnOperation, dialect: Dialect, out: unknown[]): string {
  const col = quote(column);
  switch (op.method) {
    case 'increment': case 'decrement': case 'multiply': case 'divide': case 'power': case 'modulo':
      return arithmeticText(col, op, dialect, out);
    case 'stringConcat':
      out.push(op.text);
      return dialect === 'mysql' ? `CONCAT(COALESCE(${col}, ''), ?)` : `(COALESCE(${col}, '') || ?)`;
    case 'stringReplace':
      out.push(op.search, op.replace);
      return `REPLACE(${col}, ?, ?)`;
    case 'toggle':
      return `CASE WHEN COALESCE(${col}, 0) = 0 THEN 1 ELSE 0 END`;
    case 'dateAddDays': case 'dateSubDays':
      out.push(op.method === 'dateAddDays' ? op.days : -op.days);
      return dialect === 'mysql' ? `DATE_ADD(${col}, INTERVAL ? DAY)` : `strftime('%Y-%m-%d %H:%M:%f', ${col}, ? || ' days')`;
    case 'dateSetNow':
      return dialect === 'mysql' ? 'UTC_TIMESTAMP(3)' : `strftime('%Y-%m-%d %H:%M:%f', 'now')`;
    default:
      return dialect === 'mysql' ? mysqlArrayText(col, op, out) : sqliteArrayText(col, op, out);
  }
}

type Arithmetic = Extract<ColumnOperation, { method: 'increment' | 'decrement' | 'multiply' | 'divide' | 'power' | 'modulo' }>;

/**
 * `c` is the current value with NULL as 0. With a bound, CASE branches (evaluated in order, so a
 * later one never runs once an earlier one matched) keep `c` when the result would pass the bound.
 */
function arithmeticText(col: string, op: Arithmetic, dialect: Dialect, out: unknown[]): string {
  const c = `COALESCE(${col}, 0)`;
  const by = op.by;
  const bound = 'bound' in op ? op.bound : undefined;
  const keeps: { readonly when: string; readonly values: readonly unknown[] }[] = [];
  let result: string;
  switch (op.method) {
    case 'increment':
      result = `${c} + ?`;
      // `c > max - by` rather than `c + by > max`: the guard itself never overflows.
      if (bound !== undefined) keeps.push({ when: `${c} > ? - ?`, values: [bound, by] });
      break;
    case 'decrement':
      result = `${c} - ?`;
      if (bound !== undefined) keeps.push({ when: `${c} < ? + ?`, values: [bound, by] });
      break;
    case 'multiply':
      result = `${c} * ?`;
      // Sign-aware `c * by > max`, written as a division so the guard cannot overflow.
      if (bound !== undefined) {
        if (by > 0) keeps.push({ when: `${c} > ? / ?`, values: [bound, by] });
        else if (by < 0) keeps.push({ when: `${c} < ? / ?`, values: [bound, by] });
        else keeps.push({ when: '0 > ?', values: [bound] });
      }
      break;
    case 'divide':
      result = `${c} / ?`;
      if (bound !== undefined) keeps.push({ when: `${c} / ? < ?`, values: [by, bound] });
      break;
    case 'modulo':
      result = dialect === 'mysql' ? `MOD(${c}, ?)` : `mod(${c}, ?)`;
      break;
    case 'power':
      result = `POWER(${c}, ?)`;
      if (bound !== undefined) {
        // Undefined results (0 to a negative power, a negative base to a fractional one) keep the
        // value, and so does one too large for a DOUBLE (compared through its logarithm first, so
        // POWER never runs on it); the rest compare exactly.
        const log = dialect === 'mysql' ? 'LOG' : 'ln';
        if (by < 0) keeps.push({ when: `${c} = 0`, values: [] });
        if (!Number.isInteger(by)) keeps.push({ when: `${c} < 0`, values: [] });
        keeps.push({ when: `? * ${log}(ABS(${c}) + (${c} = 0)) > 700`, values: [by] });
        keeps.push({ when: `POWER(${c}, ?) > ?`, values: [by, bound] });
      }
      break;
  }
  // Integer columns store the rounded result (what MariaDB does on assignment; SQLite would keep a REAL).
  const rounded = !op.integer ? result : dialect === 'mysql' ? `ROUND(${result})` : `CAST(ROUND(${result}) AS INTEGER)`;
  if (keeps.length === 0) { out.push(by); return rounded; }
  for (const k of keeps) out.push(...k.values);
  out.push(by);
  return `CASE ${keeps.map((k) => `WHEN ${k.when} THEN ${c}`).join(' ')} ELSE ${rounded} END`;
}

type ArrayOperation = Exclude<ColumnOperation, Arithmetic | { method: 'stringConcat' | 'stringReplace' | 'toggle' | 'dateSetNow' | 'dateAddDays' | 'dateSubDays' }>;

// ---------------------------------------------------------------------------------------------
// MariaDB: a JSON column. Elements are enumerated with JSON_TABLE (ordinality + comparison key)
// and re-aggregated from their original JSON text, so strings, numbers and booleans keep their types.

const BIN_TEXT = 'LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

function mysqlKeyType(items: ItemClass): string {
  return items === 'number' ? 'DOUBLE' : BIN_TEXT;
}

/** The comparison key of element `jt.v`: booleans compare as 1/0 (their JSON text is true/false). */
function mysqlKey(items: ItemClass, alias: string): string {
  return items === 'boolean' ? `(${alias}.\`v\` = 'true')` : `${alias}.\`v\``;
}

function mysqlElements(col: string, items: ItemClass, alias: string): string {
  return `JSON_TABLE(${col}, '$[*]' COLUMNS(\`i\` FOR ORDINALITY, \`v\` ${mysqlKeyType(items)} PATH '$')) AS ${alias}`;
}

/** The elements of `col` for which `where` holds, in order, as a JSON list ([] when none). */
function mysqlKept(col: string, items: ItemClass, where: string): string {
  return `COALESCE((SELECT JSON_ARRAYAGG(JSON_EXTRACT(${col}, CONCAT('$[', \`jt\`.\`i\` - 1, ']')) ORDER BY \`jt\`.\`i\`) FROM ${mysqlElements(col, items, '`jt`')} WHERE ${where}), JSON_ARRAY())`;
}

function mysqlArrayText(col: string, op: ArrayOperation, out: unknown[]): string {
  switch (op.method) {
    case 'arrayAppend':
      out.push(op.items);
      return `JSON_MERGE_PRESERVE(COALESCE(${col}, JSON_ARRAY()), ?)`;
    case 'arrayPrepend':
      out.push(op.items);
      return `JSON_MERGE_PRESERVE(?, COALESCE(${col}, JSON_ARRAY()))`;
    case 'arrayInsert':
      out.push(`$[${op.index}]`, op.item);
      return `JSON_ARRAY_INSERT(COALESCE(${col}, JSON_ARRAY()), ?, JSON_EXTRACT(?, '$'))`;
    case 'arrayRemove': case 'arrayIntersect': case 'arrayDiff': {
      out.push(op.keys);
      const listType = op.items === 'text' ? BIN_TEXT : 'DOUBLE';
      const list = `SELECT \`l\`.\`v\` FROM JSON_TABLE(?, '$[*]' COLUMNS(\`v\` ${listType} PATH '$')) AS \`l\``;
      return mysqlKept(col, op.items, `${mysqlKey(op.items, '`jt`')} ${op.method === 'arrayIntersect' ? 'IN' : 'NOT IN'} (${list})`);
    }
    case 'arrayUnique':
      return mysqlKept(col, op.items, `NOT EXISTS (SELECT 1 FROM ${mysqlElements(col, op.items, '`jt2`')} WHERE ${mysqlKey(op.items, '`jt2`')} = ${mysqlKey(op.items, '`jt`')} AND \`jt2\`.\`i\` < \`jt\`.\`i\`)`);
    case 'arrayFilter':
      return mysqlKept(col, op.items, filterWhere(op, mysqlKey(op.items, '`jt`'), out));
  }
}

/** Elements are never NULL (array values refuse null): isNull keeps none, isNotNull all. */
function filterWhere(op: Extract<ColumnOperation, { method: 'arrayFilter' }>, key: string, out: unknown[]): string {
  const cmp: Record<string, string> = { equal: '=', notEqual: '<>', greaterThan: '>', greaterThanEqual: '>=', lessThan: '<', lessThanEqual: '<=' };
  if (op.condition === 'isNull') return '1 = 0';
  if (op.condition === 'isNotNull') return '1 = 1';
  out.push(op.key);
  return `${key} ${cmp[op.condition]} ?`;
}

// ---------------------------------------------------------------------------------------------
// SQLite: a TEXT column holding JSON. json_each yields true/false as 1/0, so elements are rebuilt
// with their JSON type; json_group_array over no rows is '[]'.

const SQLITE_ELEMENT = "CASE `e`.`type` WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') ELSE `e`.`value` END";

/** The elements of `col` (alias `e`) for which `where` holds, in order. */
function sqliteKept(col: string, where: string): string {
  return `(SELECT json_group_array(${SQLITE_ELEMENT} ORDER BY \`e\`.\`key\`) FROM json_each(COALESCE(${col}, '[]')) AS \`e\` WHERE ${where})`;
}

/** Two lists concatenated: `first` then `second`, each a JSON list expression. */
function sqliteConcat(first: string, second: string): string {
  return `(SELECT json_group_array(${SQLITE_ELEMENT} ORDER BY \`e\`.\`o\`, \`e\`.\`key\`) FROM (SELECT 0 AS \`o\`, \`key\`, \`type\`, \`value\` FROM json_each(${first}) UNION ALL SELECT 1, \`key\`, \`type\`, \`value\` FROM json_each(${second})) AS \`e\`)`;
}

function sqliteArrayText(col: string, op: ArrayOperation, out: unknown[]): string {
  const current = `COALESCE(${col}, '[]')`;
  switch (op.method) {
    case 'arrayAppend':
      out.push(op.items);
      return sqliteConcat(current, '?');
    case 'arrayPrepend':
      out.push(op.items);
      return sqliteConcat('?', current);
    case 'arrayInsert':
      out.push(op.index, `[${op.item}]`, op.index);
      return `(SELECT json_group_array(${SQLITE_ELEMENT} ORDER BY \`e\`.\`o\`, \`e\`.\`key\`) FROM (SELECT 0 AS \`o\`, \`key\`, \`type\`, \`value\` FROM json_each(${current}) WHERE \`key\` < ? UNION ALL SELECT 1, \`key\`, \`type\`, \`value\` FROM json_each(?) UNION ALL SELECT 2, \`key\`, \`type\`, \`value\` FROM json_each(${current}) WHERE \`key\` >= ?) AS \`e\`)`;
    case 'arrayRemove': case 'arrayIntersect': case 'arrayDiff':
      out.push(op.keys);
      return sqliteKept(col, `\`e\`.\`value\` ${op.method === 'arrayIntersect' ? 'IN' : 'NOT IN'} (SELECT \`value\` FROM json_each(?))`);
    case 'arrayUnique':
      return sqliteKept(col, `NOT EXISTS (SELECT 1 FROM json_each(${current}) AS \`e2\` WHERE \`e2\`.\`value\` = \`e\`.\`value\` AND \`e2\`.\`key\` < \`e\`.\`key\`)`);
    case 'arrayFilter':
      return sqliteKept(col, filterWhere(op, '`e`.`value`', out));
  }
}
