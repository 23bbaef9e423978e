/**
 * `/v1/tablesdb/...`: Appwrite's TablesDB API as a translation layer over the legacy Databases routes
 * (one implementation, as in Appwrite, whose TablesDB route classes extend their legacy twins). Each
 * legacy route named in `TWINS` gets a twin here: TablesDB params and body fields are renamed in,
 * `$tableId` is stripped from row data, models and list keys are renamed out, and errors thrown by
 * the shared logic are re-typed (`document_not_found` → `row_not_found`, …). A table made through
 * either API is the same collection with the same rows.
 */
import { AppError, isAppError } from '../../errors/index.ts';
import { route, type Call, type OperationId, type RouteDef } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import { databaseModel } from '../databases/databases.service.ts';
import {
  BODY_IN, ERROR_TWINS, MODEL_OUT, PARAMS_IN, TWINS, renameKeys, resourceOf, twinMessage, twinPath, twinScopes, twinWords, type Resource,
} from './tablesdb-map.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Row data minus `$tableId` (Appwrite strips it in the TablesDB context, as `$collectionId` in the legacy one). */
function stripTableId(data: unknown): unknown {
  if (!isObject(data) || !('$tableId' in data)) return data;
  const { $tableId: _, ...rest } = data;
  return rest;
}

/** Fields a table list may be queried on, TablesDB → legacy (row queries name columns: those stay as sent). */
const TABLE_QUERY_FIELDS: Readonly<Record<string, string>> = { rowSecurity: 'documentSecurity' };

/** A query (JSON text, nested `and`/`or` included) with its field names renamed; text that isn't a query is left to the validator. */
function renameQuery(text: unknown, map: Readonly<Record<string, string>>): unknown {
  if (typeof text !== 'string') return text;
  const walk = (q: unknown): unknown => {
    if (!isObject(q)) return q;
    const out: Json = { ...q };
    if (typeof q.attribute === 'string' && map[q.attribute]) out.attribute = map[q.attribute];
    if (Array.isArray(q.values)) out.values = q.values.map((v) => (isObject(v) && typeof v.method === 'string' ? walk(v) : v));
    return out;
  };
  try {
    return JSON.stringify(walk(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** The legacy handler's input: TablesDB names → legacy names. */
export function legacyCall(call: Call, resource: Resource): Call {
  const body = renameKeys(call.body, BODY_IN);
  if ('data' in body) body.data = stripTableId(body.data);
  if (Array.isArray(body.documents)) body.documents = body.documents.map(stripTableId);
  const query = renameKeys(call.query, PARAMS_IN);
  if (resource === 'table' && Array.isArray(query.queries)) query.queries = query.queries.map((q) => renameQuery(q, TABLE_QUERY_FIELDS));
  return { ...call, params: renameKeys(call.params, PARAMS_IN) as Record<string, string>, query, body };
}

/** A row (and the related rows nested in it) under TablesDB names: only `$collectionId` moves; column values stay. */
function row(doc: Json): Json {
  const out: Json = {};
  // A plain loop: lists run this per row, per field (key order is kept, `$tableId` where `$collectionId` was).
  for (const k in doc) {
    const v = doc[k];
    out[k === '$collectionId' ? '$tableId' : k] = v !== null && typeof v === 'object' ? nestedRows(v) : v;
  }
  return out;
}

/** Related rows nested in a row value (relationships), under TablesDB names; other values as they are. */
function nestedRows(v: object): unknown {
  if (Array.isArray(v)) return v.some((x) => isObject(x) && '$collectionId' in x) ? v.map((x) => (isObject(x) && '$collectionId' in x ? row(x) : x)) : v;
  return '$collectionId' in v ? row(v as Json) : v;
}
const column = (a: Json): Json => renameKeys(a, { relatedCollection: MODEL_OUT.relatedCollection! });
const index = (i: Json): Json => renameKeys(i, { attributes: MODEL_OUT.attributes! });
function table(c: Json): Json {
  const out = renameKeys(c, { documentSecurity: MODEL_OUT.documentSecurity!, attributes: MODEL_OUT.attributes! });
  if (Array.isArray(out.columns)) out.columns = out.columns.map(column);
  if (Array.isArray(out.indexes)) out.indexes = out.indexes.map(index);
  return out;
}

const MODELS: Partial<Record<Resource, { one: (x: Json) => Json; list: string; legacyList: string }>> = {
  table: { one: table, list: 'tables', legacyList: 'collections' },
  column: { one: column, list: 'columns', legacyList: 'attributes' },
  index: { one: index, list: 'indexes', legacyList: 'indexes' },
  row: { one: row, list: 'rows', legacyList: 'documents' },
};

/** A legacy response under TablesDB names: a model (it has `$id`, or `key` for columns) or a list of them. */
export function twinModel(resource: Resource, result: unknown): unknown {
  const m = MODELS[resource];
  if (!m || !isObject(result)) return result;
  if (Array.isArray(result[m.legacyList]) && !('$id' in result) && !('key' in result)) {
    const { [m.legacyList]: items, ...rest } = result;
    return { ...rest, [m.list]: (items as Json[]).map(m.one) };
  }
  return m.one(result);
}

/** An error of the shared logic in the TablesDB context: twin type and wording. */
export function twinError(e: unknown): unknown {
  if (!isAppError(e)) return e;
  const twin = ERROR_TWINS.get(e.type);
  const message = twin ? twinMessage(e.type, twin, e.message) : twinWords(e.message);
  if (!twin && message === e.message) return e;
  return new AppError(twin ?? e.type, { message, headers: { ...e.headers }, cause: e });
}

function twin(legacy: RouteDef, operationId: string): RouteDef {
  const resource = resourceOf(legacy.path);
  const access = legacy.access === 'public' ? legacy.access : { ...legacy.access, scope: twinScopes(String(legacy.access.scope), resource) };
  return {
    ...legacy,
    path: twinPath(legacy.path),
    // In the contract by construction: `npm run sdk` derives the twin operation from the legacy one (tablesdb-spec.ts).
    operationId: operationId as OperationId,
    access,
    handle: async (call) => {
      try {
        return twinModel(resource, await legacy.handle(legacyCall(call, resource)));
      } catch (e) {
        throw twinError(e);
      }
    },
  };
}

/**
 * `GET /tablesdb/specifications` (Appwrite Cloud only) and `GET /tablesdb/transactions` (while no
 * transactions route is mounted ahead of this one) have the shape of `GET /tablesdb/{databaseId}`:
 * unless a database is really called so, they answer like the absent routes they are.
 */
const NOT_DATABASES = new Set(['specifications', 'transactions']);

function cloudOnlyAware(def: RouteDef): RouteDef {
  return {
    ...def,
    handle: async (call) => {
      try {
        return await def.handle(call);
      } catch (e) {
        if (NOT_DATABASES.has(String(call.params.databaseId)) && isAppError(e) && e.type === 'database_not_found') throw new AppError('general_route_not_found');
        throw e;
      }
    },
  };
}

/**
 * The TablesDB twins of `legacy` (every route of the API may be passed: those without a `TWINS`
 * entry are skipped). `createDatabase` alone has its own handler: a database made here is a
 * `tablesdb` database.
 */
export function tablesDbRoutes(legacy: readonly RouteDef[], services: Services): RouteDef[] {
  const own: Partial<Record<string, RouteDef>> = {
    createDatabase: route({
      method: 'post', path: '/tablesdb', operationId: 'tablesDBCreate', access: { scope: ['databases.write'], on: 'project' }, status: 201,
      handle: async (call) => databaseModel(await services.databases.create(call.ctx, call.body, 'tablesdb')),
    }),
  };
  return legacy.flatMap((def) => {
    const operationId = TWINS[def.operationId];
    if (!operationId) return [];
    const made = own[def.operationId] ?? twin(def, operationId);
    return [def.operationId === 'getDatabase' ? cloudOnlyAware(made) : made];
  });
}
