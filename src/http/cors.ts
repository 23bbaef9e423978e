/**
 * CORS from per-project allow-lists. Only an exact, listed origin is echoed, always with
 * `Vary: Origin` and credentials — never `*`, never a blind echo. Preflights carry no project
 * header value, so they are answered for origins some project lists (or the console's own); the
 * actual request is then checked against the addressed project's list, which is what the browser enforces.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Services } from '../services.ts';
import { TtlCache } from '../lib/ttl-cache.ts';

const ALLOWED_HEADERS = [
  'Accept', 'Origin', 'Cookie', 'Set-Cookie', 'Content-Type', 'Content-Range', 'X-Appwrite-Project', 'X-Appwrite-Key',
  'X-Appwrite-Locale', 'X-Appwrite-Mode', 'X-Appwrite-JWT', 'X-Appwrite-Response-Format', 'X-Appwrite-Timeout',
  'X-Appwrite-ID', 'X-Appwrite-Timestamp', 'X-Appwrite-Session', 'X-SDK-Version', 'X-SDK-Name', 'X-SDK-Language',
  'X-SDK-Platform', 'X-SDK-GraphQL', 'X-SDK-Profile', 'Range', 'Cache-Control', 'Expires', 'Pragma', 'X-Fallback-Cookies',
  'X-Requested-With', 'X-Forwarded-User-Agent', 'X-Request-Id',
].join(', ');
const EXPOSED_HEADERS = 'X-Appwrite-Session, X-Fallback-Cookies, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, X-Request-Id';

export function corsMiddleware(services: Services, consoleOrigin: string) {
  const union = new TtlCache<Set<string>>(5_000, 1);

  async function allowed(req: Request, origin: string): Promise<boolean> {
    if (origin === consoleOrigin) return true;
    if (req.method === 'OPTIONS') {
      const all = await union.getOrLoad('all', () => services.projects.allOrigins());
      return all?.has(origin) ?? false;
    }
    const projectId = req.headers['x-appwrite-project'] ?? req.query.project;
    if (typeof projectId !== 'string' || projectId === 'console') return false;
    const project = await services.projects.resolve(projectId);
    return project?.origins.includes(origin) ?? false;
  }

  return async function cors(req: Request, res: Response, next: NextFunction): Promise<void> {
    const origin = req.headers.origin;
    // Nothing has set Vary yet on this path: set it outright (express's vary() parses and rebuilds the header).
    if (res.getHeader('Vary') === undefined) res.setHeader('Vary', 'Origin');
    else res.vary('Origin');
    if (typeof origin === 'string' && (await allowed(req, origin).catch(() => false))) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
      }
    }
    if (req.method === 'OPTIONS') { res.status(204).end(); return; }
    next();
  };
}
