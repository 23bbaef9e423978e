/**
 * Serves the web console at `/console` (outside `/v1`, same origin as the API so the
 * `a_session_console` cookie just works). A plain node request handler, so it mounts in express
 * (`app.use('/console', consoleUi())`) without this feature importing express.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConsoleAssets, type Asset, type AssetMap } from './console-assets.ts';

type Next = (err?: unknown) => void;

export interface ConsoleUiOptions {
  /** Asset loader (tests may inject one); defaults to the repository's `console/` and `sdk/`. */
  readonly load?: () => Promise<AssetMap>;
}

/**
 * The console only talks to its own origin; no inline script or style, no framing.
 * `connect-src 'self'` is also why the console never needs CORS.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export type ConsoleUiHandler = ((req: IncomingMessage, res: ServerResponse, next: Next) => void) & {
  /** Loads (and caches) the assets now, e.g. at start-up, instead of on the first request. */
  warm(): Promise<void>;
};

export function consoleUi(options: ConsoleUiOptions = {}): ConsoleUiHandler {
  const load = options.load ?? (() => loadConsoleAssets());
  // Loaded on first use (no I/O at construction, per createApp's contract), then cached for the process.
  let assets: Promise<AssetMap> | null = null;
  const getAssets = (): Promise<AssetMap> => {
    assets ??= load().catch((err: unknown) => { assets = null; throw err; });
    return assets;
  };

  const handler = (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') { next(); return; }
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    const original = new URL((req as { originalUrl?: string }).originalUrl ?? req.url ?? '/', 'http://console.invalid');
    // `/console` → `/console/`, so the page's relative asset URLs resolve under the mount point.
    if (url.pathname === '/' && !original.pathname.endsWith('/')) {
      res.statusCode = 308;
      res.setHeader('Location', `${original.pathname}/${original.search}`);
      res.end();
      return;
    }
    const name = url.pathname === '/' ? 'index.html' : safeDecode(url.pathname.slice(1));
    getAssets().then((map) => {
      const found = name === null ? undefined : map.get(name);
      if (!found) { next(); return; }
      send(req, res, found);
    }, next);
  };
  return Object.assign(handler, { warm: async () => { await getAssets(); } });
}

function safeDecode(path: string): string | null {
  try { return decodeURIComponent(path); } catch { return null; }
}

function send(req: IncomingMessage, res: ServerResponse, asset: Asset): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  res.setHeader('Content-Type', asset.contentType);
  res.setHeader('ETag', asset.etag);
  // Revalidate every time: the console changes with the server, and a 304 costs almost nothing.
  res.setHeader('Cache-Control', 'no-cache');
  if (req.headers['if-none-match'] === asset.etag) { res.statusCode = 304; res.end(); return; }
  res.statusCode = 200;
  res.setHeader('Content-Length', String(asset.body.length));
  res.end(req.method === 'HEAD' ? undefined : asset.body);
}
