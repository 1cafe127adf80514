import type { DbOrTx } from '../db/client.js';
import type { AuthorRow, TagRow } from '../db/tables.js';
import type { Author, AuthorLink, Tag, TagVisibility } from './taxonomy.types.js';

export function toTag(row: TagRow): Tag {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    accentColor: row.accent_color,
    isSection: row.is_section === 1,
    navOrder: row.nav_order,
    visibility: row.visibility,
  };
}

export function toAuthor(row: AuthorRow): Author {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    bio: row.bio,
    photoUrl: row.photo_url,
    website: row.website,
    links: JSON.parse(row.links) as AuthorLink[],
  };
}

export interface TagRowInput {
  slug: string;
  name: string;
  description: string;
  accent_color: string | null;
  is_section: number;
  nav_order: number | null;
  visibility: TagVisibility;
}

export interface AuthorRowInput {
  slug: string;
  name: string;
  bio: string;
  photo_url: string | null;
  website: string | null;
  links: string;
}

export async function insertTag(db: DbOrTx, row: TagRowInput, now: string): Promise<Tag> {
  const saved = await db
    .insertInto('tags')
    .values({ ...row, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTag(saved);
}

export async function updateTag(db: DbOrTx, id: number, row: TagRowInput, now: string): Promise<Tag | undefined> {
  const saved = await db
    .updateTable('tags')
    .set({ ...row, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return saved && toTag(saved);
}

export async function findTagBySlug(db: DbOrTx, slug: string): Promise<Tag | undefined> {
  const row = await db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toTag(row);
}

export async function findTagsBySlugs(db: DbOrTx, slugs: string[]): Promise<Tag[]> {
  if (slugs.length === 0) return [];
  return (await db.selectFrom('tags').selectAll().where('slug', 'in', slugs).execute()).map(toTag);
}

export async function listTags(db: DbOrTx): Promise<Tag[]> {
  const rows = await db.selectFrom('tags').selectAll().orderBy('nav_order').orderBy('name').execute();
  return rows.map(toTag);
}

export async function insertAuthor(db: DbOrTx, row: AuthorRowInput, now: string): Promise<Author> {
  const saved = await db
    .insertInto('authors')
    .values({ ...row, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAuthor(saved);
}

export async function updateAuthor(db: DbOrTx, id: number, row: AuthorRowInput, now: string): Promise<Author | undefined> {
  const saved = await db
    .updateTable('authors')
    .set({ ...row, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return saved && toAuthor(saved);
}

export async function findAuthorBySlug(db: DbOrTx, slug: string): Promise<Author | undefined> {
  const row = await db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toAuthor(row);
}

export async function findAuthorsBySlugs(db: DbOrTx, slugs: string[]): Promise<Author[]> {
  if (slugs.length === 0) return [];
  return (await db.selectFrom('authors').selectAll().where('slug', 'in', slugs).execute()).map(toAuthor);
}

export async function listAuthors(db: DbOrTx): Promise<Author[]> {
  return (await db.selectFrom('authors').selectAll().orderBy('name').execute()).map(toAuthor);
}
