/**
 * The tenant boundary as structure: what the compiler can't say about module privacy, this test does.
 * Outside `src/db/` no module reaches knex or the data layer's internals, constructs a TenantDb,
 * SystemDb, ProjectScope or table, or holds the system capability unless it is listed here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** Source without comments (a comment may name what code may not do). */
function code(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const SRC = tsFiles('src');
const OUTSIDE_DB = SRC.filter((f) => !f.startsWith('src/db/'));

/** Files (outside src/db) whose code matches `pattern`. */
function offenders(files: readonly string[], pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(code(f)));
}

/**
 * Who holds the system capability: the composition root (it hands it to the platform services —
 * projects, keys, owners) and the health check (a database ping). Project services never do.
 */
const SYSTEM_ACCESS_CALLERS = ['src/features/health/health.routes.ts', 'src/services.ts'];

test('outside src/db nothing touches knex or the data layer internals', () => {
  assert.deepEqual(offenders(OUTSIDE_DB, /from\s+['"]knex['"]|require\(['"]knex/), [], 'imports knex');
  assert.deepEqual(offenders(OUTSIDE_DB, /db\/internal\.ts['"]/), [], 'imports src/db/internal.ts');
  assert.deepEqual(offenders(OUTSIDE_DB, /\.knex\b|\bknexForDdl\b|\[KNEX\]/), [], 'reaches a knex instance');
  assert.deepEqual(offenders(OUTSIDE_DB, /db\/(statements|compiled-table|collection-ddl-internal)\.ts['"]/), [], 'imports a statement runner');
});

test('outside src/db nothing constructs a TenantDb, SystemDb, ProjectScope or table', () => {
  assert.deepEqual(offenders(OUTSIDE_DB, /new\s+(TenantDb|SystemDb|ProjectScope|ScopedTable|CompiledTable)\b/), []);
  assert.deepEqual(offenders(SRC, /\basSystem\s*\(/), [], 'asSystem() is gone: platform code uses systemAccess()');
});

test('the system capability has the listed callers only', () => {
  assert.deepEqual(offenders(OUTSIDE_DB, /\bsystemAccess\s*\(/).sort(), [...SYSTEM_ACCESS_CALLERS].sort());
});

test('a project scope is minted by the projects service for authentication only', () => {
  assert.deepEqual(offenders(OUTSIDE_DB, /\bmintProjectScope\s*\(/), ['src/features/projects/projects.service.ts']);
  assert.deepEqual(offenders(OUTSIDE_DB, /\bprojects\.scope\s*\(/), ['src/http/authenticate.ts']);
});

test('project services take the request context, not a tenant number or a Database', () => {
  const projectServices = [
    'src/features/users/users.service.ts', 'src/features/teams/teams.service.ts',
    'src/features/databases/databases.service.ts', 'src/features/collections/collections.service.ts',
  ];
  for (const f of projectServices) {
    const src = code(f);
    assert.doesNotMatch(src, /async\s+#?\w+\(\s*tenant:\s*number\b/, `${f} takes a tenant number`);
    assert.doesNotMatch(src, /db\/connection\.ts['"]/, `${f} holds a Database`);
    assert.doesNotMatch(src, /\binstanceof\s+TenantDb\b/, `${f} branches on TenantDb`);
  }
  // Permission decisions live in the services: team routes carry no role checks of their own.
  assert.doesNotMatch(code('src/features/teams/teams.routes.ts'), /ctx\.roles|isPrivileged/);
  assert.doesNotMatch(code('src/features/users/users.routes.ts'), /isPrivileged|user_blocked/);
});

test('handlers read typed inputs from the contract: no casts of call.body / query / params', () => {
  assert.deepEqual(offenders(SRC, /call\.(body|query|params)(\.\w+)?\s+as\b|\bbody\s+as\s+\{/), []);
  assert.deepEqual(offenders(SRC, /call\.params\.\w+!/), [], 'path parameters are typed as present');
});

test('outside src, only the test support module reaches the data layer internals', () => {
  const others = [...tsFiles('test'), ...tsFiles('bench'), ...tsFiles('scripts')].filter((f) => f !== 'test/foundation/architecture.test.ts');
  assert.deepEqual(offenders(others, /db\/internal\.ts['"]/), ['test/support/raw-db.ts']);
  assert.deepEqual(offenders(others, /new\s+(TenantDb|SystemDb|ProjectScope)\s*\(/), ['test/foundation/tenant-guard.test.ts'], 'only the guard test forges constructors (to see them refuse)');
});
