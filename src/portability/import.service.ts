import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { DbOrTx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { restoreFollows } from '../follows/index.js';
import { importMemberships, membershipSection } from '../members/index.js';
import { importPrint } from '../print/index.js';
import { saveWork } from '../reviews/index.js';
import { writeSetting } from '../settings/index.js';
import { createServices, type Services } from '../services.js';
import { documentParts, siteDocument, type PortableImportedItem, type PortableOldAddress } from './document.schema.js';
import { idsOfSlugs, recordImported, type SlugRef } from './imported-item.repository.js';
import { JsonReadError, readJson, type JsonPath, type JsonReadLimits } from './json-reader.js';
import { addOldAddress, type OldAddressTarget } from './old-address.repository.js';

/**
 * What one value read whole may hold: a post's body is at most 400,000 characters, a print
 * issue's frozen list can be long; nothing in a document nests deeper than a few levels.
 */
const LIMITS: JsonReadLimits = { maxDepth: 64, maxString: 1_000_000, maxValue: 32_000_000 };
/** Items written together: subscribers and the records of imports. */
const BATCH = 500;

type Part = keyof typeof documentParts;
type Item<P extends Part> = NonNullable<z.output<(typeof documentParts)[P]>> extends Array<infer T> ? T : never;

/** Where one list of the document goes; `after` names the lists that must be in first. */
interface Section {
  after: Part[];
  /** Called for each item (for lists) or once with the value; `index` counts items from 0. */
  take(value: unknown, index: number): Promise<void>;
  /** The list or value has been read to its end. */
  end(): Promise<void>;
}

/**
 * Loads a site document into an empty site, all in one transaction: either everything arrives or
 * nothing does. The document is read as a stream, each item checked as it comes and written at
 * once, so memory stays the same whatever the site's size. Items are written in the order export
 * writes the lists; a hand-made document with its lists in another order is still taken (a list
 * that comes before one it needs is held until the end). Answers how many posts and pages arrived.
 */
export async function importSite(services: Services, input: Readable): Promise<{ posts: number }> {
  if (!(await services.posts.isEmpty()) || (await services.taxonomy.listTags('all')).length > 0) {
    input.destroy();
    throw new AppError('IMPORT_TARGET_NOT_EMPTY', 'The site already has content; imports go into an empty site.');
  }
  let posts = 0;
  await services.store.db.transaction().execute(async (tx) => {
    // The same services, bound to this transaction, so every rule applies and nothing half-written stays.
    const scoped = createServices({ ...services.store, db: tx }, services);
    const stamp = services.clock().toISOString();
    const batched = <P extends Part>(part: P, after: Part[], write: (items: Array<Item<P>>, first: number) => Promise<void>): Section => {
      let items: Array<Item<P>> = [];
      let first = 0;
      const flush = async () => {
        const batch = items;
        items = [];
        if (batch.length > 0) await write(batch, first);
        first += batch.length;
      };
      return {
        after,
        take: async (value, index) => {
          items.push(checkItem(part, value, index));
          if (items.length >= BATCH) await flush();
        },
        end: flush,
      };
    };
    const each = <P extends Part>(part: P, after: Part[], write: (item: Item<P>, index: number) => Promise<void>): Section => ({
      after,
      take: (value, index) => write(checkItem(part, value, index), index),
      end: async () => undefined,
    });
    const whole = <P extends Part>(part: P, after: Part[], write: (value: z.output<(typeof documentParts)[P]>) => Promise<void>): Section => ({
      after,
      take: (value) => write(check(documentParts[part], value, part) as z.output<(typeof documentParts)[P]>),
      end: async () => undefined,
    });

    const sections: Record<Part, Section> = {
      masthead: whole('masthead', [], async () => undefined),
      settings: whole('settings', ['masthead'], async (settings) => {
        for (const [key, value] of Object.entries(settings)) await writeSetting(tx, key, value, stamp);
      }),
      tags: each('tags', ['masthead'], async (tag) => void (await scoped.taxonomy.createTag(tag))),
      authors: each('authors', ['masthead'], async (author) => void (await scoped.taxonomy.createAuthor(author))),
      works: each('works', ['masthead'], async (work) => void (await saveWork(tx, work, stamp))),
      posts: each('posts', ['masthead', 'tags', 'authors', 'works'], async ({ post, redirectsFrom }, index) => {
        // A post scheduled for a time that has passed since the export is simply published.
        const due = post.status === 'scheduled' && post.publishedAt !== undefined && post.publishedAt <= stamp;
        const created = await scoped.posts.create(due ? { ...post, status: 'published' } : post).catch((error: unknown) => {
          throw prefixed(error, `posts.${index}`);
        });
        if (redirectsFrom.length > 0) await scoped.posts.addRedirects(created.id, redirectsFrom);
        posts += 1;
      }),
      newsletters: batched('newsletters', ['masthead'], (newsletters) => scoped.subscribers.restore({ newsletters, subscribers: [] })),
      subscribers: batched('subscribers', ['masthead', 'newsletters'], (subscribers) => scoped.subscribers.restore({ newsletters: [], subscribers })),
      users: each('users', ['masthead'], async (user) => void (await scoped.users.create({ email: user.email, name: user.name, role: user.role }))),
      memberships: whole('memberships', ['masthead'], (memberships) => importMemberships(tx, memberships, stamp)),
      printIssues: wholeList('printIssues', ['masthead', 'memberships'], (issues) => importPrint(tx, scoped.jobs, issues, stamp)),
      follows: batched('follows', ['masthead', 'tags', 'authors', 'works', 'subscribers', 'memberships'], (follows, first) => restoreFollows(tx, follows, first)),
      oldAddresses: batched('oldAddresses', ['masthead', 'posts', 'tags', 'authors'], (entries, first) => restoreOldAddresses(tx, entries, first)),
      importedItems: batched('importedItems', ['masthead', 'posts', 'tags', 'authors'], (items, first) => restoreImportedItems(tx, items, first)),
    };
    await readDocument(input, sections);
  });
  services.events.emit({ kind: 'settings', slugs: [] });
  return { posts };
}

/** A list taken whole, as its section of the schema is checked whole (its checks span items). */
function wholeList<P extends Part>(part: P, after: Part[], write: (items: z.output<(typeof documentParts)[P]>) => Promise<void>): Section {
  let items: unknown[] = [];
  return {
    after,
    take: async (value) => void items.push(value),
    end: async () => {
      const all = items;
      items = [];
      await write(check(documentParts[part], all, part) as z.output<(typeof documentParts)[P]>);
    },
  };
}

/** The order in which the lists are written: where a document's lists come in it. */
const ORDER = Object.keys(documentParts) as Part[];
/** Lists read item by item; the others (settings, the version, memberships) are read whole. */
const LISTS = new Set<string>(['tags', 'authors', 'works', 'posts', 'newsletters', 'subscribers', 'users', 'printIssues', 'follows', 'oldAddresses', 'importedItems']);
const walkDocument = (path: JsonPath) => path.length === 0 || (path.length === 1 && LISTS.has(String(path[0])));

/**
 * Reads the document and hands each list's items to its section as they come. A list whose
 * prerequisites are not all written yet is held and written at the end, in the export's order;
 * lists the document lacks are checked as absent (the schema says which may be).
 */
async function readDocument(input: Readable, sections: Record<Part, Section>): Promise<void> {
  const written = new Set<Part>();
  const held = new Map<Part, unknown[]>();
  let current: { part: Part; held: unknown[] | undefined; count: number } | undefined;
  const ready = (part: Part) => sections[part].after.every((p) => written.has(p));
  const seen = new Set<Part>();
  const begin = (key: string | number): Part => {
    if (!ORDER.includes(key as Part)) throw invalid('(input)', `unknown field(s): ${key}`);
    const part = key as Part;
    // JSON.parse would keep the last of two; read as a stream, the first is written already.
    if (seen.has(part)) throw invalid(part, 'is in the document twice');
    seen.add(part);
    return part;
  };

  try {
    for await (const event of readJson(input, walkDocument, LIMITS)) {
      const [key] = event.path;
      if (event.path.length === 0) {
        // The document itself: an object (walked) or anything else, which the schema refuses.
        if (event.kind === 'value') check(siteDocument, event.value, '');
        if (event.kind === 'open' && event.type === 'array') check(siteDocument, [], '');
        continue;
      }
      if (event.kind === 'open') {
        const part = begin(key!);
        if (event.type === 'object') check(documentParts[part], {}, part);
        current = { part, held: ready(part) ? undefined : [], count: 0 };
        continue;
      }
      if (event.kind === 'close' && event.path.length === 1) {
        const { part, held: items } = current!;
        if (items) held.set(part, items);
        else {
          await sections[part].end();
          written.add(part);
        }
        current = undefined;
        continue;
      }
      if (event.kind !== 'value') continue;
      if (event.path.length === 1) {
        // A member read whole: a list given as something else is refused by its schema.
        const part = begin(key!);
        if (LISTS.has(part)) check(documentParts[part], event.value, part);
        if (ready(part)) {
          await sections[part].take(event.value, 0);
          await sections[part].end();
          written.add(part);
        } else held.set(part, [event.value]);
        continue;
      }
      const into = current!;
      if (into.held) into.held.push(event.value);
      else await sections[into.part].take(event.value, into.count);
      into.count += 1;
    }
  } catch (error) {
    if (error instanceof JsonReadError) throw invalid(error.path.join('.') || '(input)', error.reason);
    throw error;
  }

  for (const part of ORDER) {
    if (written.has(part)) continue;
    const items = held.get(part);
    if (!items && !seen.has(part)) {
      // Absent: refused if the schema requires it, else written as its default.
      const value = check(documentParts[part], undefined, part);
      if (!LISTS.has(part)) await sections[part].take(value, 0);
      await sections[part].end();
      written.add(part);
      continue;
    }
    const section = sections[part];
    if (LISTS.has(part)) for (const [index, item] of items!.entries()) await section.take(item, index);
    else await section.take(items![0], 0);
    await section.end();
    written.add(part);
  }
}

function check<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  try {
    return parseInput(schema, value, prefix);
  } catch (error) {
    if (error instanceof AppError) throw new AppError('IMPORT_INVALID', error.message, error.fields);
    throw error;
  }
}

/** One item of a list, checked with the list's own schema, its errors named as in the whole document. */
function checkItem<P extends Part>(part: P, value: unknown, index: number): Item<P> {
  const schema = unwrapList(documentParts[part]);
  return check(schema, value, `${part}.${index}`) as Item<P>;
}

function unwrapList(schema: z.ZodType): z.ZodType {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType } }).def;
  if (def.type === 'default') return unwrapList(def.innerType!);
  return def.element!;
}

function invalid(field: string, message: string): AppError {
  return new AppError('IMPORT_INVALID', `Invalid input — ${field}: ${message}`, [{ field, message }]);
}

/** Old addresses of imported sites, their items found again by slug, so old links still answer 301. */
async function restoreOldAddresses(tx: DbOrTx, entries: PortableOldAddress[], first: number): Promise<void> {
  const idOf = await slugResolver(
    tx,
    entries.map((e) => e.to).filter((to): to is SlugRef => !('location' in to)),
  );
  for (const [offset, entry] of entries.entries()) {
    const { to } = entry;
    const field = `oldAddresses.${first + offset}`;
    const target: OldAddressTarget = 'location' in to ? { location: to.location } : 'post' in to ? { postId: idOf(to, field) } : 'tag' in to ? { tagId: idOf(to, field) } : { authorId: idOf(to, field) };
    await addOldAddress(tx, entry.address, target, entry.createdAt);
  }
}

/** What imports from other platforms brought in, so running the same platform import again adds nothing. */
async function restoreImportedItems(tx: DbOrTx, items: PortableImportedItem[], first: number): Promise<void> {
  const idOf = await slugResolver(
    tx,
    items.map((i) => i.to),
  );
  for (const [offset, item] of items.entries()) {
    const targetId = idOf(item.to, `importedItems.${first + offset}`);
    const { source, kind, externalId, sourceHash, targetHash, importedAt } = item;
    await recordImported(tx, source, { kind, externalId, targetId, sourceHash, targetHash, importedAt });
  }
}

/** Looks up the ids of the items these references name; a reference to nothing refuses the document. */
async function slugResolver(tx: DbOrTx, refs: SlugRef[]): Promise<(to: SlugRef, field: string) => number> {
  const ids = await idsOfSlugs(tx, refs);
  return (to, field) => {
    const kind = 'post' in to ? 'post' : 'tag' in to ? 'tag' : 'author';
    const slug = 'post' in to ? to.post : 'tag' in to ? to.tag : to.author;
    const id = ids[kind].get(slug);
    if (id === undefined) {
      const problem = { field: `${field}.to.${kind}`, message: `no ${kind} in the document has the slug "${slug}"` };
      throw new AppError('IMPORT_INVALID', `${problem.field}: ${problem.message}`, [problem]);
    }
    return id;
  };
}

function prefixed(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError)) return error;
  const fields = error.fields.map((f) => ({ ...f, field: `${prefix}.${f.field}` }));
  return new AppError(error.code, `${prefix}: ${error.message}`, fields);
}
