/** Floor 1: a bare express 5 "hello" server — the ceiling of any express app on this machine. */
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.get('/', (_req, res) => { res.json({ hello: 'world' }); });
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
