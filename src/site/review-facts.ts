import { creditRoles, workTypes, type CreditRole, type Review, type WorkType } from '../reviews/index.js';
import type { SiteSettings } from '../settings/index.js';
import { formatCalendarDate, joinNames } from './format.js';

export interface FactRow {
  label: string;
  items: Array<{ text: string; url: string | null }>;
}

export interface ReviewFacts {
  title: string;
  kind: string;
  year: number | null;
  rows: FactRow[];
  rating: { value: number; scale: number; stars: string; label: string } | null;
  verdict: string | null;
}

const whereLabel: Record<WorkType, string> = {
  movie: 'Where to watch',
  tv_series: 'Where to watch',
  book: 'Where to buy',
  music_album: 'Where to listen',
  concert: 'Tickets',
  live_event: 'Tickets',
  theatre: 'Tickets',
};

const text = (value: string) => ({ text: value, url: null });

/** The facts box of a review: the work, who made it, when, how long, where to see it, and the verdict. */
export function reviewFacts(review: Review, site: SiteSettings): ReviewFacts {
  const { work } = review;
  const type = workTypes[work.type];
  const rows: FactRow[] = [];
  const creditRow = (label: string, roles: CreditRole[]) => {
    const names = work.credits.filter((c) => roles.includes(c.role)).map((c) => c.person.name);
    if (names.length) rows.push({ label, items: [text(joinNames([...new Set(names)]))] });
  };
  creditRow(creditRoles.director, ['director']);
  creditRow('Writer', ['screenwriter', 'author']);
  creditRow(creditRoles.creator, ['creator']);
  creditRow(creditRoles.performer, ['performer']);
  const cast = work.credits.filter((c) => c.role === 'cast');
  if (cast.length) {
    rows.push({ label: creditRoles.cast, items: cast.map((c) => text(c.character ? `${c.person.name} as ${c.character}` : c.person.name)) });
  }
  creditRow(creditRoles.composer, ['composer']);
  creditRow(creditRoles.translator, ['translator']);
  creditRow(creditRoles.host, ['host']);
  if (work.organization) rows.push({ label: type.organization, items: [text(work.organization)] });
  if (work.releaseDate) rows.push({ label: type.date, items: [text(formatCalendarDate(work.releaseDate, site.locale))] });
  if (work.runtimeMinutes) rows.push({ label: 'Runtime', items: [text(`${work.runtimeMinutes} minutes`)] });
  if (work.availability.length) {
    rows.push({ label: whereLabel[work.type], items: work.availability.map((a) => ({ text: a.label, url: a.url })) });
  }
  const rating = review.rating;
  return {
    title: work.title,
    kind: type.label,
    year: work.year,
    rows,
    rating: rating
      ? { value: rating.value, scale: rating.scale, stars: stars(rating.value, rating.scale), label: `Rated ${rating.value} out of ${rating.scale}` }
      : null,
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
