/**
 * The two legs every integration test runs on: SQLite + in-process store, and MariaDB + Redis.
 * `npm test` (scripts/run-tests.ts) probes MariaDB/Redis first and tells the files through
 * TENANTRY_TEST_MARIADB: `ready`, or `skip:<why>` (never with CI=true, where the leg is mandatory).
 */
export interface Leg {
  readonly name: 'sqlite' | 'mariadb';
  readonly title: string;
  readonly skip: string | false;
}

export const MARIADB_TEST_URL = process.env.TENANTRY_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/tenantry_test';
export const REDIS_TEST_URL = process.env.TENANTRY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
/** Test namespaces per layout on the shared MariaDB test database (prepared by scripts/run-tests.ts). */
export const TEST_NAMESPACES = { shared: 'tt', isolated: 'ti' } as const;

export function legs(): Leg[] {
  const state = process.env.TENANTRY_TEST_MARIADB ?? 'skip:run through `npm test` to prepare the MariaDB + Redis leg';
  return [
    { name: 'sqlite', title: 'SQLite + in-process store', skip: false },
    { name: 'mariadb', title: 'MariaDB + Redis', skip: state === 'ready' ? false : `MariaDB + Redis leg skipped: ${state.replace(/^skip:/, '')}` },
  ];
}
