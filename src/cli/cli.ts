/**
 * `npx tenantry <command>` for operators and scripts: migrate, owner create, project create,
 * key create. Reads the same environment as the server; `--json` prints machine-readable output.
 */
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openRuntime } from '../runtime.ts';
import { createServices } from '../services.ts';
import { migrateAll } from '../db/migrate.ts';
import { AppError } from '../errors/index.ts';
import { keyModel } from '../features/keys/keys.service.ts';
import { projectModel } from '../features/projects/projects.service.ts';
import { ownerModel } from '../features/console/owners.service.ts';
import { describeDatabase } from './where.ts';

const USAGE = `Usage: tenantry <command> [options] [--json]
  migrate                                         apply pending migrations
  owner create --email E --password P [--name N]  create a console owner (the first is root)
  project create --id ID --name NAME [--owner EMAIL]
  key create --project ID --scopes a,b,... [--name N] [--expire ISO8601]   prints the secret once
Configuration comes from the environment (DATABASE_URL, REDIS_URL, TENANTRY_NAMESPACE, TENANTRY_LAYOUT, …):
give a command the same values as the server (\`npm start\` prints them when they aren't the defaults).
Each command says on stderr which database it uses.`;

type Values = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  return parseArgs({
  args,
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
    email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' },
    owner: { type: 'string' }, project: { type: 'string' }, scopes: { type: 'string' }, expire: { type: 'string' },
  },
  });
}

class UsageError extends Error {}
/** A failure explained in its message alone (exit 1, no usage text). */
class CliError extends Error {}

/** Runs one CLI command; returns the exit code. `bin/tenantry.js` hands it argv and the environment. */
export async function runCli(args: string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  try {
    return await run(args, env);
  } catch (e) {
    if (e instanceof UsageError) console.error(`tenantry: ${e.message}\n\n${USAGE}`);
    else if (e instanceof ConfigError) console.error(`tenantry: invalid configuration: ${e.message}`);
    else if (e instanceof AppError) console.error(`tenantry: ${e.message} (${e.type})`);
    else console.error(`tenantry: ${(e as Error).message}`);
    return e instanceof UsageError ? 2 : 1;
  }
}

async function run(args: string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const { values, positionals } = parse(args);
  const out = (human: string, data: unknown) => console.log(values.json ? JSON.stringify(data) : human);
  const need = (name: keyof Values): string => {
    const v = values[name];
    if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
    return v;
  };
  const command = positionals.join(' ');
  if (values.help || command === '') { console.log(USAGE); return command === '' && !values.help ? 2 : 0; }
  const config = parseConfig(env);
  // stderr, so `--json` output stays one JSON document.
  console.error(`tenantry: ${describeDatabase(config)}`);
  const logger = createLogger('warn');
  const runtime = await openRuntime(config, logger, { migrate: command === 'migrate' ? 'never' : 'if-empty' });
  try {
    const services = createServices(runtime);
    switch (command) {
      case 'migrate': {
        const applied = await migrateAll(runtime.database);
        out(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to migrate', { applied });
        return 0;
      }
      case 'owner create': {
        const owner = await services.owners.signUp({ userId: 'unique()', email: need('email'), password: need('password'), name: values.name ?? '' }).catch(async (e: unknown) => {
          // Sign-up is closed because an owner exists: say that, not "closed" (a fresh database is never closed).
          if (e instanceof AppError && e.type === 'general_access_forbidden' && await services.owners.count() > 0) {
            throw new CliError('an owner already exists in this database: sign in as that owner (console, or POST /v1/account/sessions/email), or run this with TENANTRY_OPEN_SIGNUP=true to add another owner');
          }
          throw e;
        });
        out(`owner ${owner.email} created (${owner.isRoot ? 'root' : 'owner'}, id ${owner.id})`, ownerModel(owner));
        return 0;
      }
      case 'project create': {
        const owner = values.owner ? await services.owners.findByEmail(values.owner) : await services.owners.root();
        if (!owner) throw new UsageError(values.owner ? `no owner with email ${values.owner}` : 'create an owner first: tenantry owner create --email … --password …');
        const project = await services.projects.create({ ownerId: owner.id, isRoot: owner.isRoot }, { projectId: need('id'), name: need('name') });
        out(`project ${project.id} created`, projectModel(project));
        return 0;
      }
      case 'key create': {
        const project = await services.projects.resolve(need('project'));
        if (!project) throw new UsageError(`no project ${values.project}`);
        const { key, secret } = await services.keys.create(project.sequence, { name: values.name ?? 'cli key', scopes: need('scopes').split(',').map((s) => s.trim()).filter(Boolean), expire: values.expire ?? null });
        out(secret, keyModel(key, secret));
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await runtime.close();
  }
}

