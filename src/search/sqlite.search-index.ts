import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/client.js';
import { andAll, filterConditions, hasFilters, RANKED_MATCHES, SIMILAR_CANDIDATES } from './search.filters.js';
import { isUnspaced } from './search.fold.js';
import { markPassage } from './search.snippet.js';
import type { IndexMatch, SearchFilters, SearchIndex, SearchTerms } from './search.types.js';

// Column weights for bm25, in the order of the FTS5 table: title, excerpt, names, body.
const WEIGHTS = sql.raw('10.0, 3.0, 4.0, 1.0');
/** Bodies are indexed up to this many characters (migration 0015), and passages come from as much. */
const BODY_LIMIT = 200_000;

/** Every word must appear; each is a quoted string, so nothing the reader typed is FTS5 syntax. */
export function ftsMatch(terms: SearchTerms): string {
  const words = terms.words.filter((word) => !isUnspaced(word));
  const prefix = terms.prefix && words.at(-1) === terms.words.at(-1);
  return words.map((word, i) => `"${word}"${prefix && i === words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * Filters read the post; without them the index alone answers. They read it through an index of
 * the columns they check (migration 0051): in the row itself those columns come after the post's
 * text, on its overflow pages. Named, because without statistics SQLite would read the row.
 */
const joinPosts = (filters: SearchFilters) => (hasFilters(filters) ? sql`cross join posts p indexed by posts_filter_columns on p.id = s.rowid` : sql``);

/**
 * The posts matching the terms as `s` with their score: words of spaced scripts through the FTS5
 * index of words, and words of unspaced scripts (Japanese, Chinese, Korean) anywhere in the text,
 * through the trigram index (migration 0077). Words are letters, marks and digits, so they are
 * safe in a LIKE pattern.
 */
function matching(terms: SearchTerms): { from: RawBuilder<unknown>; where: RawBuilder<unknown>; score: RawBuilder<unknown> } {
  const match = ftsMatch(terms);
  const unspaced = terms.words.filter(isUnspaced).map((word) => sql`text like ${`%${word}%`}`);
  const anywhere = sql.join(unspaced, sql` and `);
  if (match === '') return { from: sql`post_search_unspaced s`, where: anywhere, score: sql`0` };
  const within = unspaced.length > 0 ? sql` and s.rowid in (select rowid from post_search_unspaced where ${anywhere})` : sql``;
  return { from: sql`post_search s`, where: sql`post_search match ${match}${within}`, score: sql`bm25(post_search, ${WEIGHTS})` };
}

/** SQLite FTS5: the post_search table, kept in step by triggers (migrations 0015, 0077). */
export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Db) {}

  async find(terms: SearchTerms, filters: SearchFilters, page: { limit: number; offset: number }) {
    const { from, where, score } = matching(terms);
    const ranked = await sql<{ id: number; total: number }>`
      with matched as (
        select s.rowid as id, ${score} as score
        from ${from} ${joinPosts(filters)}
        where ${where} ${andAll(filterConditions(filters))}
        order by s.rowid desc limit ${RANKED_MATCHES}
      )
      select id, count(*) over () as total from matched
      order by score, id desc
      limit ${page.limit} offset ${page.offset}`.execute(this.db);
    const ids = ranked.rows.map((r) => r.id);
    const total = Number(ranked.rows[0]?.total ?? (page.offset > 0 ? await this.count(terms, filters) : 0));
    return { ids, total, passages: ids.length === 0 ? Promise.resolve([]) : this.passages(ids, terms.words) };
  }

  /**
   * Passages of the page shown, marked on the posts' own text (the index keeps no copy of it),
   * with the index's rule for gated posts: no word of their body.
   */
  private async passages(ids: number[], words: string[]): Promise<IndexMatch[]> {
    const { rows } = await sql<{ id: number; body: string; excerpt: string }>`
      select id, excerpt, case when visibility = 'public' then substr(plaintext, 1, ${BODY_LIMIT}) else '' end as body
      from posts where id in (${sql.join(ids)})`.execute(this.db);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      return { id, body: row ? markPassage(row.body, words, 24) : '', excerpt: row ? markPassage(row.excerpt, words, 40) : '' };
    });
  }

  /** How many matches there are (up to the ranked window), for a page past the last one. */
  private async count(terms: SearchTerms, filters: SearchFilters): Promise<number> {
    const { from, where } = matching(terms);
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (
        select 1 from ${from} ${joinPosts(filters)}
        where ${where} ${andAll(filterConditions(filters))} limit ${RANKED_MATCHES}
      )`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  async anyOf(words: string[], limit: number): Promise<number[]> {
    const spaced = words.filter((word) => !isUnspaced(word));
    if (spaced.length === 0) return [];
    const match = spaced.map((word) => `"${word}"`).join(' OR ');
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
