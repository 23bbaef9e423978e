/**
 * Request IDs and one structured log line per request. The ID (the caller's `X-Request-Id` when
 * sane, else a new UUID) is echoed on every response, errors included.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.ts';

export function requestLog(logger: Logger) {
  return function log(req: Request, res: Response, next: NextFunction): void {
    const given = req.headers['x-request-id'];
    const requestId = (typeof given === 'string' ? given.slice(0, 64).replace(/[^\w.-]/g, '') : '') || randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = performance.now();
    res.on('finish', () => {
      logger.info({ reqId: requestId, method: req.method, path: req.route?.path ?? req.path, status: res.statusCode, ms: Math.round(performance.now() - started), project: req.headers['x-appwrite-project'] ?? 'console' }, 'request');
    });
    next();
  };
}
