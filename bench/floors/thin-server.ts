/**
 * Floor 2: the thin handler — express + one mysql2 primary-key SELECT + one Redis GET per request,
 * the practical ceiling of this stack for a read. `/list` reads 20 rows by range instead.
 */
import express from 'express';
import mysql from 'mysql2/promise';
import { Redis } from 'ioredis';

const env = (name: string) => { const v = process.env[name]; if (!v) throw new Error(`${name} is required`); return v; };
const pool = mysql.createPool({ uri: env('MYSQL_URL'), connectionLimit: 10 });
const redis = new Redis(env('REDIS_URL'));
const table = env('FLOOR_TABLE');
const rows = Number(env('FLOOR_ROWS'));
const redisKey = env('FLOOR_REDIS_KEY');

const app = express();
app.disable('x-powered-by');
app.get('/', async (_req, res) => {
  const id = 1 + Math.floor(Math.random() * rows);
  const [found] = await pool.execute(`SELECT id, v FROM \`${table}\` WHERE id = ?`, [id]);
  const cached = await redis.get(redisKey);
  res.json({ row: (found as unknown[])[0], cached });
});
app.get('/list', async (_req, res) => {
  const from = 1 + Math.floor(Math.random() * Math.max(1, rows - 20));
  const [found] = await pool.execute(`SELECT id, v FROM \`${table}\` WHERE id >= ? ORDER BY id LIMIT 20`, [from]);
  const cached = await redis.get(redisKey);
  res.json({ rows: found, cached });
});
app.post('/', async (_req, res) => {
  await pool.execute(`INSERT INTO \`${table}_w\` (v) VALUES (?)`, [`w${Date.now()}`]);
  const cached = await redis.get(redisKey);
  res.status(201).json({ ok: true, cached });
});
const server = app.listen(Number(env('PORT')), '127.0.0.1');
process.on('SIGTERM', () => server.close(async () => { await pool.end(); redis.disconnect(); process.exit(0); }));
