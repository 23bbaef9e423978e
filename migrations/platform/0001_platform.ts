import type { Migration } from '../../src/db/ddl.ts';
import { createTable } from '../../src/db/ddl.ts';

/** Platform tables: console owners, projects (tenants) and their API keys. No `_tenant`: they are the tenants. */
export const platform0001: Migration = {
  name: '0001_platform',
  async up(knex, { dialect, table }) {
    await createTable(knex, dialect, table('owners'), (t) => {
      t.bigIncrements('_id').primary();
      t.string('uid', 36).notNullable().unique();
      t.string('email', 320).notNullable().unique();
      t.string('name', 128).notNullable().defaultTo('');
      t.text('password_hash').notNullable();
      t.boolean('is_root').notNullable().defaultTo(false);
      t.datetime('created_at', { precision: 3 }).notNullable();
      t.datetime('updated_at', { precision: 3 }).notNullable();
    });
    await createTable(knex, dialect, table('projects'), (t) => {
      t.bigIncrements('_id').primary(); // the project sequence = `_tenant` of every row it owns
      t.string('uid', 36).notNullable().unique();
      t.string('name', 128).notNullable();
      t.string('owner_uid', 36).notNullable().index();
      t.string('host', 64).notNullable().defaultTo('default');
      t.string('layout', 16).notNullable();
      t.string('jwt_secret', 128).notNullable();
      t.text('origins').notNullable(); // JSON string[] of allowed browser origins
      t.text('limits').notNullable(); // JSON rate-limit overrides
      t.integer('session_duration').notNullable().defaultTo(31536000);
      t.string('status', 16).notNullable().defaultTo('active'); // active | deleting
      t.datetime('created_at', { precision: 3 }).notNullable();
      t.datetime('updated_at', { precision: 3 }).notNullable();
    });
    await createTable(knex, dialect, table('keys'), (t) => {
      t.bigIncrements('_id').primary();
      t.string('uid', 36).notNullable();
      t.bigInteger('project_seq').unsigned().notNullable();
      t.string('name', 128).notNullable();
      t.text('scopes').notNullable(); // JSON string[]
      t.string('secret_hash', 64).notNullable().unique(); // sha256 hex of the secret; the secret itself is never stored
      t.datetime('expire', { precision: 3 }).nullable();
      t.datetime('accessed_at', { precision: 3 }).nullable();
      t.datetime('created_at', { precision: 3 }).notNullable();
      t.datetime('updated_at', { precision: 3 }).notNullable();
      t.unique(['project_seq', 'uid'], { indexName: `${table('keys')}_u1` });
    });
  },
  async down(knex, { table }) {
    for (const name of ['keys', 'projects', 'owners']) await knex.schema.dropTableIfExists(table(name));
  },
};
