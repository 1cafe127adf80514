import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/client.js';
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

/** Filters read the post; without them the index alone answers. */
const joinPosts = (filters: SearchFilters) => (hasFilters(filters) ? sql`join posts p on p.id = s.post_id` : sql``);

/** PostgreSQL full-text search: post_search.document (weighted tsvector, GIN), kept in step by triggers. */
export class PostgresSearchIndex implements SearchIndex {
  constructor(private readonly db: Db) {}

  async find(terms: SearchTerms, filters: SearchFilters, page: { limit: number; offset: number }) {
    const query = sql`to_tsquery('english', ${tsQuery(terms)})`;
    const where = andAll(filterConditions(filters));
    const ranked = await sql<{ id: number; total: number }>`
      with matched as (
        select s.post_id as id from post_search s ${joinPosts(filters)}
        where s.document @@ ${query} ${where}
        order by s.post_id desc limit ${RANKED_MATCHES}
      )
      select m.id, count(*) over () as total from matched m join post_search s on s.post_id = m.id
      order by ts_rank_cd(${WEIGHTS}, s.document, ${query}) desc, m.id desc
      limit ${page.limit} offset ${page.offset}`.execute(this.db);
    const ids = ranked.rows.map((r) => r.id);
    const total = Number(ranked.rows[0]?.total ?? (page.offset > 0 ? await this.count(query, filters) : 0));
    if (ids.length === 0) return { matches: [], total };
    const snippets = await sql<IndexMatch>`
      select post_id as id,
        case when body = '' then '' else ts_headline('english', body, ${query}, ${HEADLINE}) end as body,
        ts_headline('english', excerpt, ${query}, ${HEADLINE}) as excerpt
      from post_search where post_id in (${sql.join(ids)})`.execute(this.db);
    const byId = new Map(snippets.rows.map((row) => [row.id, row]));
    return { matches: ids.map((id) => byId.get(id) ?? { id, body: '', excerpt: '' }), total };
  }

  private async count(query: RawBuilder<unknown>, filters: SearchFilters): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (
        select 1 from post_search s ${joinPosts(filters)}
        where s.document @@ ${query} ${andAll(filterConditions(filters))} limit ${RANKED_MATCHES}
      ) counted`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
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
