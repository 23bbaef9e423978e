/**
 * The server entry point: the only module that reads `process.env` or exits.
 * It turns on Node's on-disk compile cache first (cold start), then loads and runs the server.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { runServer } = await import('./server.ts');
await runServer(process.env, {
  exit: (code) => process.exit(code),
  onSignal: (signal, handler) => process.on(signal, handler),
  stdout: process.stdout,
  stderr: process.stderr,
});
