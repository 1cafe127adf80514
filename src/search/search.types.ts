import type { Post, PostFormat, Viewer } from '../content/index.js';

/** What narrows a search: a section or tag, a format, an author, and a publication date range. */
export interface SearchFilters {
  /** Slug of a tag or section. */
  section?: string;
  format?: PostFormat;
  /** Slug of an author. */
  author?: string;
  /** First and last day (YYYY-MM-DD, UTC) of publication, both included. */
  from?: string;
  to?: string;
}

/** A reader's query, cleaned: the words to find, and whether the last one is still being typed. */
export interface SearchTerms {
  words: string[];
  /** The last word also matches longer words that start with it (search-as-you-type). */
  prefix: boolean;
}

export interface SearchHit {
  post: Post & { gated: boolean };
  /** A passage around the matches as HTML: escaped text, matched words wrapped in <mark>. */
  snippet: string;
}

export interface SearchResults {
  query: string;
  /** Set when nothing matched the words as typed and close spellings found results instead. */
  correctedQuery: string | null;
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
  perPage: number;
}

/** Ranked full-text search over published posts. */
export interface SearchService {
  search(input: unknown, viewer?: Viewer): Promise<SearchResults>;
  /** Ids of published posts that share the most of these words (any of them), best first. */
  similarTo(words: string[], limit: number): Promise<number[]>;
}

/** One match as the database ranks it, with snippets from the body and the excerpt (marked, not escaped). */
export interface IndexMatch {
  id: number;
  body: string;
  excerpt: string;
}

/** A page of matches as the database ranks them. */
export interface IndexPage {
  /** The page's post ids, best first. */
  ids: number[];
  /** How many posts match (up to the ranked window). */
  total: number;
  /** The page's passages, by id; still being read while the caller loads the posts. */
  passages: Promise<IndexMatch[]>;
}

/** The database-specific part of search: SQLite FTS5 or PostgreSQL full-text search. */
export interface SearchIndex {
  find(terms: SearchTerms, filters: SearchFilters, page: { limit: number; offset: number }): Promise<IndexPage>;
  /** Posts matching any of the words, best first. */
  anyOf(words: string[], limit: number): Promise<number[]>;
  /** Close spellings of words that match nothing, or null when the index cannot tell. */
  correct(words: string[]): Promise<string[] | null>;
}
