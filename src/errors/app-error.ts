import { ERROR_CATALOG, type ErrorType } from './catalog.ts';

/**
 * The one error base of Tenantry. Its status and `type` are fixed by the catalog, so a route can't
 * answer `document_not_found` with anything but 404; the message defaults to the catalog's text
 * with `%s` filled from `params`.
 */
export class AppError extends Error {
  readonly type: ErrorType;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;

  constructor(type: ErrorType, options: { message?: string; params?: readonly string[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    const [status, template] = ERROR_CATALOG[type];
    super(options.message ?? fill(template, options.params ?? []), { cause: options.cause });
    this.name = 'AppError';
    this.type = type;
    this.status = status;
    this.headers = Object.freeze({ ...(options.headers ?? {}) });
  }
}

function fill(template: string, params: readonly string[]): string {
  let i = 0;
  return template.replace(/%s/g, () => params[i++] ?? '');
}

/** Shorthand for the many call sites that only name the type and the ID in the message. */
export function appError(type: ErrorType, ...params: string[]): AppError {
  return new AppError(type, { params });
}

/** 400 general_argument_invalid with Appwrite's "Invalid `param` param: …" wording. */
export function invalidParam(param: string, why: string): AppError {
  return new AppError('general_argument_invalid', { message: `Invalid \`${param}\` param: ${why}` });
}

export function missingParam(param: string): AppError {
  return new AppError('general_argument_invalid', { message: `Param "${param}" is not optional.` });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
