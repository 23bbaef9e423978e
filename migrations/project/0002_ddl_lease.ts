import type { Migration } from '../../src/db/ddl.ts';

/**
 * DDL leases on schema metadata rows: while a create or delete runs, its row names the process
 * running it (`lease_owner`) and a heartbeat it renews (`lease_heartbeat`). A row left `processing`
 * or `deleting` whose heartbeat went stale belongs to a process that died: any process may sweep it.
 */
const TABLES = ['collections', 'attributes', 'indexes'] as const;

export const project0002: Migration = {
  name: '0002_ddl_lease',
  async up(knex, { table }) {
    for (const name of TABLES) {
      await knex.schema.alterTable(table(name), (t) => {
        t.string('lease_owner', 32).notNullable().defaultTo('');
        t.datetime('lease_heartbeat', { precision: 3 }).nullable();
      });
    }
  },
  async down(knex, { table }) {
    // Plain ALTER … DROP COLUMN (SQLite 3.35+): knex's SQLite column drop rebuilds the table through a temp copy.
    for (const name of TABLES) {
      if (!(await knex.schema.hasTable(table(name)))) continue;
      for (const column of ['lease_owner', 'lease_heartbeat']) await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [table(name), column]);
    }
  },
};
