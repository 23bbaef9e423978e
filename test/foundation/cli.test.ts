/**
 * The operator's first steps outside HTTP: `npx tenantry …` says which database it works on and why
 * it refuses, the start-up hint carries the settings the CLI needs to reach the server's database,
 * and an unsupported Node is named in one line (bin/check-node.js, package.json `engines`).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isSupported } from '../../bin/check-node.js';
import { parseConfig } from '../../src/config.ts';
import { cliEnvPrefix, describeDatabase, withoutPassword } from '../../src/cli/where.ts';

const bin = new URL('../../bin/tenantry.js', import.meta.url).pathname;
const main = new URL('../../src/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tenantry-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim().split('\n') };
}

test('every command names its database on stderr; a second owner create says an owner already exists', () => {
  const db = join(dir, 'owners.db');
  const env = { DATABASE_URL: `sqlite:${db}` };
  const where = `tenantry: database sqlite:${db} (namespace tn, layout shared)`;
  const first = cli(env, 'owner', 'create', '--email', 'first@example.com', '--password', 'a long password');
  assert.equal(first.status, 0, first.stderr.join('\n'));
  assert.match(first.stdout, /^owner first@example\.com created \(root, id \w+\)\n$/);
  assert.deepEqual(first.stderr, [where]);
  const second = cli(env, 'owner', 'create', '--email', 'second@example.com', '--password', 'a long password');
  assert.equal(second.status, 1);
  assert.equal(second.stdout, '');
  assert.equal(second.stderr.length, 2, second.stderr.join('\n'));
  assert.equal(second.stderr[0], where);
  assert.match(second.stderr[1]!, /^tenantry: an owner already exists in this database: sign in as that owner .*TENANTRY_OPEN_SIGNUP=true/);
  const project = cli(env, '--json', 'project', 'create', '--id', 'cli-app', '--name', 'CLI app');
  assert.equal(project.status, 0, project.stderr.join('\n'));
  assert.equal(JSON.parse(project.stdout).$id, 'cli-app'); // stdout is JSON alone: the database line went to stderr
  assert.deepEqual(project.stderr, [where]);
});

test('a database password never appears: the CLI shows <password>', () => {
  const r = cli({ DATABASE_URL: 'mysql://tenantry:s3cret-pw@127.0.0.1:1/tenantry', TENANTRY_DB_CONNECT_TIMEOUT_MS: '500' }, 'migrate');
  assert.equal(r.status, 1);
  assert.equal(r.stderr[0], 'tenantry: database mysql://tenantry:<password>@127.0.0.1:1/tenantry (namespace tn, layout shared)');
  assert.doesNotMatch(r.stderr.join('\n') + r.stdout, /s3cret/);
  assert.match(r.stderr.at(-1)!, /^tenantry: .*ECONNREFUSED/);
});

test('where.ts: the CLI environment prefix lists only non-defaults, shell-quoted, without the password', () => {
  assert.equal(cliEnvPrefix(parseConfig({})), '');
  assert.equal(cliEnvPrefix(parseConfig({ DATABASE_URL: 'sqlite:/srv/t.db' })), 'DATABASE_URL=sqlite:/srv/t.db ');
  assert.equal(
    cliEnvPrefix(parseConfig({ DATABASE_URL: 'mysql://app:p@ss@db.internal:3306/prod', TENANTRY_NAMESPACE: 'stg', TENANTRY_LAYOUT: 'isolated' })),
    "DATABASE_URL='mysql://app:<password>@db.internal:3306/prod' TENANTRY_NAMESPACE=stg TENANTRY_LAYOUT=isolated ",
  );
  assert.equal(cliEnvPrefix(parseConfig({ DATABASE_URL: "sqlite:/tmp/it's.db" })), `DATABASE_URL='sqlite:/tmp/it'\\''s.db' `);
  assert.equal(withoutPassword('mysql://root@127.0.0.1:3306/t'), 'mysql://root@127.0.0.1:3306/t');
  assert.equal(describeDatabase(parseConfig({ DATABASE_URL: 'mysql://u:x@h/d', TENANTRY_NAMESPACE: 'ab' })), 'database mysql://u:<password>@h/d (namespace ab, layout shared)');
});

test("the start-up hint's command reaches the server's database (DATABASE_URL and namespace carried)", async () => {
  const db = join(dir, 'hint.db');
  const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH, PORT: '0', DATABASE_URL: `sqlite:${db}`, TENANTRY_NAMESPACE: 'hint', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    let output = '';
    const command = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /^ {2}(.*npx tenantry owner create .*)$/m.exec(output);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    assert.equal(command, `DATABASE_URL=sqlite:${db} TENANTRY_NAMESPACE=hint npx tenantry owner create --email you@example.com --password 'choose-a-password'`);
    // Run it (as the shell would: the variables, then the CLI) and sign in on the server with that owner.
    const env = Object.fromEntries([...command.matchAll(/([A-Z_]+)=(\S+) /g)].map((m) => [m[1]!, m[2]!]));
    const created = cli(env, 'owner', 'create', '--email', 'you@example.com', '--password', 'choose-a-password');
    assert.equal(created.status, 0, created.stderr.join('\n'));
    const url = /listening on (http:\/\/\S+)\/v1/.exec(output)![1];
    const signIn = await fetch(`${url}/v1/account/sessions/email`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-appwrite-project': 'console' }, body: JSON.stringify({ email: 'you@example.com', password: 'choose-a-password' }) });
    assert.equal(signIn.status, 201, await signIn.clone().text());
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    child.kill('SIGKILL');
  }
});

test('supported Node: 22.18+ or 24+, as package.json engines says', () => {
  const engines = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } }).engines;
  assert.equal(engines.node, '^22.18.0 || >=24');
  const cases: Array<[string, boolean]> = [['v20.20.2', false], ['22.17.1', false], ['22.18.0', true], ['v22.23.5', true], ['23.11.0', false], ['24.0.0', true], ['v26.1.0', true]];
  for (const [version, supported] of cases) assert.equal(isSupported(version), supported, version);
});
