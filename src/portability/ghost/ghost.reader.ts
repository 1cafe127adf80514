import fs from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { withoutControls } from '../wordpress/html.js';

/** The largest export taken: bodies are read whole, so the file must fit in memory several times over. */
export const MAX_EXPORT_BYTES = 100 * 1024 * 1024;
/** The longest body field (html, lexical, mobiledoc) taken. */
const MAX_BODY_FIELD = 5_000_000;

const id = z.union([z.string().min(1).max(64), z.number().int()]).transform(String);
/** Text, without the control characters Masthead refuses (Ghost lets some through from pasted text). */
const text = (max: number) =>
  z
    .string()
    .max(max, `is longer than ${max.toLocaleString('en')} characters`)
    .nullish()
    .transform((v) => withoutControls(v ?? ''));
const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).nullish().transform((v) => v === true || v === 1);
const date = z.string().max(40).nullish().transform((v) => v ?? '');
const list = <T extends z.ZodTypeAny>(item: T, max: number) => z.array(item).max(max, `holds more than ${max.toLocaleString('en')} rows`).default([]);

const post = z.object({
  id,
  uuid: text(64),
  title: text(2000),
  slug: text(500),
  type: z.enum(['post', 'page']).nullish(),
  /** Ghost before 4 marked pages with a flag. */
  page: flag,
  html: text(MAX_BODY_FIELD),
  lexical: text(MAX_BODY_FIELD),
  mobiledoc: text(MAX_BODY_FIELD),
  feature_image: text(2000),
  featured: flag,
  status: text(40),
  visibility: text(200),
  custom_excerpt: text(5000),
  canonical_url: text(2000),
  codeinjection_head: text(100_000),
  codeinjection_foot: text(100_000),
  published_at: date,
  created_at: date,
  newsletter_id: text(64),
  /** Ghost before 1.22 had one author per post, named here. */
  author_id: text(64),
});

const postMeta = z.object({
  post_id: id,
  meta_title: text(2000),
  meta_description: text(5000),
  og_image: text(2000),
  og_title: text(2000),
  og_description: text(5000),
  twitter_image: text(2000),
  twitter_title: text(2000),
  twitter_description: text(5000),
  feature_image_alt: text(2000),
  feature_image_caption: text(5000),
  email_subject: text(2000),
});

const tag = z.object({ id, name: text(500), slug: text(500), description: text(5000), visibility: text(40) });
const user = z.object({
  id,
  name: text(500),
  slug: text(500),
  bio: text(10_000),
  profile_image: text(2000),
  website: text(2000),
  twitter: text(200),
  facebook: text(200),
});
const link = z.object({ post_id: id, sort_order: z.number().int().nullish().transform((v) => v ?? 0) });
const newsletter = z.object({ id, name: text(500), status: text(40) });

const data = z.object({
  posts: list(post, 100_000),
  posts_meta: list(postMeta, 100_000),
  tags: list(tag, 100_000),
  posts_tags: list(link.extend({ tag_id: id }), 1_000_000),
  users: list(user, 10_000),
  posts_authors: list(link.extend({ author_id: id }), 1_000_000),
  newsletters: list(newsletter, 1000),
  members: list(z.object({ id }), 2_000_000),
  settings: list(z.object({ key: text(200), value: z.unknown() }), 10_000),
});
const meta = z.object({ version: text(40), exported_on: z.union([z.number(), z.string()]).nullish() }).nullish();

/** Ghost's two shapes: `{db: [{meta, data}]}` from the admin, and a bare `{meta?, data}`. */
const wrapped = z.object({ db: z.array(z.object({ meta, data })).min(1) }).transform((f) => f.db[0]!);
const bare = z.object({ meta, data });

export type GhostExport = { meta?: z.infer<typeof meta>; data: z.infer<typeof data> };
export type GhostPost = z.infer<typeof post>;
export type GhostPostMeta = z.infer<typeof postMeta>;
export type GhostTag = z.infer<typeof tag>;
export type GhostUser = z.infer<typeof user>;

/** Reads and checks a Ghost export (Ghost 1 to 6); a file that is not one, or is too large, ends in one clear error. */
export async function readGhostExport(file: string): Promise<GhostExport> {
  const stat = await fs.stat(file);
  if (stat.size > MAX_EXPORT_BYTES) {
    throw unreadable(`it is ${megabytes(stat.size)}; exports up to ${megabytes(MAX_EXPORT_BYTES)} are taken (export without members, or split the posts)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse((await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw unreadable(`it is not valid JSON (${(error as Error).message.slice(0, 120)})`);
  }
  const result = (typeof parsed === 'object' && parsed !== null && 'db' in parsed ? wrapped : bare).safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    throw unreadable(`${where} ${issue.message.toLowerCase()}`.slice(0, 300));
  }
  return result.data;
}

function unreadable(reason: string): AppError {
  return new AppError('IMPORT_FILE_UNREADABLE', `This is not a Ghost export that can be imported: ${reason}. Nothing was changed.`);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 102.4) / 10} MB`;
}
