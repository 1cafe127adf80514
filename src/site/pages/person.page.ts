import type { Post } from '../../content/index.js';
import type { Translate } from '../../i18n/index.js';
import type { Credit, PersonSummary } from '../../reviews/index.js';
import type { SiteSettings } from '../../settings/index.js';
import { cacheKeys, pageMeta, showPosts, type Page, type SiteDeps } from '../page.js';
import { breadcrumbs, creditedPerson, postDescription, workDescription } from '../structured-data.js';
import { paths } from '../urls.js';
import { cards, numberedPage, pageLinks, pagedNames } from './listing.js';

/** A person, with every reviewed work that credits them. */
export type PersonSubject = PersonSummary & { workIds: number[] };

/** What a page may add to a person's page (HTML placed in its head, after the name). */
export interface HeadExtras {
  headerExtra?: string;
}

/** How a role reads on a person's page: "Director", "Cast as Sophie". */
function roleLabel(credit: Pick<Credit, 'role' | 'character'>, t: Translate): string {
  return credit.role === 'cast' && credit.character ? t('role.castAs', { character: credit.character }) : t(`role.${credit.role}`);
}

/** A work as a line names it: its title, and its year when known. */
export function workName(work: { title: string; year: number | null }): string {
  return work.year ? `${work.title} (${work.year})` : work.title;
}

/**
 * The head of a person's page: their name and how many reviewed works credit them, then `extra`,
 * HTML the caller places there as it is (a follow button, say).
 */
export function personHeader(deps: Pick<SiteDeps, 'theme'>, site: SiteSettings, person: PersonSubject, page: number, extra = ''): string {
  return deps.theme.render('partials/person-head', { site, name: person.name, works: workCount(person), page, extra });
}

const workCount = (person: PersonSubject) => person.workIds.length;

/**
 * What the person is in a piece: "Director, Screenwriter — Aftersun (2022)" (linked to the work)
 * when the reviewed work credits them, else the roles the piece names them in ("Interviewee").
 */
function creditLine(post: Post, person: PersonSubject, t: Translate): { text: string; url: string | null } | null {
  const named = post.people.filter((p) => p.person.id === person.id).map((p) => t(`role.${p.role}`));
  const work = post.review?.work;
  const credited = work ? work.credits.filter((c) => c.person.id === person.id).map((c) => roleLabel(c, t)) : [];
  const roles = [...new Set([...credited, ...named])].join(', ');
  if (work && credited.length > 0) return { text: t('people.roleIn', { roles, work: workName(work) }), url: paths.work(work.slug) };
  return named.length > 0 ? { text: roles, url: null } : null;
}

/** Page N of a person's page: every published piece about a work that credits them or that names them, newest first; null past the end. */
export async function personPage(deps: SiteDeps, person: PersonSubject, page: number, extras: HeadExtras = {}): Promise<Page | null> {
  const [site, listing] = await Promise.all([deps.settings.site(), numberedPage(deps, { personId: person.id }, page)]);
  if (!listing || listing.posts.length === 0) return null;
  const t = deps.theme.translate(site.locale);
  const base = paths.person(person.slug);
  const path = paths.paged(base, page);
  // The head names every work that credits them: a change to any of those works redraws the page.
  const keys = new Set([cacheKeys.listPerson(person.id), ...person.workIds.map((id) => cacheKeys.listWork(id))]);
  showPosts(keys, listing.posts);
  const links = pageLinks(base, listing);
  const shown = await cards(deps, listing.posts);
  const works = [...new Map(listing.posts.flatMap((p) => (p.review ? [[p.review.work.id, p.review.work] as const] : []))).values()];
  const { title, crumbs } = pagedNames(site.title, person.name, base, page, t);
  // The pieces on the page that name the person themselves (an interview) are about them.
  const naming = listing.posts.filter((post) => post.people.some((p) => p.person.id === person.id)).map((post) => postDescription(post, site, deps.publicUrl));
  const credited = workCount(person);
  return {
    template: 'person',
    view: {
      name: person.name,
      header: personHeader(deps, site, person, page, extras.headerExtra),
      entries: shown.map((card) => ({ card, credit: creditLine(card.post, person, t) })),
      page,
      ...links,
    },
    meta: pageMeta({
      title,
      path,
      description: credited > 0 ? `${person.name}: ${t('people.works', { count: credited })}` : t('people.pieces', { name: person.name }),
      type: 'profile',
      ...links,
      jsonLd: [creditedPerson(person, deps.publicUrl, naming), ...works.map((w) => workDescription(w, deps.publicUrl)), breadcrumbs(crumbs, deps.publicUrl)],
    }),
    keys,
    shareable: true,
  };
}
