/**
 * The database's instance ID (`{ns}_console_instance`, made once by a platform migration). Read at
 * start-up; the KV-store key helper requires it, so Redis keys belong to one database's lifetime.
 */
import type { Database } from './connection.ts';
import { KNEX } from './internal.ts';
import { platformTable } from './names.ts';

/** The instance ID, or null when the platform tables aren't migrated yet. */
export async function readInstanceId(db: Database): Promise<string | null> {
  const table = platformTable(db.namespace, 'instance');
  const knex = db[KNEX];
  if (!(await knex.schema.hasTable(table))) return null;
  const row = (await knex(table).orderBy('created_at').first('id')) as { id: string } | undefined;
  return row ? String(row.id) : null;
}
