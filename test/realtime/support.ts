/** A raw realtime client for protocol tests (the `ws` package: its socket can be paused like a stalled reader). */
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';

export interface Frame { readonly type: string; readonly data?: Record<string, unknown> & { code?: number; message?: string } }

export interface RtClient {
  readonly ws: WebSocket;
  readonly frames: Frame[];
  /** Resolves with the close code (and the frames seen by then). */
  readonly closed: Promise<number>;
  /** The next frame (from the ones not yet taken) matching `pred`, within `ms`. */
  next(pred?: (f: Frame) => boolean, ms?: number): Promise<Frame>;
  /** Asserts no frame matching `pred` arrives within `ms`. */
  none(pred: (f: Frame) => boolean, ms?: number): Promise<void>;
  send(frame: unknown): void;
  close(): void;
}

export function wsUrl(httpUrl: string, query: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/v1/realtime?${query}`;
}

export async function connect(url: string, headers: Record<string, string> = {}, options: { autoPong?: boolean } = {}): Promise<RtClient> {
  const ws = new WebSocket(url, { headers, ...options });
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (raw) => { frames.push(JSON.parse(raw.toString()) as Frame); for (const w of [...waiters]) w(); });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => { for (const w of [...waiters]) w(); resolve(code); }));
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); ws.once('unexpected-response', (_r, res) => reject(new Error(`HTTP ${res.statusCode}`))); });
  const client: RtClient = {
    ws, frames, closed,
    next(pred = () => true, ms = 3000) {
      return new Promise<Frame>((resolve, reject) => {
        const scan = () => {
          const i = frames.findIndex(pred);
          if (i < 0) return;
          cleanup();
          resolve(frames.splice(i, 1)[0]!);
        };
        const timer = setTimeout(() => { cleanup(); reject(new Error(`no matching frame within ${ms} ms; seen: ${JSON.stringify(frames).slice(0, 800)}`)); }, ms);
        const cleanup = () => { clearTimeout(timer); waiters.delete(scan); };
        waiters.add(scan);
        scan();
      });
    },
    async none(pred, ms = 700) {
      await new Promise((r) => setTimeout(r, ms));
      const seen = frames.filter(pred);
      assert.deepEqual(seen, [], 'no such frame expected');
    },
    send(frame) { ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)); },
    close() { ws.terminate(); },
  };
  return client;
}

/** Connects and waits for `connected`. */
export async function connected(url: string, headers: Record<string, string> = {}): Promise<{ client: RtClient; frame: Frame }> {
  const client = await connect(url, headers);
  const frame = await client.next((f) => f.type === 'connected' || f.type === 'error');
  assert.equal(frame.type, 'connected', JSON.stringify(frame));
  return { client, frame };
}

/** Subscribes and waits for the response; returns the converted channels. */
export async function subscribe(client: RtClient, subscriptionId: string, channels: string[], queries: string[] = []): Promise<unknown> {
  client.send({ type: 'subscribe', data: [{ subscriptionId, channels, queries }] });
  const res = await client.next((f) => f.type === 'response' || f.type === 'error');
  assert.equal(res.type, 'response', JSON.stringify(res));
  return res.data;
}

export const isEvent = (f: Frame) => f.type === 'event';
