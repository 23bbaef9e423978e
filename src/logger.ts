import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Structured JSON logs (pino). Request IDs are added per line by the request logger. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, base: { service: 'tenantry' }, redact: ['req.headers.cookie', 'req.headers["x-appwrite-key"]'] }, destination as never);
}
