/**
 * What a realtime event is on the bus, and how Appwrite names it (`Event::generateEvents`,
 * APPWRITE-REFERENCE-2 §D.4). An event carries everything delivery needs — its channels and the
 * roles that may read it, computed from the resource's permissions when it changed — so delivering
 * it to a subscriber never queries the database.
 */

/** One change, as published on the bus and fanned out to subscribers. */
export interface RealtimeEvent {
  /** Appwrite's event names; `events[0]` is the fully concrete one. */
  readonly events: readonly string[];
  /** Channels it is published on (action twins included). */
  readonly channels: readonly string[];
  /** `2026-08-21T12:00:00.000+00:00` */
  readonly timestamp: string;
  readonly payload: Record<string, unknown>;
  /** Roles that may receive it (`any` = everyone); empty = nobody. */
  readonly roles: readonly string[];
}

/** Where services hand their committed changes (the realtime bus, or nothing). */
export interface EventSink {
  /** Publishes `event` to the project's subscribers, on every process. Never throws. */
  publish(tenant: number, event: RealtimeEvent): void;
}

const ACTIONS = new Set(['create', 'update', 'upsert', 'delete']);
/** Channels whose last or second-to-last segment is one of these get a `.<action>` twin. */
const TWINNED = new Set(['documents', 'rows', 'files', 'executions', 'functions', 'account', 'teams', 'memberships', 'presences']);

export function apiTimestamp(now = Date.now()): string {
  return new Date(now).toISOString().replace('Z', '+00:00');
}

/** Every concrete/`*` combination of the ID segments at `positions` of `segments` (concrete first, then all `*`). */
function combinations(segments: readonly string[], positions: readonly number[]): string[] {
  const n = positions.length;
  const masks = [0, ...(n ? [(1 << n) - 1] : []), ...Array.from({ length: Math.max(0, (1 << n) - 2) }, (_, i) => i + 1)];
  return masks.map((mask) => {
    const out = [...segments];
    positions.forEach((p, bit) => { if (mask & (1 << bit)) out[p] = '*'; });
    return out.join('.');
  });
}

/**
 * `users.[userId].update.email` with `{userId: 'u1'}` → `users.u1.update.email, users.*.update.email,
 * users.u1.update, users.*.update, users.u1, users.*` (most specific first). Levels: the full name and
 * its shorter action forms, then the name cut after each ID, last ID first.
 */
export function generateEvents(pattern: string, params: Readonly<Record<string, string>>): string[] {
  const raw = pattern.split('.');
  const ids: number[] = [];
  const segments = raw.map((s, i) => {
    const m = /^\[(\w+)\]$/.exec(s);
    if (!m) return s;
    const value = params[m[1]!];
    if (value === undefined) throw new Error(`generateEvents: no value for ${m[1]}`);
    ids.push(i);
    return value;
  });
  const lastId = ids.at(-1) ?? -1;
  const prefixes: number[] = [];
  for (let end = segments.length; end > lastId + 1; end--) prefixes.push(end);
  for (let k = ids.length - 1; k >= 0; k--) prefixes.push(ids[k]! + 1);
  const names: string[] = [];
  for (const end of prefixes) names.push(...combinations(segments.slice(0, end), ids.filter((p) => p < end)));
  return [...new Set(names)];
}

/** The action of an event (`create|update|upsert|delete`), from the last or second-to-last segment of `events[0]`. */
export function actionOf(event: string): string | null {
  const parts = event.split('.');
  for (const s of [parts.at(-1), parts.at(-2)]) if (s && ACTIONS.has(s)) return s;
  return null;
}

/** Adds the `.<action>` twin of every channel that takes one. */
export function withActionTwins(channels: readonly string[], action: string | null): string[] {
  if (!action) return [...channels];
  const out = [...channels];
  for (const c of channels) {
    const parts = c.split('.');
    if (TWINNED.has(parts.at(-1)!) || (parts.length > 1 && TWINNED.has(parts.at(-2)!))) out.push(`${c}.${action}`);
  }
  return out;
}
