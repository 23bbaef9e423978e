/**
 * Per-file time bound. scripts/run-tests.ts preloads this (`node --import`) into the test runner,
 * which passes it on to every test file's process; there (NODE_TEST_CONTEXT is set) it arms an
 * unref'd timer that, after TENANTRY_TEST_FILE_TIMEOUT_S seconds, kills the file's own child
 * processes (a test's redis-server) and exits the file non-zero, so a hung file fails the run
 * instead of hanging it. node's `--test-timeout` bounds each test, not a file's hooks or its exit.
 */
import { readdirSync, readFileSync } from 'node:fs';

const seconds = Number(process.env.TENANTRY_TEST_FILE_TIMEOUT_S ?? 0);

function childPids(): number[] {
  const pids: number[] = [];
  try {
    for (const task of readdirSync('/proc/self/task')) {
      const text = readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
      if (text) pids.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // Not Linux: no child list; the file still exits.
  }
  return pids;
}

if (process.env.NODE_TEST_CONTEXT && seconds > 0) {
  setTimeout(() => {
    const file = process.argv[1] ?? '(unknown file)';
    const children = childPids();
    process.stderr.write(`\nwatchdog: ${file} still running after ${seconds} s (TENANTRY_TEST_FILE_TIMEOUT_S): killing it${children.length ? ` and its child processes ${children.join(', ')}` : ''}\n`);
    for (const pid of children) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(124);
  }, seconds * 1000).unref();
}
