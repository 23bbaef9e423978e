import type { Knex } from 'knex';
import type { Migration } from '../../src/db/ddl.ts';
import type { DialectName } from '../../src/db/dialect.ts';
import { createPermsTable, permsDocIndex } from '../../src/db/collection-ddl.ts';

/**
 * Every collection's `_perms` side table moves from `(_id, _tenant, _document = the document's $id
 * string, _type, _permission)` to the row-key shape of `createPermsTable`: `_document` is the
 * document's integer `_id`, the primary key is `(_tenant, _permission, _type, _document)` (role
 * scans), and a `(_tenant, _document, _type, _permission)` index probes one document.
 *
 * Per collection: build `<perms>_new`, copy the rows joined to their documents, then swap the names
 * and drop the old table. Resumable: every step checks where the last run got to. A table that
 * already has the new shape is only cleaned of leftovers (the MariaDB swap is one atomic RENAME, so a
 * crash after it leaves just `<perms>_old`); a leftover `<perms>_new` is dropped and rebuilt. On
 * SQLite the migration runs inside the migrator's transaction, so a crash leaves nothing half-done.
 * Runs once per ledger: the shared layout's project tables, or each isolated project namespace.
 */
export const project0003: Migration = {
  name: '0003_perms_row_key',
  async up(knex, { dialect, table }) {
    const prefix = table('collections').slice(0, -'collections'.length);
    for (const seq of await collectionSequences(knex, dialect.name, prefix)) {
      await convertPermsTable(knex, dialect.name, table(`c${seq}`), table(`c${seq}_perms`));
    }
  },
  // The old shape is not restored. Dropping an isolated namespace runs every `down`: this one has nothing to drop.
  async down() {},
};

/**
 * Test-only fault injection: called after each step (`copied`, `swapped`) with the side table's
 * name; a hook that throws simulates a crash there.
 */
type FaultHook = (step: 'copied' | 'swapped', perms: string) => void | Promise<void>;
let faultHook: FaultHook | null = null;
export function setPermsMigrationFaultHook(hook: FaultHook | null): void {
  faultHook = hook;
}

/**
 * The collections that have a side table under `prefix`, from the catalog rather than the collections
 * metadata: a table whose collection row is gone is converted too, and the catalog is no project table.
 */
async function collectionSequences(knex: Knex, dialect: DialectName, prefix: string): Promise<number[]> {
  // `_` is a LIKE wildcard: `!` escapes it the same way on both backends.
  const pattern = `${prefix.replace(/_/g, '!_')}c%!_perms`;
  const rows = dialect === 'mysql'
    ? ((await knex.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE ? ESCAPE '!'", [pattern])) as unknown as [Array<{ name: string }>])[0]
    : ((await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '!'", [pattern])) as Array<{ name: string }>);
  const exact = new RegExp(`^${prefix}c([1-9][0-9]*)_perms$`);
  return rows.map((r) => exact.exec(r.name)?.[1]).filter((s): s is string => s !== undefined).map(Number).sort((a, b) => a - b);
}

async function convertPermsTable(knex: Knex, dialect: DialectName, docs: string, perms: string): Promise<void> {
  const fresh = `${perms}_new`;
  const old = `${perms}_old`;
  // A collection mid-deletion may have lost its tables already; its deletion resumes on its own.
  if (!(await knex.schema.hasTable(docs)) || !(await knex.schema.hasTable(perms))) return;
  if (await knex.schema.hasColumn(perms, '_id')) {
    await knex.schema.dropTableIfExists(fresh);
    await createPermsTable(knex, dialect, fresh, permsDocIndex(perms));
    // Each old row names its document by `$id`; a row whose document is gone has nothing to guard.
    await knex.raw(
      `${dialect === 'mysql' ? 'SET STATEMENT max_statement_time=0 FOR ' : ''}INSERT INTO ?? (\`_tenant\`, \`_document\`, \`_type\`, \`_permission\`) ` +
        'SELECT p.`_tenant`, d.`_id`, p.`_type`, p.`_permission` FROM ?? p JOIN ?? d ON d.`_tenant` = p.`_tenant` AND d.`_uid` = p.`_document`',
      [fresh, perms, docs],
    );
    await faultHook?.('copied', perms);
    if (dialect === 'mysql') {
      await knex.raw('RENAME TABLE ?? TO ??, ?? TO ??', [perms, old, fresh, perms]);
    } else {
      await knex.raw('ALTER TABLE ?? RENAME TO ??', [perms, old]);
      await knex.raw('ALTER TABLE ?? RENAME TO ??', [fresh, perms]);
    }
    await faultHook?.('swapped', perms);
  }
  await knex.schema.dropTableIfExists(old);
  await knex.schema.dropTableIfExists(fresh);
}
