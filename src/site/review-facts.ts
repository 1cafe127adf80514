import type { Translate } from '../i18n/index.js';
import type { CreditRole, NamedPerson, PieceRole, Rating, Review, WorkType } from '../reviews/index.js';
import type { SiteSettings } from '../settings/index.js';
import { formatCalendarDate } from './format.js';
import { paths } from './urls.js';

export interface FactRow {
  label: string;
  /** Links to people's pages are the site's own; `external` ones (where to watch …) lead elsewhere. */
  items: Array<{ text: string; url: string | null; external?: boolean }>;
}

/** A rating as readers see it: stars on a five-point scale, and in words. */
export interface RatingView {
  value: number;
  scale: number;
  stars: string;
  label: string;
}

export function ratingView(rating: Rating, t: Translate): RatingView {
  return { value: rating.value, scale: rating.scale, stars: stars(rating.value, rating.scale), label: t('facts.rated', { value: rating.value, scale: rating.scale }) };
}

/** The mean of some ratings on their common scale, or on five stars when they use different scales (to two decimals). */
export function averageRating(ratings: Rating[]): Rating {
  const scale = ratings.every((r) => r.scale === ratings[0]?.scale) ? (ratings[0]?.scale ?? 5) : 5;
  const mean = ratings.reduce((sum, r) => sum + (r.value / r.scale) * scale, 0) / Math.max(1, ratings.length);
  return { value: Math.round(mean * 100) / 100, scale };
}

export interface ReviewFacts {
  title: string;
  /** The work's own page. */
  url: string;
  kind: string;
  year: number | null;
  rows: FactRow[];
  rating: RatingView | null;
  verdict: string | null;
}

// Keys of the theme's messages, so the facts box is in the site's language.
const whereLabel: Record<WorkType, string> = {
  movie: 'facts.watch',
  tv_series: 'facts.watch',
  book: 'facts.buy',
  music_album: 'facts.listen',
  concert: 'facts.tickets',
  live_event: 'facts.tickets',
  theatre: 'facts.tickets',
};
const organizationLabel: Record<WorkType, string> = {
  movie: 'facts.organization.movie',
  tv_series: 'facts.organization.tv_series',
  book: 'facts.organization.book',
  music_album: 'facts.organization.music_album',
  concert: 'facts.organization.venue',
  live_event: 'facts.organization.venue',
  theatre: 'facts.organization.venue',
};
const dateLabel: Record<WorkType, string> = {
  movie: 'facts.date.movie',
  tv_series: 'facts.date.tv_series',
  book: 'facts.date.book',
  music_album: 'facts.date.music_album',
  concert: 'facts.date.event',
  live_event: 'facts.date.event',
  theatre: 'facts.date.theatre',
};

const text = (value: string) => ({ text: value, url: null });

/** The facts box of a review: the work, who made it, when, how long, where to see it, and the verdict. */
export function reviewFacts(review: Review, site: SiteSettings, t: Translate): ReviewFacts {
  const { work } = review;
  const rows: FactRow[] = [];
  const creditRow = (label: string, roles: CreditRole[]) => {
    const people = new Map(work.credits.filter((c) => roles.includes(c.role)).map((c) => [c.person.id, c.person]));
    if (people.size) rows.push({ label, items: [...people.values()].map((p) => ({ text: p.name, url: paths.person(p.slug) })) });
  };
  creditRow(t('facts.director'), ['director']);
  creditRow(t('facts.writer'), ['screenwriter', 'author']);
  creditRow(t('facts.creator'), ['creator']);
  creditRow(t('facts.performer'), ['performer']);
  const cast = work.credits.filter((c) => c.role === 'cast');
  if (cast.length) {
    rows.push({ label: t('facts.cast'), items: cast.map((c) => ({ text: c.character ? t('facts.as', { name: c.person.name, character: c.character }) : c.person.name, url: paths.person(c.person.slug) })) });
  }
  creditRow(t('facts.composer'), ['composer']);
  creditRow(t('facts.translator'), ['translator']);
  creditRow(t('facts.host'), ['host']);
  if (work.organization) rows.push({ label: t(organizationLabel[work.type]), items: [text(work.organization)] });
  if (work.releaseDate) rows.push({ label: t(dateLabel[work.type]), items: [text(formatCalendarDate(work.releaseDate, site.locale))] });
  if (work.runtimeMinutes) rows.push({ label: t('facts.runtime'), items: [text(t('facts.minutes', { count: work.runtimeMinutes }))] });
  if (work.availability.length) {
    rows.push({ label: t(whereLabel[work.type]), items: work.availability.map((a) => ({ text: a.label, url: a.url, external: true })) });
  }
  return {
    title: work.title,
    url: paths.work(work.slug),
    kind: t(`facts.${work.type}`),
    year: work.year,
    rows,
    rating: review.rating ? ratingView(review.rating, t) : null,
    verdict: review.verdict,
  };
}

/** ★★★★½ on a five-point scale; other scales are shown as numbers only. */
function stars(value: number, scale: number): string {
  if (scale !== 5) return '';
  const whole = Math.floor(value);
  const half = value - whole >= 0.5 ? '½' : '';
  return '★'.repeat(whole) + half + '☆'.repeat(Math.max(0, 5 - whole - (half ? 1 : 0)));
}

/** The people a piece names, one row per role ("Interviewee"), each linked to their page. */
export function namedPeopleRows(people: NamedPerson[], t: Translate): FactRow[] {
  const byRole = new Map<PieceRole, FactRow['items']>();
  for (const { person, role } of people) byRole.set(role, [...(byRole.get(role) ?? []), { text: person.name, url: paths.person(person.slug) }]);
  return [...byRole].map(([role, items]) => ({ label: t(`role.${role}`), items }));
}
