/**
 * Request validation against `openapi.yaml`: each route names its operationId and its params and
 * body are checked by that operation's schemas (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 * A route's validator compiles on the route's first request (its plan keeps it), keeping cold start
 * short: ajv itself is loaded, and its two instances built, only when the first operation with
 * parameters or a body is validated.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { invalidParam, missingParam, AppError } from '../errors/index.ts';
import type { OpenApiDocument, OpenApiOperation, OpenApiParameter } from '../contract.ts';

const require = createRequire(import.meta.url);
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export interface OperationRef {
  readonly path: string;
  readonly method: string;
  readonly op: OpenApiOperation;
  /** Path-item and operation parameters, `$ref`s resolved (the operation's win on a name clash). */
  readonly parameters: readonly OpenApiParameter[];
}

export function indexOperations(doc: OpenApiDocument): Map<string, OperationRef> {
  const resolve = (p: OpenApiParameter | { $ref: string }): OpenApiParameter => {
    if (!('$ref' in p)) return p;
    const name = p.$ref.replace('#/components/parameters/', '');
    const found = doc.components?.parameters?.[name];
    if (!found) throw new Error(`openapi.yaml: unresolved parameter ${p.$ref}`);
    return found;
  };
  const out = new Map<string, OperationRef>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const shared = (item.parameters ?? []).map(resolve);
    for (const method of HTTP_METHODS) {
      const op = item[method] as OpenApiOperation | undefined;
      if (!op?.operationId) continue;
      const own = (op.parameters ?? []).map(resolve);
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      out.set(op.operationId, { path, method, op, parameters });
    }
  }
  return out;
}

function retarget(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(retarget);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `contract${v}` : retarget(v);
    }
    return out;
  }
  return node;
}

/**
 * A route's request validator. Each part is checked only when the route declares something to check
 * there, and cheaply when it can be: path parameters that are plain strings with a length cap are
 * checked with a loop (ajv only words the error), and a request without a query string skips the
 * query schema unless it requires a parameter.
 */
export interface RequestValidator {
  /** The router's path parameters. */
  path(params: Readonly<Record<string, string>>): void;
  /** The parsed query string; coerced in place ("false" → false, "5" → 5). `empty`: no query string was sent. */
  query(query: Record<string, unknown>, empty: boolean): void;
  body(data: unknown): void;
}

/** A path parameter schema that any string up to `maxLength` satisfies (`{ type: 'string', maxLength }`). */
function plainStringCap(schema: unknown): number | null {
  if (!schema || typeof schema !== 'object') return null;
  const s = schema as Record<string, unknown>;
  if (s.type !== 'string') return null;
  for (const k of Object.keys(s)) if (k !== 'type' && k !== 'maxLength' && k !== 'description') return null;
  return typeof s.maxLength === 'number' ? s.maxLength : Number.POSITIVE_INFINITY;
}

const NOOP: RequestValidator = { path() {}, query() {}, body() {} };

export interface ValidatorOptions {
  /**
   * Check the contract's schemas against JSON Schema's meta-schema when they are compiled. Off at run
   * time: it costs each ajv instance ~150 ms on a route's first request (compiling the meta-schema and
   * checking every component), and the contract test compiles every operation with it on.
   */
  readonly checkSchemas?: boolean;
}

export function createValidators(doc: OpenApiDocument, options: ValidatorOptions = {}) {
  const operations = indexOperations(doc);
  const make = (coerce: boolean): Ajv2020 => {
    const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const addFormats = require('ajv-formats') as (ajv: Ajv2020) => void;
    const ajv = new AjvClass({ strict: false, allErrors: false, coerceTypes: coerce ? 'array' : false, useDefaults: false, validateFormats: true, validateSchema: options.checkSchemas ?? false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'contract', components: retarget(doc.components ?? {}) } as object);
    return ajv;
  };
  let paramAjv: Ajv2020 | null = null;
  let bodyAjv: Ajv2020 | null = null;
  const objectSchema = (params: readonly OpenApiParameter[]) => ({
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, retarget(p.schema ?? {})])),
    required: params.filter((p) => p.required).map((p) => p.name),
  });
  /** ajv's check of an object's parameters; `check` throws its first error as Appwrite words it. */
  const paramCheck = (params: readonly OpenApiParameter[]) => {
    let fn: ValidateFunction | null = null;
    return (data: unknown) => {
      fn ??= (paramAjv ??= make(true)).compile(objectSchema(params));
      if (!fn(data)) throw toAppError(fn.errors ?? []);
    };
  };

  function compile(operationId: string): RequestValidator {
    const ref = operations.get(operationId);
    if (!ref) throw new Error(`operationId ${operationId} is not in openapi.yaml`);
    const pathParams = ref.parameters.filter((p) => p.in === 'path');
    const queryParams = ref.parameters.filter((p) => p.in === 'query');
    const bodySchema = ref.op.requestBody?.content?.['application/json']?.schema;
    // Nothing to check (e.g. /health): no ajv at all, so a cold start's first request stays cheap.
    if (pathParams.length === 0 && queryParams.length === 0 && !bodySchema) return NOOP;

    const pathCheck = pathParams.length ? paramCheck(pathParams) : null;
    const caps = pathParams.map((p) => [p.name, plainStringCap(p.schema)] as const);
    const cheapPath = caps.every(([, cap]) => cap !== null) ? (caps as ReadonlyArray<readonly [string, number]>) : null;
    const queryCheck = queryParams.length ? paramCheck(queryParams) : null;
    const queryRequired = queryParams.some((p) => p.required);
    const bodyFn: ValidateFunction | null = bodySchema ? (bodyAjv ??= make(false)).compile(retarget(bodySchema) as object) : null;
    return {
      path(params) {
        if (!pathCheck) return;
        if (cheapPath) {
          let ok = true;
          for (const [name, cap] of cheapPath) {
            const v = params[name];
            if (typeof v !== 'string' || v.length > cap) { ok = false; break; }
          }
          if (ok) return;
        }
        pathCheck(params); // the exact check (code points, not UTF-16 units) and its error
      },
      query(query, empty) {
        if (!queryCheck || (empty && !queryRequired)) return;
        queryCheck(query);
      },
      body(data) { if (bodyFn && !bodyFn(data ?? {})) throw toAppError(bodyFn.errors ?? []); },
    };
  }

  return {
    has: (operationId: string) => operations.has(operationId),
    operation: (operationId: string) => operations.get(operationId),
    /** Compiles the operation's validator (once per route: the route plan keeps it). */
    compile,
  };
}

export type Validators = ReturnType<typeof createValidators>;

/** ajv's first error → Appwrite's wording: `Param "x" is not optional.` / ``Invalid `x` param: …``. */
function toAppError(errors: ErrorObject[]): AppError {
  const e = errors[0];
  if (!e) return invalidParam('request', 'invalid');
  const segments = e.instancePath.split('/').filter(Boolean);
  const param = segments[0] ?? '';
  if (e.keyword === 'required' && segments.length === 0) return missingParam(String(e.params.missingProperty));
  const where = segments.length > 1 ? ` at ${segments.slice(1).join('.')}` : '';
  const message = e.keyword === 'required' ? `missing property "${String(e.params.missingProperty)}"${where}`
    : e.keyword === 'additionalProperties' ? `unknown property "${String(e.params.additionalProperty)}"${where}`
    : `Value${where} ${e.message ?? 'is invalid'}`;
  return invalidParam(param || 'body', message);
}
