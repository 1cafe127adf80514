import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/**
 * WordPress's own theme test exports, read where they are shared (`../shared/fixtures` beside the
 * project; a git worktree sits one folder deeper). Never copied into the project.
 */
export function fixture(name: string): string {
  for (const up of ['..', '../..']) {
    const file = path.resolve(up, 'shared/fixtures/wordpress', name);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`WordPress fixture ${name} not found in ../shared/fixtures/wordpress`);
}

export const fixtures = {
  unitTest: 'themeunittestdata.wordpress.xml',
  blocks: '64-block-test-data.xml',
  preview: 'theme-preview.xml',
} as const;

/** A folder that goes away with the returned function. */
export function tempDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-wp-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A small JPEG (or PNG) of one colour. */
export function photo(width = 80, height = 60, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: '#3366aa' } });
  return (format === 'png' ? image.png() : image.jpeg()).toBuffer();
}

export interface ItemFields {
  id: number;
  title?: string;
  content?: string;
  excerpt?: string;
  name?: string;
  type?: string;
  status?: string;
  date?: string;
  creator?: string;
  link?: string;
  parent?: number;
  password?: string;
  sticky?: boolean;
  attachmentUrl?: string;
  terms?: Array<{ domain: string; slug: string; name: string }>;
  meta?: Record<string, string>;
}

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** One `<item>` as WordPress writes it. */
export function item(fields: ItemFields, site = 'https://old.example'): string {
  const date = fields.date ?? '2024-01-15 10:00:00';
  const name = fields.name ?? `item-${fields.id}`;
  const terms = (fields.terms ?? []).map((t) => `<category domain="${t.domain}" nicename="${t.slug}">${cdata(t.name)}</category>`).join('\n');
  const meta = Object.entries(fields.meta ?? {})
    .map(([k, v]) => `<wp:postmeta><wp:meta_key>${cdata(k)}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>`)
    .join('\n');
  return `<item>
  <title>${cdata(fields.title ?? `Item ${fields.id}`)}</title>
  <link>${fields.link ?? `${site}/2024/01/15/${name}/`}</link>
  <pubDate>Mon, 15 Jan 2024 10:00:00 +0000</pubDate>
  <dc:creator>${cdata(fields.creator ?? 'editor')}</dc:creator>
  <guid isPermaLink="false">${site}/?p=${fields.id}</guid>
  <description></description>
  <content:encoded>${cdata(fields.content ?? '')}</content:encoded>
  <excerpt:encoded>${cdata(fields.excerpt ?? '')}</excerpt:encoded>
  <wp:post_id>${fields.id}</wp:post_id>
  <wp:post_date>${cdata(date)}</wp:post_date>
  <wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
  <wp:post_name>${cdata(name)}</wp:post_name>
  <wp:status>${cdata(fields.status ?? (fields.type === 'attachment' ? 'inherit' : 'publish'))}</wp:status>
  <wp:post_parent>${fields.parent ?? 0}</wp:post_parent>
  <wp:menu_order>0</wp:menu_order>
  <wp:post_type>${cdata(fields.type ?? 'post')}</wp:post_type>
  <wp:post_password>${cdata(fields.password ?? '')}</wp:post_password>
  <wp:is_sticky>${fields.sticky ? 1 : 0}</wp:is_sticky>
  ${fields.attachmentUrl ? `<wp:attachment_url>${cdata(fields.attachmentUrl)}</wp:attachment_url>` : ''}
  ${terms}
  ${meta}
</item>`;
}

/** A whole WXR 1.2 export of a site at `site`, with one author ("editor") unless others are given. */
export function wxr(items: string[], options: { site?: string; head?: string; authors?: string } = {}): string {
  const site = options.site ?? 'https://old.example';
  const authors =
    options.authors ??
    `<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('editor')}</wp:author_login><wp:author_email>${cdata('editor@old.example')}</wp:author_email><wp:author_display_name>${cdata('Ed Itor')}</wp:author_display_name><wp:author_first_name>${cdata('Ed')}</wp:author_first_name><wp:author_last_name>${cdata('Itor')}</wp:author_last_name></wp:author>`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Old Magazine</title>
  <link>${site}</link>
  <description>A magazine</description>
  <language>en-GB</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>${site}</wp:base_site_url>
  <wp:base_blog_url>${site}</wp:base_blog_url>
  ${options.head ?? ''}
  ${authors}
  ${items.join('\n')}
</channel>
</rss>
`;
}

/** The old site's web server: answers the given files, redirects as told, 404 for anything else, and remembers what was asked. */
export async function oldSiteServer(files: Record<string, Buffer>, redirects: Record<string, string> = {}): Promise<{ origin: string; requests: string[]; close(): Promise<void> }> {
  const http = await import('node:http');
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    const moved = redirects[request.url ?? ''];
    if (moved) {
      response.writeHead(302, { location: moved }).end();
      return;
    }
    const body = files[request.url ?? ''];
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * A small magazine at `site`: a section nested in another, a tag, a post with a featured image and
 * a resized copy of it in its body, a post linking to it, an image the server lacks, a page.
 */
export function smallMagazine(site: string, changes: { harbourTitle?: string } = {}): string {
  const uploads = `${site}/wp-content/uploads/2024/01`;
  const head = `
  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>culture</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Culture]]></wp:cat_name></wp:category>
  <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>film</wp:category_nicename><wp:category_parent>culture</wp:category_parent><wp:cat_name><![CDATA[Film &amp; TV]]></wp:cat_name></wp:category>
  <wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug>harbours</wp:tag_slug><wp:tag_name><![CDATA[Harbours]]></wp:tag_name></wp:tag>`;
  const terms = [
    { domain: 'category', slug: 'film', name: 'Film &amp; TV' },
    { domain: 'post_tag', slug: 'harbours', name: 'Harbours' },
  ];
  return wxr(
    [
      item(
        {
          id: 11,
          type: 'attachment',
          title: 'harbour',
          name: 'harbour',
          parent: 5,
          attachmentUrl: `${uploads}/harbour.jpg`,
          link: `${site}/2024/01/15/harbour-notes/harbour/`,
          meta: { _wp_attachment_image_alt: 'Boats in the harbour', _wp_attached_file: '2024/01/harbour.jpg' },
          excerpt: 'The harbour at dawn',
        },
        site,
      ),
      item({ id: 12, type: 'attachment', title: 'lost', name: 'lost', parent: 0, attachmentUrl: `${uploads}/lost.jpg`, link: `${site}/?attachment_id=12` }, site),
      item(
        {
          id: 5,
          title: changes.harbourTitle ?? 'Harbour notes',
          name: 'harbour-notes',
          sticky: true,
          content: `The boats came in early.\n\n[caption id="attachment_11" width="300"]<img class="wp-image-11" src="${uploads}/harbour-300x200.jpg" alt="Boats" width="300" height="200" /> Dawn, from the pier[/caption]\n\nhttps://www.youtube.com/watch?v=SQEQr7c0-dw`,
          terms,
          meta: { _thumbnail_id: '11' },
        },
        site,
      ),
      item(
        {
          id: 6,
          title: 'Second thoughts',
          name: 'second-thoughts',
          date: '2024-01-20 09:00:00',
          content: `Read <a href="${site}/2024/01/15/harbour-notes/">the notes</a> first.\n\n<img src="${uploads}/lost.jpg" alt="Lost">`,
          terms,
        },
        site,
      ),
      item({ id: 7, title: 'About us', name: 'about-us', type: 'page', content: 'We write about harbours.', link: `${site}/about-us/` }, site),
    ],
    { site, head },
  );
}
