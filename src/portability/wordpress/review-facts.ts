import type { ReviewInput, WorkInput } from '../../reviews/index.js';

/**
 * Review facts taken from custom fields where their names say what they hold: the fields review
 * plugins and magazine themes commonly use (WP Review's `wp_review_total`, a `rating` with a
 * `director` or `author` and a work title …). A post becomes a review only when a reviewed work
 * is named; a rating without one is reported, not guessed at.
 */
export interface FoundReview {
  review?: ReviewInput;
  /** Why fields that look like review facts were not used. */
  doubt?: string;
}

type Fields = Map<string, string>;

const RATING = ['rating', 'review_rating', 'score', 'review_score', 'stars', 'wp_review_total', '_wp_review_total', 'taq_review_score'];
const SCALE = ['rating_scale', 'rating_max', 'best_rating', 'max_rating'];
const VERDICT = ['verdict', 'review_verdict', 'review_summary', 'wp_review_desc', 'bottom_line'];
const WORKS: Array<{ type: WorkInput['type']; titles: string[] }> = [
  { type: 'movie', titles: ['film', 'film_title', 'movie', 'movie_title'] },
  { type: 'tv_series', titles: ['series', 'tv_series', 'show_title', 'series_title'] },
  { type: 'book', titles: ['book', 'book_title'] },
  { type: 'music_album', titles: ['album', 'album_title'] },
  { type: 'theatre', titles: ['play', 'play_title', 'production'] },
  { type: 'concert', titles: ['concert', 'gig'] },
];
const CREDITS: Array<{ role: 'director' | 'author' | 'performer' | 'cast' | 'screenwriter' | 'composer'; fields: string[] }> = [
  { role: 'director', fields: ['director', 'directed_by'] },
  { role: 'author', fields: ['author_name', 'book_author', 'writer'] },
  { role: 'performer', fields: ['artist', 'band', 'performer'] },
  { role: 'cast', fields: ['cast', 'starring'] },
  { role: 'screenwriter', fields: ['screenwriter', 'screenplay'] },
  { role: 'composer', fields: ['composer'] },
];
const ORGANIZATION = ['studio', 'publisher', 'label', 'record_label', 'network', 'venue'];
const YEAR = ['year', 'release_year', 'publication_year'];
const RUNTIME = ['runtime', 'running_time', 'duration'];

export function reviewFromFields(meta: Array<{ key: string; value: string }>): FoundReview {
  const fields: Fields = new Map(meta.map((m) => [m.key.toLowerCase(), m.value.trim()]));
  const rating = parseRating(first(fields, RATING), first(fields, SCALE), first(fields, ['wp_review_type']));
  const work = WORKS.map((w) => ({ type: w.type, title: first(fields, w.titles) })).find((w) => w.title);
  if (!work) {
    return rating ? { doubt: `has a rating (${rating.value} of ${rating.scale}) in its custom fields but no reviewed work, so it stayed an article` } : {};
  }
  const credits = CREDITS.flatMap(({ role, fields: names }) =>
    (first(fields, names) ?? '')
      .split(/\s*[,;]\s*|\s+and\s+/)
      .map((name) => name.trim().slice(0, 200))
      .filter(Boolean)
      .map((name) => ({ name, role })),
  );
  const year = Number(first(fields, YEAR));
  const runtime = parseInt(first(fields, RUNTIME) ?? '', 10);
  const organization = first(fields, ORGANIZATION)?.slice(0, 200);
  const verdict = first(fields, VERDICT)?.replace(/\s+/g, ' ').slice(0, 280);
  return {
    review: {
      work: {
        type: work.type,
        title: work.title!.replace(/\s+/g, ' ').slice(0, 300),
        ...(Number.isInteger(year) && year >= 1800 && year <= 2200 ? { year } : {}),
        ...(organization ? { organization } : {}),
        ...(runtime >= 1 && runtime <= 2000 ? { runtimeMinutes: runtime } : {}),
        availability: [],
        credits: credits.slice(0, 200),
      },
      ...(rating ? { rating } : {}),
      ...(verdict ? { verdict } : {}),
    },
  };
}

function first(fields: Fields, names: string[]): string | undefined {
  for (const name of names) {
    const value = fields.get(name);
    if (value) return value;
  }
  return undefined;
}

/** A rating and its scale: stated, or read from WP Review's type, or the smallest usual scale that holds it. */
function parseRating(raw: string | undefined, rawScale: string | undefined, reviewType: string | undefined): { value: number; scale: number } | undefined {
  if (!raw) return undefined;
  const fraction = /^\s*(\d+(?:[.,]\d+)?)\s*(?:\/|out of|of)\s*(\d+)\s*$/i.exec(raw);
  const value = Number((fraction?.[1] ?? raw).replace(',', '.'));
  if (!Number.isFinite(value) || value < 0 || value > 100) return undefined;
  const typed = reviewType === 'star' ? 5 : reviewType === 'point' ? 10 : reviewType === 'percentage' ? 100 : undefined;
  const stated = Number(fraction?.[2] ?? rawScale);
  const scale = Number.isInteger(stated) && stated >= 1 && stated <= 100 ? stated : (typed ?? [5, 10, 100].find((s) => value <= s)!);
  return value <= scale ? { value, scale } : undefined;
}
