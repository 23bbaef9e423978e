/**
 * `describeLegs(title, fn)` runs a suite once per leg. The MariaDB + Redis leg is skipped (loudly,
 * with the reason) when `npm test` found it unreachable outside CI.
 */
import { describe } from 'node:test';
import { legs, type Leg } from './legs.ts';

export function describeLegs(title: string, fn: (leg: Leg) => void): void {
  for (const leg of legs()) {
    describe(`${title} [${leg.title}]`, { skip: leg.skip || undefined }, () => fn(leg));
  }
}
