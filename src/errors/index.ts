export { AppError, appError, invalidParam, missingParam, isAppError } from './app-error.ts';
export type { ErrorType } from './catalog.ts';
