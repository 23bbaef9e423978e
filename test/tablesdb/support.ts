/** Helpers for the TablesDB tests, and the TablesDB rows of the cross-tenant isolation matrix. */
import { BODY_IN, PARAMS_IN, twinPath } from '../../src/features/tablesdb/tablesdb-map.ts';

const invert = (m: Readonly<Record<string, string>>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const PARAMS_OUT = invert(PARAMS_IN);
const BODY_OUT = invert(BODY_IN);
const rename = (o: Readonly<Record<string, unknown>>, map: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [map[k] ?? k, v]));

interface MatrixEntry<Ids, Kind extends string> {
  readonly params?: Readonly<Record<string, Kind>>;
  readonly body?: (ids: Ids) => unknown;
  readonly x6Skip?: Readonly<Record<string, string>>;
  /** A Databases-only route (an SDK path alias) that has no TablesDB twin. */
  readonly noTwin?: boolean;
}

/**
 * The isolation matrix's entries for the TablesDB twins, derived from the Databases entries (`METHOD
 * /databases…`): TablesDB path and param names, the same ids, the body under TablesDB field names.
 */
export function tablesDbMatrixEntries<Ids, Kind extends string>(entries: Readonly<Record<string, MatrixEntry<Ids, Kind>>>): Record<string, MatrixEntry<Ids, Kind>> {
  const out: Record<string, MatrixEntry<Ids, Kind>> = {};
  for (const [key, e] of Object.entries(entries)) {
    const [method, path] = key.split(' ') as [string, string];
    if (!path.startsWith('/databases') || e.noTwin) continue;
    const body = e.body;
    out[`${method} ${twinPath(path)}`] = {
      ...(e.params ? { params: rename(e.params, PARAMS_OUT) as Record<string, Kind> } : {}),
      ...(body ? { body: (ids: Ids) => { const b = body(ids); return b && typeof b === 'object' && !Array.isArray(b) ? rename(b as Record<string, unknown>, BODY_OUT) : b; } } : {}),
      ...(e.x6Skip ? { x6Skip: rename(e.x6Skip, PARAMS_OUT) as Record<string, string> } : {}),
    };
  }
  return out;
}
