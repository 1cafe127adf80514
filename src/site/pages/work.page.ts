import type { Post } from '../../content/index.js';
import type { Rating, Work } from '../../reviews/index.js';
import type { SiteSettings } from '../../settings/index.js';
import { cacheKeys, pageMeta, showPosts, type Page, type SiteDeps } from '../page.js';
import { averageRating, ratingView, reviewFacts } from '../review-facts.js';
import { aggregateRating, breadcrumbs, postDescription, workDescription } from '../structured-data.js';
import { absoluteUrl, paths } from '../urls.js';
import { cards, numberedPage, pageLinks, pagedNames } from './listing.js';
import { workName, type HeadExtras } from './person.page.js';

/** A reviewed work with the ratings its published reviews give it. */
export interface WorkSubject {
  work: Work;
  ratings: Rating[];
}

/** Ratings are summed up once a work has at least this many. */
const AGGREGATE_FROM = 2;

/**
 * The head of a work's page: its kind, title and year, its reviews' average rating (when several
 * rate it), the same facts as a review's facts box with links to the people credited, then
 * `extra`, HTML the caller places there as it is (a follow button, say).
 */
export function workHeader(deps: Pick<SiteDeps, 'theme'>, site: SiteSettings, subject: WorkSubject, page: number, extra = ''): string {
  const t = deps.theme.translate(site.locale);
  const facts = reviewFacts({ work: subject.work, rating: null, verdict: null }, site, t);
  const average = summedUp(subject);
  return deps.theme.render('partials/work-head', {
    site,
    facts,
    page,
    average: average && { ...ratingView(average, t), label: t('works.average', { value: Math.round(average.value * 10) / 10, scale: average.scale, count: subject.ratings.length }) },
    extra,
  });
}

const summedUp = (subject: WorkSubject) => (subject.ratings.length >= AGGREGATE_FROM ? averageRating(subject.ratings) : null);

/** A review of the work as schema.org describes it inside the work (which it reviews). */
function reviewOf(post: Post, site: SiteSettings, publicUrl: string, workId: string): object {
  return { ...postDescription(post, site, publicUrl), itemReviewed: { '@id': workId } };
}

/** Page N of a work's page: its facts and every published piece about it, newest first; null past the end. */
export async function workPage(deps: SiteDeps, subject: WorkSubject, page: number, extras: HeadExtras = {}): Promise<Page | null> {
  const { work } = subject;
  const [site, listing] = await Promise.all([deps.settings.site(), numberedPage(deps, { workId: work.id }, page)]);
  if (!listing || listing.posts.length === 0) return null;
  const t = deps.theme.translate(site.locale);
  const base = paths.work(work.slug);
  const path = paths.paged(base, page);
  const keys = new Set([cacheKeys.listWork(work.id)]);
  showPosts(keys, listing.posts);
  const links = pageLinks(base, listing);
  const shown = await cards(deps, listing.posts);
  const name = workName(work);
  const { title, crumbs } = pagedNames(site.title, name, base, page, t);
  const described = workDescription(work, deps.publicUrl);
  const reviews = listing.posts.map((p) => reviewOf(p, site, deps.publicUrl, String(described['@id'])));
  const average = summedUp(subject);
  return {
    template: 'work',
    view: {
      title: name,
      header: workHeader(deps, site, subject, page, extras.headerExtra),
      entries: shown.map((card) => ({ card, rating: card.post.review?.rating ? ratingView(card.post.review.rating, t) : null })),
      page,
      ...links,
    },
    meta: pageMeta({
      title,
      path,
      description: `${t(`facts.${work.type}`)}: ${name}`,
      ...links,
      jsonLd: [
        {
          ...described,
          mainEntityOfPage: absoluteUrl(deps.publicUrl, base),
          ...(average ? { aggregateRating: aggregateRating(average, subject.ratings.length) } : {}),
          ...(reviews.length ? { review: reviews } : {}),
        },
        breadcrumbs(crumbs, deps.publicUrl),
      ],
    }),
    keys,
    shareable: true,
  };
}
