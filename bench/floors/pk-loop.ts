/**
 * Floor 3: a bare mysql2 primary-key SELECT loop (10 concurrent loops over a 10-connection pool),
 * no HTTP at all. Prints one JSON line: {rps, p50, p99}.
 */
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.MYSQL_URL!, connectionLimit: 10 });
const table = process.env.FLOOR_TABLE!;
const rows = Number(process.env.FLOOR_ROWS);
const warmupMs = Number(process.env.WARMUP_S ?? 1) * 1000;
const durationMs = Number(process.env.DURATION_S ?? 10) * 1000;

async function loop(until: number, latencies: number[] | null): Promise<void> {
  while (performance.now() < until) {
    const t0 = performance.now();
    await pool.execute(`SELECT id, v FROM \`${table}\` WHERE id = ?`, [1 + Math.floor(Math.random() * rows)]);
    latencies?.push(performance.now() - t0);
  }
}

await Promise.all(Array.from({ length: 10 }, () => loop(performance.now() + warmupMs, null)));
const latencies: number[] = [];
const started = performance.now();
await Promise.all(Array.from({ length: 10 }, () => loop(started + durationMs, latencies)));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 100) / 100;
console.log(JSON.stringify({ rps: Math.round(latencies.length / elapsed), p50: at(0.5), p99: at(0.99), requests: latencies.length }));
await pool.end();
