import { cacheKeys, pageMeta, showPosts, type Page, type SiteDeps } from '../page.js';
import { breadcrumbs, organization, webSite } from '../structured-data.js';
import { paths } from '../urls.js';
import { cards, numberedPage, pageLinks } from './listing.js';

const LATEST = 6;
const PER_SECTION = 4;

/** The front page: the lead story, the latest pieces and a row per section. */
export async function homePage(deps: SiteDeps): Promise<Page> {
  const [site, sections, featured, latest] = await Promise.all([deps.settings.site(), deps.taxonomy.sections(), deps.listings.latest({ featured: true }, 1), deps.listings.latest({}, LATEST + 1)]);
  const lead = featured[0] ?? latest[0];
  const rest = latest.filter((p) => p.id !== lead?.id).slice(0, LATEST);
  sections.sort((a, b) => (a.navOrder ?? Infinity) - (b.navOrder ?? Infinity));
  const rows = await Promise.all(
    sections.map(async (section) => {
      const posts = await deps.listings.latest({ tagId: section.id }, PER_SECTION + 1);
      return { section, posts: posts.filter((p) => p.id !== lead?.id).slice(0, PER_SECTION) };
    }),
  );
  const keys = new Set([cacheKeys.listAll, ...sections.map((s) => cacheKeys.listTag(s.id))]);
  showPosts(keys, [...(lead ? [lead] : []), ...rest, ...rows.flatMap((r) => r.posts)]);
  const [leadCard] = lead ? await cards(deps, [lead], '(min-width: 64rem) 60rem, 100vw') : [];
  return {
    template: 'home',
    view: {
      lead: leadCard ?? null,
      latest: await cards(deps, rest),
      rows: await Promise.all(rows.filter((r) => r.posts.length > 0).map(async (r) => ({ section: r.section, cards: await cards(deps, r.posts) }))),
    },
    meta: pageMeta({
      path: '/',
      description: site.description,
      image: leadCard?.image ?? null,
      feed: { title: site.title, path: '/rss/' },
      jsonLd: [organization(site, deps.publicUrl), webSite(site, deps.publicUrl)],
    }),
    keys,
    shareable: true,
  };
}

/** /page/N/: every piece, newest first, twelve to a page. */
export async function homeArchivePage(deps: SiteDeps, page: number): Promise<Page | null> {
  const [site, listing] = await Promise.all([deps.settings.site(), numberedPage(deps, {}, page)]);
  if (!listing) return null;
  const keys = new Set([cacheKeys.listAll]);
  showPosts(keys, listing.posts);
  const path = paths.paged('/', page);
  const t = deps.theme.translate(site.locale);
  return {
    template: 'archive',
    view: { heading: t('home.all'), intro: null, kind: 'all', cards: await cards(deps, listing.posts), page, ...pageLinks('/', listing) },
    meta: pageMeta({
      title: `${t('home.all')} – ${t('pagination.page', { page })}`,
      path,
      description: site.description,
      ...pageLinks('/', listing),
      feed: { title: site.title, path: '/rss/' },
      jsonLd: [
        breadcrumbs(
          [
            { name: site.title, path: '/' },
            { name: t('pagination.page', { page }), path },
          ],
          deps.publicUrl,
        ),
      ],
    }),
    keys,
    shareable: true,
  };
}
