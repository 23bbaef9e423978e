/**
 * The console's static assets, loaded once and kept in memory: every file under `console/`, plus
 * the typed SDK (`sdk/index.ts`) turned into browser JavaScript with Node's own type stripper —
 * so the console needs no build step and talks to the API only through the published client.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

/** URL path below `/console/` (e.g. `js/app.js`, `sdk.js`) → asset. */
export type AssetMap = ReadonlyMap<string, Asset>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CONSOLE_DIR = join(ROOT, 'console');
export const SDK_SOURCE = join(ROOT, 'sdk', 'index.ts');

function asset(body: Buffer, contentType: string): Asset {
  return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The SDK as an ES module a browser can import (types erased; line numbers kept for debugging). */
export function sdkForBrowser(source: string): string {
  return stripTypeScriptTypes(source, { mode: 'strip' });
}

/**
 * Reads the console directory and strips the SDK. Only files found here can ever be served — the
 * request path is a map key, never joined onto the file system, so there is no traversal to guard.
 */
export async function loadConsoleAssets(consoleDir = CONSOLE_DIR, sdkSource = SDK_SOURCE): Promise<AssetMap> {
  const assets = new Map<string, Asset>();
  for (const file of await listFiles(consoleDir)) {
    const type = CONTENT_TYPES[extname(file).toLowerCase()];
    if (!type) continue;
    assets.set(relative(consoleDir, file).split(sep).join('/'), asset(await readFile(file), type));
  }
  const sdk = sdkForBrowser(await readFile(sdkSource, 'utf8'));
  assets.set('sdk.js', asset(Buffer.from(sdk, 'utf8'), CONTENT_TYPES['.js']!));
  return assets;
}
