/**
 * The documents routes' hook: a write whose body names `transactionId` is staged here instead of
 * applied (the route's own pre-checks first, then `TransactionsService.stageWrite`), and answered
 * with the staged mock (a staged single upsert answers 201, as Appwrite does).
 */
import { AppError } from '../../errors/index.ts';
import type { Reply } from '../../http/route.ts';
import type { RequestContext } from '../../http/context.ts';
import type { Action } from './transaction-store.ts';
import type { TransactionsService } from './transactions.service.ts';

export interface RouteCall {
  readonly ctx: RequestContext;
  readonly params: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
  readonly reply: Reply;
}

/** The staged transaction a write names, or null for a direct write. */
export function transactionOf(body: Readonly<Record<string, unknown>>): string | null {
  return typeof body.transactionId === 'string' ? body.transactionId : null;
}

export async function stageFromRoute(transactions: TransactionsService, transactionId: string, action: Action, call: RouteCall): Promise<unknown> {
  const { params, body } = call;
  let documentId = params.documentId;
  if (action === 'create') {
    if (body.data !== undefined && body.documents !== undefined) {
      throw new AppError('general_bad_request', { message: 'You can only send one of the following parameters: data, documents' });
    }
    if (Array.isArray(body.documents)) action = 'bulkCreate';
    else {
      if (typeof body.documentId !== 'string') {
        throw new AppError('document_missing_data', { message: body.data === undefined ? undefined : 'Document ID is required when creating a single document.' });
      }
      if (!body.data || typeof body.data !== 'object' || Object.keys(body.data).length === 0) throw new AppError('document_missing_data');
      documentId = body.documentId;
    }
  }
  if (action === 'update' && (!body.data || Object.keys(body.data).length === 0) && !body.permissions) throw new AppError('document_missing_payload');
  const mock = await transactions.stageWrite(call.ctx, transactionId, {
    action, databaseId: params.databaseId!, collectionId: params.collectionId!, documentId, attribute: params.attribute, body,
  });
  if (action === 'upsert') call.reply.status(201);
  return mock;
}
