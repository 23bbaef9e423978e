/**
 * Request IDs and one structured log line per request. The ID (the caller's `X-Request-Id` when
 * sane, else a new UUID) is echoed on every response, errors included.
 *
 * Kept cheap because it runs on every request: one shared `finish` handler (no closure per
 * request), the line built from a template by `requestLineWriter` and written through the
 * logger's non-blocking, batched output, and no listener at all while `info` is off.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestLineWriter, type Logger } from '../logger.ts';

/** A caller's request ID is used as is when it is already what we would keep of it. */
const SANE_ID = /^[\w.-]{1,64}$/;

interface Timed { requestId: string; requestStarted: number }

export function requestLog(logger: Logger) {
  const write = requestLineWriter(logger);
  function finished(this: Response): void {
    const req = this.req;
    const locals = this.locals as Timed;
    const project = req.headers['x-appwrite-project'];
    const route = req.route?.path as string | undefined;
    write(locals.requestId, req.method, route, route === undefined ? req.path : '', this.statusCode, Math.round(performance.now() - locals.requestStarted), typeof project === 'string' ? project : 'console');
  }
  return function log(req: Request, res: Response, next: NextFunction): void {
    const given = req.headers['x-request-id'];
    const requestId = typeof given !== 'string' ? randomUUID() : SANE_ID.test(given) ? given : given.slice(0, 64).replace(/[^\w.-]/g, '') || randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    if (logger.isLevelEnabled('info')) {
      res.locals.requestStarted = performance.now();
      res.on('finish', finished);
    }
    next();
  };
}
