// Moving a large Ghost or Substack publication in: a Ghost 5 JSON export and a Substack ZIP export
// of 10,000 posts each, built from the patterns of the test fixtures (Ghost: rendered HTML with
// image, gallery, callout, bookmark and embed cards, tags with a primary one and an internal one,
// several authors, members-only and paid posts, SEO fields; Substack: captioned images, pull
// quotes, paid posts, podcasts and threads to report), each imported on SQLite and PostgreSQL.
// Usage: npm run bench:import:platforms [-- --posts 10000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importGhost } from '../src/portability/ghost/ghost.importer.js';
import { importSubstack } from '../src/portability/substack/substack.importer.js';
import { substackExport, type PostRow } from '../test/portability/substack-support.js';
import { measureImport, onBothDatabases, printTable, type ChildJob, type RunImport } from './import-harness.js';

const argv = process.argv.slice(2);
const at = argv.indexOf('--posts');
const POSTS = at === -1 ? 10_000 : Math.max(1, Number(argv[at + 1]) || 10_000);
const script = fileURLToPath(import.meta.url);
const words = 'light city river portrait summer quiet novel stage archive letter harbour window orchard ballad morning'.split(' ');
const sentence = (i: number, n: number) => Array.from({ length: 24 }, (_, k) => words[(i * 7 + n * 13 + k) % words.length]).join(' ');
const date = (i: number) => new Date(Date.UTC(2015, 0, 1) + i * 7 * 3_600_000).toISOString();

const runners: Record<string, RunImport> = {
  ghost: (services, file, onProgress) => importGhost(services, file, { onProgress }),
  // No image is fetched: the benchmark measures the import, not Substack's CDN.
  substack: (services, file, onProgress) => importSubstack(services, file, { fetchMedia: false, onProgress }),
};

/** A body as Ghost renders its cards. */
function ghostHtml(i: number): string {
  const image = `__GHOST_URL__/content/images/2024/0${1 + (i % 9)}/photo-${i % 300}.jpg`;
  return [
    `<p>${sentence(i, 1)}. <a href="__GHOST_URL__/post-${(i + 1) % POSTS}/">${sentence(i, 2).slice(0, 30)}</a>.</p>`,
    `<figure class="kg-card kg-image-card kg-width-wide kg-card-hascaption"><img src="${image}" class="kg-image" alt="${sentence(i, 3).slice(0, 40)}" loading="lazy" width="1200" height="800" srcset="${image} 600w, ${image} 1000w"><figcaption>${sentence(i, 4).slice(0, 60)}</figcaption></figure>`,
    `<h2 id="part-${i}">${sentence(i, 5).slice(0, 40)}</h2>`,
    ...Array.from({ length: 6 }, (_, n) => `<p>${sentence(i, n + 6)}. ${sentence(i, n + 20)}.</p>`),
    `<div class="kg-card kg-callout-card kg-callout-card-grey"><div class="kg-callout-emoji">⚓</div><div class="kg-callout-text">${sentence(i, 30).slice(0, 80)}</div></div>`,
    i % 5 === 0 ? `<figure class="kg-card kg-embed-card"><iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" allowfullscreen></iframe></figure>` : '',
    i % 7 === 0
      ? `<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://elsewhere.example/${i}"><div class="kg-bookmark-content"><div class="kg-bookmark-title">${sentence(i, 31).slice(0, 50)}</div></div></a></figure>`
      : '',
    `<blockquote>${sentence(i, 32)}</blockquote>`,
  ].join('');
}

function writeGhostExport(file: string): void {
  const tags = [
    ...['news', 'culture', 'film', 'books', 'music', 'life'].map((slug, n) => ({ id: `t${n}`, name: slug[0]!.toUpperCase() + slug.slice(1), slug, description: `${slug} pieces`, visibility: 'public' })),
    { id: 'tin', name: '#feature-slot', slug: 'hash-feature-slot', description: null, visibility: 'internal' },
  ];
  const users = Array.from({ length: 20 }, (_, n) => ({
    id: `u${n}`,
    name: `Writer ${n}`,
    slug: `writer-${n}`,
    bio: sentence(n, 40),
    profile_image: null,
    website: `https://writer${n}.example`,
    twitter: `@writer${n}`,
    facebook: null,
  }));
  const posts = Array.from({ length: POSTS }, (_, i) => ({
    id: `p${i}`,
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title: `${sentence(i, 0).slice(0, 60)} ${i}`,
    slug: i === 0 ? 'search' : `post-${i}`,
    type: i % 50 === 0 ? 'page' : 'post',
    html: ghostHtml(i),
    feature_image: i % 3 === 0 ? `__GHOST_URL__/content/images/2024/01/feature-${i % 300}.jpg` : null,
    featured: i % 40 === 0,
    status: i % 97 === 0 ? 'draft' : 'published',
    visibility: i % 11 === 0 ? 'members' : i % 13 === 0 ? 'paid' : 'public',
    custom_excerpt: i % 2 === 0 ? sentence(i, 50).slice(0, 120) : null,
    published_at: date(i),
    created_at: date(i),
    author_id: `u${i % 20}`,
  }));
  const data = {
    posts,
    posts_meta: posts
      .filter((_, i) => i % 4 === 0)
      .map((p, n) => ({ post_id: p.id, meta_title: `${p.title} (SEO)`, meta_description: sentence(n, 60).slice(0, 150), feature_image_alt: 'A harbour', feature_image_caption: 'Photo: Ada' })),
    tags,
    posts_tags: posts.flatMap((p, i) => [
      { post_id: p.id, tag_id: `t${i % 6}`, sort_order: 0 },
      ...(i % 4 === 0 ? [{ post_id: p.id, tag_id: 'tin', sort_order: 1 }] : []),
      { post_id: p.id, tag_id: `t${(i + 1) % 6}`, sort_order: 2 },
    ]),
    users,
    posts_authors: posts.flatMap((p, i) => [{ post_id: p.id, author_id: `u${i % 20}`, sort_order: 0 }, ...(i % 9 === 0 ? [{ post_id: p.id, author_id: `u${(i + 3) % 20}`, sort_order: 1 }] : [])]),
    newsletters: [{ id: 'n1', name: 'Harbour Weekly', status: 'active' }],
  };
  fs.writeFileSync(file, JSON.stringify({ db: [{ meta: { version: '5.75.0', exported_on: Date.now() }, data }] }));
}

function writeSubstackExport(file: string): void {
  const origin = 'https://substackcdn.com';
  const rows: PostRow[] = Array.from({ length: POSTS }, (_, i) => {
    const image = `${origin}/image/fetch/w_1456,c_limit,f_auto,q_auto:good/${encodeURIComponent(`https://bucket.s3.amazonaws.com/public/images/${i % 300}.jpg`)}`;
    return {
      id: 100_000 + i,
      slug: `issue-${i}`,
      title: `${sentence(i, 0).slice(0, 60)} ${i}`,
      subtitle: sentence(i, 1).slice(0, 100),
      date: date(i),
      published: i % 97 !== 0,
      type: i % 100 === 0 ? 'podcast' : i % 150 === 0 ? 'thread' : 'newsletter',
      audience: i % 7 === 0 ? 'only_paid' : 'everyone',
      body: [
        `<p>${sentence(i, 2)}.</p>`,
        `<div class="captioned-image-container"><figure><a class="image-link image2" href="${image}"><img src="${image}" width="1456" height="970" alt="Boats"></a><figcaption class="image-caption">${sentence(i, 3).slice(0, 60)}</figcaption></figure></div>`,
        ...Array.from({ length: 6 }, (_, n) => `<p>${sentence(i, n + 4)}. ${sentence(i, n + 20)}.</p>`),
        `<div class="pullquote"><p>${sentence(i, 30).slice(0, 90)}</p></div>`,
        `<h3>${sentence(i, 31).slice(0, 40)}</h3><ul><li>${sentence(i, 32).slice(0, 50)}</li><li>${sentence(i, 33).slice(0, 50)}</li></ul>`,
      ].join(''),
    };
  });
  fs.writeFileSync(file, substackExport(rows));
}

async function parent(): Promise<void> {
  for (const [platform, name, write] of [
    ['ghost', 'export.json', writeGhostExport],
    ['substack', 'export.zip', writeSubstackExport],
  ] as const) {
    const { results, bytes } = await onBothDatabases(`${script}`, platform, async (dir) => {
      const file = path.join(dir, name);
      write(file);
      return file;
    });
    const label = platform === 'ghost' ? 'Ghost JSON' : 'Substack ZIP';
    console.log(`\n${label} import: ${POSTS.toLocaleString('en')} items, a ${(bytes / 1024 / 1024).toFixed(1)} MB export; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}\n`);
    printTable(results, [['old addresses recorded', (r) => (r.counts.address?.created ?? 0).toLocaleString('en')]]);
  }
}

if (argv[0] === '--child') {
  const job = JSON.parse(argv[1]!) as ChildJob;
  await measureImport(job, runners[job.file.endsWith('.zip') ? 'substack' : 'ghost']!);
} else await parent();
