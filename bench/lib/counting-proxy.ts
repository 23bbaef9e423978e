/**
 * A loopback TCP proxy that counts what a client asks of a server, to report round trips per
 * request: MySQL commands (client packets with sequence id 0 — each is one round trip) or Redis
 * writes (each client write is one round trip; ioredis does not pipeline unless told to).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface CountingProxy {
  readonly port: number;
  count(): number;
  close(): Promise<void>;
}

/** Counts MySQL command packets in a client → server byte stream (4-byte header: length LE24 + sequence id). */
function mysqlCounter(onCommand: () => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= 4) {
      const length = pending.readUIntLE(0, 3);
      if (pending.length < 4 + length) break;
      if (pending[3] === 0) onCommand();
      pending = pending.subarray(4 + length);
    }
  };
}

export function startCountingProxy(target: { host: string; port: number }, protocol: 'mysql' | 'redis'): Promise<CountingProxy> {
  let n = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client); sockets.add(upstream);
    const counter = protocol === 'mysql' ? mysqlCounter(() => { n++; }) : () => { n++; };
    client.on('data', (chunk: Buffer) => { counter(chunk); upstream.write(chunk); });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('close', end); upstream.on('close', end);
    client.on('error', end); upstream.on('error', end);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({
        port: typeof addr === 'object' && addr ? addr.port : 0,
        count: () => n,
        close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
      });
    });
  });
}
