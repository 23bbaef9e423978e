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

/** Each `npm test` run gets its own database and namespaces, so concurrent runs never collide. */
export const TEST_RUN = process.env.TENANTRY_TEST_RUN ?? 'local';
export const MARIADB_SERVER_URL = process.env.TENANTRY_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const MARIADB_TEST_URL = `${MARIADB_SERVER_URL.replace(/\/+$/, '')}/tenantry_test_${TEST_RUN}`;
export const REDIS_TEST_URL = process.env.TENANTRY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
/** Test namespaces per layout (tables and Redis keys), prepared by scripts/run-tests.ts. */
export const TEST_NAMESPACES = { shared: `t${TEST_RUN}s`.slice(0, 12), isolated: `t${TEST_RUN}i`.slice(0, 12) } as const;

export function legs(): Leg[] {
  const state = process.env.TENANTRY_TEST_MARIADB ?? 'skip:run through `npm test` to prepare the MariaDB + Redis leg';
  return [
    { name: 'sqlite', title: 'SQLite + in-process store', skip: false },
    { name: 'mariadb', title: 'MariaDB + Redis', skip: state === 'ready' ? false : `MariaDB + Redis leg skipped: ${state.replace(/^skip:/, '')}` },
  ];
}
