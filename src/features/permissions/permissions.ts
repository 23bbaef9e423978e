/**
 * Permission strings — `read("any")`, `write("user:u1")`, `update("team:t1/owner")` — parsed and
 * validated as Appwrite does (utopia `Validator/Permissions.php`, `Roles.php`), and aggregated:
 * `write` expands to the types the resource allows (collections: create+update+delete; documents:
 * update+delete). The stored list is the aggregated, de-duplicated one.
 */
import { AppError, invalidParam } from '../../errors/index.ts';

export type PermissionType = 'read' | 'create' | 'update' | 'delete';
export const COLLECTION_PERMISSION_TYPES: readonly PermissionType[] = ['read', 'create', 'update', 'delete'];
export const DOCUMENT_PERMISSION_TYPES: readonly PermissionType[] = ['read', 'update', 'delete'];
export const MAX_PERMISSIONS = 100;

const PERMISSION = /^(read|create|update|delete|write)\("([^"]*)"\)$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;
const LABEL = /^[A-Za-z0-9]{1,36}$/;
const TEAM_ROLE = /^[A-Za-z0-9._-]{1,81}$/;

export interface ParsedPermissions {
  /** Aggregated strings as stored and returned (`write` expanded), in a stable order. */
  readonly list: readonly string[];
  /** (type, role) pairs for the `_perms` side table. */
  readonly pairs: ReadonlyArray<{ readonly type: PermissionType; readonly role: string }>;
}

/** Validates one role string; returns it unchanged or throws a 400 naming the problem. */
export function validateRole(role: string, param = 'permissions'): string {
  if (role === '*') throw invalidParam(param, 'Wildcard permission "*" has been replaced. Use "any" instead.');
  if (role.includes('role:')) throw invalidParam(param, 'Permissions using the "role:" prefix have been replaced. Use "users", "guests", or "any" instead.');
  const [head, dimension] = splitOnce(role, '/');
  const [name, identifier] = splitOnce(head, ':');
  switch (name) {
    case 'any': case 'guests':
      if (identifier !== undefined || dimension !== undefined) throw invalidParam(param, `Role "${name}" can not have an ID or dimension value.`);
      return role;
    case 'users':
      if (identifier !== undefined) throw invalidParam(param, 'Role "users" can not have an ID value.');
      if (dimension !== undefined && !['verified', 'unverified'].includes(dimension)) throw invalidParam(param, 'Only "verified" and "unverified" are allowed dimensions for role "users".');
      return role;
    case 'user':
      if (!identifier || !ID.test(identifier)) throw invalidParam(param, `Role "user" must have a valid ID value: "${role}".`);
      if (dimension !== undefined && !['verified', 'unverified'].includes(dimension)) throw invalidParam(param, 'Only "verified" and "unverified" are allowed dimensions for role "user".');
      return role;
    case 'team':
      if (!identifier || !ID.test(identifier)) throw invalidParam(param, `Role "team" must have a valid ID value: "${role}".`);
      if (dimension !== undefined && !TEAM_ROLE.test(dimension)) throw invalidParam(param, `Role "team" has an invalid dimension: "${role}".`);
      return role;
    case 'member':
      if (!identifier || !ID.test(identifier) || dimension !== undefined) throw invalidParam(param, `Role "member" must have a valid ID value and no dimension: "${role}".`);
      return role;
    case 'label':
      if (!identifier || !LABEL.test(identifier) || dimension !== undefined) throw invalidParam(param, `Role "label" must have a valid label value and no dimension: "${role}".`);
      return role;
    default:
      throw invalidParam(param, `Role "${name}" is not allowed. Must be one of: any, guests, users, user, team, member, label.`);
  }
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** Parses, validates and aggregates a permission list for a resource that allows `allowed` types. */
export function parsePermissions(input: readonly unknown[], allowed: readonly PermissionType[], param = 'permissions'): ParsedPermissions {
  if (input.length > MAX_PERMISSIONS) throw invalidParam(param, `Value must be an array of at most ${MAX_PERMISSIONS} permission strings.`);
  const seen = new Set<string>();
  const pairs: Array<{ type: PermissionType; role: string }> = [];
  for (const raw of input) {
    if (typeof raw !== 'string') throw invalidParam(param, 'Every permission must be a string such as read("any").');
    const m = PERMISSION.exec(raw.trim());
    if (!m) throw invalidParam(param, `Permission "${raw}" is not valid. Use the form read("role"), e.g. read("any") or update("user:ID").`);
    const type = m[1] as PermissionType | 'write';
    const role = validateRole(m[2]!, param);
    if (type !== 'write' && !allowed.includes(type)) {
      throw invalidParam(param, `Permission "${raw}" is not allowed. Must be one of: ${[...allowed, 'write'].join(', ')}.`);
    }
    const types = type === 'write' ? allowed.filter((t) => t !== 'read') : [type];
    for (const t of types) {
      const key = `${t}("${role}")`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ type: t, role });
    }
  }
  return { list: pairs.map((p) => `${p.type}("${p.role}")`), pairs };
}

/** The roles a stored list grants for one type. */
export function rolesFor(list: readonly string[], type: PermissionType): string[] {
  const out: string[] = [];
  for (const p of list) {
    const m = PERMISSION.exec(p);
    if (m && m[1] === type) out.push(m[2]!);
  }
  return out;
}

/** True when any of the caller's roles appears in the list for `type`. */
export function allows(list: readonly string[], type: PermissionType, roles: readonly string[]): boolean {
  const granted = rolesFor(list, type);
  return granted.some((r) => roles.includes(r));
}

/** Clients may only grant roles they hold themselves (Appwrite's rule); keys and admins may grant any. */
export function assertGrantable(pairs: ParsedPermissions['pairs'], callerRoles: readonly string[]): void {
  const missing = pairs.filter((p) => !callerRoles.includes(p.role));
  if (missing.length) {
    throw new AppError('user_unauthorized', { message: `Permissions must be one of: (${callerRoles.join(', ')})` });
  }
}
