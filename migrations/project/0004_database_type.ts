import type { Migration } from '../../src/db/ddl.ts';

/**
 * A database's API type, as Appwrite stores it: `legacy` (made through `/databases`) or `tablesdb`
 * (made through `/tablesdb`). Both APIs serve both types; the type is only reported.
 */
export const project0004: Migration = {
  name: '0004_database_type',
  async up(knex, { table }) {
    await knex.schema.alterTable(table('databases'), (t) => {
      t.string('type', 16).notNullable().defaultTo('legacy');
    });
  },
  async down(knex, { table }) {
    if (await knex.schema.hasTable(table('databases'))) await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [table('databases'), 'type']);
  },
};
