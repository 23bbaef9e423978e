/**
 * Session delivery, as Appwrite does it: the `a_session_{project}` cookie and its `_legacy` twin,
 * plus `X-Fallback-Cookies` when the request is not same-site (no Origin, or another site) — the web
 * SDK keeps that in localStorage and sends it back when third-party cookies are blocked.
 */
import type { RequestContext } from './context.ts';
import type { Reply } from './route.ts';
import { sessionCookieName } from './cookies.ts';

export function deliverSession(reply: Reply, ctx: RequestContext, projectId: string, token: string, expire: Date, publicUrl: string): void {
  const name = sessionCookieName(projectId);
  const secure = publicUrl.startsWith('https:');
  reply.setCookie(name, token, { expires: expire, httpOnly: true, sameSite: secure ? 'none' : 'lax', secure });
  reply.setCookie(`${name}_legacy`, token, { expires: expire, httpOnly: true, sameSite: false, secure });
  const sameSite = ctx.origin !== null && sameRegistrableHost(ctx.origin, publicUrl);
  if (!sameSite) reply.setHeader('X-Fallback-Cookies', JSON.stringify({ [name]: token }));
}

export function clearSession(reply: Reply, projectId: string): void {
  const name = sessionCookieName(projectId);
  reply.clearCookie(name);
  reply.clearCookie(`${name}_legacy`);
}

function sameRegistrableHost(origin: string, publicUrl: string): boolean {
  try {
    const a = new URL(origin).hostname.split('.').slice(-2).join('.');
    const b = new URL(publicUrl).hostname.split('.').slice(-2).join('.');
    return a === b;
  } catch {
    return false;
  }
}
