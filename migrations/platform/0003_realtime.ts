import type { Migration } from '../../src/db/ddl.ts';

/** A project's cap on open realtime connections (per process); NULL means the default. */
export const platform0003: Migration = {
  name: '0003_realtime',
  async up(knex, { table }) {
    await knex.schema.alterTable(table('projects'), (t) => { t.integer('realtime_connections').nullable(); });
  },
  async down(knex, { table }) {
    // Plain ALTER … DROP COLUMN (SQLite 3.35+): knex's SQLite column drop rebuilds the table through a temp copy.
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [table('projects'), 'realtime_connections']);
  },
};
