/** Small DDL helpers shared by migrations and the collection-schema code, so both dialects get the same tables. */
import type { Knex } from 'knex';
import type { Dialect } from './dialect.ts';

export interface MigrationContext {
  readonly dialect: Dialect;
  /** Table name builder for this migration's scope (platform: `tn_console_x`; project: `tn_x` or `tn_12_x`). */
  readonly table: (name: string) => string;
}

export interface Migration {
  readonly name: string;
  up(knex: Knex, ctx: MigrationContext): Promise<void>;
  down(knex: Knex, ctx: MigrationContext): Promise<void>;
}

export async function createTable(knex: Knex, dialect: Dialect, name: string, build: (t: Knex.CreateTableBuilder) => void): Promise<void> {
  await knex.schema.createTable(name, (t) => {
    dialect.applyTableDefaults(t);
    build(t);
  });
}

/** The columns every project-owned table starts with: internal sequence, tenant, public ID, timestamps. */
export function projectRowColumns(t: Knex.CreateTableBuilder): void {
  t.bigIncrements('_id').primary();
  t.bigInteger('_tenant').unsigned().notNullable();
  t.string('_uid', 36).notNullable();
  t.datetime('_createdAt', { precision: 3 }).notNullable();
  t.datetime('_updatedAt', { precision: 3 }).notNullable();
}
