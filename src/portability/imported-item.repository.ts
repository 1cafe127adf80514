import type { DbOrTx } from '../db/client.js';

/** One thing an import brought in, by the other platform's id. */
export interface ImportedItem {
  kind: string;
  externalId: string;
  targetId: number;
  /** A digest of the item as the other platform had it, to tell whether it changed there. */
  sourceHash: string;
  /** A digest of what was written here, to tell whether someone edited it here since. */
  targetHash: string;
  importedAt: string;
}

export async function importedItems(db: DbOrTx, source: string): Promise<ImportedItem[]> {
  const rows = await db.selectFrom('imported_items').selectAll().where('source', '=', source).execute();
  return rows.map((r) => ({
    kind: r.kind,
    externalId: r.external_id,
    targetId: r.target_id,
    sourceHash: r.source_hash,
    targetHash: r.target_hash,
    importedAt: r.imported_at,
  }));
}

export async function recordImported(db: DbOrTx, source: string, item: ImportedItem): Promise<void> {
  const values = {
    target_id: item.targetId,
    source_hash: item.sourceHash,
    target_hash: item.targetHash,
    imported_at: item.importedAt,
  };
  await db
    .insertInto('imported_items')
    .values({ source, kind: item.kind, external_id: item.externalId, ...values })
    .onConflict((oc) => oc.columns(['source', 'kind', 'external_id']).doUpdateSet(values))
    .execute();
}
