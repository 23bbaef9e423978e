// The console's only way to the server: Tenantry's published SDK (sdk/index.ts, served as
// /console/sdk.js with its types stripped) over the documented /v1 routes.
import { createClient, TenantryError } from '../sdk.js';

export { TenantryError };

/** The API lives beside the console: `/console/` → `/v1`. */
export const endpoint = new URL('../v1', document.baseURI).href;

/**
 * Tells the shell when the API stops accepting the console session (signed out elsewhere,
 * expired), so any page or form that hits it sends the owner back to sign-in.
 */
function watchSession(client, signedOutType) {
  return {
    async request(...args) {
      try {
        return await client.request(...args);
      } catch (err) {
        if (err instanceof TenantryError && err.code === 401 && err.type === signedOutType) window.dispatchEvent(new CustomEvent('console:signed-out'));
        throw err;
      }
    },
  };
}

/** Calls as the signed-in owner (the `a_session_console` cookie travels with same-origin requests). */
export const consoleApi = watchSession(createClient({ endpoint, project: 'console', credentials: 'same-origin' }), 'general_unauthorized_scope');

/**
 * Calls into one project as its owner: the console session plus `X-Appwrite-Mode: admin`
 * (Appwrite's admin mode), which is how the data browser reaches a project's databases.
 */
export function projectApi(projectId) {
  return watchSession(createClient({ endpoint, project: projectId, headers: { 'x-appwrite-mode': 'admin' }, credentials: 'same-origin' }), 'user_unauthorized');
}

/** Appwrite query strings, as the SDKs' `Query` helpers serialise them. */
export const Query = {
  limit: (n) => JSON.stringify({ method: 'limit', values: [n] }),
  cursorAfter: (id) => JSON.stringify({ method: 'cursorAfter', values: [id] }),
  cursorBefore: (id) => JSON.stringify({ method: 'cursorBefore', values: [id] }),
  orderAsc: (attr) => JSON.stringify({ method: 'orderAsc', attribute: attr }),
  orderDesc: (attr) => JSON.stringify({ method: 'orderDesc', attribute: attr }),
};

/** Is this the API saying the route doesn't exist on this server (an optional feature)? */
export function isMissingRoute(err) {
  return err instanceof TenantryError && err.type === 'general_route_not_found';
}

/** Is this the API saying we're not signed in (any more)? */
export function isSignedOut(err) {
  return err instanceof TenantryError && err.code === 401 && (err.type === 'general_unauthorized_scope' || err.type === 'user_unauthorized');
}
