// Moving a large WordPress site in: a 10,000-post export built from the patterns of WordPress's
// own test exports (classic posts with [caption] and [gallery], block-editor posts with tables,
// pull quotes, embeds and images, nested categories, tags, comments, custom fields), imported on
// SQLite and on PostgreSQL, each in a process of its own so its peak memory is its own.
// Usage: npm run bench:import [-- --posts 10000 --images 200]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { importWordpress } from '../src/portability/wordpress/wordpress.importer.js';
import { measureImport, onBothDatabases, printTable, type ChildJob, type RunImport } from './import-harness.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  const value = at === -1 ? NaN : Number(argv[at + 1]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
};
const SITE = 'https://old-magazine.example';
const words = 'light city river portrait summer quiet novel stage archive letter harbour window orchard ballad morning'.split(' ');

const script = fileURLToPath(import.meta.url);
const runWordpress: RunImport = (services, file, onProgress) => importWordpress(services, file, { uploadsDir: path.join(path.dirname(file), 'uploads'), fetchMedia: false, onProgress });

async function parent(): Promise<void> {
  const posts = option('posts', 10_000);
  const images = option('images', 200);
  const { results, bytes } = await onBothDatabases(script, 'wp', async (dir) => {
    const file = path.join(dir, 'export.xml');
    await writeUploads(path.join(dir, 'uploads'), images);
    await writeExport(file, posts, images);
    return file;
  });
  console.log(`\nWordPress import: ${posts.toLocaleString('en')} posts and ${Math.round(posts / 50)} pages, ${images} images, a ${(bytes / 1024 / 1024).toFixed(1)} MB export; ${os.cpus().length} cores\n`);
  printTable(results, [
    ['images brought in', (r) => String(r.counts.image!.created)],
    ['old addresses recorded', (r) => r.counts.address!.created!.toLocaleString('en')],
  ]);
}

async function writeUploads(root: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const target = path.join(root, imagePath(i));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const hue = (i * 37) % 255;
    fs.writeFileSync(
      target,
      await sharp({ create: { width: 800, height: 533, channels: 3, background: { r: hue, g: 120, b: 255 - hue } } })
        .jpeg()
        .toBuffer(),
    );
  }
}

function imagePath(i: number): string {
  return `20${String(10 + (i % 14)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/photo-${i}.jpg`;
}

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const sentence = (i: number, n: number) => Array.from({ length: 24 }, (_, k) => words[(i * 7 + n * 13 + k) % words.length]).join(' ');

/** Writes the export as WordPress would, streaming, so building it needs no more memory than importing it. */
async function writeExport(file: string, posts: number, images: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old Magazine</title><link>${SITE}</link><description>Benchmark</description><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${SITE}</wp:base_site_url><wp:base_blog_url>${SITE}</wp:base_blog_url>\n`);
  for (let a = 0; a < 20; a += 1) {
    await write(
      `<wp:author><wp:author_id>${a + 1}</wp:author_id><wp:author_login>${cdata(`writer${a}`)}</wp:author_login><wp:author_email>${cdata(`writer${a}@old-magazine.example`)}</wp:author_email><wp:author_display_name>${cdata(`Writer ${a}`)}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>\n`,
    );
  }
  const sections = ['culture', 'film', 'books', 'music', 'politics', 'life'];
  for (const [i, slug] of sections.entries()) {
    await write(`<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${slug}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(slug)}</wp:cat_name></wp:category>\n`);
    await write(
      `<wp:category><wp:term_id>${i + 101}</wp:term_id><wp:category_nicename>${slug}-reviews</wp:category_nicename><wp:category_parent>${slug}</wp:category_parent><wp:cat_name>${cdata(`${slug} reviews`)}</wp:cat_name></wp:category>\n`,
    );
  }
  for (let tag = 0; tag < 200; tag += 1) {
    await write(`<wp:tag><wp:term_id>${1000 + tag}</wp:term_id><wp:tag_slug>topic-${tag}</wp:tag_slug><wp:tag_name>${cdata(`Topic ${tag}`)}</wp:tag_name></wp:tag>\n`);
  }
  for (let i = 0; i < images; i += 1) {
    await write(
      item({
        id: 100_000 + i,
        type: 'attachment',
        title: `Photo ${i}`,
        name: `photo-${i}`,
        parent: 1 + i * Math.floor(posts / Math.max(images, 1)),
        extra: `<wp:attachment_url>${SITE}/wp-content/uploads/${imagePath(i)}</wp:attachment_url>`,
        meta: { _wp_attached_file: imagePath(i), _wp_attachment_image_alt: `Photograph number ${i}` },
        content: '',
        terms: '',
      }),
    );
  }
  for (let i = 1; i <= posts + Math.round(posts / 50); i += 1) {
    const page = i > posts;
    const section = sections[i % sections.length]!;
    const terms = page
      ? ''
      : `<category domain="category" nicename="${section}${i % 3 === 0 ? '-reviews' : ''}">${cdata(section)}</category><category domain="post_tag" nicename="topic-${i % 200}">${cdata(`Topic ${i % 200}`)}</category><category domain="post_tag" nicename="topic-${(i * 7) % 200}">${cdata(`Topic ${(i * 7) % 200}`)}</category>`;
    const image = images > 0 ? i % images : -1;
    const meta: Record<string, string> = { _edit_last: '1', subtitle: sentence(i, 9).slice(0, 60) };
    if (image >= 0 && i % 4 === 0) meta._thumbnail_id = String(100_000 + image);
    const comments = Array.from(
      { length: i % 4 },
      (_, c) =>
        `<wp:comment><wp:comment_id>${i * 10 + c}</wp:comment_id><wp:comment_author>${cdata('Reader')}</wp:comment_author><wp:comment_content>${cdata(sentence(i, c))}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type></wp:comment>`,
    ).join('');
    await write(
      item({
        id: i,
        type: page ? 'page' : 'post',
        title: `${page ? 'Page' : 'Piece'} ${i}: ${sentence(i, 1).slice(0, 50)}`,
        name: `piece-${i}`,
        sticky: i % 997 === 0,
        content: i % 2 === 0 ? classicBody(i, image) : blockBody(i, image),
        terms,
        meta,
        extra: comments,
        creator: `writer${i % 20}`,
        status: i % 50 === 0 ? 'draft' : 'publish',
      }),
    );
  }
  await write('</channel>\n</rss>\n');
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function upload(image: number, size = ''): string {
  return `${SITE}/wp-content/uploads/${imagePath(image).replace(/\.jpg$/, `${size}.jpg`)}`;
}

function classicBody(i: number, image: number): string {
  const parts = [sentence(i, 1), `${sentence(i, 2)}\n${sentence(i, 3)}`];
  if (image >= 0)
    parts.push(
      `[caption id="attachment_${100_000 + image}" align="alignright" width="300"]<a href="${upload(image)}"><img class="size-medium wp-image-${100_000 + image}" src="${upload(image, '-300x200')}" alt="A photograph" width="300" height="200" /></a> ${sentence(i, 4).slice(0, 40)}[/caption]`,
    );
  parts.push(`<h2>${sentence(i, 5).slice(0, 30)}</h2>`, `<ul>\n<li>${sentence(i, 6).slice(0, 40)}</li>\n<li>${sentence(i, 7).slice(0, 40)}</li>\n</ul>`);
  if (i % 10 === 0) parts.push('https://www.youtube.com/watch?v=SQEQr7c0-dw');
  if (i % 7 === 0 && image >= 0) parts.push('[gallery columns="3"]');
  parts.push(`<blockquote>${sentence(i, 8)}</blockquote>`, sentence(i, 9), `See <a href="${SITE}/${Math.max(1, i - 1)}/">the piece before</a>.`);
  return parts.join('\n\n');
}

function blockBody(i: number, image: number): string {
  const block = (name: string, html: string, attrs = '') => `<!-- wp:${name}${attrs ? ` ${attrs}` : ''} -->\n${html}\n<!-- /wp:${name} -->`;
  const parts = [
    block('paragraph', `<p>${sentence(i, 1)}</p>`),
    block('heading', `<h2 class="wp-block-heading">${sentence(i, 2).slice(0, 30)}</h2>`),
    block('paragraph', `<p>${sentence(i, 3)} <strong>${sentence(i, 4).slice(0, 20)}</strong>.</p>`),
  ];
  if (image >= 0)
    parts.push(
      block(
        'image',
        `<figure class="wp-block-image size-large"><img src="${upload(image, '-1024x683')}" alt="" class="wp-image-${100_000 + image}"/><figcaption class="wp-element-caption">${sentence(i, 5).slice(0, 40)}</figcaption></figure>`,
        `{"id":${100_000 + image},"sizeSlug":"large"}`,
      ),
    );
  parts.push(block('pullquote', `<figure class="wp-block-pullquote"><blockquote><p>${sentence(i, 6).slice(0, 60)}</p><cite>Writer ${i % 20}</cite></blockquote></figure>`));
  parts.push(
    block('table', `<figure class="wp-block-table"><table><tbody><tr><td>${i}</td><td>${sentence(i, 7).slice(0, 20)}</td></tr><tr><td>${i + 1}</td><td>${sentence(i, 8).slice(0, 20)}</td></tr></tbody></table></figure>`),
  );
  parts.push(block('list', `<ul class="wp-block-list"><!-- wp:list-item --><li>${sentence(i, 9).slice(0, 30)}</li><!-- /wp:list-item --></ul>`));
  if (i % 10 === 1)
    parts.push(
      block(
        'embed',
        `<figure class="wp-block-embed is-type-video is-provider-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=SQEQr7c0-dw\n</div></figure>`,
        '{"url":"https://www.youtube.com/watch?v=SQEQr7c0-dw","type":"video","providerNameSlug":"youtube"}',
      ),
    );
  parts.push('<!-- wp:latest-posts /-->', block('paragraph', `<p>${sentence(i, 10)}</p>`));
  return parts.join('\n\n');
}

function item(f: {
  id: number;
  type: string;
  title: string;
  name: string;
  content: string;
  terms: string;
  meta: Record<string, string>;
  extra: string;
  parent?: number;
  sticky?: boolean;
  creator?: string;
  status?: string;
}): string {
  const day = new Date(Date.UTC(2010, 0, 1) + f.id * 3_600_000 * 9);
  const date = day.toISOString().slice(0, 19).replace('T', ' ');
  const meta = Object.entries(f.meta)
    .map(([k, v]) => `<wp:postmeta><wp:meta_key>${cdata(k)}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>`)
    .join('');
  const link = f.type === 'post' ? `${SITE}/${date.slice(0, 4)}/${date.slice(5, 7)}/${f.name}/` : `${SITE}/${f.name}/`;
  return `<item><title>${cdata(f.title)}</title><link>${link}</link><pubDate>${day.toUTCString()}</pubDate><dc:creator>${cdata(f.creator ?? 'writer0')}</dc:creator><guid isPermaLink="false">${SITE}/?p=${f.id}</guid><description></description>
<content:encoded>${cdata(f.content)}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded><wp:post_id>${f.id}</wp:post_id><wp:post_date>${cdata(date)}</wp:post_date><wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt><wp:post_name>${cdata(f.name)}</wp:post_name><wp:status>${cdata(f.type === 'attachment' ? 'inherit' : (f.status ?? 'publish'))}</wp:status><wp:post_parent>${f.parent ?? 0}</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>${cdata(f.type)}</wp:post_type><wp:post_password>${cdata('')}</wp:post_password><wp:is_sticky>${f.sticky ? 1 : 0}</wp:is_sticky>${f.terms}${meta}${f.extra}</item>\n`;
}

if (argv[0] === '--child') await measureImport(JSON.parse(argv[1]!) as ChildJob, runWordpress);
else await parent();
