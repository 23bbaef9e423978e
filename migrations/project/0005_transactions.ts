import type { Migration } from '../../src/db/ddl.ts';
import { createTable, projectRowColumns } from '../../src/db/ddl.ts';

/**
 * Staged transactions (Appwrite 1.8 `/databases/transactions`): one row per transaction and one per
 * staged operation, so staged work survives a restart until the transaction expires. Every index
 * starts with `_tenant`.
 */
export const project0005: Migration = {
  name: '0005_transactions',
  async up(knex, { dialect, table }) {
    await createTable(knex, dialect, table('transactions'), (t) => {
      projectRowColumns(t);
      t.string('status', 16).notNullable(); // pending | committing | committed | failed
      t.integer('operations').notNullable().defaultTo(0);
      t.datetime('expires_at', { precision: 3 }).notNullable();
      t.string('owner', 64).notNullable().defaultTo(''); // `user:<id>` of the creator; '' for keys and admins
      t.unique(['_tenant', '_uid'], { indexName: `${table('transactions')}_u1` });
      t.index(['_tenant', 'expires_at'], `${table('transactions')}_i1`);
    });
    await createTable(knex, dialect, table('transaction_logs'), (t) => {
      t.bigIncrements('_id').primary();
      t.bigInteger('_tenant').unsigned().notNullable();
      t.bigInteger('transaction_seq').unsigned().notNullable();
      t.datetime('_createdAt', { precision: 3 }).notNullable();
      t.string('database_uid', 36).notNullable();
      t.string('collection_uid', 36).notNullable();
      t.string('document_uid', 36).nullable();
      t.string('action', 16).notNullable();
      t.text('data', 'longtext').notNullable(); // JSON
      t.index(['_tenant', 'transaction_seq', '_id'], `${table('transaction_logs')}_i1`);
    });
  },
  async down(knex, { table }) {
    await knex.schema.dropTableIfExists(table('transaction_logs'));
    await knex.schema.dropTableIfExists(table('transactions'));
  },
};
