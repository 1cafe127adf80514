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

/** A site item by slug, as a portable document names it. */
export type SlugRef = { post: string } | { tag: string } | { author: string };

/**
 * Every imported item whose target still exists, with the target's slug instead of its id (media
 * are left out: the document does not carry the media library). Ordered, so exports compare.
 */
export async function portableImportedItems(db: DbOrTx): Promise<Array<Omit<ImportedItem, 'targetId'> & { source: string; to: SlugRef }>> {
  const rows = await db
    .selectFrom('imported_items as i')
    .leftJoin('posts as p', (join) => join.onRef('p.id', '=', 'i.target_id').on('i.kind', '=', 'post'))
    .leftJoin('tags as t', (join) => join.onRef('t.id', '=', 'i.target_id').on('i.kind', 'in', ['tag', 'term']))
    .leftJoin('authors as a', (join) => join.onRef('a.id', '=', 'i.target_id').on('i.kind', '=', 'author'))
    .select(['i.source', 'i.kind', 'i.external_id', 'i.source_hash', 'i.target_hash', 'i.imported_at', 'p.slug as post', 't.slug as tag', 'a.slug as author'])
    .orderBy('i.source')
    .orderBy('i.kind')
    .orderBy('i.external_id')
    .execute();
  return rows.flatMap((r) => {
    const to: SlugRef | null = r.post !== null ? { post: r.post } : r.tag !== null ? { tag: r.tag } : r.author !== null ? { author: r.author } : null;
    if (!to) return [];
    return [{ source: r.source, kind: r.kind, externalId: r.external_id, to, sourceHash: r.source_hash, targetHash: r.target_hash, importedAt: r.imported_at }];
  });
}

/** The ids of the posts, tags and authors these references name, by slug (a missing one is left out). */
export async function idsOfSlugs(db: DbOrTx, refs: SlugRef[]): Promise<{ post: Map<string, number>; tag: Map<string, number>; author: Map<string, number> }> {
  const slugs = (kind: 'post' | 'tag' | 'author') => [...new Set(refs.flatMap((r) => (kind in r ? [(r as Record<string, string>)[kind]!] : [])))];
  const find = async (table: 'posts' | 'tags' | 'authors', wanted: string[]) =>
    new Map(wanted.length === 0 ? [] : (await db.selectFrom(table).select(['id', 'slug']).where('slug', 'in', wanted).execute()).map((r) => [r.slug, r.id]));
  const [post, tag, author] = await Promise.all([find('posts', slugs('post')), find('tags', slugs('tag')), find('authors', slugs('author'))]);
  return { post, tag, author };
}
