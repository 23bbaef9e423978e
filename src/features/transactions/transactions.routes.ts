/**
 * `/databases/transactions…` (their `/tablesdb/transactions…` twins come from the TablesDB mapping,
 * `src/features/tablesdb/tablesdb-map.ts`). Registered before `/databases/:databaseId`, which would
 * otherwise take `transactions` for a database ID. No rate limits (Appwrite has none here).
 */
import { route, type RouteDef } from '../../http/route.ts';
import type { TransactionsService } from './transactions.service.ts';

const BASE = '/databases/transactions';
const READ = { scope: 'documents.read', on: 'project' } as const;
const WRITE = { scope: 'documents.write', on: 'project' } as const;

export function transactionsRoutes(transactions: TransactionsService): RouteDef[] {
  return [
    route({
      method: 'get', path: BASE, operationId: 'listTransactions', access: READ,
      handle: (call) => transactions.list(call.ctx, call.query.queries),
    }),
    route({
      method: 'post', path: BASE, operationId: 'createTransaction', access: WRITE, status: 201,
      handle: (call) => transactions.create(call.ctx, call.body.ttl),
    }),
    route({
      method: 'get', path: `${BASE}/:transactionId`, operationId: 'getTransaction', access: READ,
      handle: (call) => transactions.get(call.ctx, call.params.transactionId),
    }),
    route({
      method: 'patch', path: `${BASE}/:transactionId`, operationId: 'updateTransaction', access: WRITE,
      handle: (call) => transactions.update(call.ctx, call.params.transactionId, { commit: call.body.commit, rollback: call.body.rollback }),
    }),
    route({
      method: 'delete', path: `${BASE}/:transactionId`, operationId: 'deleteTransaction', access: WRITE, status: 204,
      handle: async (call) => { await transactions.delete(call.ctx, call.params.transactionId); },
    }),
    route({
      method: 'post', path: `${BASE}/:transactionId/operations`, operationId: 'createOperations', access: WRITE, status: 201,
      handle: (call) => transactions.createOperations(call.ctx, call.params.transactionId, call.body.operations ?? []),
    }),
  ];
}
