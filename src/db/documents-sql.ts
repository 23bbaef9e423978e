/**
 * Document-table specifics that depend on the driver: which unique index refused a write.
 * (Kept beside tenant-db.ts so driver error text never has to be read outside src/db.)
 */
import { DuplicateKeyError } from './errors.ts';

/**
 * True when a duplicate-key error came from the `(_tenant, _uid)` index (the document ID is taken)
 * rather than from a unique attribute index. MariaDB names the index (`…_uid`); SQLite names the columns.
 */
export function isDocumentIdConflict(e: DuplicateKeyError): boolean {
  const message = String((e.cause as { message?: unknown } | undefined)?.message ?? '');
  return /for key '[^']*_uid'/.test(message) || /UNIQUE constraint failed: [^\s,]+\._tenant, [^\s,]+\._uid$/.test(message);
}
