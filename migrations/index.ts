/** The ordered migration lists. Add a file, then add it here (static imports keep start-up free of fs scans). */
import type { Migration } from '../src/db/ddl.ts';
import { platform0001 } from './platform/0001_platform.ts';
import { platform0002 } from './platform/0002_instance.ts';
import { platform0003 } from './platform/0003_realtime.ts';
import { project0001 } from './project/0001_system.ts';
import { project0002 } from './project/0002_ddl_lease.ts';
import { project0003 } from './project/0003_perms_row_key.ts';
import { project0004 } from './project/0004_database_type.ts';
import { project0005 } from './project/0005_transactions.ts';

export const platformMigrations: readonly Migration[] = [platform0001, platform0002, platform0003];
export const projectMigrations: readonly Migration[] = [project0001, project0002, project0003, project0004, project0005];
