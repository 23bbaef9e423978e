/**
 * JSON bodies on every method (the SDKs send bodies with DELETE too), size-capped, then checked
 * iteratively — before any recursive code sees them — for prototype keys and absurd nesting.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../errors/index.ts';
import { bytesMayHoldBigIntegers, parseExact } from '../lib/exact-json.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_BODY_DEPTH = 32;

export function jsonBody(limitBytes: number) {
  const parse = express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'], strict: false, verify: keepLongDigits });
  // A body with a 16-digit run may hold integers beyond 2^53: parsed again, exactly (BigInt), from its text.
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (err?: unknown) => {
      const text = (req as { [EXACT]?: string })[EXACT];
      if (!err && text !== undefined) req.body = parseExact(text);
      next(err);
    });
  };
}

const EXACT = Symbol('exact JSON text');
/** Looks at the raw bytes (a skip scan: ~1 µs for a 400-byte body); only a hit decodes the text again. */
function keepLongDigits(req: Request, _res: Response, buf: Buffer): void {
  if (bytesMayHoldBigIntegers(buf)) (req as { [EXACT]?: string })[EXACT] = buf.toString('utf8');
}

/** Throws on `__proto__` / `constructor` / `prototype` keys at any depth, or nesting beyond MAX_BODY_DEPTH. */
export function assertSafeJson(value: unknown, what = 'body'): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) throw new AppError('general_argument_invalid', { message: `The ${what} is nested too deeply (max ${MAX_BODY_DEPTH}).` });
    if (Array.isArray(node)) { for (const v of node) stack.push([v, depth + 1]); continue; }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) throw new AppError('general_argument_invalid', { message: `The ${what} contains the forbidden key "${key}".` });
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
}

export function safeBody(req: Request, _res: Response, next: NextFunction): void {
  assertSafeJson(req.body);
  next();
}
