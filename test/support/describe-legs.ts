/**
 * `describeLegs(title, fn)` runs a suite once per leg. The MariaDB + Redis leg is skipped (loudly,
 * with the reason) when `npm test` found it unreachable outside CI.
 *
 * Each leg's suite counts the tests it ran and appends the count to TENANTRY_TEST_COUNTS (set by
 * scripts/run-tests.ts), which fails the run when a leg ran zero tests.
 */
import { appendFileSync } from 'node:fs';
import { after, afterEach, describe } from 'node:test';
import { legs, type Leg } from './legs.ts';

export interface LegCount { readonly leg: Leg['name']; readonly suite: string; readonly ran: number }

export function describeLegs(title: string, fn: (leg: Leg) => void): void {
  for (const leg of legs()) {
    describe(`${title} [${leg.title}]`, { skip: leg.skip || undefined }, () => {
      let ran = 0;
      afterEach(() => { ran++; }); // inherited by nested suites; skipped tests don't run it
      after(() => reportCount({ leg: leg.name, suite: title, ran }));
      fn(leg);
    });
  }
}

function reportCount(count: LegCount): void {
  const file = process.env.TENANTRY_TEST_COUNTS;
  if (file) appendFileSync(file, `${JSON.stringify(count)}\n`);
}
