/** Runs the three floors (issue 7 §1), each server in its own process, on the scratch MariaDB + Redis. */
import type { LoadPlan, LoadResult } from '../lib/load.ts';
import { measure } from '../lib/load.ts';
import { freePort, spawnNode, stopProc, waitForHttp } from '../lib/procs.ts';
import { createFloorTables, setRedisKey, BENCH_NS, type Scratch } from '../lib/backends.ts';

export interface FloorResults {
  readonly hello: LoadResult;
  readonly thinRead: LoadResult;
  readonly thinList: LoadResult;
  readonly thinInsert: LoadResult;
  readonly pkLoop: { rps: number; p50: number; p99: number };
}

const TABLE = 'floor_rows';
const ROWS = 10_000;

async function serve(name: string, script: string, env: Record<string, string>) {
  const port = await freePort();
  const proc = spawnNode(name, script, { ...env, PORT: String(port) });
  await waitForHttp(`http://127.0.0.1:${port}/`, { proc, timeoutMs: 20_000 });
  return { proc, url: `http://127.0.0.1:${port}` };
}

export async function runFloors(scratch: Scratch, plan: LoadPlan, log: (s: string) => void): Promise<FloorResults> {
  await createFloorTables(scratch.knex, TABLE, ROWS);
  const redisKey = `${BENCH_NS}:0:floor`;
  await setRedisKey(scratch.redisUrl, redisKey, 'cached-value');

  const hello = await serve('hello', 'bench/floors/hello-server.ts', {});
  const helloResult = await measure({ url: `${hello.url}/` }, plan, hello.proc.pid);
  await stopProc(hello.proc);
  log(`  hello: ${helloResult.rps} req/s, CPU ${helloResult.cpuMsPerRequest} ms/req`);

  const env = { MYSQL_URL: scratch.databaseUrl, REDIS_URL: scratch.redisUrl, FLOOR_TABLE: TABLE, FLOOR_ROWS: String(ROWS), FLOOR_REDIS_KEY: redisKey };
  const thin = await serve('thin', 'bench/floors/thin-server.ts', env);
  const thinRead = await measure({ url: `${thin.url}/` }, plan, thin.proc.pid);
  const thinList = await measure({ url: `${thin.url}/list` }, plan, thin.proc.pid);
  const thinInsert = await measure({ url: `${thin.url}/`, method: 'POST' }, plan, thin.proc.pid);
  await stopProc(thin.proc);
  log(`  thin handler: read ${thinRead.rps}, list-20 ${thinList.rps}, insert ${thinInsert.rps} req/s; CPU ${thinRead.cpuMsPerRequest} / ${thinList.cpuMsPerRequest} / ${thinInsert.cpuMsPerRequest} ms/req`);

  const loop = spawnNode('pk-loop', 'bench/floors/pk-loop.ts', { ...env, WARMUP_S: String(plan.warmupS), DURATION_S: String(plan.durationS) });
  const code = await loop.exited;
  const line = loop.tail().split('\n').reverse().find((l) => l.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`pk-loop failed (${code}):\n${loop.tail()}`);
  const pkLoop = JSON.parse(line) as { rps: number; p50: number; p99: number };
  log(`  mysql2 PK SELECT loop: ${pkLoop.rps} q/s`);
  return { hello: helloResult, thinRead, thinList, thinInsert, pkLoop };
}
