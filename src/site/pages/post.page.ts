import { commentHtml, type Comment } from '../../comments/index.js';
import { forViewer, type Post, type Viewer } from '../../content/index.js';
import { imageView } from '../images.js';
import { cacheKeys, pageMeta, showPosts, type Page, type SiteDeps } from '../page.js';
import { namedPeopleRows, reviewFacts } from '../review-facts.js';
import { breadcrumbs, postDescription, type Crumb } from '../structured-data.js';
import { absoluteUrl, paths } from '../urls.js';
import { cards } from './listing.js';

const MORE = 4;
const RELATED = 4;

/** "More from": the newest other pieces of the same section, then of the whole site. */
async function moreFrom(deps: SiteDeps, post: Post, keys: Set<string>): Promise<Post[]> {
  const picked: Post[] = [];
  const add = (candidates: Post[]) => {
    for (const c of candidates) if (c.id !== post.id && !picked.some((p) => p.id === c.id) && picked.length < MORE) picked.push(c);
  };
  if (post.primaryTag) {
    keys.add(cacheKeys.listTag(post.primaryTag.id));
    add(await deps.listings.latest({ tagId: post.primaryTag.id }, MORE + 1));
  }
  if (picked.length < MORE) {
    keys.add(cacheKeys.listAll);
    add(await deps.listings.latest({}, MORE * 2 + 1));
  }
  return picked;
}

/** Where a piece can be shared; the services keep their own names, the email link is in the site's language. */
function shareLinks(url: string, title: string, byEmail: string) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { label: 'Bluesky', url: `https://bsky.app/intent/compose?text=${t}%20${u}` },
    { label: 'Mastodon', url: `https://mastodonshare.com/?text=${t}&url=${u}` },
    { label: 'Facebook', url: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: 'LinkedIn', url: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'X', url: `https://x.com/intent/post?text=${t}&url=${u}` },
    { label: byEmail, url: `mailto:?subject=${t}&body=${u}` },
  ];
}

const withHtml = (c: Comment) => ({ ...c, html: commentHtml(c.body) });

/** Where page `page` of a piece's comments is: the piece itself for the first. */
const commentsPath = (path: string, page: number) => (page === 1 ? `${path}#comments` : `${path}comments/page/${page}/`);

/**
 * One page of the comments under a piece the viewer may read in full, made for the viewer's access
 * level: shown comments, links to the pages before and after, and what this level may do (sign in,
 * upgrade, write). Nothing personal: a member's own waiting comments appear on their comment page
 * only. Null where the viewer sees no comments there (gated, off, past the last page).
 */
async function commentsView(deps: SiteDeps, post: Post & { gated: boolean }, viewer: Viewer, path: string, page: number) {
  if (post.gated || post.type !== 'post') return null;
  const { effective } = await deps.comments.postAccess(post.id);
  if (effective === 'off') return null;
  const shown = await deps.comments.shownPage(post.id, page);
  if (!shown) return null;
  const write = `${path}comment/`;
  const action = viewer.kind === 'anonymous' ? 'signIn' : viewer.kind === 'staff' ? null : effective === 'paid' && !viewer.paid ? 'upgrade' : 'write';
  return {
    count: shown.count,
    threads: shown.threads.map((t) => ({ ...withHtml(t), replies: t.replies.map(withHtml) })),
    page,
    earlier: page > 1 ? commentsPath(path, page - 1) : null,
    later: page < shown.pages ? commentsPath(path, page + 1) : null,
    action,
    write,
    signIn: `/members/signin/?next=${encodeURIComponent(write)}`,
  };
}

/**
 * Page 2 and on of a piece's comments (the first is under the piece), for readers who may read the
 * piece in full; null where they may not or past the last page. Cached with the piece's key, so
 * any change to its comments or its access renews it. Kept out of search results: the piece is
 * what to find.
 */
export async function postCommentsPage(deps: SiteDeps, found: Post, viewer: Viewer, page: number): Promise<Page | null> {
  const post = forViewer(found, viewer);
  const path = paths.post(post.slug);
  const comments = await commentsView(deps, post, viewer, path, page);
  if (!comments) return null;
  const site = await deps.settings.site();
  const title = deps.theme.translate(site.locale)('comments.page.title', { title: post.title, page });
  const keys = new Set<string>();
  showPosts(keys, [post]);
  return {
    template: 'comments',
    view: { post, comments },
    meta: pageMeta({ title, description: title, path: commentsPath(path, page), noindex: true }),
    keys,
    shareable: post.visibility === 'public',
  };
}

/** A post or a static page as the viewer may read it, with everything around it. */
export async function postPage(deps: SiteDeps, found: Post, viewer: Viewer): Promise<Page> {
  const post = forViewer(found, viewer);
  const site = await deps.settings.site();
  const keys = new Set<string>();
  showPosts(keys, [post]);
  const path = paths.post(post.slug);
  const url = absoluteUrl(deps.publicUrl, path);
  const image = await imageView(post.featureImage, deps.media, '(min-width: 64rem) 60rem, 100vw');
  const isPost = post.type === 'post';
  const [more, related] = isPost ? await Promise.all([moreFrom(deps, post, keys), deps.listings.related(post.id, RELATED)]) : [[], []];
  const relatedShown = related.filter((p) => p.id !== post.id);
  showPosts(keys, [...more, ...relatedShown]);
  const t = deps.theme.translate(site.locale);
  const crumbs: Crumb[] = [{ name: site.title, path: '/' }, ...(post.primaryTag ? [{ name: post.primaryTag.name, path: paths.tag(post.primaryTag.slug) }] : []), { name: post.title, path }];
  return {
    template: isPost ? 'post' : 'page',
    view: {
      post,
      image,
      facts: post.review ? reviewFacts(post.review, site, t) : null,
      named: namedPeopleRows(post.people, t),
      share: shareLinks(url, post.title, t('post.shareByEmail')),
      // Teasers of gated pieces: who is asking decides the call to action; signing in comes back here.
      reader: viewer.kind,
      signIn: `/members/signin/?next=${encodeURIComponent(path)}`,
      comments: await commentsView(deps, post, viewer, path, 1),
      more: await cards(deps, more),
      related: await cards(deps, relatedShown),
    },
    meta: pageMeta({
      title: post.seoTitle || post.title,
      description: post.seoDescription || post.excerpt,
      path,
      canonical: post.canonicalUrl,
      type: isPost ? 'article' : 'website',
      image,
      jsonLd: isPost ? [postDescription(post, site, deps.publicUrl), breadcrumbs(crumbs, deps.publicUrl)] : [breadcrumbs(crumbs, deps.publicUrl)],
      published: isPost ? post.publishedAt : null,
      modified: isPost ? post.updatedAt : null,
      section: post.primaryTag?.name ?? null,
      tags: post.tags.map((t) => t.name),
    }),
    keys,
    shareable: post.visibility === 'public',
  };
}
