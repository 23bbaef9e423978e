/**
 * A cleanup stack: every step runs (last registered first) even when an earlier one throws, and the
 * first error is rethrown at the end, so a failing `server.close()` (a tenant-guard violation) still
 * stops the test's own redis-server and the file still exits.
 */
import { after } from 'node:test';

type Step = () => unknown;

export class Cleanup {
  readonly #steps: Array<{ readonly name: string; readonly fn: Step }> = [];

  /** Registers a step; steps run in reverse order of registration. */
  defer(name: string, fn: Step): void {
    this.#steps.push({ name, fn });
  }

  /** Runs every registered step once; rethrows the first error (the others are logged). */
  async run(): Promise<void> {
    const errors: Array<{ name: string; error: unknown }> = [];
    for (let step = this.#steps.pop(); step; step = this.#steps.pop()) {
      try {
        await step.fn();
      } catch (error) {
        errors.push({ name: step.name, error });
      }
    }
    for (const { name, error } of errors.slice(1)) console.error(`cleanup step "${name}" also failed:`, error);
    if (errors.length > 0) throw errors[0]!.error;
  }
}

/** A cleanup stack run by the enclosing suite's `after()` hook (which runs even when `before()` threw). */
export function useCleanup(): Cleanup {
  const cleanup = new Cleanup();
  after(() => cleanup.run());
  return cleanup;
}
