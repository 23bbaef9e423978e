/**
 * Errors → Appwrite-shaped bodies `{message, code, type, version}` with `code` equal to the HTTP
 * status. Unknown errors answer 500 `general_unknown` with no internals; the detail goes to the log.
 */
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/index.ts';
import type { Logger } from '../logger.ts';

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; expose?: boolean };
  // body-parser's own errors (they carry `type`), mapped to stable types.
  if (e?.type === 'entity.parse.failed') return new AppError('general_argument_invalid', { message: 'The request body is not valid JSON.' });
  if (e?.type === 'entity.too.large') return new AppError('general_payload_too_large');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new AppError('general_argument_invalid', { message: 'Unsupported request body encoding.' });
  return new AppError('general_unknown', { cause: err });
}

export function errorHandler(logger: Logger, version: string) {
  return function handle(err: unknown, req: Request, res: Response, _next: NextFunction): void {
    const appErr = toAppError(err);
    if (appErr.status >= 500) {
      logger.error({ err: err instanceof AppError ? (err.cause ?? err) : err, reqId: res.locals.requestId, path: req.path }, 'request failed');
    }
    if (res.headersSent) { res.end(); return; }
    for (const [k, v] of Object.entries(appErr.headers)) res.setHeader(k, v);
    res.setHeader('Cache-Control', 'no-cache, no-store, must-revalidate');
    res.setHeader('Expires', '0');
    res.setHeader('Pragma', 'no-cache');
    res.status(appErr.status).json({ message: appErr.message, code: appErr.status, type: appErr.type, version });
  };
}

export function routeNotFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('general_route_not_found'));
}
