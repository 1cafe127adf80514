import { sql, type RawBuilder } from 'kysely';
import type { Db, DbOrTx } from '../db/client.js';
import { RANKED_MATCHES, SIMILAR_CANDIDATES } from './search.filters.js';
import { dayBounds } from './search.query.js';
import { isUnspaced } from './search.fold.js';
import { markPassage, wordRoot } from './search.snippet.js';
import type { IndexMatch, SearchFilters, SearchIndex, SearchTerms } from './search.types.js';

// ts_rank_cd weights for D (body), C (unused), B (names, excerpt), A (title): a title match
// outweighs many body matches.
const WEIGHTS = sql.raw(`'{0.02, 0.05, 0.4, 1.0}'`);

/** Every word of a spaced script must appear; words are letters and digits only, quoted as tsquery lexemes. */
export function tsQuery(terms: SearchTerms): string {
  const words = terms.words.filter((word) => !isUnspaced(word));
  const prefix = terms.prefix && words.at(-1) === terms.words.at(-1);
  return words.map((word, i) => `'${word}'${prefix && i === words.length - 1 ? ':*' : ''}`).join(' & ');
}

/**
 * Words of unspaced scripts (Japanese, Chinese, Korean) anywhere in the text of the posts that
 * have such letters (post_search.unspaced, folded, with a trigram index: migration 0077). Words
 * are letters, marks and digits, so they are safe in a LIKE pattern.
 */
const unspacedConditions = (terms: SearchTerms) => terms.words.filter(isUnspaced).map((word) => sql`s.unspaced like ${`%${word}%`}`);

/** The stretch of body given to ts_headline: characters before the first match, and in all. */
const PASSAGE_BEFORE = 150;
const PASSAGE_LENGTH = 1_000;

/** How many of the newest posts a prefix search looks among first. */
const PREFIX_WINDOW = 2_000;

/** A search's filters as conditions on post_search `s`, whose rows carry the filtered columns (migration 0052). */
type Scope = RawBuilder<unknown>[];

/** The scope of the filters, or null when a section or author they name does not exist. */
async function scopeOf(db: Db, filters: SearchFilters): Promise<Scope | null> {
  const conditions: RawBuilder<unknown>[] = [];
  if (filters.section || filters.author) {
    const { rows } = await sql<{ tag: number | null; author: number | null }>`
      select (select id from tags where slug = ${filters.section ?? ''} and visibility = 'public') as tag,
        (select id from authors where slug = ${filters.author ?? ''}) as author`.execute(db);
    const { tag, author } = rows[0]!;
    if ((filters.section && tag === null) || (filters.author && author === null)) return null;
    if (tag !== null) conditions.push(sql`s.tag_ids @> array[${tag}]::integer[]`);
    if (author !== null) conditions.push(sql`s.author_ids @> array[${author}]::integer[]`);
  }
  if (filters.format) conditions.push(sql`s.format = ${filters.format}`);
  const { start, end } = dayBounds(filters.from, filters.to);
  if (start) conditions.push(sql`s.published_at >= ${start}`);
  if (end) conditions.push(sql`s.published_at < ${end}`);
  return conditions;
}

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
    const ranked = terms.words.every(isUnspaced) ? await this.newestUnspaced(terms, filters) : await this.rankedMatches(query, terms, filters);
    const total = ranked.length;
    const ids = ranked.slice(page.offset, page.offset + page.limit);
    const passages = ids.length === 0 ? Promise.resolve([]) : this.passages(ids, terms.words);
    // Whoever awaits the passages sees a failure; this only keeps it from counting as unhandled meanwhile.
    passages.catch(() => undefined);
    return { ids, total, passages };
  }

  /**
   * The passages of these posts that match, marked (`markPassage`), in the order of the ids.
   * Marking reads all the text it is given, so for a long article it is given the stretch of the
   * body around the first word that starts as a query word does (folded as the index folds, which
   * keeps positions; a passage is a few dozen words); where there is none, the whole body.
   */
  private async passages(ids: number[], words: string[]): Promise<IndexMatch[]> {
    const firstAt = sql.join(
      // Words are letters, marks and digits only, so they are safe in a pattern; \m starts a word.
      words.map((word) => sql`nullif(regexp_instr(search_fold(s.body), ${isUnspaced(word) ? word : `\\m${wordRoot(word)}`}, 1, 1, 0, 'i'), 0)`),
      sql`, `,
    );
    const { rows } = await sql<IndexMatch>`
      select s.post_id as id, w.passage as body, s.excerpt
      from post_search s
      -- offset 0 keeps the search for the first match from being copied into every use of it.
      cross join lateral (select least(${firstAt}) as at offset 0) a
      cross join lateral (select case when a.at is not null then greatest(a.at - ${PASSAGE_BEFORE}, 1) end as start) f
      -- The stretch starts and ends on whole words.
      cross join lateral (select substr(s.body, f.start, ${PASSAGE_LENGTH}) as stretch) c
      cross join lateral (select case when f.start > 1 then regexp_replace(c.stretch, '^\\S*\\s+', '') else c.stretch end as headed) h
      cross join lateral (select case
          when f.start is null then s.body
          when f.start + ${PASSAGE_LENGTH} > length(s.body) then h.headed
          else regexp_replace(h.headed, '\\s+\\S*$', '') end as passage) w
      where s.post_id = any(${ids})`.execute(this.db);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      return { id, body: row ? markPassage(row.body, words, 24) : '', excerpt: row ? markPassage(row.excerpt, words, 40) : '' };
    });
  }

  /** The newest posts with every word of an unspaced script (the query has no other words), newest first. */
  private async newestUnspaced(terms: SearchTerms, filters: SearchFilters): Promise<number[]> {
    const scope = await scopeOf(this.db, filters);
    if (!scope) return [];
    const { rows } = await sql<{ id: number }>`
      select s.post_id as id from post_search s where ${sql.join([...unspacedConditions(terms), ...scope], sql` and `)}
      order by s.post_id desc limit ${this.bound}`.execute(this.db);
    return rows.map((r) => r.id);
  }

  /**
   * The ids of the most recent matches, up to the bound, best first. The GIN index knows which
   * posts match but not which are newest, and the planner knows neither what checking a document
   * costs (reading it from TOAST) nor how matches spread over time, so the way is chosen here from
   * its estimates of how many posts match:
   *  - a word in most posts: walk the newest posts checking each (the filters first, as they are
   *    read from the row) — few documents are read before the bound is reached;
   *  - a word in a few percent: the GIN index scanned for the matches in a range of the newest
   *    posts, widened while it holds too few, reads only the matches in the range;
   *  - rarer: every match through the GIN index (intersected with the section or author).
   * When the dates end in the past, the range of ids ends at the newest post before that end, so
   * it is not spent on posts the dates exclude.
   */
  private async rankedMatches(query: RawBuilder<unknown>, terms: SearchTerms, filters: SearchFilters): Promise<number[]> {
    const { end } = dayBounds(filters.from, filters.to);
    const [filtered, { top, ceiling }, words] = await Promise.all([scopeOf(this.db, filters), this.bounds(end), this.estimateMatches(query, [])]);
    if (!filtered) return [];
    // Words of unspaced scripts narrow the matches as the filters do.
    const scope = [...filtered, ...unspacedConditions(terms)];
    const all = scope.length > 0 ? await this.estimateMatches(query, scope) : undefined;
    // The walk checks conditions in the order written: the filters, read from the row, first.
    // Otherwise the words, the range of ids, the section and the author are intersected in one
    // GIN index scan (migration 0052) and the dates and format are checked on the rows found.
    const rankedIn = async (db: DbOrTx, floor: number, walk = false) => {
      const range = floor > 0 ? [sql`s.post_id > ${floor}`] : [];
      const match = sql`s.document @@ ${query}`;
      const conditions = walk ? [...scope, match] : [match, ...range, ...scope];
      // Ranked in the same statement: only the documents of the newest matches are read for it.
      const { rows } = await sql<{ id: number }>`
        select m.id from (
          select s.post_id as id, s.document from post_search s where ${sql.join(conditions, sql` and `)}
          order by s.post_id desc limit ${this.bound}
        ) m
        order by ts_rank_cd(${WEIGHTS}, m.document, ${query}) desc, m.id desc`.execute(db);
      return rows.map((r) => r.id);
    };
    const matching = all ?? words;
    // The walk reads about bound / (share of posts matching the words) documents and bound /
    // (share matching everything) rows: cheap when both shares are large.
    if (words > top * 0.15 && matching > top * 0.01) return rankedIn(this.db, 0, true);
    const from = Math.min(top, ceiling ?? top);
    // For a prefix the planner counts only the words it keeps statistics for, and guesses 0.5 %
    // when none starts with it; unless it counts more, start with the newest posts and widen.
    const estimated = !terms.prefix || words > top * 0.015;
    // Scanning a range costs about a thirtieth per post in it of what reading a match costs, so
    // below 1.5 % of posts every match is read (still through the index, never by the walk).
    let span = !estimated ? this.prefixWindow : words < top * 0.015 ? top : Math.ceil((top * this.bound * 1.5) / Math.max(matching, 1));
    return this.db.transaction().execute(async (tx) => {
      await sql`select set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)`.execute(tx);
      // Past a quarter of the posts, scanning the range costs more than reading the matches outside it.
      for (let attempt = 0; attempt < 2 && span < top / 4 && span < from; attempt += 1) {
        const found = await rankedIn(tx, from - span);
        if (found.length >= this.bound) return found;
        // Too few: as wide again as the matches found suggest, else every post.
        span = found.length === 0 ? top : Math.ceil((span * this.bound * 1.5) / found.length);
      }
      return rankedIn(tx, 0);
    });
  }

  /** The newest post's id, and that of the latest post published before `end` (when a date range ends). */
  private async bounds(end: string | undefined): Promise<{ top: number; ceiling: number | undefined }> {
    const ceiling = end ? sql`select post_id from post_search where published_at < ${end} order by published_at desc limit 1` : sql`select null::integer`;
    const { rows } = await sql<{ top: number | null; ceiling: number | null }>`
      select (select max(post_id) from post_search) as top, (${ceiling}) as ceiling`.execute(this.db);
    return { top: Number(rows[0]?.top ?? 0), ceiling: rows[0]?.ceiling ?? undefined };
  }

  /** The planner's estimate of how many posts match, from its statistics of lexemes and columns. */
  private async estimateMatches(query: RawBuilder<unknown>, conditions: RawBuilder<unknown>[]): Promise<number> {
    const { rows } = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`
      explain (format json) select 1 from post_search s where ${sql.join([...conditions, sql`s.document @@ ${query}`], sql` and `)}`.execute(this.db);
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
