/** Library mode: build the app yourself and mount it where you like. */
export { createApp, createTenantry, type AppOptions, type TenantryApp } from './app.ts';
export { parseConfig, ConfigError, type Config } from './config.ts';
export { openRuntime, type Runtime } from './runtime.ts';
export { createLogger } from './logger.ts';
export { AppError } from './errors/index.ts';
