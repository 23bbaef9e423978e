/** Loads `openapi.yaml`, the contract every route is validated against. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface OpenApiParameter { name: string; in: string; required?: boolean; schema?: object }
export interface OpenApiOperation {
  operationId?: string;
  parameters?: Array<OpenApiParameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
  responses?: Record<string, unknown>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation> & { parameters?: OpenApiOperation['parameters'] }>;
  components?: { schemas?: Record<string, object>; parameters?: Record<string, OpenApiParameter>; [k: string]: unknown };
}

export const CONTRACT_PATH = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

export function loadContract(path = CONTRACT_PATH): OpenApiDocument {
  return parse(readFileSync(path, 'utf8')) as OpenApiDocument;
}
