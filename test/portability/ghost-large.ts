import fs from 'node:fs';

export interface LargeGhostOptions {
  posts: number;
  members: number;
  /** About how many characters of text each body holds. */
  bodyChars: number;
  /** The editor document the bodies are in (the export carries no rendered HTML). */
  format: 'lexical' | 'mobiledoc';
  /** About how many characters each post's custom excerpt holds (120 unless told). */
  excerptChars?: number;
}

const words = 'light city river portrait summer quiet novel stage archive letter harbour window orchard ballad morning'.split(' ');
const sentence = (i: number, n: number) => Array.from({ length: 24 }, (_, k) => words[(i * 7 + n * 13 + k) % words.length]).join(' ');
const TAGS = 12;
const USERS = 10;

/** Paragraph texts of about `chars` characters for post `i`, the first linking to the next post. */
function paragraphs(i: number, chars: number): string[] {
  const out: string[] = [];
  for (let n = 0, length = 0; length < chars; n += 1) {
    const text = `${sentence(i, n)}. ${sentence(i, n + 40)}.`;
    out.push(text);
    length += text.length;
  }
  return out;
}

function lexical(i: number, chars: number, image: string): string {
  const text = (value: string, format = 0) => ({ detail: 0, format, mode: 'normal', style: '', text: value, type: 'extended-text', version: 1 });
  const children: unknown[] = paragraphs(i, chars).map((p, n) => ({
    children: n === 0 ? [text(p), { children: [text('the next one')], type: 'link', url: `__GHOST_URL__/post-${i + 1}/`, version: 1 }] : [text(p, n % 5 === 0 ? 1 : 0)],
    direction: 'ltr',
    format: '',
    indent: 0,
    type: 'paragraph',
    version: 1,
  }));
  children.splice(1, 0, { type: 'image', version: 1, src: image, alt: 'A harbour', caption: `Photo ${i}`, cardWidth: 'wide' });
  return JSON.stringify({ root: { children, direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });
}

function mobiledoc(i: number, chars: number, image: string): string {
  const sections: unknown[] = paragraphs(i, chars).map((p, n) =>
    n === 0
      ? [
          1,
          'p',
          [
            [0, [], 0, p],
            [0, [0], 1, 'the next one'],
          ],
        ]
      : [1, 'p', [[0, [], 0, p]]],
  );
  sections.splice(1, 0, [10, 0]);
  return JSON.stringify({ version: '0.3.1', atoms: [], markups: [['a', ['href', `__GHOST_URL__/post-${i + 1}/`]]], cards: [['image', { src: image, alt: 'A harbour', caption: `Photo ${i}` }]], sections });
}

/**
 * Writes a Ghost 5 export of `posts` posts with bodies of about `bodyChars` characters (only the
 * editor document, as Ghost exports drafts), each with two tags and an author, some with SEO
 * fields, plus `members` members, in the table order of Ghost's own exporter (posts first,
 * settings last). Written row by row, so the writer's own memory stays small.
 */
export function writeLargeGhostExport(file: string, options: LargeGhostOptions): void {
  const fd = fs.openSync(file, 'w');
  let buffered = '';
  const out = (text: string) => {
    buffered += text;
    if (buffered.length > 1 << 20) {
      fs.writeSync(fd, buffered);
      buffered = '';
    }
  };
  const table = <T>(name: string, count: number, row: (i: number) => T, last = false) => {
    out(`"${name}":[`);
    for (let i = 0; i < count; i += 1) out(`${i > 0 ? ',' : ''}${JSON.stringify(row(i))}`);
    out(`]${last ? '' : ','}`);
  };
  out(`{"db":[{"meta":{"exported_on":1764892800000,"version":"5.75.0"},"data":{`);
  table('posts', options.posts, (i) => {
    const image = `__GHOST_URL__/content/images/2024/01/photo-${i % 50}.jpg`;
    return {
      id: `6${String(i).padStart(23, '0')}`,
      uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      title: `${sentence(i, 0).slice(0, 50)} ${i}`,
      slug: `post-${i}`,
      [options.format]: options.format === 'lexical' ? lexical(i, options.bodyChars, image) : mobiledoc(i, options.bodyChars, image),
      html: null,
      type: i % 100 === 0 ? 'page' : 'post',
      status: 'published',
      visibility: i % 7 === 0 ? 'members' : 'public',
      feature_image: i % 3 === 0 ? image : null,
      featured: i % 40 === 0,
      custom_excerpt: sentence(i, 50)
        .repeat(Math.ceil((options.excerptChars ?? 120) / 150))
        .slice(0, options.excerptChars ?? 120),
      codeinjection_head: i % 500 === 0 ? '<script>track()</script>' : null,
      published_at: new Date(Date.UTC(2015, 0, 1) + i * 3_600_000).toISOString(),
      created_at: new Date(Date.UTC(2015, 0, 1) + i * 3_600_000).toISOString(),
    };
  });
  table('posts_authors', options.posts, (i) => ({ id: `pa${i}`, post_id: `6${String(i).padStart(23, '0')}`, author_id: `u${i % USERS}`, sort_order: 0 }));
  table('posts_meta', Math.ceil(options.posts / 4), (n) => ({
    id: `pm${n}`,
    post_id: `6${String(n * 4).padStart(23, '0')}`,
    meta_title: `Title ${n * 4}`,
    meta_description: sentence(n, 60).slice(0, 150),
    og_title: n % 2 === 0 ? 'Shared' : null,
  }));
  table('posts_tags', options.posts * 2, (k) => ({ id: `pt${k}`, post_id: `6${String(k >> 1).padStart(23, '0')}`, tag_id: `t${((k >> 1) + (k & 1) * 5) % TAGS}`, sort_order: k & 1 }));
  table('tags', TAGS, (n) => ({
    id: `t${n}`,
    name: n === TAGS - 1 ? '#internal' : `Section ${n}`,
    slug: n === TAGS - 1 ? 'hash-internal' : `section-${n}`,
    description: `Pieces about ${words[n % words.length]}`,
    visibility: n === TAGS - 1 ? 'internal' : 'public',
  }));
  table('users', USERS, (n) => ({ id: `u${n}`, name: `Writer ${n}`, slug: `writer-${n}`, bio: sentence(n, 70), profile_image: null, website: `https://writer${n}.example`, twitter: `@writer${n}`, facebook: null }));
  table('members', options.members, (i) => ({ id: `m${i}`, uuid: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`, email: `reader${i}@example.com`, name: `Reader ${i}`, status: i % 9 === 0 ? 'paid' : 'free' }));
  table('newsletters', 1, () => ({ id: 'n1', name: 'Harbour Weekly', status: 'active' }));
  table('settings', 2, (n) => (n === 0 ? { key: 'title', value: 'Harbour Weekly' } : { key: 'description', value: 'A large magazine' }), true);
  out('}}]}');
  fs.writeSync(fd, buffered);
  fs.closeSync(fd);
}
