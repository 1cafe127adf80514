import { sql, type RawBuilder } from 'kysely';
import type { Db, DbOrTx } from '../db/client.js';
import { andAll, filterConditions, hasFilters, RANKED_MATCHES, SIMILAR_CANDIDATES } from './search.filters.js';
import { MARK_END, MARK_START } from './search.snippet.js';
import type { IndexMatch, SearchFilters, SearchIndex, SearchTerms } from './search.types.js';

// ts_rank_cd weights for D (body), C (unused), B (names, excerpt), A (title): a title match
// outweighs many body matches.
const WEIGHTS = sql.raw(`'{0.02, 0.05, 0.4, 1.0}'`);
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=14, ShortWord=2, MaxFragments=1, FragmentDelimiter=…`;

/** Every word must appear; words are letters and digits only, quoted as tsquery lexemes. */
export function tsQuery(terms: SearchTerms): string {
  return terms.words.map((word, i) => `'${word}'${terms.prefix && i === terms.words.length - 1 ? ':*' : ''}`).join(' & ');
}

/** How many of the newest posts a prefix search looks among first. */
const PREFIX_WINDOW = 2_000;

/** Filters read the post; without them the index alone answers. */
const joinPosts = (filters: SearchFilters) => (hasFilters(filters) ? sql`join posts p on p.id = s.post_id` : sql``);

/** PostgreSQL full-text search: post_search.document (weighted tsvector, GIN), kept in step by triggers. */
export class PostgresSearchIndex implements SearchIndex {
  private readonly bound: number;
  private readonly prefixWindow: number;

  /** `tuning` changes how many matches are ranked and where prefix searches start (tests use small ones). */
  constructor(
    private readonly db: Db,
    tuning: { bound?: number; prefixWindow?: number } = {},
  ) {
    this.bound = tuning.bound ?? RANKED_MATCHES;
    this.prefixWindow = tuning.prefixWindow ?? PREFIX_WINDOW;
  }

  async find(terms: SearchTerms, filters: SearchFilters, page: { limit: number; offset: number }) {
    const query = sql`to_tsquery('english', ${tsQuery(terms)})`;
    const newest = await this.newestMatches(query, terms, filters);
    const total = newest.length;
    if (total === 0) return { matches: [], total };
    // The page of the ranked matches, with the passages that match marked, in one statement.
    const { rows } = await sql<IndexMatch>`
      with page as (
        select post_id, ts_rank_cd(${WEIGHTS}, document, ${query}) as rank from post_search
        where post_id = any(${newest}) order by rank desc, post_id desc limit ${page.limit} offset ${page.offset}
      )
      select s.post_id as id,
        case when s.body = '' then '' else ts_headline('english', s.body, ${query}, ${HEADLINE}) end as body,
        ts_headline('english', s.excerpt, ${query}, ${HEADLINE}) as excerpt
      from page p join post_search s on s.post_id = p.post_id
      order by p.rank desc, p.post_id desc`.execute(this.db);
    return { matches: rows, total };
  }

  /**
   * The ids of the most recent matches, newest first, up to the bound. The GIN index knows which
   * posts match but not which are newest. For a word in most posts the planner walks the newest
   * posts testing each one's document, which is fast; but it also takes that walk for words in a
   * few percent of posts, where it reads thousands of documents from TOAST (20–70 ms at 100,000
   * posts). There, intersecting the GIN index with a range of the newest posts (a bitmap AND)
   * reads only the matches in the range, and for rarer words reading every match through the
   * index is cheapest; index scans are turned off in this transaction so the planner does so.
   * The planner's own estimate of the matches (from its statistics of lexeme frequencies) says
   * which case a query is; prefixes, which it cannot estimate, start with the newest posts.
   * Filtered searches keep the planner's plan.
   */
  private async newestMatches(query: RawBuilder<unknown>, terms: SearchTerms, filters: SearchFilters): Promise<number[]> {
    const newestIn = async (db: DbOrTx, floor: number) =>
      (
        await sql<{ id: number }>`
          select s.post_id as id from post_search s ${joinPosts(filters)}
          where s.document @@ ${query} ${floor > 0 ? sql`and s.post_id > ${floor}` : sql``} ${andAll(filterConditions(filters))}
          order by s.post_id desc limit ${this.bound}`.execute(db)
      ).rows.map((r) => r.id);
    if (hasFilters(filters)) return newestIn(this.db, 0);
    const [{ rows: tops }, estimated] = await Promise.all([
      sql<{ top: number | null }>`select max(post_id) as top from post_search`.execute(this.db),
      terms.prefix ? Promise.resolve(undefined) : this.estimateMatches(query),
    ]);
    const top = Number(tops[0]?.top ?? 0);
    if (estimated !== undefined && estimated > top * 0.15) return newestIn(this.db, 0);
    // Reading a range costs about a fiftieth per post in it of what reading a match costs, so
    // below 1.5 % of posts every match is read (still through the bitmap, never by the walk).
    let span = estimated === undefined ? this.prefixWindow : estimated < top * 0.015 ? top : Math.ceil((top * this.bound * 1.5) / estimated);
    return this.db.transaction().execute(async (tx) => {
      await sql`set local enable_indexscan = off`.execute(tx);
      for (let attempt = 0; attempt < 2 && span < top; attempt += 1) {
        const found = await newestIn(tx, top - span);
        if (found.length >= this.bound) return found;
        // Too few: as wide again as the matches found suggest, else every post.
        span = found.length === 0 ? top : Math.ceil((span * this.bound * 1.5) / found.length);
      }
      return newestIn(tx, 0);
    });
  }

  /** The planner's estimate of how many posts match, from its statistics of lexeme frequencies. */
  private async estimateMatches(query: RawBuilder<unknown>): Promise<number> {
    const { rows } = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`
      explain (format json) select 1 from post_search where document @@ ${query}`.execute(this.db);
    return Number(rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
  }

  async anyOf(words: string[], limit: number): Promise<number[]> {
    const query = sql`to_tsquery('english', ${words.map((word) => `'${word}'`).join(' | ')})`;
    const { rows } = await sql<{ id: number }>`
      select m.id from (
        select post_id as id from post_search where document @@ ${query} order by post_id desc limit ${SIMILAR_CANDIDATES}
      ) m join post_search s on s.post_id = m.id
      order by ts_rank_cd(${WEIGHTS}, s.document, ${query}) desc limit ${limit}`.execute(this.db);
    return rows.map((r) => r.id);
  }

  /** Replaces each word the site never uses by the most similar one it does (pg_trgm), if any. */
  async correct(words: string[]): Promise<string[] | null> {
    let changed = false;
    const corrected: string[] = [];
    for (const word of words) {
      if (word.length < 3) {
        corrected.push(word);
        continue;
      }
      const { rows } = await sql<{ term: string }>`
        select term from search_terms where term % ${word}
        order by term = ${word} desc, similarity(term, ${word}) desc, term limit 1`.execute(this.db);
      const best = rows[0]?.term ?? word;
      changed ||= best !== word;
      corrected.push(best);
    }
    return changed ? corrected : null;
  }
}
