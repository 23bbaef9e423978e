/**
 * JSON bodies on every method (the SDKs send bodies with DELETE too), size-capped, then checked
 * iteratively — before any recursive code sees them — for prototype keys and absurd nesting.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../errors/index.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_BODY_DEPTH = 32;

export function jsonBody(limitBytes: number) {
  return express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'], strict: false });
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
