import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { restoreCommentAccess, restoreCommentBans, restoreCommentOptOuts, restoreComments } from '../comments/index.js';
import type { DbOrTx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { restoreFollows } from '../follows/index.js';
import { importMembers, importPlans, importSubscriptions, restoreOfferRedemptions, restoreOffers, restoreTips } from '../members/index.js';
import { importPrintIssue } from '../print/index.js';
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

/**
 * Members of the document that are objects of lists, walked into so that each of their lists is
 * read item by item too; a list of one is named `part.list` (`memberships.members`).
 */
const OBJECTS: Partial<Record<Part, readonly string[]>> = { memberships: ['plans', 'members', 'subscriptions'] };
type Memberships = z.output<typeof documentParts.memberships>;

/** Where one list of the document goes; `after` names the lists that must be in first. */
interface Section {
  after: string[];
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
    const batched = <T>(part: string, after: string[], write: (items: T[], first: number) => Promise<void>): Section => {
      let items: T[] = [];
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
          items.push(checkItem(part, value, index) as T);
          if (items.length >= BATCH) await flush();
        },
        end: flush,
      };
    };
    const each = <P extends Part>(part: P, after: Part[], write: (item: Item<P>, index: number) => Promise<void>): Section => ({
      after,
      take: (value, index) => write(checkItem(part, value, index) as Item<P>, index),
      end: async () => undefined,
    });
    const whole = <P extends Part>(part: P, after: Part[], write: (value: z.output<(typeof documentParts)[P]>) => Promise<void>): Section => ({
      after,
      take: (value) => write(check(documentParts[part], value, part) as z.output<(typeof documentParts)[P]>),
      end: async () => undefined,
    });

    /** The new id and piece of each top-level comment written so far, by its id in the document. */
    const placedComments = new Map<number, { id: number; post: string }>();
    const sections: Record<Exclude<Part, keyof typeof OBJECTS>, Section> & Record<string, Section> = {
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
      newsletters: batched<Item<'newsletters'>>('newsletters', ['masthead'], (newsletters) => scoped.subscribers.restore({ newsletters, subscribers: [] })),
      subscribers: batched<Item<'subscribers'>>('subscribers', ['masthead', 'newsletters'], (subscribers) => scoped.subscribers.restore({ newsletters: [], subscribers })),
      users: each('users', ['masthead'], async (user) => void (await scoped.users.create({ email: user.email, name: user.name, role: user.role }))),
      'memberships.plans': batched<Memberships['plans'][number]>('memberships.plans', ['masthead'], (plans) => importPlans(tx, plans, stamp)),
      'memberships.members': batched<Memberships['members'][number]>('memberships.members', ['masthead'], (members) => importMembers(tx, members, stamp)),
      'memberships.subscriptions': batched<Memberships['subscriptions'][number]>('memberships.subscriptions', ['masthead', 'memberships.plans', 'memberships.members'], (subscriptions, first) =>
        importSubscriptions(tx, subscriptions, first, stamp),
      ),
      printIssues: each('printIssues', ['masthead', 'memberships'], (issue, index) => importPrintIssue(tx, scoped.jobs, issue, index, stamp)),
      offers: batched<Item<'offers'>>('offers', ['masthead', 'memberships'], (offers, first) => restoreOffers(tx, offers, first)),
      offerRedemptions: batched<Item<'offerRedemptions'>>('offerRedemptions', ['masthead', 'memberships', 'offers'], (redemptions, first) => restoreOfferRedemptions(tx, redemptions, first)),
      tips: batched<Item<'tips'>>('tips', ['masthead', 'memberships'], (tips, first) => restoreTips(tx, tips, first)),
      follows: batched<Item<'follows'>>('follows', ['masthead', 'tags', 'authors', 'works', 'subscribers', 'memberships'], (follows, first) => restoreFollows(tx, follows, first)),
      comments: batched<Item<'comments'>>('comments', ['masthead', 'posts', 'memberships'], (comments, first) => restoreComments(tx, comments, first, placedComments)),
      commentAccess: batched<Item<'commentAccess'>>('commentAccess', ['masthead', 'posts'], (rules, first) => restoreCommentAccess(tx, rules, first)),
      commentBans: batched<Item<'commentBans'>>('commentBans', ['masthead', 'memberships'], (bans, first) => restoreCommentBans(tx, bans, first)),
      commentOptOuts: batched<Item<'commentOptOuts'>>('commentOptOuts', ['masthead', 'memberships', 'users'], (optOuts, first) => restoreCommentOptOuts(tx, optOuts, first)),
      oldAddresses: batched<PortableOldAddress>('oldAddresses', ['masthead', 'posts', 'tags', 'authors'], (entries, first) => restoreOldAddresses(tx, entries, first)),
      importedItems: batched<PortableImportedItem>('importedItems', ['masthead', 'posts', 'tags', 'authors'], (items, first) => restoreImportedItems(tx, items, first)),
    };
    await readDocument(input, sections);
    // What the writes set off in the services made for this transaction (recommendation refreshes,
    // webhooks, purges, follow alerts) is written in it too, before it commits, never after.
    await Promise.all([scoped.recommendations.settled(), scoped.webhooks.settled(), scoped.cdn.settled(), scoped.followAlerts.settled()]);
  });
  services.events.emit({ kind: 'settings', slugs: [] });
  return { posts };
}

/** The order in which the lists are written: where a document's lists come in it. */
const ORDER = Object.keys(documentParts) as Part[];
/** Lists read item by item; the version and settings are read whole, objects of lists (OBJECTS) walked into. */
const LISTS = new Set<string>([
  'tags',
  'authors',
  'works',
  'posts',
  'newsletters',
  'subscribers',
  'users',
  'printIssues',
  'offers',
  'offerRedemptions',
  'tips',
  'follows',
  'comments',
  'commentAccess',
  'commentBans',
  'commentOptOuts',
  'oldAddresses',
  'importedItems',
]);
const listsOf = (key: string | number): readonly string[] | undefined => (Object.hasOwn(OBJECTS, key) ? OBJECTS[key as Part] : undefined);
const walkDocument = (path: JsonPath) => {
  if (path.length === 0) return true;
  const lists = listsOf(path[0]!);
  if (path.length === 1) return LISTS.has(String(path[0])) || lists !== undefined;
  return path.length === 2 && lists !== undefined && lists.includes(String(path[1]));
};

/**
 * Reads the document and hands each list's items to its section as they come. A list whose
 * prerequisites are not all written yet is held and written at the end, in the export's order;
 * lists the document lacks are checked as absent (the schema says which may be).
 */
async function readDocument(input: Readable, sections: Record<string, Section>): Promise<void> {
  const written = new Set<string>();
  const held = new Map<string, unknown[]>();
  /** The list being read. */
  let current: { list: string; held: unknown[] | undefined; count: number } | undefined;
  /** The object of lists being walked, and the lists of it read so far. */
  let object: { part: Part; lists: readonly string[]; seen: Set<string> } | undefined;
  const ready = (list: string) => sections[list]!.after.every((p) => written.has(p));
  const seen = new Set<Part>();
  const begin = (key: string | number): Part => {
    if (!ORDER.includes(key as Part)) throw invalid('(input)', `unknown field(s): ${key}`);
    const part = key as Part;
    // JSON.parse would keep the last of two; read as a stream, the first is written already.
    if (seen.has(part)) throw invalid(part, 'is in the document twice');
    seen.add(part);
    return part;
  };
  const startList = (list: string) => {
    current = { list, held: ready(list) ? undefined : [], count: 0 };
  };
  const endList = async () => {
    const { list, held: items } = current!;
    current = undefined;
    if (items) held.set(list, items);
    else {
      await sections[list]!.end();
      written.add(list);
    }
  };
  const takeItem = async (value: unknown) => {
    const into = current!;
    if (into.held) into.held.push(value);
    else await sections[into.list]!.take(value, into.count);
    into.count += 1;
  };
  /** Writes what is left of a list at the end: its held items, or none when the document lacks it. */
  const finish = async (list: string, items: unknown[]) => {
    for (const [index, item] of items.entries()) await sections[list]!.take(item, index);
    await sections[list]!.end();
    written.add(list);
  };

  try {
    for await (const event of readJson(input, walkDocument, LIMITS)) {
      const { path } = event;
      const [key] = path;
      if (path.length === 0) {
        // The document itself: an object (walked) or anything else, which the schema refuses.
        if (event.kind === 'value') check(siteDocument, event.value, '');
        if (event.kind === 'open' && event.type === 'array') check(siteDocument, [], '');
        continue;
      }
      if (object && path.length >= 2) {
        // Inside an object of lists: its lists open and close, their items come one by one.
        if (path.length === 3) await takeItem((event as { value: unknown }).value);
        else if (event.kind === 'close') await endList();
        else {
          const name = String(path[1]);
          const list = `${object.part}.${name}`;
          if (!object.lists.includes(name)) throw invalid(object.part, `unknown field(s): ${name}`);
          if (object.seen.has(name)) throw invalid(list, 'is in the document twice');
          object.seen.add(name);
          // Only a list is walked into; anything else here is refused by the list's schema.
          if (event.kind === 'value' || event.type === 'object') check(schemaOf(list), event.kind === 'value' ? event.value : {}, list);
          startList(list);
        }
        continue;
      }
      if (event.kind === 'open') {
        const part = begin(key!);
        const lists = listsOf(part);
        if (lists) {
          if (event.type === 'array') check(documentParts[part], [], part);
          object = { part, lists, seen: new Set() };
        } else {
          if (event.type === 'object') check(documentParts[part], {}, part);
          startList(part);
        }
        continue;
      }
      if (event.kind === 'close' && path.length === 1) {
        if (object) {
          const { part, lists, seen: present } = object;
          for (const name of lists) if (!present.has(name)) check(schemaOf(`${part}.${name}`), undefined, `${part}.${name}`);
          if (lists.every((name) => written.has(`${part}.${name}`))) written.add(part);
          object = undefined;
        } else await endList();
        continue;
      }
      if (event.kind !== 'value') continue;
      if (path.length === 1) {
        // A member read whole: a list or object of lists given as something else is refused by its schema.
        const part = begin(key!);
        if (LISTS.has(part) || listsOf(part)) check(documentParts[part], event.value, part);
        if (ready(part)) {
          await sections[part]!.take(event.value, 0);
          await sections[part]!.end();
          written.add(part);
        } else held.set(part, [event.value]);
        continue;
      }
      await takeItem(event.value);
    }
  } catch (error) {
    if (error instanceof JsonReadError) throw invalid(error.path.join('.') || '(input)', error.reason);
    throw error;
  }

  for (const part of ORDER) {
    if (written.has(part)) continue;
    const lists = listsOf(part);
    if (lists) {
      // Absent: refused if the schema requires it, else empty; present: what was held.
      if (!seen.has(part)) check(documentParts[part], undefined, part);
      for (const name of lists) if (!written.has(`${part}.${name}`)) await finish(`${part}.${name}`, held.get(`${part}.${name}`) ?? []);
      written.add(part);
      continue;
    }
    const items = held.get(part);
    if (!items && !seen.has(part)) {
      // Absent: refused if the schema requires it, else written as its default.
      const value = check(documentParts[part], undefined, part);
      if (LISTS.has(part)) await finish(part, []);
      else await finish(part, [value]);
      continue;
    }
    await finish(part, items!);
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
function checkItem(list: string, value: unknown, index: number): unknown {
  return check(listItem(schemaOf(list)), value, `${list}.${index}`);
}

/** The schema of a part of the document, or of a list inside one (`memberships.members`). */
function schemaOf(list: string): z.ZodType {
  const [part, name] = list.split('.') as [Part, string | undefined];
  const schema = documentParts[part];
  if (name === undefined) return schema;
  return (withoutDefault(schema) as unknown as { shape: Record<string, z.ZodType> }).shape[name]!;
}

function withoutDefault(schema: z.ZodType): z.ZodType {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
  return def.type === 'default' ? withoutDefault(def.innerType!) : schema;
}

function listItem(schema: z.ZodType): z.ZodType {
  return (withoutDefault(schema) as unknown as { def: { element: z.ZodType } }).def.element;
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
