/**
 * The realtime benchmark's subscribers, in their own process (so parsing what arrives does not
 * share the servers' or the writer's event loop). Its first IPC message is the plan: the sockets to open
 * (URL + source address, so the per-IP connect limit is spread over 127.0.0.x like many clients'
 * would be). It reports over IPC: `ready` once all are connected; on `report`, the latencies of
 * the deliveries it received: receipt time − the `t` stamped in the document by the writer, and
 * receipt time − the document's `$createdAt` (the server's stamp, millisecond precision).
 */
import { WebSocket } from 'ws';

export interface ClientPlan {
  readonly sockets: ReadonlyArray<{ readonly url: string; readonly localAddress: string }>;
}

const plan = await new Promise<ClientPlan>((resolve) => process.once('message', (m: { type: string; plan: ClientPlan }) => resolve(m.plan)));
const now = () => performance.timeOrigin + performance.now();
const latencies: number[] = [];
const fromServer: number[] = [];
const sockets: WebSocket[] = [];
let errors = 0;
let recording = false;

function open(url: string, localAddress: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
    ws.once('error', reject);
    ws.once('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { type: string; data: unknown };
      if (frame.type !== 'connected') { reject(new Error(`expected connected, got ${String(raw).slice(0, 200)}`)); return; }
      ws.on('message', (data) => {
        const text = String(data);
        // The stamp only: a full JSON.parse of every frame would make this process the bottleneck.
        const m = /"t":"(\d+(?:\.\d+)?)"/.exec(text);
        if (!m) { if (!text.includes('"type":"pong"')) errors++; return; }
        if (!recording) return;
        const at = now();
        latencies.push(at - Number(m[1]));
        const created = /"\$createdAt":"([^"]+)"/.exec(text);
        if (created) fromServer.push(at - Date.parse(created[1]!));
      });
      ws.on('close', () => { if (recording) errors++; });
      resolve();
    });
    sockets.push(ws);
  });
}

// 20 connects in flight at a time: a burst of 1,000 handshakes would measure the accept queue, not delivery.
let next = 0;
await Promise.all(Array.from({ length: 20 }, async () => {
  while (next < plan.sockets.length) {
    const s = plan.sockets[next++]!;
    await open(s.url, s.localAddress);
  }
}));
process.send!({ type: 'ready', open: sockets.length });
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'record') { recording = true; return; }
  if (msg.type !== 'report') return;
  recording = false;
  const open = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  process.send!({ type: 'report', latencies, fromServer, errors, open }, () => {
    for (const s of sockets) s.terminate();
    process.exit(0);
  });
});
