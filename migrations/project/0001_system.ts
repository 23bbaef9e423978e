import type { Migration } from '../../src/db/ddl.ts';
import { createTable, projectRowColumns } from '../../src/db/ddl.ts';

/**
 * Project system tables. Every row carries `_tenant`, and every index starts with it, so one project's
 * rows can only be reached (and only collide) within that project.
 */
export const project0001: Migration = {
  name: '0001_system',
  async up(knex, { dialect, table }) {
    await createTable(knex, dialect, table('users'), (t) => {
      projectRowColumns(t);
      t.string('email', 320).nullable();
      t.string('name', 128).notNullable().defaultTo('');
      t.text('password_hash').nullable();
      t.boolean('status').notNullable().defaultTo(true);
      t.boolean('email_verification').notNullable().defaultTo(false);
      t.text('labels').notNullable(); // JSON string[]
      t.text('prefs').notNullable(); // JSON object
      t.datetime('password_update', { precision: 3 }).nullable();
      t.datetime('accessed_at', { precision: 3 }).nullable();
      t.unique(['_tenant', '_uid'], { indexName: `${table('users')}_u1` });
      t.unique(['_tenant', 'email'], { indexName: `${table('users')}_u2` });
    });
    await createTable(knex, dialect, table('databases'), (t) => {
      projectRowColumns(t);
      t.string('name', 128).notNullable();
      t.boolean('enabled').notNullable().defaultTo(true);
      t.string('status', 16).notNullable().defaultTo('ready'); // ready | deleting
      t.unique(['_tenant', '_uid'], { indexName: `${table('databases')}_u1` });
    });
    await createTable(knex, dialect, table('collections'), (t) => {
      projectRowColumns(t);
      t.bigInteger('database_seq').unsigned().notNullable();
      t.string('name', 128).notNullable();
      t.boolean('enabled').notNullable().defaultTo(true);
      t.boolean('document_security').notNullable().defaultTo(false);
      t.text('permissions').notNullable(); // JSON string[]
      t.string('status', 16).notNullable().defaultTo('ready'); // ready | deleting
      t.unique(['_tenant', 'database_seq', '_uid'], { indexName: `${table('collections')}_u1` });
    });
    await createTable(knex, dialect, table('attributes'), (t) => {
      projectRowColumns(t);
      t.bigInteger('collection_seq').unsigned().notNullable();
      t.string('key', 64).notNullable();
      t.string('type', 32).notNullable();
      t.string('format', 32).notNullable().defaultTo('');
      t.integer('size').notNullable().defaultTo(0);
      t.boolean('required').notNullable().defaultTo(false);
      t.boolean('is_array').notNullable().defaultTo(false);
      t.text('default_value').nullable(); // JSON
      t.text('options').notNullable(); // JSON: min, max, elements, …
      t.string('status', 16).notNullable(); // processing | available | failed | deleting
      t.text('error').notNullable();
      t.unique(['_tenant', 'collection_seq', 'key'], { indexName: `${table('attributes')}_u1` });
    });
    await createTable(knex, dialect, table('indexes'), (t) => {
      projectRowColumns(t);
      t.bigInteger('collection_seq').unsigned().notNullable();
      t.string('key', 64).notNullable();
      t.string('type', 16).notNullable();
      t.text('attributes').notNullable(); // JSON string[]
      t.text('orders').notNullable(); // JSON
      t.text('lengths').notNullable(); // JSON
      t.string('status', 16).notNullable();
      t.text('error').notNullable();
      t.unique(['_tenant', 'collection_seq', 'key'], { indexName: `${table('indexes')}_u1` });
    });
    await createTable(knex, dialect, table('teams'), (t) => {
      projectRowColumns(t);
      t.string('name', 128).notNullable();
      t.integer('total').notNullable().defaultTo(0);
      t.text('prefs').notNullable();
      t.unique(['_tenant', '_uid'], { indexName: `${table('teams')}_u1` });
    });
    await createTable(knex, dialect, table('memberships'), (t) => {
      projectRowColumns(t);
      t.string('team_uid', 36).notNullable();
      t.string('user_uid', 36).notNullable();
      t.text('roles').notNullable(); // JSON string[]
      t.boolean('confirm').notNullable().defaultTo(true);
      t.datetime('invited', { precision: 3 }).nullable();
      t.datetime('joined', { precision: 3 }).nullable();
      t.unique(['_tenant', '_uid'], { indexName: `${table('memberships')}_u1` });
      t.unique(['_tenant', 'team_uid', 'user_uid'], { indexName: `${table('memberships')}_u2` });
      t.index(['_tenant', 'user_uid'], `${table('memberships')}_i3`);
    });
  },
  async down(knex, { table }) {
    for (const name of ['memberships', 'teams', 'indexes', 'attributes', 'collections', 'databases', 'users']) {
      await knex.schema.dropTableIfExists(table(name));
    }
  },
};
