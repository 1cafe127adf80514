import type { Store } from '../db/client.js';
import { PostgresSearchIndex } from './postgres.search-index.js';
import { IndexedSearchService, type SearchDeps } from './search.service.js';
import { SqliteSearchIndex } from './sqlite.search-index.js';
import type { SearchService } from './search.types.js';

export type { SearchService, SearchResults, SearchHit, SearchFilters } from './search.types.js';
export { searchInput } from './search.schema.js';
export { toTerms } from './search.query.js';

/** The search service over the store's own full-text index: FTS5 on SQLite, tsvector on PostgreSQL. */
export function createSearchService(store: Store, posts: SearchDeps['posts']): SearchService {
  const index = store.dialect === 'postgres' ? new PostgresSearchIndex(store.db) : new SqliteSearchIndex(store.db);
  return new IndexedSearchService({ index, posts });
}
