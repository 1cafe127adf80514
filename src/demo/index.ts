import fs from 'node:fs/promises';
import path from 'node:path';
import type { Services } from '../services.js';
import { demoArtwork } from './artwork.js';
import type { DemoMagazine } from './demo.types.js';
import { demoMagazine } from './magazine.js';

const DAY_MS = 86_400_000;

export interface DemoOptions {
  /** Do nothing when the site already has posts (first start). */
  onlyIfEmpty?: boolean;
  /** Where the demo artwork is written; it is served under /media/. */
  mediaDir?: string;
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
    if (featureImage && options.mediaDir) {
      const file = path.join(options.mediaDir, 'demo', `${post.slug}.svg`);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, demoArtwork(post.slug, accents.get(post.tags?.[0] ?? '') ?? magazine.settings.accentColor));
      // The artwork is abstract, so its alt text says so rather than describing a photograph.
      image = { ...featureImage, url: `/media/demo/${post.slug}.svg`, alt: `Abstract artwork for “${post.title}”` };
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
