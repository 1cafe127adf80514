import type { DbOrTx } from '../../db/client.js';

/** Every slug posts and pages use now. */
export async function takenPostSlugs(db: DbOrTx): Promise<Set<string>> {
  return new Set((await db.selectFrom('posts').select('slug').execute()).map((r) => r.slug));
}

/** The slugs of those of these posts that still exist. */
export async function postSlugsByIds(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('posts')
      .select(['id', 'slug'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id, r.slug);
  }
  return found;
}

/** Library images by id: where they are shown and their size. */
export async function mediaByIds(db: DbOrTx, ids: number[]): Promise<Map<number, { url: string; width: number; height: number; alt: string }>> {
  const found = new Map<number, { url: string; width: number; height: number; alt: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('media')
      .select(['id', 'url', 'width', 'height', 'alt'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.id, { url: r.url, width: r.width, height: r.height, alt: r.alt });
  }
  return found;
}
