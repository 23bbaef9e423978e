/**
 * Physical naming, validated once. Every table name is built here from the namespace and internal
 * sequences — never from user-supplied text — and never parsed back.
 */
import type { Layout } from '../config.ts';

const NAMESPACE = /^[a-z][a-z0-9]{0,11}$/;
const LOGICAL = /^[a-z][a-z0-9_]{0,30}$/;
/** Physical column names: ours (`_uid`, `name`) or derived from validated attribute keys. */
export const COLUMN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function assertColumn(name: string): string {
  if (!COLUMN.test(name)) throw new Error(`refusing unsafe column name ${JSON.stringify(name)}`);
  return name;
}

export function assertLogical(name: string): string {
  if (!LOGICAL.test(name)) throw new Error(`refusing unsafe table name ${JSON.stringify(name)}`);
  return name;
}

export function platformTable(namespace: string, name: string): string {
  if (!NAMESPACE.test(namespace)) throw new Error('bad namespace');
  return `${namespace}_console_${assertLogical(name)}`;
}

/** The prefix of every table a project owns: `tn_` (shared layout) or `tn_12_` (isolated). */
export function projectPrefix(namespace: string, layout: Layout, projectSequence: number): string {
  if (!NAMESPACE.test(namespace)) throw new Error('bad namespace');
  if (layout === 'shared') return `${namespace}_`;
  if (!Number.isSafeInteger(projectSequence) || projectSequence <= 0) throw new Error('bad project sequence');
  return `${namespace}_${projectSequence}_`;
}

export function projectTable(prefix: string, name: string): string {
  return prefix + assertLogical(name);
}

/** A collection's document table `{prefix}c{seq}` and its permission side table. */
export function collectionTables(prefix: string, collectionSequence: number): { docs: string; perms: string } {
  if (!Number.isSafeInteger(collectionSequence) || collectionSequence <= 0) throw new Error('bad collection sequence');
  return { docs: `${prefix}c${collectionSequence}`, perms: `${prefix}c${collectionSequence}_perms` };
}

/** A many-to-many relationship's junction table `{prefix}c{parent collection seq}_r{parent attribute seq}`. */
export function junctionTable(prefix: string, collectionSequence: number, attributeSequence: number): string {
  if (!Number.isSafeInteger(attributeSequence) || attributeSequence <= 0) throw new Error('bad attribute sequence');
  return `${collectionTables(prefix, collectionSequence).docs}_r${attributeSequence}`;
}

/** True for a physical table that belongs to projects (and so must always carry `_tenant`). */
export function isProjectTable(namespace: string, table: string): boolean {
  return table.startsWith(`${namespace}_`) && !table.startsWith(`${namespace}_console_`);
}
