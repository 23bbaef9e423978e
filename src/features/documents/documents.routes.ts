/** Document routes (Appwrite's `Databases` document paths). Thin: unpack, call the service, return its model. */
import { AppError } from '../../errors/index.ts';
import { route, type OperationCall, type OperationId, type RouteDef } from '../../http/route.ts';
import { RATE_LIMITS } from '../limits/presets.ts';
import type { DocumentsBulk } from './documents-bulk.ts';
import type { DocumentsService, WriteInput } from './documents.service.ts';
import type { Action } from '../transactions/transaction-store.ts';
import { stageFromRoute, transactionOf } from '../transactions/staged-route.ts';
import type { TransactionsService } from '../transactions/transactions.service.ts';

const BASE = '/databases/:databaseId/collections/:collectionId/documents';
const READ = { scope: 'documents.read', on: 'project' } as const;
/** Client budgets (API keys have their own, on every route): reads per IP, writes and deletes per (IP, user). */
const READ_LIMIT = [RATE_LIMITS.clientRead];
const WRITE_LIMIT = [RATE_LIMITS.documentWrite];
const DELETE_LIMIT = [RATE_LIMITS.documentDelete];
const WRITE = { scope: 'documents.write', on: 'project' } as const;
/** Bulk bodies may carry up to 100 documents. */
const BULK_BODY_LIMIT = 10 * 1024 * 1024;

type Body = Record<string, unknown>;

function ids(call: { params: { databaseId: string; collectionId: string } }): [string, string] {
  return [call.params.databaseId, call.params.collectionId];
}

/** A write naming `transactionId` is staged in that transaction (src/features/transactions) instead of applied. */
function direct<K extends OperationId, T>(transactions: TransactionsService, action: Action, handle: (call: OperationCall<K>) => Promise<T>): (call: OperationCall<K>) => Promise<unknown> {
  return (call) => {
    const transactionId = transactionOf(call.body);
    return transactionId === null ? handle(call) : stageFromRoute(transactions, transactionId, action, call);
  };
}

function writeInput(body: { data?: Body | null; permissions?: readonly unknown[] | null }): WriteInput {
  return { data: body.data ?? null, permissions: body.permissions ? [...body.permissions] : null };
}

export function documentsRoutes(documents: DocumentsService, bulk: DocumentsBulk, transactions: TransactionsService): RouteDef[] {
  return [
    route({
      method: 'get', path: BASE, operationId: 'listDocuments', limits: READ_LIMIT, access: READ,
      handle: (call) => call.query.transactionId
        ? transactions.listDocuments(call.ctx, call.query.transactionId, ...ids(call), call.query.queries, call.query.total !== false)
        : documents.list(call.ctx, ...ids(call), call.query.queries, call.query.total !== false, call.totals),
    }),
    route({
      method: 'post', path: BASE, operationId: 'createDocument', limits: WRITE_LIMIT, access: WRITE, status: 201, bodyLimit: BULK_BODY_LIMIT,
      handle: direct(transactions, 'create', async (call) => {
        const body = call.body;
        if (body.data !== undefined && body.documents !== undefined) {
          throw new AppError('general_bad_request', { message: 'You can only send one of the following parameters: data, documents' });
        }
        if (Array.isArray(body.documents)) return bulk.create(call.ctx, ...ids(call), body.documents);
        if (body.documentId === undefined) {
          throw new AppError('document_missing_data', { message: body.data === undefined ? undefined : 'Document ID is required when creating a single document.' });
        }
        if (!body.data || Object.keys(body.data).length === 0) throw new AppError('document_missing_data');
        return documents.create(call.ctx, ...ids(call), body.documentId, writeInput(body));
      }),
    }),
    route({
      method: 'put', path: BASE, operationId: 'upsertDocuments', limits: WRITE_LIMIT, access: WRITE, bodyLimit: BULK_BODY_LIMIT,
      handle: direct(transactions, 'bulkUpsert', (call) => bulk.upsert(call.ctx, ...ids(call), call.body.documents)),
    }),
    route({
      method: 'patch', path: BASE, operationId: 'updateDocuments', limits: WRITE_LIMIT, access: WRITE,
      handle: direct(transactions, 'bulkUpdate', (call) => bulk.update(call.ctx, ...ids(call), call.body.data ?? {}, call.body.queries)),
    }),
    route({
      method: 'delete', path: BASE, operationId: 'deleteDocuments', limits: DELETE_LIMIT, access: WRITE,
      handle: direct(transactions, 'bulkDelete', (call) => bulk.delete(call.ctx, ...ids(call), call.body.queries)),
    }),
    route({
      method: 'get', path: `${BASE}/:documentId`, operationId: 'getDocument', limits: READ_LIMIT, access: READ,
      handle: (call) => call.query.transactionId
        ? transactions.getDocument(call.ctx, call.query.transactionId, ...ids(call), call.params.documentId, call.query.queries)
        : documents.get(call.ctx, ...ids(call), call.params.documentId, call.query.queries),
    }),
    route({
      method: 'put', path: `${BASE}/:documentId`, operationId: 'upsertDocument', limits: WRITE_LIMIT, access: WRITE,
      handle: direct(transactions, 'upsert', (call) => documents.upsert(call.ctx, ...ids(call), call.params.documentId, writeInput(call.body))),
    }),
    route({
      method: 'patch', path: `${BASE}/:documentId`, operationId: 'updateDocument', limits: WRITE_LIMIT, access: WRITE,
      handle: direct(transactions, 'update', (call) => documents.update(call.ctx, ...ids(call), call.params.documentId, writeInput(call.body))),
    }),
    route({
      method: 'delete', path: `${BASE}/:documentId`, operationId: 'deleteDocument', limits: DELETE_LIMIT, access: WRITE, status: 204,
      handle: direct(transactions, 'delete', (call) => documents.delete(call.ctx, ...ids(call), call.params.documentId)),
    }),
    route({
      method: 'patch', path: `${BASE}/:documentId/:attribute/increment`, operationId: 'incrementDocumentAttribute', limits: WRITE_LIMIT, access: WRITE,
      handle: direct(transactions, 'increment', (call) => documents.increment(call.ctx, ...ids(call), call.params.documentId, call.params.attribute, call.body, 1)),
    }),
    route({
      method: 'patch', path: `${BASE}/:documentId/:attribute/decrement`, operationId: 'decrementDocumentAttribute', limits: WRITE_LIMIT, access: WRITE,
      handle: direct(transactions, 'decrement', (call) => documents.increment(call.ctx, ...ids(call), call.params.documentId, call.params.attribute, call.body, -1)),
    }),
  ];
}
