import { forViewer, anonymous, type Author, type ListFilter, type Post, type Tag } from '../content/index.js';
import type { Translate } from '../i18n/index.js';
import { cacheKeys, showPosts, type SiteDeps } from './page.js';
import { absoluteLinks, absoluteUrl, paths } from './urls.js';
import { xmlDocument } from './xml-document.js';

const FEED_SIZE = 20;

const imageTypes: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

function imageType(url: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return imageTypes[extension] ?? 'image/jpeg';
}

export type FeedSubject = { kind: 'site' } | { kind: 'tag'; tag: Tag } | { kind: 'author'; author: Author };

export interface Feed {
  xml: string;
  keys: Set<string>;
}

/**
 * RSS 2.0 of the newest pieces of the site, a section/tag or an author. Public pieces carry their
 * full text; gated ones only their excerpt, as an anonymous reader sees them.
 */
export async function buildFeed(deps: SiteDeps, subject: FeedSubject): Promise<Feed> {
  const site = await deps.settings.site();
  const { filter, title, description, base, listKey } = feedInfo(subject, site.title, site.description, deps.theme.translate(site.locale));
  const { posts } = await deps.posts.list(filter, { limit: FEED_SIZE });
  const keys = new Set([listKey]);
  showPosts(keys, posts);
  const link = absoluteUrl(deps.publicUrl, base);
  const channel = (await xmlDocument())
    .ele('rss', {
      version: '2.0',
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
      'xmlns:media': 'http://search.yahoo.com/mrss/',
    })
    .ele('channel');
  channel.ele('title').txt(title);
  channel.ele('link').txt(link);
  channel.ele('description').txt(description);
  channel.ele('language').txt(site.locale);
  channel.ele('generator').txt('Masthead');
  channel.ele('atom:link', { href: absoluteUrl(deps.publicUrl, paths.feed(base)), rel: 'self', type: 'application/rss+xml' });
  const newest = posts[0]?.updatedAt;
  if (newest) channel.ele('lastBuildDate').txt(new Date(newest).toUTCString());
  for (const post of posts) addItem(channel, forViewer(post, anonymous), deps.publicUrl);
  return { xml: channel.end({ prettyPrint: false }), keys };
}

/** What a feed lists and how it describes itself, in the site's language where the editors wrote nothing. */
function feedInfo(subject: FeedSubject, siteTitle: string, siteDescription: string, t: Translate) {
  switch (subject.kind) {
    case 'site':
      return { filter: {} as ListFilter, title: siteTitle, description: siteDescription, base: '/', listKey: cacheKeys.listAll };
    case 'tag':
      return {
        filter: { tagId: subject.tag.id },
        title: `${subject.tag.name} – ${siteTitle}`,
        description: subject.tag.description || t('feed.tagDescription', { name: subject.tag.name, site: siteTitle }),
        base: paths.tag(subject.tag.slug),
        listKey: cacheKeys.listTag(subject.tag.id),
      };
    case 'author':
      return {
        filter: { authorId: subject.author.id },
        title: `${subject.author.name} – ${siteTitle}`,
        description: subject.author.bio || t('feed.authorDescription', { name: subject.author.name, site: siteTitle }),
        base: paths.author(subject.author.slug),
        listKey: cacheKeys.listAuthor(subject.author.id),
      };
  }
}

type Builder = ReturnType<Awaited<ReturnType<typeof xmlDocument>>['ele']>;

function addItem(channel: Builder, post: Post & { gated: boolean }, publicUrl: string): void {
  const url = absoluteUrl(publicUrl, paths.post(post.slug));
  const item = channel.ele('item');
  item.ele('title').txt(post.title);
  item.ele('link').txt(url);
  item.ele('guid', { isPermaLink: 'false' }).txt(`${publicUrl}/#post-${post.id}`);
  item.ele('pubDate').txt(new Date(post.publishedAt!).toUTCString());
  for (const author of post.authors) item.ele('dc:creator').txt(author.name);
  for (const tag of post.tags) item.ele('category').txt(tag.name);
  item.ele('description').txt(post.excerpt);
  if (!post.gated) item.ele('content:encoded').txt(absoluteLinks(publicUrl, post.html));
  if (post.featureImage) {
    const image = absoluteUrl(publicUrl, post.featureImage.url);
    const type = imageType(image);
    item.ele('media:content', { url: image, medium: 'image', type });
    item.ele('enclosure', { url: image, length: '0', type });
  }
}
