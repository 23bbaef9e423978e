/**
 * The TablesDB vocabulary as data: Appwrite's `/tablesdb` API is its legacy `/databases` API with
 * other words (`S:…/Http/TablesDB/**` classes extend their legacy twins and change only the path,
 * the param names, the response model and the error context). Everything here is a table or a pure
 * function over one, shared by the routes (`tablesdb.routes.ts`) and the contract generator
 * (`tablesdb-spec.ts`), so a legacy route gets its TablesDB twin by one entry in `TWINS`.
 */
import { ERROR_CATALOG, type ErrorType } from '../../errors/catalog.ts';

/** Legacy operationId → TablesDB operationId (`tablesDB` + the node-appwrite 27 `TablesDB` method name). */
export const TWINS: Readonly<Record<string, string>> = {
  listDatabases: 'tablesDBList',
  createDatabase: 'tablesDBCreate',
  getDatabase: 'tablesDBGet',
  updateDatabase: 'tablesDBUpdate',
  deleteDatabase: 'tablesDBDelete',
  listCollections: 'tablesDBListTables',
  createCollection: 'tablesDBCreateTable',
  getCollection: 'tablesDBGetTable',
  updateCollection: 'tablesDBUpdateTable',
  deleteCollection: 'tablesDBDeleteTable',
  listAttributes: 'tablesDBListColumns',
  getAttribute: 'tablesDBGetColumn',
  deleteAttribute: 'tablesDBDeleteColumn',
  createStringAttribute: 'tablesDBCreateStringColumn',
  updateStringAttribute: 'tablesDBUpdateStringColumn',
  createIntegerAttribute: 'tablesDBCreateIntegerColumn',
  updateIntegerAttribute: 'tablesDBUpdateIntegerColumn',
  createFloatAttribute: 'tablesDBCreateFloatColumn',
  updateFloatAttribute: 'tablesDBUpdateFloatColumn',
  createBooleanAttribute: 'tablesDBCreateBooleanColumn',
  updateBooleanAttribute: 'tablesDBUpdateBooleanColumn',
  createDatetimeAttribute: 'tablesDBCreateDatetimeColumn',
  updateDatetimeAttribute: 'tablesDBUpdateDatetimeColumn',
  createEmailAttribute: 'tablesDBCreateEmailColumn',
  updateEmailAttribute: 'tablesDBUpdateEmailColumn',
  createEnumAttribute: 'tablesDBCreateEnumColumn',
  updateEnumAttribute: 'tablesDBUpdateEnumColumn',
  createUrlAttribute: 'tablesDBCreateUrlColumn',
  updateUrlAttribute: 'tablesDBUpdateUrlColumn',
  createIpAttribute: 'tablesDBCreateIpColumn',
  updateIpAttribute: 'tablesDBUpdateIpColumn',
  createBigintAttribute: 'tablesDBCreateBigIntColumn',
  updateBigintAttribute: 'tablesDBUpdateBigIntColumn',
  createVarcharAttribute: 'tablesDBCreateVarcharColumn',
  updateVarcharAttribute: 'tablesDBUpdateVarcharColumn',
  createTextAttribute: 'tablesDBCreateTextColumn',
  updateTextAttribute: 'tablesDBUpdateTextColumn',
  createMediumtextAttribute: 'tablesDBCreateMediumtextColumn',
  updateMediumtextAttribute: 'tablesDBUpdateMediumtextColumn',
  createLongtextAttribute: 'tablesDBCreateLongtextColumn',
  updateLongtextAttribute: 'tablesDBUpdateLongtextColumn',
  // Spatial types: served as the legacy routes serve them (no spatial support: 400 general_feature_unsupported).
  createPointAttribute: 'tablesDBCreatePointColumn',
  updatePointAttribute: 'tablesDBUpdatePointColumn',
  createLineAttribute: 'tablesDBCreateLineColumn',
  updateLineAttribute: 'tablesDBUpdateLineColumn',
  createPolygonAttribute: 'tablesDBCreatePolygonColumn',
  updatePolygonAttribute: 'tablesDBUpdatePolygonColumn',
  createRelationshipAttribute: 'tablesDBCreateRelationshipColumn',
  updateRelationshipAttribute: 'tablesDBUpdateRelationshipColumn',
  listIndexes: 'tablesDBListIndexes',
  createIndex: 'tablesDBCreateIndex',
  getIndex: 'tablesDBGetIndex',
  deleteIndex: 'tablesDBDeleteIndex',
  listDocuments: 'tablesDBListRows',
  createDocument: 'tablesDBCreateRow',
  upsertDocuments: 'tablesDBUpsertRows',
  updateDocuments: 'tablesDBUpdateRows',
  deleteDocuments: 'tablesDBDeleteRows',
  getDocument: 'tablesDBGetRow',
  upsertDocument: 'tablesDBUpsertRow',
  updateDocument: 'tablesDBUpdateRow',
  deleteDocument: 'tablesDBDeleteRow',
  incrementDocumentAttribute: 'tablesDBIncrementRowColumn',
  decrementDocumentAttribute: 'tablesDBDecrementRowColumn',
  // Transactions (T3): `/databases/transactions…` → `/tablesdb/transactions…`, one store.
  listTransactions: 'tablesDBListTransactions',
  createTransaction: 'tablesDBCreateTransaction',
  getTransaction: 'tablesDBGetTransaction',
  updateTransaction: 'tablesDBUpdateTransaction',
  deleteTransaction: 'tablesDBDeleteTransaction',
  createOperations: 'tablesDBCreateOperations',
};

/** Path segments, legacy → TablesDB (the first `databases` becomes `tablesdb`). */
const SEGMENTS: Readonly<Record<string, string>> = {
  collections: 'tables', attributes: 'columns', documents: 'rows',
  ':collectionId': ':tableId', ':documentId': ':rowId', ':attribute': ':column',
  '{collectionId}': '{tableId}', '{documentId}': '{rowId}', '{attribute}': '{column}',
};

/** Path and query parameters, TablesDB → legacy. */
export const PARAMS_IN: Readonly<Record<string, string>> = { tableId: 'collectionId', rowId: 'documentId', column: 'attribute' };

/** Top-level body fields, TablesDB → legacy (inline index objects of createTable keep `attributes`, as in Appwrite). */
export const BODY_IN: Readonly<Record<string, string>> = {
  tableId: 'collectionId', rowSecurity: 'documentSecurity', columns: 'attributes', relatedTableId: 'relatedCollectionId',
  rowId: 'documentId', rows: 'documents',
};

/** Model fields, legacy → TablesDB (`Model/Table.php::filter`, `Row`, the list keys). */
export const MODEL_OUT: Readonly<Record<string, string>> = {
  documentSecurity: 'rowSecurity', attributes: 'columns', relatedCollection: 'relatedTable', $collectionId: '$tableId',
  documents: 'rows', collections: 'tables',
};

/** Contract components, legacy → TablesDB. */
export const SCHEMAS_OUT: Readonly<Record<string, string>> = {
  Collection: 'Table', CollectionList: 'TableList', Attribute: 'Column', AttributeList: 'ColumnList',
  Index: 'ColumnIndex', IndexList: 'ColumnIndexList', Document: 'Row', DocumentList: 'RowList',
};

export type Resource = 'database' | 'table' | 'column' | 'index' | 'row' | 'other';

/** What a legacy path addresses, by its last resource segment. */
export function resourceOf(legacyPath: string): Resource {
  const segs = legacyPath.split('/');
  if (segs.includes('documents') || segs.includes('transactions')) return segs.includes('documents') ? 'row' : 'other';
  if (segs.includes('attributes')) return 'column';
  if (segs.includes('indexes')) return 'index';
  if (segs.includes('collections')) return 'table';
  return 'database';
}

/** `/databases/:databaseId/collections/:collectionId/documents` → `/tablesdb/:databaseId/tables/:tableId/rows` (express or OpenAPI form). */
export function twinPath(legacyPath: string): string {
  const segs = legacyPath.split('/');
  if (segs[1] !== 'databases') throw new Error(`not a Databases path: ${legacyPath}`);
  return ['', 'tablesdb', ...segs.slice(2).map((s) => SEGMENTS[s] ?? s)].join('/');
}

/**
 * The scopes that open a TablesDB route: any one of them (Appwrite's TablesDB routes list the new
 * scope and the legacy one). Column and index routes of the legacy API check `collections.*`.
 */
export function twinScopes(legacyScope: string, resource: Resource): readonly string[] {
  const [area, verb] = legacyScope.split('.');
  if (area === 'documents') return [`rows.${verb}`, legacyScope];
  if (area !== 'collections') return [legacyScope];
  if (resource === 'column') return [`tables.${verb}`, legacyScope, `columns.${verb}`, `attributes.${verb}`];
  if (resource === 'index') return [`tables.${verb}`, legacyScope, `indexes.${verb}`];
  return [`tables.${verb}`, legacyScope];
}

/** Renames the keys of `obj` by `map`, keeping their order; values are kept as they are. */
export function renameKeys(obj: Readonly<Record<string, unknown>>, map: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[map[k] ?? k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Errors: the TablesDB context answers `table_*`, `row_*`, `column_*`, `column_index_*`.
// ---------------------------------------------------------------------------------------------
const ERROR_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['collection_', 'table_'], ['document_', 'row_'], ['attribute_', 'column_'], ['index_', 'column_index_'],
];
/** Kept as they are in the TablesDB context (the reference: increment of a non-numeric column answers `attribute_type_invalid`). */
const ERROR_KEPT = new Set<string>(['attribute_type_invalid']);

/** Legacy error type → TablesDB type, for every catalog type that has a twin. */
export const ERROR_TWINS: ReadonlyMap<ErrorType, ErrorType> = new Map(
  (Object.keys(ERROR_CATALOG) as ErrorType[]).flatMap((type): Array<[ErrorType, ErrorType]> => {
    if (ERROR_KEPT.has(type)) return [];
    const pair = ERROR_PREFIXES.find(([from]) => type.startsWith(from));
    const twin = pair ? `${pair[1]}${type.slice(pair[0].length)}` : null;
    return twin && twin in ERROR_CATALOG ? [[type, twin as ErrorType]] : [];
  }),
);

const WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bdocumentSecurity\b/g, 'rowSecurity'], [/\bdocumentId\b/g, 'rowId'], [/\bcollectionId\b/g, 'tableId'],
  [/\brelatedCollectionId\b/g, 'relatedTableId'], [/\$collectionId\b/g, '$tableId'],
  [/\bDocuments\b/g, 'Rows'], [/\bdocuments\b/g, 'rows'], [/\bDocument\b/g, 'Row'], [/\bdocument\b/g, 'row'],
  [/\bCollections\b/g, 'Tables'], [/\bcollections\b/g, 'tables'], [/\bCollection\b/g, 'Table'], [/\bcollection\b/g, 'table'],
  [/\bAttributes\b/g, 'Columns'], [/\battributes\b/g, 'columns'], [/\bAttribute\b/g, 'Column'], [/\battribute\b/g, 'column'],
  // The API's name leading a bound message (`databases "qty" has reached the maximum value of 10`).
  [/^databases $/, 'tablesDB '],
];

/** Legacy words in a message, outside its quoted parts (`'id'`, `"key"`: names the caller chose stay as sent). */
export function twinWords(text: string): string {
  return text.split(/('[^']*'|"[^"]*")/).map((part, i) => (i % 2 ? part : WORDS.reduce((s, [re, to]) => s.replace(re, to), part))).join('');
}

/**
 * A legacy error's TablesDB wording: a message that is the legacy catalog text is refilled into
 * the twin's catalog text (same `%s` values); any other message gets the TablesDB words.
 */
export function twinMessage(type: ErrorType, twin: ErrorType, message: string): string {
  const legacy = ERROR_CATALOG[type][1];
  const pattern = new RegExp(`^${legacy.split('%s').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([\\s\\S]*?)')}$`);
  const m = pattern.exec(message);
  if (!m) return twinWords(message);
  let i = 1;
  return ERROR_CATALOG[twin][1].replace(/%s/g, () => m[i++] ?? '');
}
