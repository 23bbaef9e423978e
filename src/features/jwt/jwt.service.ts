/**
 * Project JWTs (`POST /account/jwts`): HS256 only, signed with the project's own random secret,
 * `aud` = project ID, payload `{userId, sessionId, exp}`. Verification pins the algorithm (so
 * `alg: none` and key-confusion tricks fail), requires `exp` (jsonwebtoken would otherwise accept a
 * token without one forever) and the audience; the caller then checks the session is still alive,
 * which is what makes sign-out, blocking and password changes revoke JWTs at once.
 */
import jwt from 'jsonwebtoken';
import { AppError } from '../../errors/index.ts';
import type { Project } from '../projects/projects.service.ts';

export const JWT_DEFAULT_SECONDS = 900;
export const JWT_MAX_SECONDS = 3600;
/** A secret shorter than this is a placeholder or a bug: refuse to sign or verify with it. */
const MIN_SECRET_LENGTH = 32;

export interface JwtClaims { readonly userId: string; readonly sessionId: string; readonly exp: number }

function secretOf(project: Project): string {
  const secret = project.jwtSecret;
  if (!secret || secret.length < MIN_SECRET_LENGTH || /^(changeme|secret|placeholder)/i.test(secret)) {
    throw new Error(`project ${project.id} has an empty or placeholder JWT secret`);
  }
  return secret;
}

export function signJwt(project: Project, claims: { userId: string; sessionId: string }, durationSeconds = JWT_DEFAULT_SECONDS): string {
  const exp = Math.floor(Date.now() / 1000) + durationSeconds;
  return jwt.sign({ userId: claims.userId, sessionId: claims.sessionId, exp }, secretOf(project), { algorithm: 'HS256', audience: project.id, noTimestamp: true });
}

/** The token's claims, or 401 user_jwt_invalid (forged, tampered, expired, other project, no `exp`). */
export function verifyJwt(project: Project, token: string): JwtClaims {
  const invalid = () => new AppError('user_jwt_invalid', { message: 'Failed to verify JWT. The JWT is invalid, expired or does not belong to this project.' });
  let payload: unknown;
  try {
    payload = jwt.verify(token, secretOf(project), { algorithms: ['HS256'], audience: project.id, complete: false });
  } catch {
    throw invalid();
  }
  const p = payload as Record<string, unknown> | null;
  if (!p || typeof p !== 'object' || typeof p.exp !== 'number' || typeof p.userId !== 'string' || typeof p.sessionId !== 'string') throw invalid();
  const now = Math.floor(Date.now() / 1000);
  // We never mint a token living longer than JWT_MAX_SECONDS: a later `exp` was not made here.
  if (p.exp <= now || p.exp > now + JWT_MAX_SECONDS + 60) throw invalid();
  return { userId: p.userId, sessionId: p.sessionId, exp: p.exp };
}
