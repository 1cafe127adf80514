import { toInput } from '../content/index.js';
import { exportMemberships } from '../members/index.js';
import { exportPrint } from '../print/index.js';
import { readAllSettings } from '../settings/index.js';
import { allWorks, type Work } from '../reviews/index.js';
import type { Services } from '../services.js';
import { DOCUMENT_VERSION, portableImportedItem, type PortableImportedItem, type SiteDocument } from './document.schema.js';
import { portableImportedItems } from './imported-item.repository.js';
import { portableOldAddresses } from './old-address.repository.js';

const BATCH = 500;

export type Progress = (done: number, total: number) => void;

/** Writes the whole site as one document; importing it into an empty site recreates the same site. */
export async function exportSite(services: Services, onProgress?: Progress): Promise<SiteDocument> {
  const { db } = services.store;
  const [settings, tags, authors, works, users, redirects, ids] = await Promise.all([
    readAllSettings(db),
    services.taxonomy.listTags('all'),
    services.taxonomy.listAuthors(),
    allWorks(db),
    services.users.list(),
    services.posts.redirects(),
    services.posts.allIds(),
  ]);
  const redirectsByPost = new Map<number, string[]>();
  for (const r of redirects) redirectsByPost.set(r.postId, [...(redirectsByPost.get(r.postId) ?? []), r.oldSlug]);

  const posts: SiteDocument['posts'] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const post of await services.posts.load(ids.slice(i, i + BATCH))) {
      posts.push({ post: toInput(post), redirectsFrom: redirectsByPost.get(post.id) ?? [] });
    }
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }

  return {
    masthead: { version: DOCUMENT_VERSION },
    settings,
    tags: tags.map((t) => ({
      name: t.name,
      slug: t.slug,
      description: t.description,
      ...(t.accentColor ? { accentColor: t.accentColor } : {}),
      isSection: t.isSection,
      ...(t.navOrder !== null ? { navOrder: t.navOrder } : {}),
      visibility: t.visibility,
    })),
    authors: authors.map((a) => ({
      name: a.name,
      slug: a.slug,
      bio: a.bio,
      ...(a.photoUrl ? { photoUrl: a.photoUrl } : {}),
      ...(a.website ? { website: a.website } : {}),
      links: a.links,
    })),
    works: works.map(toWorkInput),
    posts,
    ...(await services.subscribers.exportAll()),
    users: users.map((u) => ({ email: u.email, name: u.name, role: u.role, status: u.status })),
    memberships: await exportMemberships(db),
    printIssues: await exportPrint(db),
    oldAddresses: await portableOldAddresses(db),
    importedItems: (await portableImportedItems(db)).filter((item): item is typeof item & { kind: PortableImportedItem['kind'] } => isPortableKind(item.kind)),
  };
}

const portableKinds: ReadonlySet<string> = new Set(portableImportedItem.shape.kind.options);
const isPortableKind = (kind: string): kind is PortableImportedItem['kind'] => portableKinds.has(kind);

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
