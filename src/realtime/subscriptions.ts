/**
 * A connection's subscriptions (§D.2, §D.4): channels as the client named them, converted for the
 * connection's user (`convertChannels`), their queries, and the match of an event against them.
 */
import type { RealtimeEvent } from './events.ts';
import { matchesQueries, type RtQuery } from './queries.ts';

/** Bounds per connection: a client can't make the server hold unbounded subscription state. */
export const MAX_SUBSCRIPTIONS = 100;
export const MAX_CHANNELS = 100;
const CHANNEL = /^[A-Za-z0-9._*-]{1,255}$/;

export interface Subscription {
  readonly id: string;
  /** As the client sent them (kept so a later `authentication` can convert them again). */
  readonly requested: readonly string[];
  converted: ReadonlySet<string>;
  readonly queries: readonly RtQuery[];
  readonly rawQueries: readonly string[];
}

/**
 * `account` → also `account.<uid>` when signed in; `account.<action>` → `account.<uid>.<action>`
 * (a guest keeps the literal); any other `account.*` is dropped — nobody subscribes to another
 * user's account by naming it.
 */
export function convertChannels(channels: readonly string[], userId: string | null): string[] {
  const out = new Set<string>();
  for (const c of channels) {
    if (c === 'account') {
      out.add('account');
      if (userId) out.add(`account.${userId}`);
    } else if (c.startsWith('account.')) {
      const rest = c.slice('account.'.length);
      if (!/^(create|update|upsert|delete)$/.test(rest)) continue;
      out.add(userId ? `account.${userId}.${rest}` : c);
    } else {
      out.add(c);
    }
  }
  return [...out];
}

export function validChannel(c: unknown): c is string {
  return typeof c === 'string' && CHANNEL.test(c);
}

/** The ids of the subscriptions `event` matches (channel in common, queries true). */
export function matchingSubscriptions(subs: ReadonlyMap<string, Subscription>, event: RealtimeEvent): string[] {
  const ids: string[] = [];
  for (const sub of subs.values()) if (matches(sub, event)) ids.push(sub.id);
  return ids;
}

/** On the delivery path for every socket of the project: plain loops, no closures. */
function matches(sub: Subscription, event: RealtimeEvent): boolean {
  const channels = event.channels;
  let hit = false;
  for (let i = 0; i < channels.length && !hit; i++) hit = sub.converted.has(channels[i]!);
  return hit && (sub.queries.length === 0 || matchesQueries(sub.queries, event.payload));
}

/** Roles check (§D.5): one of the connection's roles is among the event's, or the event's include `any`. */
export function mayReceive(eventRoles: readonly string[], roles: readonly string[]): boolean {
  for (let i = 0; i < eventRoles.length; i++) {
    const r = eventRoles[i]!;
    if (r === 'any' || roles.includes(r)) return true;
  }
  return false;
}
