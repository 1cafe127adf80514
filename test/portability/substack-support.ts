import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  data?: Buffer | string;
  /** Stored instead of deflated. */
  store?: boolean;
  /** The uncompressed size the headers claim, when it should not be the true one. */
  declaredSize?: number;
}

/** A zip archive made here, byte by byte, so tests can also make the broken and hostile ones. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? '');
    const packed = entry.store ? data : zlib.deflateRawSync(data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = zlib.crc32(data);
    const size = entry.declaredSize ?? data.length;
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(0x00210000, 12);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface PostRow {
  id: number;
  slug: string;
  title?: string;
  subtitle?: string;
  date?: string;
  published?: boolean;
  type?: string;
  audience?: string;
  /** The HTML body; no body file when undefined. */
  body?: string;
}

const csv = (rows: string[][]) => rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

/** posts.csv as Substack writes it. */
export function postsCsv(posts: PostRow[]): string {
  return csv([
    ['post_id', 'post_date', 'is_published', 'email_sent_at', 'inbox_sent_at', 'type', 'audience', 'title', 'subtitle', 'podcast_url'],
    ...posts.map((p) => [
      `${p.id}.${p.slug}`,
      p.date ?? '2024-03-01T09:00:00.000Z',
      String(p.published ?? true),
      p.published === false ? '' : (p.date ?? '2024-03-01T09:00:00.000Z'),
      '',
      p.type ?? 'newsletter',
      p.audience ?? 'everyone',
      p.title ?? `Post ${p.id}`,
      p.subtitle ?? '',
      p.type === 'podcast' ? `https://api.substack.com/feed/podcast/${p.id}.mp3` : '',
    ]),
  ]);
}

export interface Subscriber {
  email: string;
  paid?: boolean;
  disabled?: boolean;
}

/** email_list.NAME.csv as Substack writes it. */
export function emailList(subscribers: Subscriber[]): string {
  return csv([
    ['email', 'active_subscription', 'expiry', 'plan', 'email_disabled', 'created_at'],
    ...subscribers.map((s) => [s.email, String(s.paid ?? false), s.paid ? '2025-03-01T00:00:00.000Z' : '', s.paid ? 'yearly' : '', String(s.disabled ?? false), '2023-01-05T10:00:00.000Z']),
  ]);
}

/** A whole Substack export zip: posts.csv, each post's body, per-post statistics, the subscriber list. */
export function substackExport(posts: PostRow[], options: { subscribers?: Subscriber[]; publication?: string; extra?: ZipEntry[] } = {}): Buffer {
  const entries: ZipEntry[] = [{ name: 'posts.csv', data: postsCsv(posts) }];
  for (const p of posts) {
    if (p.body !== undefined) entries.push({ name: `posts/${p.id}.${p.slug}.html`, data: p.body });
    entries.push({ name: `posts/${p.id}.${p.slug}.opens.csv`, data: 'email,post_id,timestamp\n' });
  }
  if (options.subscribers) entries.push({ name: `email_list.${options.publication ?? 'harbourletter'}.csv`, data: emailList(options.subscribers) });
  return zip([...entries, ...(options.extra ?? [])]);
}

/** A Substack CDN address of an image kept at `original`, as post bodies show it. */
export function cdn(origin: string, original: string): string {
  return `${origin}/image/fetch/w_1456,c_limit,f_auto,q_auto:good,fl_progressive:steep/${encodeURIComponent(original)}`;
}

/** A captioned image as Substack's editor writes it, with its responsive copies. */
export function substackImage(origin: string, original: string, caption: string): string {
  const src = cdn(origin, original);
  return `<div class="captioned-image-container"><figure><a class="image-link image2" target="_blank" href="${src}"><div class="image2-inset"><picture><source type="image/webp" srcset="${src} 424w, ${src} 848w" sizes="100vw"><img src="${src}" width="1456" height="970" alt="Boats" srcset="${src} 424w" sizes="100vw" loading="lazy"></picture></div></a><figcaption class="image-caption">${caption}</figcaption></figure></div>`;
}
