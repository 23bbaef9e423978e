/**
 * Which database (and table namespace) a server or CLI command works on, said so an operator can
 * tell, and the environment a `npx tenantry …` command needs to reach the same one. Passwords in
 * URLs never appear: they become `<password>`.
 */
import type { Config } from '../config.ts';

const DEFAULT_DATABASE_URL = 'sqlite:./data/tenantry.db';

/** `mysql://u:secret@h/db` → `mysql://u:<password>@h/db` (up to the last `@` of the authority: a raw `@` in it hides too). */
export function withoutPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:@/]*):[^/]*@/i, '$1:<password>@');
}

/** One line for the CLI: `database sqlite:./data/tenantry.db (namespace tn, layout shared)`. */
export function describeDatabase(config: Config): string {
  return `database ${withoutPassword(config.database.url)} (namespace ${config.namespace}, layout ${config.layout})`;
}

/**
 * The variables a CLI command must be given to act on this server's data: those that differ from
 * their defaults among DATABASE_URL, TENANTRY_NAMESPACE and TENANTRY_LAYOUT, shell-quoted, each
 * followed by a space ('' when all are defaults).
 */
export function cliEnvPrefix(config: Config): string {
  const vars: [string, string][] = [];
  if (config.database.url !== DEFAULT_DATABASE_URL) vars.push(['DATABASE_URL', withoutPassword(config.database.url)]);
  if (config.namespace !== 'tn') vars.push(['TENANTRY_NAMESPACE', config.namespace]);
  if (config.layout !== 'shared') vars.push(['TENANTRY_LAYOUT', config.layout]);
  return vars.map(([name, value]) => `${name}=${shellQuote(value)} `).join('');
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
