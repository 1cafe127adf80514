import type { Selectable } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { MediaTable } from '../db/tables.js';
import { likeText } from '../db/like.js';
import type { MediaItem, Variant } from './media.types.js';

type Row = Selectable<MediaTable>;

export function toMedia(row: Row): MediaItem & { storagePrefix: string } {
  return {
    id: row.id,
    url: row.url,
    kind: row.kind as MediaItem['kind'],
    mime: row.mime,
    filename: row.filename,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    variants: JSON.parse(row.variants) as Variant[],
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    storagePrefix: row.storage_prefix,
  };
}

export async function insertMedia(db: DbOrTx, item: Omit<MediaItem, 'id'> & { storagePrefix: string }): Promise<number> {
  const { id } = await db
    .insertInto('media')
    .values({
      url: item.url,
      kind: item.kind,
      mime: item.mime,
      filename: item.filename,
      bytes: item.bytes,
      width: item.width,
      height: item.height,
      alt: item.alt,
      caption: item.caption,
      credit: item.credit,
      storage_prefix: item.storagePrefix,
      variants: JSON.stringify(item.variants),
      uploaded_by: item.uploadedBy,
      created_at: item.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findMedia(db: DbOrTx, by: { id: number } | { url: string }) {
  const query = db.selectFrom('media').selectAll();
  const row = await ('id' in by ? query.where('id', '=', by.id) : query.where('url', '=', by.url)).executeTakeFirst();
  return row ? toMedia(row) : undefined;
}

export async function updateMediaText(db: DbOrTx, id: number, text: { alt: string; caption: string | null; credit: string | null }): Promise<void> {
  await db.updateTable('media').set(text).where('id', '=', id).execute();
}

export async function deleteMedia(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('media').where('id', '=', id).execute();
}

/** Newest first; `q` matches words in the alt text, caption or file name. */
export async function listMedia(db: DbOrTx, query: { q?: string; limit: number; offset: number }) {
  let base = db.selectFrom('media');
  const q = query.q;
  if (q) base = base.where((eb) => eb.or([likeText('alt', q, 'contains'), likeText("coalesce(caption, '')", q, 'contains'), likeText('filename', q, 'contains')]));
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toMedia), total: Number(count.n) };
}
