import type { Services } from '../services.js';
import { demoArtwork } from './artwork.js';
import type { DemoMagazine } from './demo.types.js';
import { demoMagazine } from './magazine.js';

const DAY_MS = 86_400_000;

export interface DemoOptions {
  /** Do nothing when the site already has posts (first start). */
  onlyIfEmpty?: boolean;
  /** Store the posts' artwork with the site's media (served under /media/ or from the CDN) and show it. */
  artwork?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Loads the demo magazine through the same services editors use, so every piece is validated
 * like real content. Returns false when it did nothing because the site was not empty.
 */
export async function loadDemoContent(services: Services, options: DemoOptions = {}, magazine: DemoMagazine = demoMagazine): Promise<boolean> {
  if (options.onlyIfEmpty && !(await services.posts.isEmpty())) return false;
  const now = services.clock().getTime();
  await services.settings.updateSite(magazine.settings);
  for (const tag of magazine.tags) await services.taxonomy.createTag(tag);
  for (const author of magazine.authors) await services.taxonomy.createAuthor(author);
  for (const plan of magazine.plans) await services.plans.create(plan);
  const accents = new Map(magazine.tags.map((t) => [t.slug, t.accentColor ?? magazine.settings.accentColor]));

  const total = magazine.posts.length;
  for (const [index, post] of magazine.posts.entries()) {
    const { daysAgo, featureImage, ...fields } = post;
    const publishedAt = new Date(now - daysAgo * DAY_MS).toISOString();
    let image: { url: string; alt: string; caption?: string; credit: string } | undefined;
    if (featureImage && options.artwork) {
      const artwork = demoArtwork(post.slug, accents.get(post.tags?.[0] ?? '') ?? magazine.settings.accentColor);
      const url = await services.mediaStorage.put(`demo/${post.slug}.svg`, Buffer.from(artwork), 'image/svg+xml');
      // The artwork is abstract, so its alt text says so rather than describing a photograph.
      image = { ...featureImage, url, alt: `Abstract artwork for “${post.title}”` };
    }
    await services.posts.create({
      ...fields,
      ...(image ? { featureImage: image } : {}),
      status: daysAgo < 0 ? 'scheduled' : 'published',
      publishedAt,
    });
    options.onProgress?.(index + 1, total);
  }
  await services.recommendations.rebuild();
  return true;
}
