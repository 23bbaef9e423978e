/**
 * A collection's document table (or its `_perms` side table), scoped to one tenant, with every
 * statement compiled to SQL text here and run as a prepared statement (statements.ts) — the hot path
 * of every document request, without knex's per-request query builder or client-side interpolation.
 *
 * Same contract as `ScopedTable`: `_tenant = ?` is the first predicate of every statement and the
 * caller's condition follows in its own parenthesised group, inserts get `_tenant` here and refuse
 * rows that set it, column names are pattern-checked, every value is a bound parameter. The
 * statement heads (columns, table, tenant predicate) are built once per (table, shape) and cached.
 */
import type { Knex } from 'knex';
import { LRUCache } from 'lru-cache';
import type { Database, SqlOrigin } from './connection.ts';
import { translateDriverError } from './errors.ts';
import { ALL, type Condition } from './filter.ts';
import { assertColumn } from './names.ts';
import { operationText, type ComputedSet } from './operators-sql.ts';
import { conditionText, placeholders, quote, quoteTable, type TextEnv } from './sql-text.ts';
import type { WriteResult } from './statements.ts';
import type { FindOptions, Row } from './tenant-db.ts';

type Conn = Knex | Knex.Transaction;

/** Statement heads by (table, shape): bounded, since tables and projections come and go. */
const heads = new LRUCache<string, string>({ max: 2000 });

function cached(key: string, build: () => string): string {
  let text = heads.get(key);
  if (text === undefined) { text = build(); heads.set(key, text); }
  return text;
}

/** MariaDB wants a LIMIT before an OFFSET: the largest one means "no limit" (knex's choice too). */
const NO_LIMIT = { mysql: '18446744073709551615', sqlite: '-1' } as const;

export class CompiledTable {
  readonly #conn: Conn;
  readonly #db: Database;
  readonly #table: string;
  readonly #tenant: number;
  readonly #env: TextEnv;
  readonly #origin: SqlOrigin;

  /**
   * `permsTable`: for a document table, its `_perms` side table (lets `permitted` conditions resolve).
   * `system`: opened through `systemAccess()` rather than a request's scope (recorded with each statement).
   */
  constructor(conn: Conn, db: Database, table: string, tenant: number, permsTable?: string, system = false) {
    if (!Number.isSafeInteger(tenant) || tenant <= 0) throw new Error('a compiled table needs a tenant');
    this.#conn = conn;
    this.#db = db;
    this.#table = table;
    this.#tenant = tenant;
    this.#env = { dialect: db.dialect.name, perms: permsTable ? { table: permsTable, tenant } : undefined };
    this.#origin = Object.freeze({ tenant, system });
  }

  /** ` WHERE _tenant = ? [AND (condition)]`, its values appended after the tenant. */
  #where(where: Condition, values: unknown[]): string {
    values.push(this.#tenant);
    const text = conditionText(where, this.#env, values);
    return text === null ? ' WHERE `_tenant` = ?' : ` WHERE \`_tenant\` = ? AND (${text})`;
  }

  async find(options: FindOptions = {}): Promise<Row[]> {
    const cols = options.columns;
    const head = cached(`s\0${this.#table}\0${cols ? cols.join(',') : '*'}`, () =>
      `SELECT ${cols ? cols.map(quote).join(', ') : '*'} FROM ${quoteTable(this.#table)}`);
    const values: unknown[] = [];
    let sql = head + this.#where(options.where ?? ALL, values);
    const orders: string[] = [];
    if (options.random) orders.push(this.#env.dialect === 'mysql' ? 'RAND()' : 'RANDOM()');
    for (const o of options.orderBy ?? []) orders.push(`${quote(o.column)} ${o.dir === 'desc' ? 'DESC' : 'ASC'}`);
    if (orders.length) sql += ` ORDER BY ${orders.join(', ')}`;
    if (options.limit !== undefined) { sql += ' LIMIT ?'; values.push(options.limit); }
    if (options.offset) {
      if (options.limit === undefined) sql += ` LIMIT ${NO_LIMIT[this.#env.dialect]}`;
      sql += ' OFFSET ?';
      values.push(options.offset);
    }
    if (options.forUpdate && this.#env.dialect === 'mysql') sql += ' FOR UPDATE';
    return this.#rows(sql, values, options.exactIntegers);
  }

  async first(where: Condition, columns?: readonly string[]): Promise<Row | undefined> {
    return (await this.find({ where, columns, limit: 1 }))[0];
  }

  /** Exact count up to `cap` (counting a capped subquery keeps large tables cheap). */
  async count(where: Condition = ALL, cap?: number): Promise<number> {
    const values: unknown[] = [];
    let inner = `SELECT 1 FROM ${quoteTable(this.#table)}${this.#where(where, values)}`;
    if (cap !== undefined) { inner += ' LIMIT ?'; values.push(cap); }
    const rows = await this.#rows(`SELECT COUNT(*) AS \`n\` FROM (${inner}) AS \`counted\``, values);
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Inserts rows in one statement. A one-row insert answers the new row's `_id` (mysql2 `insertId`,
   * better-sqlite3 `lastInsertRowid`); a multi-row one undefined (its keys need not be consecutive).
   */
  async insert(rows: Row | readonly Row[]): Promise<number | undefined> {
    const list = (Array.isArray(rows) ? rows : [rows]) as Row[];
    if (list.length === 0) return undefined;
    const columns = list.length === 1 ? Object.keys(list[0]!) : [...new Set(list.flatMap((r) => Object.keys(r)))];
    for (const c of columns) if (c.trim().toLowerCase() === '_tenant') throw new Error('refusing a row that sets _tenant');
    const head = cached(`i\0${this.#table}\0${columns.join(',')}`, () =>
      `INSERT INTO ${quoteTable(this.#table)} (\`_tenant\`, ${columns.map(quote).join(', ')}) VALUES `);
    const tuple = `(${placeholders(columns.length + 1)})`;
    const values: unknown[] = [];
    for (const r of list) {
      values.push(this.#tenant);
      for (const c of columns) values.push(r[c] ?? null);
    }
    const sql = list.length === 1 ? head + tuple : head + Array(list.length).fill(tuple).join(', ');
    const { insertId } = await this.#write(sql, values);
    return list.length === 1 && insertId > 0 ? insertId : undefined;
  }

  /**
   * `computed`: columns set from their own current value by an operator (operators-sql.ts), in the
   * same statement as the plain values, so concurrent writers never lose each other's change.
   */
  async update(where: Condition, patch: Row, computed: readonly ComputedSet[] = []): Promise<number> {
    const columns = Object.keys(patch);
    refuseTenant(columns);
    refuseTenant(computed.map((s) => s.column));
    if (columns.length === 0 && computed.length === 0) return 0;
    const head = cached(`u\0${this.#table}\0${columns.join(',')}`, () =>
      `UPDATE ${quoteTable(this.#table)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')}`);
    const values: unknown[] = columns.map((c) => patch[c] ?? null);
    // Operator expressions vary with the operation's shape: that text is built per call, not cached.
    const sets = computed.map((s) => `${quote(s.column)} = ${operationText(s.column, s.operation, this.#env.dialect, values)}`);
    const sql = sets.length === 0 ? head : `UPDATE ${quoteTable(this.#table)} SET ${[...columns.map((c) => `${quote(c)} = ?`), ...sets].join(', ')}`;
    return (await this.#write(sql + this.#where(where, values), values)).affected;
  }

  /**
   * `column = COALESCE(column, 0) + by` in one statement (so concurrent increments never lose one),
   * optionally only while the result stays within bounds; `also` sets other columns in the same write.
   * Returns the number of rows changed (0: no row matched, or the bound refused it).
   */
  async increment(where: Condition, column: string, by: number, bound?: { max?: number; min?: number }, also: Row = {}): Promise<number> {
    const c = quote(column);
    const others = Object.keys(also);
    refuseTenant(others);
    const sets = [...others.map((k) => `${quote(k)} = ?`), `${c} = COALESCE(${c}, 0) + ?`];
    const values: unknown[] = [...others.map((k) => also[k] ?? null), by];
    let sql = `UPDATE ${quoteTable(this.#table)} SET ${sets.join(', ')}${this.#where(where, values)}`;
    if (bound?.max !== undefined) { sql += ` AND COALESCE(${c}, 0) + ? <= ?`; values.push(by, bound.max); }
    if (bound?.min !== undefined) { sql += ` AND COALESCE(${c}, 0) + ? >= ?`; values.push(by, bound.min); }
    return (await this.#write(sql, values)).affected;
  }

  async delete(where: Condition): Promise<number> {
    const values: unknown[] = [];
    return (await this.#write(`DELETE FROM ${quoteTable(this.#table)}${this.#where(where, values)}`, values)).affected;
  }

  async #rows(sql: string, values: unknown[], exactIntegers?: boolean): Promise<Row[]> {
    try {
      return await this.#db.statements.rows(this.#conn, sql, values, this.#origin, exactIntegers);
    } catch (e) {
      throw translateDriverError(this.#db.dialect, e);
    }
  }

  async #write(sql: string, values: unknown[]): Promise<WriteResult> {
    try {
      return await this.#db.statements.write(this.#conn, sql, values, this.#origin);
    } catch (e) {
      throw translateDriverError(this.#db.dialect, e);
    }
  }
}

function refuseTenant(columns: readonly string[]): void {
  for (const k of columns) {
    if (k.trim().toLowerCase() === '_tenant') throw new Error('refusing a row that sets _tenant');
    assertColumn(k);
  }
}
