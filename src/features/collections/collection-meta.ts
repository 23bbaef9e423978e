/**
 * What the documents feature needs to know about a collection, as the schema feature provides it
 * (cached in-process, invalidated on every schema change). Physical names never come from user text:
 * the document table is `{prefix}c{sequence}` and each attribute's column is `a{attribute sequence}`,
 * so renaming an attribute (`newKey`) is a metadata-only change.
 */
export type AttributeType = 'string' | 'integer' | 'double' | 'boolean' | 'datetime' | 'relationship' | BigintType | TextType;
/** 64-bit integers, exact end to end (values beyond 2^53 travel as BigInt / exact JSON literals). */
export type BigintType = 'bigint';
/** String columns of a fixed physical type: VARCHAR(size) exactly, or TEXT / MEDIUMTEXT / LONGTEXT. */
export type TextType = 'varchar' | 'text' | 'mediumtext' | 'longtext';
/** Every type whose values are strings of at most `size` characters. */
export function isStringType(type: AttributeType): type is 'string' | TextType {
  return type === 'string' || type === 'varchar' || type === 'text' || type === 'mediumtext' || type === 'longtext';
}
export type AttributeFormat = '' | 'email' | 'enum' | 'url' | 'ip';
export type AttributeStatus = 'processing' | 'available' | 'failed' | 'deleting';

/** An attribute's definition: what a create/update request normalises to. */
export interface AttributeSpec {
  readonly key: string;
  readonly type: AttributeType;
  readonly format: AttributeFormat;
  readonly size: number;
  readonly required: boolean;
  readonly array: boolean;
  readonly default: unknown;
  readonly min?: number;
  readonly max?: number;
  /** `bigint` attributes: their exact int64 range (min/max stay unset: those are JS numbers). */
  readonly bounds?: { readonly min: bigint; readonly max: bigint };
  readonly elements?: readonly string[];
}

/** A stored attribute: its definition plus status and physical column. */
export interface AttributeMeta extends AttributeSpec {
  readonly status: AttributeStatus;
  readonly error: string;
  /** Physical column: `a{sequence}`. */
  readonly column: string;
  /** Internal sequence of the attribute row (the column is derived from it). */
  readonly sequence?: number;
  readonly createdAt?: string;
  readonly updatedAt?: string;
  /** Relationship attributes only (type `relationship`): see src/features/relationships. */
  readonly relationship?: RelationshipOptions;
}

export type RelationType = 'oneToOne' | 'oneToMany' | 'manyToOne' | 'manyToMany';
export type OnDelete = 'restrict' | 'cascade' | 'setNull';

/** A relationship attribute's options (stored in the attribute row's `options`). */
export interface RelationshipOptions {
  readonly relatedCollection: string;
  readonly relatedSequence: number;
  readonly relationType: RelationType;
  readonly twoWay: boolean;
  readonly twoWayKey: string;
  readonly onDelete: OnDelete;
  readonly side: 'parent' | 'child';
  /** Sequence of the parent side's attribute row: it names the physical storage of both sides. */
  readonly storage: number;
}

export interface IndexMeta {
  readonly key: string;
  readonly type: 'key' | 'unique' | 'fulltext';
  readonly attributes: readonly string[];
  readonly orders: readonly string[];
  readonly lengths: readonly (number | null)[];
  readonly status: AttributeStatus;
  readonly error: string;
  /** Internal sequence of the index row; the physical index is `{table}_i{sequence}`. */
  readonly sequence?: number;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

export interface CollectionMeta {
  readonly sequence: number;
  readonly id: string;
  readonly databaseId: string;
  readonly databaseSequence: number;
  readonly databaseEnabled: boolean;
  /** The database's API (`tablesdb` adds the `tablesdb.…` realtime event names); absent = legacy. */
  readonly databaseType?: 'legacy' | 'tablesdb';
  readonly name: string;
  readonly enabled: boolean;
  readonly documentSecurity: boolean;
  /** Aggregated collection permission strings (`read("any")`, …). */
  readonly permissions: readonly string[];
  readonly attributes: readonly AttributeMeta[];
  readonly indexes: readonly IndexMeta[];
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

/** System attributes usable in queries and indexes, with their physical columns. */
export const SYSTEM_COLUMNS: Readonly<Record<string, string>> = Object.freeze({
  $id: '_uid',
  $sequence: '_id',
  $createdAt: '_createdAt',
  $updatedAt: '_updatedAt',
});

export function attributeColumn(attributeSequence: number): string {
  return `a${attributeSequence}`;
}
