/**
 * `createOperations` input → staged operations, with Appwrite's shape checks and wording
 * (``Invalid `operations` param: …``). Legacy names (`collectionId`, `documentId`, `attribute`) and
 * TablesDB names (`tableId`, `rowId`, `column`) are both accepted.
 */
import { AppError, invalidParam } from '../../errors/index.ts';
import { ACTIONS, type Action, type Payload, type StagedOp } from './transaction-store.ts';
import { stagedId } from './staging.ts';

type Input = Record<string, unknown>;
const BULK = new Set<Action>(['bulkCreate', 'bulkUpdate', 'bulkUpsert', 'bulkDelete']);

function shape(why: string): AppError {
  return invalidParam('operations', why);
}

export function parseOperations(raw: readonly unknown[]): Omit<StagedOp, 'stagedAt'>[] {
  if (raw.length === 0) throw new AppError('general_bad_request', { message: 'Operations array cannot be empty' });
  return raw.map((item) => parseOne(item));
}

function parseOne(item: unknown): Omit<StagedOp, 'stagedAt'> {
  if (!item || typeof item !== 'object' || Array.isArray(item)) throw shape('Each operation must be an object');
  const o = item as Input;
  const databaseId = o.databaseId;
  const collectionId = o.tableId ?? o.collectionId;
  if (typeof databaseId !== 'string' || databaseId === '') throw shape('Missing required key: databaseId');
  if (typeof collectionId !== 'string' || collectionId === '') throw shape('Missing required key: tableId');
  if (o.action === undefined) throw shape('Missing required key: action');
  if (typeof o.action !== 'string' || !(ACTIONS as readonly string[]).includes(o.action)) throw shape(`Key 'action' must be one of: ${ACTIONS.join(', ')}`);
  const action = o.action as Action;
  const rawId = o.rowId ?? o.documentId;
  let documentId: string | null = null;
  if (!BULK.has(action)) {
    if (typeof rawId !== 'string' || rawId === '') throw shape(`Key 'rowId' is required for action '${action}'`);
    documentId = stagedId(rawId, 'rowId');
  }
  if (action !== 'delete' && (o.data === undefined || o.data === null)) throw shape('Missing required key: data');
  return { action, databaseId, collectionId, documentId, payload: payloadOf(action, o.data) };
}

function object(v: unknown, what: string): Input {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw shape(`Key 'data' must be an object for ${what}`);
  return v as Input;
}

function payloadOf(action: Action, data: unknown): Payload {
  switch (action) {
    case 'delete': return {};
    case 'create': case 'update': case 'upsert': {
      const d = object(data, action);
      const { $permissions, ...rest } = d;
      if ($permissions !== undefined && !Array.isArray($permissions)) throw shape('Key \'$permissions\' must be an array');
      return { data: rest, permissions: ($permissions as unknown[] | undefined) ?? null };
    }
    case 'increment': case 'decrement': {
      const d = object(data, action);
      const attribute = d.column ?? d.attribute;
      if (typeof attribute !== 'string' || attribute === '') throw shape(`Key 'column' is required in data for ${action}`);
      if (d.value !== undefined && (typeof d.value !== 'number' || !Number.isFinite(d.value))) throw shape(`Key 'value' must be a numeric value for ${action}`);
      const bound = action === 'increment' ? 'max' : 'min';
      if (d[bound] !== undefined && d[bound] !== null && typeof d[bound] !== 'number') throw shape(`Key '${bound}' must be a numeric value for ${action}`);
      return { attribute, value: (d.value as number | undefined) ?? 1, [bound]: (d[bound] as number | null | undefined) ?? undefined };
    }
    case 'bulkCreate': case 'bulkUpsert': {
      if (!Array.isArray(data)) throw shape(`Key 'data' must be an array of rows for ${action}`);
      return { documents: data.map((d) => object(d, action)) };
    }
    case 'bulkUpdate': case 'bulkDelete': {
      const d = object(data, action);
      if (d.queries === undefined) throw shape(`Key 'queries' is required in data for ${action}`);
      if (action === 'bulkDelete') return { queries: d.queries };
      return { queries: d.queries, data: d.data === undefined ? {} : object(d.data, action) };
    }
  }
}
