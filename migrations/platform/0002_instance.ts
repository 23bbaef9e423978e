import { randomBytes } from 'node:crypto';
import type { Migration } from '../../src/db/ddl.ts';
import { createTable } from '../../src/db/ddl.ts';
import { toDbDate } from '../../src/lib/dates.ts';

/**
 * The database's instance ID, made once here and read at start-up: every Redis key carries it, so a
 * database reset while Redis is kept (project sequences restart at 1) can't revive an old session.
 * And a `root_marker` on owners (1 for the root, NULL for the others) under a unique index, so two
 * concurrent first sign-ups can't both become root.
 */
export const platform0002: Migration = {
  name: '0002_instance',
  async up(knex, { dialect, table }) {
    await createTable(knex, dialect, table('instance'), (t) => {
      t.string('id', 32).primary();
      t.datetime('created_at', { precision: 3 }).notNullable();
    });
    await knex(table('instance')).insert({ id: randomBytes(8).toString('hex'), created_at: toDbDate() });
    await knex.schema.alterTable(table('owners'), (t) => {
      t.tinyint('root_marker').nullable();
      t.unique(['root_marker'], { indexName: `${table('owners')}_root` });
    });
    const root = (await knex(table('owners')).where('is_root', true).orderBy('_id').first('_id')) as { _id: number } | undefined;
    if (root) await knex(table('owners')).where('_id', root._id).update({ root_marker: 1 });
  },
  async down(knex, { table }) {
    await knex.schema.alterTable(table('owners'), (t) => {
      t.dropUnique(['root_marker'], `${table('owners')}_root`);
      t.dropColumn('root_marker');
    });
    await knex.schema.dropTableIfExists(table('instance'));
  },
};
