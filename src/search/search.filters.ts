import { sql, type RawBuilder } from 'kysely';
import { dayBounds } from './search.query.js';
import type { SearchFilters } from './search.types.js';

/**
 * How many matches are ranked: the most recent ones (by post id), twenty pages of ten. Ranking
 * every match of a common word in a large archive reads every matching document, and with filters
 * every match up to the bound is checked against them; this bound keeps a query's cost flat as the
 * archive grows. Older matches stay reachable with a date range.
 */
export const RANKED_MATCHES = 200;

/** How many of the most recent posts sharing any of a post's words are ranked for recommendations (a background job). */
export const SIMILAR_CANDIDATES = 1000;

/** Conditions on the matched post `p` for each filter (SQLite; PostgreSQL checks its index rows' own copies). */
export function filterConditions(filters: SearchFilters): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (filters.format) conditions.push(sql`p.format = ${filters.format}`);
  if (filters.section) {
    conditions.push(sql`exists (select 1 from post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = p.id and t.slug = ${filters.section} and t.visibility = 'public')`);
  }
  if (filters.author) {
    conditions.push(sql`exists (select 1 from post_authors pa join authors a on a.id = pa.author_id where pa.post_id = p.id and a.slug = ${filters.author})`);
  }
  const { start, end } = dayBounds(filters.from, filters.to);
  if (start) conditions.push(sql`p.published_at >= ${start}`);
  if (end) conditions.push(sql`p.published_at < ${end}`);
  return conditions;
}

export function hasFilters(filters: SearchFilters): boolean {
  return Boolean(filters.format || filters.section || filters.author || filters.from || filters.to);
}

/** `and …` for each condition, or nothing. */
export function andAll(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`` : sql`and ${sql.join(conditions, sql` and `)}`;
}
