import { sql } from 'kysely';
import type { Db } from '../db/client.js';
import { andAll, filterConditions, hasFilters, RANKED_MATCHES, SIMILAR_CANDIDATES } from './search.filters.js';
import { MARK_END, MARK_START, markPassage } from './search.snippet.js';
import type { IndexMatch, SearchFilters, SearchIndex, SearchTerms } from './search.types.js';

// Column weights for bm25, in the order of the FTS5 table: title, excerpt, names, body.
const WEIGHTS = sql.raw('10.0, 3.0, 4.0, 1.0');
const BODY_COLUMN = 3;
const EXCERPT_COLUMN = 1;

/** Every word must appear; each is a quoted string, so nothing the reader typed is FTS5 syntax. */
export function ftsMatch(terms: SearchTerms): string {
  return terms.words.map((word, i) => `"${word}"${terms.prefix && i === terms.words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * Filters read the post; without them the index alone answers. They read it through an index of
 * the columns they check (migration 0051): in the row itself those columns come after the post's
 * text, on its overflow pages. Named, because without statistics SQLite would read the row.
 */
const joinPosts = (filters: SearchFilters) => (hasFilters(filters) ? sql`cross join posts p indexed by posts_filter_columns on p.id = s.rowid` : sql``);

/** SQLite FTS5: the post_search table, kept in step by triggers (migration 0015). */
export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Db) {}

  async find(terms: SearchTerms, filters: SearchFilters, page: { limit: number; offset: number }) {
    const match = ftsMatch(terms);
    const ranked = await sql<{ id: number; total: number }>`
      with matched as (
        select s.rowid as id, bm25(post_search, ${WEIGHTS}) as score
        from post_search s ${joinPosts(filters)}
        where post_search match ${match} ${andAll(filterConditions(filters))}
        order by s.rowid desc limit ${RANKED_MATCHES}
      )
      select id, count(*) over () as total from matched
      order by score, id desc
      limit ${page.limit} offset ${page.offset}`.execute(this.db);
    const ids = ranked.rows.map((r) => r.id);
    const total = Number(ranked.rows[0]?.total ?? (page.offset > 0 ? await this.count(match, filters) : 0));
    if (ids.length === 0) return { ids, total, passages: Promise.resolve([]) };
    if (terms.prefix) return { ids, total, passages: Promise.resolve(await this.passages(ids, terms.words)) };
    // Snippets only for the page shown, not for every match.
    const snippets = await sql<IndexMatch>`
      select rowid as id,
        snippet(post_search, ${sql.raw(String(BODY_COLUMN))}, ${MARK_START}, ${MARK_END}, '…', 24) as body,
        snippet(post_search, ${sql.raw(String(EXCERPT_COLUMN))}, ${MARK_START}, ${MARK_END}, '…', 40) as excerpt
      from post_search where post_search match ${match} and rowid in (${sql.join(ids)})`.execute(this.db);
    const byId = new Map(snippets.rows.map((row) => [row.id, row]));
    return { ids, total, passages: Promise.resolve(ids.map((id) => byId.get(id) ?? { id, body: '', excerpt: '' })) };
  }

  /**
   * Passages for a prefix search, marked here rather than by FTS5: its snippets would expand the
   * prefix into every indexed word that starts with it once more for the rows shown.
   */
  private async passages(ids: number[], words: string[]): Promise<IndexMatch[]> {
    const { rows } = await sql<{ id: number; body: string; excerpt: string }>`
      select rowid as id, body, excerpt from post_search where rowid in (${sql.join(ids)})`.execute(this.db);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      return { id, body: row ? markPassage(row.body, words, 24) : '', excerpt: row ? markPassage(row.excerpt, words, 40) : '' };
    });
  }

  /** How many matches there are (up to the ranked window), for a page past the last one. */
  private async count(match: string, filters: SearchFilters): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (
        select 1 from post_search s ${joinPosts(filters)}
        where post_search match ${match} ${andAll(filterConditions(filters))} limit ${RANKED_MATCHES}
      )`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  async anyOf(words: string[], limit: number): Promise<number[]> {
    const match = words.map((word) => `"${word}"`).join(' OR ');
    const { rows } = await sql<{ id: number }>`
      select id from (
        select rowid as id, bm25(post_search, ${WEIGHTS}) as score from post_search where post_search match ${match}
        order by rowid desc limit ${SIMILAR_CANDIDATES}
      ) order by score limit ${limit}`.execute(this.db);
    return rows.map((r) => r.id);
  }

  async correct(): Promise<null> {
    return null;
  }
}
