import { anonymous, forViewer, type Post, type Viewer } from '../content/index.js';
import { parseInput } from '../errors/validate.js';
import { searchInput } from './search.schema.js';
import { toTerms } from './search.query.js';
import { hasMatch, plainHtml, snippetHtml } from './search.snippet.js';
import type { IndexMatch, SearchIndex, SearchResults, SearchService } from './search.types.js';

const MAX_SIMILAR_WORDS = 16;

export interface SearchDeps {
  index: SearchIndex;
  posts: { load(ids: number[]): Promise<Post[]> };
}

/**
 * Search over published posts: cleans the query, asks the database's index for a ranked page,
 * retries with close spellings when nothing matched (where the index can), and loads the posts
 * as the viewer may see them.
 */
export class IndexedSearchService implements SearchService {
  constructor(private readonly deps: SearchDeps) {}

  async search(input: unknown, viewer: Viewer = anonymous): Promise<SearchResults> {
    const request = parseInput(searchInput, input);
    const { q, page, limit, ...filters } = request;
    let terms = toTerms(q);
    const empty: SearchResults = { query: q, correctedQuery: null, hits: [], total: 0, page, pages: 0, perPage: limit };
    if (terms.words.length === 0) return empty;

    const window = { limit, offset: (page - 1) * limit };
    let found = await this.deps.index.find(terms, filters, window);
    let correctedQuery: string | null = null;
    if (found.total === 0) {
      const corrected = await this.deps.index.correct(terms.words);
      if (corrected) {
        terms = { ...terms, words: corrected };
        found = await this.deps.index.find(terms, filters, window);
        if (found.total > 0) correctedQuery = corrected.join(' ');
      }
    }
    const [loaded, passages] = await Promise.all([this.deps.posts.load(found.ids), found.passages]);
    const posts = new Map(loaded.map((p) => [p.id, p]));
    const hits = passages.flatMap((match) => {
      const post = posts.get(match.id);
      return post ? [{ post: forViewer(post, viewer), snippet: snippetFor(match, post) }] : [];
    });
    return { ...empty, correctedQuery, hits, total: found.total, pages: Math.ceil(found.total / limit) };
  }

  similarTo(words: string[], limit: number): Promise<number[]> {
    const clean = [...new Set(words.flatMap((word) => toTerms(word).words))].slice(0, MAX_SIMILAR_WORDS);
    return clean.length === 0 ? Promise.resolve([]) : this.deps.index.anyOf(clean, limit);
  }
}

/** The body passage around the matches, else the excerpt's, else the plain excerpt. */
function snippetFor(match: IndexMatch, post: Post): string {
  if (hasMatch(match.body)) return snippetHtml(match.body);
  if (hasMatch(match.excerpt)) return snippetHtml(match.excerpt);
  return plainHtml(post.excerpt);
}
