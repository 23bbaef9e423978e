/** The process entry point: `npm start` on an empty data directory serves health; bad config stops with one line. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const main = new URL('../../src/main.ts', import.meta.url).pathname;

test('starts on the embedded default with nothing else running, migrates, serves /v1/health, drains on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tenantry-start-'));
  const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH, PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'data', 't.db')}`, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /listening on (http:\/\/\S+)\/v1/.exec(output);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    assert.match(output, /No owner yet/);
    const res = await fetch(`${url}/v1/health`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { status: string }).status, 'pass');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad configuration value stops start-up with one clear line naming the variable', () => {
  for (const [name, value] of ([['PORT', 'eighty'], ['DATABASE_URL', 'postgres://x/y'], ['TENANTRY_LAYOUT', 'sideways'], ['REDIS_URL', 'http://nope']] as Array<[string, string]>)) {
    const r = spawnSync(process.execPath, [main], { env: { PATH: process.env.PATH, [name]: value }, encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 1, `${name}=${value}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, new RegExp(`invalid configuration: ${name}:`));
  }
});
