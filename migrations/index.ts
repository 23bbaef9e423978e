/** The ordered migration lists. Add a file, then add it here (static imports keep start-up free of fs scans). */
import type { Migration } from '../src/db/ddl.ts';
import { platform0001 } from './platform/0001_platform.ts';
import { project0001 } from './project/0001_system.ts';

export const platformMigrations: readonly Migration[] = [platform0001];
export const projectMigrations: readonly Migration[] = [project0001];
