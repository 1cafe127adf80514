import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWordpress } from '../../src/portability/wordpress/wordpress.importer.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';
import { item, tempDir, writeFile, wxr } from '../portability/wordpress-support.js';

const cdata = (text: string) => `<![CDATA[${text}]]>`;

/** A `wp:comment` as WordPress writes it. */
function comment(c: { id: number; parent?: number; author: string; email: string; date: string; content: string; approved?: string; type?: string }): string {
  return `<wp:comment>
  <wp:comment_id>${c.id}</wp:comment_id>
  <wp:comment_author>${cdata(c.author)}</wp:comment_author>
  <wp:comment_author_email>${cdata(c.email)}</wp:comment_author_email>
  <wp:comment_author_url>https://spam.example</wp:comment_author_url>
  <wp:comment_date>${cdata(c.date)}</wp:comment_date>
  <wp:comment_date_gmt>${cdata(c.date)}</wp:comment_date_gmt>
  <wp:comment_content>${cdata(c.content)}</wp:comment_content>
  <wp:comment_approved>${cdata(c.approved ?? '1')}</wp:comment_approved>
  <wp:comment_type>${cdata(c.type ?? 'comment')}</wp:comment_type>
  <wp:comment_parent>${c.parent ?? 0}</wp:comment_parent>
  <wp:comment_user_id>0</wp:comment_user_id>
</wp:comment>`;
}

describe.each(dialects)('comments brought in from WordPress (%s)', (dialect) => {
  let t: AppContext;
  const dir = tempDir();
  let file: string;

  beforeAll(async () => {
    t = await testApp(dialect);
    await t.services.comments.setSiteAccess('members');
    await t.services.members.add({ email: 'mira@example.com', name: 'Mira Member' });
    const comments = [
      comment({ id: 11, author: 'Mira (old name)', email: 'Mira@Example.com', date: '2024-01-16 09:00:00', content: 'I loved <em>this</em> &amp; that.\nSecond line.' }),
      comment({ id: 12, parent: 11, author: 'Visitor Vi', email: 'vi@else.example', date: '2024-01-16 10:00:00', content: 'A reply to Mira.' }),
      comment({ id: 13, parent: 12, author: 'Third Tom', email: '', date: '2024-01-16 11:00:00', content: 'A reply to the reply.' }),
      comment({ id: 14, author: 'Spammer', email: 'spam@spam.example', date: '2024-01-16 12:00:00', content: 'Buy things', approved: 'spam' }),
      comment({ id: 15, author: 'Waiting Will', email: 'will@example.com', date: '2024-01-16 12:30:00', content: 'Not yet approved', approved: '0' }),
      comment({ id: 16, author: 'Pinger', email: '', date: '2024-01-16 13:00:00', content: 'Pingback', type: 'pingback' }),
    ].join('\n');
    const post = item({ id: 5, title: 'A discussed piece', name: 'a-discussed-piece', content: '<p>Body.</p>' }).replace('</item>', `${comments}\n</item>`);
    file = writeFile(dir.dir, 'export.xml', wxr([post]));
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  it('brings approved comments with their threads, by members where the address matches, and says what it left', async () => {
    const report = await importWordpress(t.services, file, { fetchMedia: false });
    expect(report.facts.join('\n')).toContain('comments: 3 approved, brought in with their pieces');
    expect(report.facts.join('\n')).toContain('comments not imported: 3 (1 awaiting moderation, 1 spam, 0 in the trash, 1 pingbacks and trackbacks)');
    const post = await t.services.posts.getBySlug('a-discussed-piece');
    const { count, threads } = await t.services.comments.shown(post.id);
    expect(count).toBe(3);
    expect(threads).toHaveLength(1);
    const [top] = threads;
    expect(top).toMatchObject({ authorName: 'Mira (old name)', body: 'I loved this & that.\nSecond line.', createdAt: '2024-01-16T09:00:00.000Z', status: 'approved' });
    expect(top!.memberId).not.toBeNull();
    expect(top!.replies.map((r) => [r.authorName, r.body, r.memberId])).toEqual([
      ['Visitor Vi', 'A reply to Mira.', null],
      ['Third Tom', 'A reply to the reply.', null],
    ]);
    const page = await t.app.inject(`/${post.slug}/`);
    expect(page.body).toContain('3 comments');
    expect(page.body).toContain('Visitor Vi');
    expect(page.body).not.toContain('vi@else.example');
  });

  it('adds nothing more when the same export is imported again, even as an update', async () => {
    await importWordpress(t.services, file, { fetchMedia: false });
    await importWordpress(t.services, file, { fetchMedia: false, update: true });
    const post = await t.services.posts.getBySlug('a-discussed-piece');
    expect((await t.services.comments.shown(post.id)).count).toBe(3);
  });
});
