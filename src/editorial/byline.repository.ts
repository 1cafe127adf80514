import type { DbOrTx } from '../db/client.js';

export async function authorSlugById(db: DbOrTx, id: number): Promise<string | undefined> {
  return (await db.selectFrom('authors').select('slug').where('id', '=', id).executeTakeFirst())?.slug;
}
