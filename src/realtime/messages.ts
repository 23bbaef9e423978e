/**
 * Client → server frames (§D.2): `ping`, `authentication`, `subscribe`, `unsubscribe`. Message
 * errors answer an error frame and keep the socket open (Appwrite closes only on 1008).
 */
import { uniqueId, CUSTOM_ID } from '../lib/ids.ts';
import type { RealtimeConnection } from './connection.ts';
import { errorFrameOf } from './identity.ts';
import { parseRealtimeQueries, QueryError } from './queries.ts';
import { convertChannels, MAX_CHANNELS, MAX_SUBSCRIPTIONS, validChannel, type Subscription } from './subscriptions.ts';

export interface MessageLimits {
  /** Larger frames get a 1009 error frame (the socket stays open). */
  readonly maxMessageBytes: number;
  /** Frames per connection per window (Appwrite: 32 per 60 s). */
  readonly messages: { readonly limit: number; readonly windowMs: number };
}

export interface MessageDeps {
  readonly limits: MessageLimits;
  /** The `authentication` message: verify the session, rebind; resolves to the Account model or null. */
  authenticate(conn: RealtimeConnection, session: string): Promise<unknown>;
}

const invalid = (message: string) => ({ code: 1003, message });

function rateLimited(conn: RealtimeConnection, limits: MessageLimits): boolean {
  const now = Date.now();
  if (now - conn.window.start >= limits.messages.windowMs) conn.window = { start: now, count: 0 };
  return ++conn.window.count > limits.messages.limit;
}

export async function handleMessage(conn: RealtimeConnection, raw: Buffer | string, deps: MessageDeps): Promise<void> {
  conn.alive = true;
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (rateLimited(conn, deps.limits)) return conn.error(1013, 'Too many messages.');
  if (size > deps.limits.maxMessageBytes) return conn.error(1009, `Message is too large (at most ${deps.limits.maxMessageBytes} bytes).`);
  let msg: unknown;
  try { msg = JSON.parse(raw.toString()); } catch { msg = null; }
  const frame = msg && typeof msg === 'object' && !Array.isArray(msg) ? (msg as { type?: unknown; data?: unknown }) : null;
  if (!frame || (frame.type === undefined && frame.data === undefined)) return conn.error(1003, 'Message format is not valid.');
  switch (frame.type) {
    case 'ping': return conn.json({ type: 'pong' });
    case 'authentication': return authentication(conn, frame.data, deps);
    case 'subscribe': return subscribe(conn, frame.data);
    case 'unsubscribe': return unsubscribe(conn, frame.data);
    default: return conn.error(1003, 'Message type is not valid.');
  }
}

async function authentication(conn: RealtimeConnection, data: unknown, deps: MessageDeps): Promise<void> {
  const session = (data as { session?: unknown } | null)?.session;
  if (typeof session !== 'string' || session.length === 0 || session.length > 2048) return conn.error(1003, 'Payload is not valid. Session is required');
  try {
    const user = await deps.authenticate(conn, session);
    if (!user) return conn.error(1003, 'Session is not valid.');
    conn.json({ type: 'response', data: { to: 'authentication', success: true, user } });
  } catch (e) {
    const { code, message } = errorFrameOf(e);
    conn.error(code, message);
  }
}

function subscribe(conn: RealtimeConnection, data: unknown): void {
  if (!Array.isArray(data)) { conn.error(1003, 'items: must be an array of subscriptions.'); return; }
  const prepared: Subscription[] = [];
  for (const item of data as unknown[]) {
    const problem = checkItem(item);
    if (problem) { conn.error(problem.code, problem.message); return; }
    const { subscriptionId, channels, queries } = item as { subscriptionId?: string; channels: string[]; queries?: unknown };
    let parsed: ReturnType<typeof parseRealtimeQueries>;
    try { parsed = parseRealtimeQueries(queries); } catch (e) {
      if (e instanceof QueryError) { conn.error(1003, e.message); return; }
      throw e;
    }
    const id = subscriptionId ?? uniqueId();
    const old = conn.subscriptions.get(id) ?? prepared.find((p) => p.id === id);
    // Reusing an id adds channels and never removes old ones (Appwrite's behaviour).
    const requested = [...new Set([...(old?.requested ?? []), ...channels])];
    if (requested.length > MAX_CHANNELS) { conn.error(1003, `channels: at most ${MAX_CHANNELS} channels per subscription.`); return; }
    const rawQueries = (Array.isArray(queries) ? queries : []).map((q) => (typeof q === 'string' ? q : JSON.stringify(q)));
    prepared.push({ id, requested, converted: new Set(convertChannels(requested, conn.userId)), queries: parsed, rawQueries });
  }
  const ids = new Set([...conn.subscriptions.keys(), ...prepared.map((p) => p.id)]);
  if (ids.size > MAX_SUBSCRIPTIONS) { conn.error(1003, `At most ${MAX_SUBSCRIPTIONS} subscriptions per connection.`); return; }
  for (const sub of prepared) conn.subscriptions.set(sub.id, sub);
  conn.json({
    type: 'response',
    data: { to: 'subscribe', success: true, subscriptions: prepared.map((s) => ({ subscriptionId: s.id, channels: [...s.converted], queries: s.rawQueries })) },
  });
}

function checkItem(item: unknown): { code: number; message: string } | null {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return invalid('items: each subscription must be an object.');
  const { subscriptionId, channels, queries } = item as Record<string, unknown>;
  if (subscriptionId !== undefined && (typeof subscriptionId !== 'string' || !CUSTOM_ID.test(subscriptionId))) return invalid('subscriptionId: must be a valid ID.');
  if (channels === undefined) return invalid('items: channels is not present in payload.');
  if (!Array.isArray(channels) || channels.length === 0 || !channels.every(validChannel)) return invalid('channels: must be a non-empty array of channel names.');
  if (channels.length > MAX_CHANNELS) return invalid(`channels: at most ${MAX_CHANNELS} channels per subscription.`);
  if (queries !== undefined && !Array.isArray(queries)) return invalid('queries: must be an array.');
  return null;
}

function unsubscribe(conn: RealtimeConnection, data: unknown): void {
  if (!Array.isArray(data)) { conn.error(1003, 'items: must be an array of subscriptions.'); return; }
  const results: Array<{ subscriptionId: string; removed: boolean }> = [];
  for (const item of data as unknown[]) {
    const id = (item as { subscriptionId?: unknown } | null)?.subscriptionId;
    if (typeof id !== 'string') { conn.error(1003, 'items: subscriptionId is not present in payload.'); return; }
    results.push({ subscriptionId: id, removed: conn.subscriptions.delete(id) });
  }
  conn.json({ type: 'response', data: { to: 'unsubscribe', success: true, subscriptions: results } });
}
