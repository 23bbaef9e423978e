/**
 * Cold start alone (process start → first /v1/health 200 on the embedded default, median of N, 5
 * by default), plus the server's RSS right after start-up: `node bench/cold-only.ts [N]`.
 */
import { coldStart } from './cold-start.ts';

const runs = Number(process.argv[2] ?? 5);
const result = await coldStart(runs);
console.log(`cold start: median ${result.medianMs} ms over ${runs} (runs ${result.runsMs.join(', ')}; first boot ${result.firstBootMs} ms)`);
