/**
 * The shared suite fixture: a test server on one leg, an owner, a fresh project and an all-scopes
 * key, with the server's close registered on the suite's cleanup stack (so it runs, and the rest of
 * the stack still runs, whatever a test or `close()` throws).
 *
 *   const cleanup = useCleanup();
 *   before(async () => ({ server, call, project } = await withProject(leg, cleanup)));
 */
import { client, type Client } from './http.ts';
import { newOwner, newProject, type Owner, type Project } from './fixtures.ts';
import { startServer, type StartOptions, type TestServer } from './server.ts';
import type { Cleanup } from './cleanup.ts';
import type { Leg } from './legs.ts';

export interface ServerFixture { readonly server: TestServer; readonly call: Client }
export interface ProjectFixture extends ServerFixture { readonly owner: Owner; readonly project: Project }

/** Starts a test server whose close is on `cleanup`. */
export async function useServer(leg: Leg, cleanup: Cleanup, options: StartOptions = {}): Promise<ServerFixture> {
  const server = await startServer(leg, options);
  cleanup.defer(`test server [${leg.name}]`, () => server.close());
  return { server, call: client(server.url) };
}

/** A test server (closed by `cleanup`), an owner and a new project with an all-scopes key (or `scopes`). */
export async function withProject(leg: Leg, cleanup: Cleanup, options: StartOptions & { scopes?: string[] } = {}): Promise<ProjectFixture> {
  const { server, call } = await useServer(leg, cleanup, options);
  const owner = await newOwner(server);
  const project = await newProject(server, owner, { scopes: options.scopes });
  return { server, call, owner, project };
}
