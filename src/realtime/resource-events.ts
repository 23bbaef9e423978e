/**
 * Events for resources other than documents (account, sessions, teams, memberships; §D.4): the
 * label's event names, the resource's channels (with their `.<action>` twins where Appwrite adds
 * them) and the roles that may receive it. Each feature's `events.ts` says which label, channels and
 * roles apply; the services publish after their change is stored.
 */
import { actionOf, apiTimestamp, generateEvents, withActionTwins, type RealtimeEvent } from './events.ts';

export interface ResourceEventSpec {
  /** Appwrite's label, e.g. `users.[userId].update.name`. */
  readonly pattern: string;
  readonly params: Readonly<Record<string, string>>;
  readonly channels: readonly string[];
  readonly payload: Record<string, unknown>;
  readonly roles: readonly string[];
  /** Whether channels get their `.<action>` twin (Appwrite: not for session, token and verification events). */
  readonly twins?: boolean;
}

export function resourceEvent(spec: ResourceEventSpec, now = Date.now()): RealtimeEvent {
  const events = generateEvents(spec.pattern, spec.params);
  return {
    events,
    channels: spec.twins === false ? [...spec.channels] : withActionTwins(spec.channels, actionOf(events[0]!)),
    timestamp: apiTimestamp(now),
    payload: spec.payload,
    roles: [...spec.roles],
  };
}
