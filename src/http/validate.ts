/**
 * Request validation against `openapi.yaml`: each route names its operationId and its params and
 * body are checked by that operation's schemas (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 * Validators compile lazily on first use, keeping cold start short: ajv itself is loaded, and its
 * two instances built, only when the first operation with parameters or a body is validated.
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

export interface RequestValidator {
  params(data: Record<string, unknown>): void;
  body(data: unknown): void;
}

export function createValidators(doc: OpenApiDocument) {
  const operations = indexOperations(doc);
  const make = (coerce: boolean): Ajv2020 => {
    const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const addFormats = require('ajv-formats') as (ajv: Ajv2020) => void;
    const ajv = new AjvClass({ strict: false, allErrors: false, coerceTypes: coerce ? 'array' : false, useDefaults: false, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'contract', components: retarget(doc.components ?? {}) } as object);
    return ajv;
  };
  let paramAjv: Ajv2020 | null = null;
  let bodyAjv: Ajv2020 | null = null;
  const cache = new Map<string, RequestValidator>();
  const NOOP: RequestValidator = { params() {}, body() {} };

  function compile(operationId: string): RequestValidator {
    const ref = operations.get(operationId);
    if (!ref) throw new Error(`operationId ${operationId} is not in openapi.yaml`);
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const p of ref.parameters) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      properties[p.name] = retarget(p.schema ?? {});
      if (p.required) required.push(p.name);
    }
    const bodySchema = ref.op.requestBody?.content?.['application/json']?.schema;
    // Nothing to check (e.g. /health): no ajv at all, so a cold start's first request stays cheap.
    if (Object.keys(properties).length === 0 && !bodySchema) return NOOP;
    paramAjv ??= make(true);
    const paramFn = paramAjv.compile({ type: 'object', properties, required });
    const bodyFn: ValidateFunction | null = bodySchema ? (bodyAjv ??= make(false)).compile(retarget(bodySchema) as object) : null;
    return {
      params(data) { if (!paramFn(data)) throw toAppError(paramFn.errors ?? []); },
      body(data) { if (bodyFn && !bodyFn(data ?? {})) throw toAppError(bodyFn.errors ?? []); },
    };
  }

  return {
    has: (operationId: string) => operations.has(operationId),
    operation: (operationId: string) => operations.get(operationId),
    for(operationId: string): RequestValidator {
      let v = cache.get(operationId);
      if (!v) { v = compile(operationId); cache.set(operationId, v); }
      return v;
    },
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
