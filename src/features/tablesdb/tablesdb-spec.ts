/**
 * The TablesDB part of the contract, derived from the legacy Databases operations by the same tables
 * the routes use (`tablesdb-map.ts`): every legacy operation named in `TWINS` gets a twin at its
 * TablesDB path, with TablesDB param, body and model names. `npm run sdk` merges the result into
 * openapi.yaml and writes it to `openapi/tablesdb.yaml` for reading (never edit that file).
 */
import { BODY_IN, MODEL_OUT, PARAMS_IN, SCHEMAS_OUT, TWINS, twinPath, twinWords } from './tablesdb-map.ts';

type Json = Record<string, unknown>;
export interface SpecFragment { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }

const invert = (m: Readonly<Record<string, string>>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const PARAMS_OUT = invert(PARAMS_IN);
const BODY_OUT = invert(BODY_IN);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const REF = '#/components/schemas/';

/** Deep copy with schema `$ref`s moved to their TablesDB twins and prose in TablesDB words. */
function translate(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(translate);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith(REF)) out[k] = REF + (SCHEMAS_OUT[v.slice(REF.length)] ?? v.slice(REF.length));
    else if ((k === 'summary' || k === 'description') && typeof v === 'string') out[k] = twinWords(v);
    else out[k] = translate(v);
  }
  return out;
}

/** An object schema with its property names (and `required`) renamed by `map`; other schemas as they are. */
function renameProperties(schema: Json, map: Readonly<Record<string, string>>): Json {
  const out: Json = { ...schema };
  if (schema.properties && typeof schema.properties === 'object') {
    out.properties = Object.fromEntries(Object.entries(schema.properties as Json).map(([k, v]) => [map[k] ?? k, v]));
  }
  if (Array.isArray(schema.required)) out.required = (schema.required as string[]).map((k) => map[k] ?? k);
  return out;
}

function parameter(p: unknown): unknown {
  const param = translate(p) as Json;
  return typeof param.name === 'string' ? { ...param, name: PARAMS_OUT[param.name] ?? param.name } : param;
}

function operation(op: Json, twinId: string, schemas: Json): Json {
  const out = translate(op) as Json;
  out.operationId = twinId;
  out.tags = ['tablesdb'];
  if (Array.isArray(op.parameters)) out.parameters = op.parameters.map(parameter);
  const body = (op.requestBody as { content?: Record<string, { schema?: Json }> } | undefined)?.content?.['application/json']?.schema;
  if (body) {
    // A body given by reference (IndexRequest, …) is inlined under its TablesDB names.
    const ref = typeof body.$ref === 'string' && body.$ref.startsWith(REF) ? schemas[body.$ref.slice(REF.length)] as Json | undefined : undefined;
    const schema = renameProperties(translate(ref ?? body) as Json, BODY_OUT);
    out.requestBody = { ...(out.requestBody as Json), content: { 'application/json': { schema } } };
  }
  return out;
}

/** The TablesDB paths and models for the legacy operations in `legacy` (the bundled hand-written fragments). */
export function tablesDbFragment(legacy: { paths?: Record<string, Record<string, unknown>>; components?: Record<string, Record<string, unknown>> }): SpecFragment {
  const schemas = (legacy.components?.schemas ?? {}) as Json;
  const paths: SpecFragment['paths'] = {};
  for (const [path, item] of Object.entries(legacy.paths ?? {})) {
    if (!path.startsWith('/databases')) continue;
    const twinItem: Json = {};
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      const twinId = op && typeof op.operationId === 'string' ? TWINS[op.operationId] : undefined;
      if (op && twinId) twinItem[method] = operation(op, twinId, schemas);
    }
    if (Object.keys(twinItem).length === 0) continue;
    const shared = item.parameters as unknown[] | undefined;
    paths[twinPath(path)] = shared ? { parameters: shared.map(parameter), ...twinItem } : twinItem;
  }
  const models: Json = {};
  for (const [from, to] of Object.entries(SCHEMAS_OUT)) {
    const schema = schemas[from] as Json | undefined;
    if (schema) models[to] = renameProperties(translate(schema) as Json, MODEL_OUT);
  }
  return { paths, components: { schemas: models } };
}
