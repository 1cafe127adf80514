import { exportCommentAccess, exportCommentBans, exportCommentOptOuts, exportComments } from '../comments/index.js';
import { toInput } from '../content/index.js';
import type { Author, Tag } from '../content/index.js';
import { pagesById } from '../db/paged.js';
import { exportFollows } from '../follows/index.js';
import { exportMemberships, exportOfferRedemptions, exportOffers, exportTips } from '../members/index.js';
import { exportPrint } from '../print/index.js';
import { readAllSettings } from '../settings/index.js';
import { worksAfter, type Work } from '../reviews/index.js';
import { createServices, type Services } from '../services.js';
import { DOCUMENT_VERSION, portableImportedItem, type PortableImportedItem, type SiteDocument } from './document.schema.js';
import { authorsAfter, countPosts, postIdsAfter, redirectsOf, tagsAfter } from './export.repository.js';
import { portableImportedItems } from './imported-item.repository.js';
import { jsonText, StreamedObject, type JsonPart } from './json-writer.js';
import { portableOldAddresses } from './old-address.repository.js';

const BATCH = 500;

export type Progress = (done: number, total: number) => void;

/** Takes the document's text as it is made, piece by piece, and resolves once all of it is written. */
export type DocumentSink = (text: AsyncIterable<string>) => Promise<void>;

/**
 * Writes the whole site as one document; importing it into an empty site recreates the same site.
 * The document is made as `write` takes it, every long list a page at a time, all read in
 * one read-only transaction so the document is one moment of the site even while it keeps
 * changing. Answers how many posts and pages were written.
 */
export async function exportSite(services: Services, write: DocumentSink, onProgress?: Progress): Promise<{ posts: number }> {
  const counted = { posts: 0 };
  await services.store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const scoped = createServices({ ...services.store, db: tx }, services);
      const total = await countPosts(tx);
      const posts = async function* () {
        for (let after = 0; ; ) {
          const ids = await postIdsAfter(tx, after, BATCH);
          if (ids.length === 0) break;
          const redirects = await redirectsOf(tx, ids);
          for (const post of await scoped.posts.load(ids)) {
            yield { post: toInput(post), redirectsFrom: redirects.get(post.id) ?? [] };
            counted.posts += 1;
          }
          onProgress?.(counted.posts, Math.max(total, counted.posts));
          after = ids[ids.length - 1]!;
        }
      };
      const document = new StreamedObject([
        ['masthead', () => ({ version: DOCUMENT_VERSION })],
        ['settings', () => readAllSettings(tx)],
        ['tags', () => byPages((after, limit) => tagsAfter(tx, after, limit), toTagInput)],
        ['authors', () => byPages((after, limit) => authorsAfter(tx, after, limit), toAuthorInput)],
        ['works', () => byPages((after, limit) => worksAfter(tx, after, limit), toWorkInput)],
        ['posts', posts],
        ['newsletters', () => scoped.subscribers.exportNewsletters()],
        ['subscribers', () => scoped.subscribers.exportSubscribers()],
        ['users', async () => (await scoped.users.list()).map((u) => ({ email: u.email, name: u.name, role: u.role, status: u.status }))],
        ['memberships', async () => streamed(await exportMemberships(tx))],
        ['printIssues', () => mapped(exportPrint(tx), streamed)],
        ['offers', () => exportOffers(tx)],
        ['offerRedemptions', () => exportOfferRedemptions(tx)],
        ['tips', () => exportTips(tx)],
        ['follows', () => exportFollows(tx)],
        ['comments', () => exportComments(tx)],
        ['commentAccess', () => exportCommentAccess(tx)],
        ['commentBans', () => exportCommentBans(tx)],
        ['commentOptOuts', () => exportCommentOptOuts(tx)],
        ['oldAddresses', () => portableOldAddresses(tx)],
        ['importedItems', async () => (await portableImportedItems(tx)).filter((item): item is typeof item & { kind: PortableImportedItem['kind'] } => isPortableKind(item.kind))],
      ]);
      await write(jsonText(document));
    });
  return counted;
}

/** A table written as it is read, a page at a time through its key, each row shaped as it comes. */
async function* byPages<Row extends { id: number }, Out>(read: (afterId: number, limit: number) => Promise<Row[]>, shape: (row: Row) => Out): AsyncGenerator<Out> {
  for await (const page of pagesById(read)) yield* page.map(shape);
}

/** Each item of an async list shaped as it comes. */
async function* mapped<In, Out>(items: AsyncIterable<In>, shape: (item: In) => Out): AsyncGenerator<Out> {
  for await (const item of items) yield shape(item);
}

/** An object whose lists arrive as they are read, written member by member in its own order. */
function streamed(value: object): StreamedObject {
  return new StreamedObject(Object.entries(value).map(([key, member]) => [key, () => member as JsonPart]));
}

const portableKinds: ReadonlySet<string> = new Set(portableImportedItem.shape.kind.options);
const isPortableKind = (kind: string): kind is PortableImportedItem['kind'] => portableKinds.has(kind);

function toTagInput(t: Tag): SiteDocument['tags'][number] {
  return {
    name: t.name,
    slug: t.slug,
    description: t.description,
    ...(t.accentColor ? { accentColor: t.accentColor } : {}),
    isSection: t.isSection,
    ...(t.navOrder !== null ? { navOrder: t.navOrder } : {}),
    visibility: t.visibility,
  };
}

function toAuthorInput(a: Author): SiteDocument['authors'][number] {
  return {
    name: a.name,
    slug: a.slug,
    bio: a.bio,
    ...(a.photoUrl ? { photoUrl: a.photoUrl } : {}),
    ...(a.website ? { website: a.website } : {}),
    links: a.links,
  };
}

function toWorkInput(work: Work): SiteDocument['works'][number] {
  return {
    type: work.type,
    title: work.title,
    slug: work.slug,
    ...(work.year !== null ? { year: work.year } : {}),
    ...(work.organization ? { organization: work.organization } : {}),
    ...(work.releaseDate ? { releaseDate: work.releaseDate } : {}),
    ...(work.runtimeMinutes !== null ? { runtimeMinutes: work.runtimeMinutes } : {}),
    availability: work.availability.map((a) => ({ label: a.label, ...(a.url ? { url: a.url } : {}) })),
    credits: work.credits.map((c) => ({
      name: c.person.name,
      slug: c.person.slug,
      role: c.role,
      ...(c.character ? { character: c.character } : {}),
    })),
  };
}
