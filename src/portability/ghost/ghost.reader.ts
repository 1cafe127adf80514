import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { JsonReadError, readJson, type JsonPath, type JsonReadLimits } from '../json-reader.js';
import { withoutControls } from '../wordpress/html.js';
import { postHead, type GhostPostHead } from './ghost.post-head.js';

/**
 * The largest export taken. Posts are kept without their bodies while the import plans, and read
 * again one by one to be written, so memory grows with the number of rows, not the file's size.
 */
export const MAX_EXPORT_BYTES = 2048 * 1024 * 1024;
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
const flag = z
  .union([z.boolean(), z.literal(0), z.literal(1)])
  .nullish()
  .transform((v) => v === true || v === 1);
const date = z
  .string()
  .max(40)
  .nullish()
  .transform((v) => v ?? '');
const list = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `holds more than ${max.toLocaleString('en')} rows`)
    .default([]);

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
const link = z.object({
  post_id: id,
  sort_order: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? 0),
});
const newsletter = z.object({ id, name: text(500), status: text(40) });

/** Ghost's tables that are read, each row's schema and the most rows taken. */
const tables = {
  posts: [post, 100_000],
  posts_meta: [postMeta, 100_000],
  tags: [tag, 100_000],
  posts_tags: [link.extend({ tag_id: id }), 1_000_000],
  users: [user, 10_000],
  posts_authors: [link.extend({ author_id: id }), 1_000_000],
  newsletters: [newsletter, 1000],
  members: [z.object({ id }), 2_000_000],
  settings: [z.object({ key: text(200), value: z.unknown() }), 10_000],
} as const;

const data = z.object({
  // Each post was checked as it arrived and kept as its head.
  posts: list(z.custom<GhostPostHead>(), tables.posts[1]),
  posts_meta: list(tables.posts_meta[0], tables.posts_meta[1]),
  tags: list(tables.tags[0], tables.tags[1]),
  posts_tags: list(tables.posts_tags[0], tables.posts_tags[1]),
  users: list(tables.users[0], tables.users[1]),
  posts_authors: list(tables.posts_authors[0], tables.posts_authors[1]),
  newsletters: list(tables.newsletters[0], tables.newsletters[1]),
  members: list(tables.members[0], tables.members[1]),
  settings: list(tables.settings[0], tables.settings[1]),
});
const meta = z.object({ version: text(40), exported_on: z.union([z.number(), z.string()]).nullish() }).nullish();

/** Ghost's two shapes: `{db: [{meta, data}]}` from the admin, and a bare `{meta?, data}`. */
const wrapped = z.object({ db: z.array(z.object({ meta, data })).min(1) }).transform((f) => f.db[0]!);
const bare = z.object({ meta, data });

/** Where an export's posts are read again from, and the file as it was when it was first read. */
export interface GhostFile {
  path: string;
  size: number;
  modified: number;
  posts: JsonPath;
}

/** An export as read: its posts without their bodies, its members counted, never kept. */
export type GhostExport = { meta?: z.infer<typeof meta>; data: z.infer<typeof data>; members: number; file: GhostFile };
export type GhostPost = z.infer<typeof post>;
export type GhostPostMeta = z.infer<typeof postMeta>;
export type GhostTag = z.infer<typeof tag>;
export type GhostUser = z.infer<typeof user>;

/** What one row may hold: a body field is at most 5,000,000 characters; nothing nests deep but lexical, which is a string. */
const LIMITS: JsonReadLimits = { maxDepth: 64, maxString: MAX_BODY_FIELD + 1, maxValue: 4 * MAX_BODY_FIELD };

/** Where Ghost keeps its tables: `data`, or `db.N.data`. */
const isData = (path: JsonPath) => (path.length === 1 && path[0] === 'data') || (path.length === 3 && path[0] === 'db' && typeof path[1] === 'number' && path[2] === 'data');
/** The export is walked down to its tables; each row then arrives whole, and rows of tables not read are dropped as they come. */
const walkGhost = (path: JsonPath) => path.length === 0 || (path.length === 1 && path[0] === 'db') || (path.length === 2 && path[0] === 'db') || isData(path) || (path.length > 0 && isData(path.slice(0, -1)));

/**
 * Reads and checks a Ghost export (Ghost 1 to 6) as a stream: each row is checked as it arrives
 * and only the rows of the tables the import uses are kept, never the file's text nor its other
 * tables; posts are kept without their bodies (`readGhostPosts` reads them again) and members are
 * only counted. A file that is not one, or is too large, ends in one clear error.
 */
export async function readGhostExport(file: string): Promise<GhostExport> {
  const stat = await fs.stat(file);
  if (stat.size > MAX_EXPORT_BYTES) {
    throw unreadable(`it is ${megabytes(stat.size)}; exports up to ${megabytes(MAX_EXPORT_BYTES)} are taken (export without members, or split the posts)`);
  }
  let read: unknown;
  const containers = new Map<string, Record<string, unknown> | unknown[]>();
  /** Members by the table of data that holds them. */
  const members = new Map<string, number>();
  const keyOf = (path: JsonPath) => path.join('\u0000');
  const attach = (path: JsonPath, value: unknown) => {
    if (path.length === 0) return void (read = value);
    const parent = containers.get(keyOf(path.slice(0, -1)))!;
    if (Array.isArray(parent)) parent.push(value);
    else Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  };
  for await (const event of readRows(file, (path) => Array.isArray(containers.get(keyOf(path))))) {
    if (event.kind === 'open') {
      const container = event.type === 'array' ? [] : {};
      containers.set(keyOf(event.path), container);
      attach(event.path, container);
      continue;
    }
    const { table, path } = event;
    if (table === undefined) attach(path, event.value);
    else if (table === 'posts') attach(path, postHead(checkRow(table, event.value, path) as GhostPost));
    else if (table === 'members') {
      checkRow(table, event.value, path);
      const key = keyOf(path.slice(0, -2));
      members.set(key, (members.get(key) ?? 0) + 1);
    } else if (table in tables) attach(path, checkRow(table as keyof typeof tables, event.value, path));
  }
  const isWrapped = typeof read === 'object' && read !== null && 'db' in read;
  const result = (isWrapped ? wrapped : bare).safeParse(read);
  if (!result.success) throw unreadable(firstIssue(result.error.issues));
  const dataPath = isWrapped ? ['db', 0, 'data'] : ['data'];
  return { ...result.data, members: members.get(keyOf(dataPath)) ?? 0, file: { path: file, size: stat.size, modified: stat.mtimeMs, posts: [...dataPath, 'posts'] } };
}

/**
 * The export's posts read again, whole and checked, one at a time in the file's order; the file
 * must be as it was when the export was first read.
 */
export async function* readGhostPosts(file: GhostFile): AsyncGenerator<GhostPost> {
  const stat = await fs.stat(file.path).catch(() => null);
  if (!stat || stat.size !== file.size || stat.mtimeMs !== file.modified) throw fileChanged();
  const depth = file.posts.length;
  for await (const event of readRows(file.path, () => true)) {
    const { path } = event;
    if (event.kind === 'value' && event.table === 'posts' && path.length === depth + 1 && file.posts.every((part, n) => path[n] === part)) {
      yield checkRow('posts', event.value, path) as GhostPost;
    }
  }
}

type RowEvent = { kind: 'open'; path: JsonPath; type: 'object' | 'array' } | { kind: 'value'; path: JsonPath; value: unknown; table: string | undefined };

/**
 * Walks the export down to its tables: tells each container walked into, then each row as it
 * arrives with its table's name, and anything else read whole without one; `isList` says whether
 * the container at a path is a list.
 */
async function* readRows(file: string, isList: (path: JsonPath) => boolean): AsyncGenerator<RowEvent> {
  try {
    for await (const event of readJson(createReadStream(file), walkGhost, LIMITS)) {
      if (event.kind === 'open') yield event;
      else if (event.kind === 'value') {
        // A row: an item of a table that is a list (anything else is left to the check of the whole).
        const inList = event.path.length > 1 && isData(event.path.slice(0, -2)) && isList(event.path.slice(0, -1));
        yield { ...event, table: inList ? String(event.path.at(-2)) : undefined };
      }
    }
  } catch (error) {
    if (error instanceof JsonReadError) throw unreadable(error.reason.startsWith('is not valid JSON') ? `it ${error.reason}` : `${error.path.join('.') || 'the file'} ${error.reason}`);
    throw error;
  }
}

/** One row of a table, checked as it arrives; the rows kept are already in their checked form. */
function checkRow(table: keyof typeof tables, value: unknown, path: JsonPath): unknown {
  const [schema, most] = tables[table];
  if (typeof path.at(-1) === 'number' && (path.at(-1) as number) >= most) throw unreadable(`${path.slice(0, -1).join('.')} holds more than ${most.toLocaleString('en')} rows`);
  const result = schema.safeParse(value);
  if (!result.success) throw unreadable(firstIssue(result.error.issues, path));
  return result.data;
}

function firstIssue(issues: z.core.$ZodIssue[], at: JsonPath = []): string {
  const issue = issues[0]!;
  const path = [...at, ...issue.path.map(String)];
  const where = path.length > 0 ? path.join('.') : 'the file';
  return `${where} ${issue.message.toLowerCase()}`.slice(0, 300);
}

/** The export was changed or removed between reading it and writing its posts. */
export function fileChanged(): AppError {
  return unreadable('it changed while it was being imported');
}

function unreadable(reason: string): AppError {
  return new AppError('IMPORT_FILE_UNREADABLE', `This is not a Ghost export that can be imported: ${reason}. Nothing was changed.`);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 102.4) / 10} MB`;
}
