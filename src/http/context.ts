/**
 * The request context: built once per request by `authenticate`, frozen, and passed explicitly to
 * handlers and services. Nothing reads "the current request" from a global.
 */
import type { Project } from '../features/projects/projects.service.ts';
import type { ApiKey } from '../features/keys/keys.service.ts';
import type { Owner } from '../features/console/owners.service.ts';
import type { SessionRecord } from '../features/sessions/sessions.service.ts';
import type { ProjectScope } from '../db/scope.ts';

/** A project end user as the request context needs it (filled by the account feature). */
export interface ContextUser {
  readonly id: string;
  readonly email: string | null;
  readonly name: string;
  readonly status: boolean;
  readonly emailVerification: boolean;
  readonly labels: readonly string[];
}

export type Principal =
  | { readonly kind: 'guest' }
  | { readonly kind: 'owner'; readonly owner: Owner; readonly session: SessionRecord }
  /** A console owner working on one of their projects (`X-Appwrite-Mode: admin`): acts like a key with every scope. */
  | { readonly kind: 'admin'; readonly owner: Owner; readonly session: SessionRecord }
  | { readonly kind: 'key'; readonly key: ApiKey }
  | { readonly kind: 'user'; readonly user: ContextUser; readonly session: SessionRecord; readonly via: 'session' | 'jwt' };

export interface RequestContext {
  readonly requestId: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly origin: string | null;
  /** The addressed project; null for the console. */
  readonly project: Project | null;
  /**
   * The project's data access, minted by authentication from `project` (null with it): the only way a
   * request reaches a project's tables. Services take it (`scopeOf(ctx)`), never build their own.
   */
  readonly scope: ProjectScope | null;
  readonly principal: Principal;
  /** Permission roles (`any`, `guests`, `users`, `user:ID`, `team:T/R`, `label:L`, …). */
  readonly roles: readonly string[];
  readonly scopes: ReadonlySet<string>;
}

/** Keys and console admins bypass document permissions (bounded by their scopes); clients never do. */
export function isPrivileged(ctx: RequestContext): boolean {
  return ctx.principal.kind === 'key' || ctx.principal.kind === 'admin';
}

export function requireProject(ctx: RequestContext): Project {
  if (!ctx.project) throw new Error('route reached without a project (access declaration is wrong)');
  return ctx.project;
}

/** The request's project scope; a project route without one is a wiring bug (never "no tenant"). */
export function scopeOf(ctx: RequestContext): ProjectScope {
  if (!ctx.scope) throw new Error('route reached without a project scope (access declaration is wrong)');
  return ctx.scope;
}
