/**
 * The optional `attributes` and `indexes` arrays of a collection create. Each entry goes through the
 * same rules as its own route; the collections service drops the whole new collection if any fails.
 */
import { AppError, appError } from '../../errors/index.ts';
import type { TenantDb } from '../../db/tenant-db.ts';
import type { CollectionMeta } from '../collections/collection-meta.ts';
import type { CollectionsService, InitialSchemaBuilder } from '../collections/collections.service.ts';
import type { IndexesService, IndexInput } from '../indexes/indexes.service.ts';
import { ATTRIBUTE_KINDS, specFromCreate, type AttributeKind } from './attribute-rules.ts';
import type { AttributesService } from './attributes.service.ts';

/** `{type: 'string', format: 'email'}`, `{type: 'email'}`, `{type: 'double'}` … → the route kind. */
function kindOfEntry(entry: Readonly<Record<string, unknown>>): AttributeKind {
  const type = String(entry.type ?? '');
  const format = typeof entry.format === 'string' ? entry.format : '';
  if (type === 'double') return 'float';
  if (type === 'string' && format !== '') {
    if (!(['email', 'enum', 'url', 'ip'] as const).includes(format as 'email')) throw new AppError('attribute_format_unsupported');
    return format as AttributeKind;
  }
  if (type === 'relationship') throw new AppError('general_argument_invalid', { message: 'Relationship attributes cannot be created inline. Create the collection first, then add the relationship attribute.' });
  if (!(ATTRIBUTE_KINDS as readonly string[]).includes(type)) throw appError('attribute_type_invalid', String(entry.key ?? ''));
  return type as AttributeKind;
}

export function initialSchemaBuilder(collections: CollectionsService, attributes: AttributesService, indexes: IndexesService): InitialSchemaBuilder {
  return {
    async createInitial(tdb: TenantDb, meta: CollectionMeta, attributeEntries, indexEntries): Promise<void> {
      let current = meta;
      for (const entry of attributeEntries) {
        const created = await attributes.createInCollection(tdb, current, specFromCreate(kindOfEntry(entry), { required: false, ...entry }));
        if (created.status !== 'available') throw new AppError('general_server_error', { message: `Attribute "${created.key}" could not be created.` });
        current = await collections.loadFresh(tdb, meta.databaseId, meta.id);
      }
      for (const entry of indexEntries) {
        const created = await indexes.createInCollection(tdb, current, entry as unknown as IndexInput);
        if (created.status !== 'available') throw new AppError('general_server_error', { message: `Index "${created.key}" could not be created.` });
        current = await collections.loadFresh(tdb, meta.databaseId, meta.id);
      }
    },
  };
}
