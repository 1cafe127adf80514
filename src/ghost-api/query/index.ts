import type { Db } from '../../db/client.js';
import { AppError } from '../../errors/app-error.js';
import { FilterMeaningError } from './compile.js';
import type { ScalarField } from './fields.js';
import { FilterSyntaxError, parseFilter } from './nql.js';
import * as repo from './query.repository.js';

export type { Narrowing, ScopeName, StaffRow } from './query.repository.js';

interface ListOptions {
  /** Ghost's filter language (NQL), e.g. `tag:film+featured:true`. */
  filter?: string;
  /** e.g. `published_at desc, title asc`. */
  order?: string;
  limit: number;
  page: number;
  /** Narrows the scope further, e.g. to the posts a staff role may see. */
  within?: repo.Narrowing;
}

/**
 * Lists for the Ghost-compatible APIs: Ghost's filters and orders over posts, pages, tags,
 * authors, tiers and members, run as parameterised queries on either database. Answers ids in
 * order; callers load whole items through their domains.
 */
export class GhostQueries {
  constructor(private readonly deps: { db: Db }) {}

  async list(scope: repo.ScopeName, options: ListOptions): Promise<{ ids: number[]; total: number }> {
    const resource = repo.scopes[scope].resource;
    const order = parseOrder(options.order, resource.fields, resource.defaultOrder);
    let filter;
    try {
      filter = options.filter === undefined ? undefined : parseFilter(options.filter);
      return await repo.listIds(this.deps.db, scope, { filter, order, limit: options.limit, offset: (options.page - 1) * options.limit, within: options.within });
    } catch (error) {
      if (error instanceof FilterSyntaxError || error instanceof FilterMeaningError) {
        throw new AppError('FILTER_INVALID', `Error parsing filter: ${error.message}.`, [{ field: 'filter', message: error.message }]);
      }
      throw error;
    }
  }

  async find(scope: repo.ScopeName, by: { id: number } | { slug: string }): Promise<number | undefined> {
    return repo.findId(this.deps.db, scope, by);
  }

  tagRows(ids: number[]) {
    return repo.tagRows(this.deps.db, ids);
  }

  authorRows(ids: number[]) {
    return repo.authorRows(this.deps.db, ids);
  }

  staffRows(ids: number[]) {
    return repo.staffRows(this.deps.db, ids);
  }

  memberRows(ids: number[]) {
    return repo.memberRows(this.deps.db, ids);
  }

  publishedPostCounts(of: 'tags' | 'authors', ids: number[]) {
    return repo.publishedPostCounts(this.deps.db, of, ids);
  }
}

type Order = Array<{ field: ScalarField; direction: 'asc' | 'desc' }>;

/** `field [asc|desc]`, comma separated; only plain fields (not relations) can order a list. */
function parseOrder(text: string | undefined, fields: Record<string, unknown>, fallback: Array<{ field: string; direction: 'asc' | 'desc' }>): Order {
  const orderable = Object.entries(fields).filter(([, f]) => (f as { kind: string }).kind !== 'relation' && (f as { kind: string }).kind !== 'choice');
  const byName = new Map(orderable.map(([name, f]) => [name, f as ScalarField]));
  const wanted = text === undefined || text.trim() === '' ? fallback : text.split(',').map((part) => parseOrderPart(part, byName));
  return wanted.map(({ field, direction }) => ({ field: byName.get(field)!, direction }));
}

function parseOrderPart(part: string, byName: Map<string, ScalarField>): { field: string; direction: 'asc' | 'desc' } {
  const match = /^\s*([a-z_.]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
  if (!match || !byName.has(match[1]!)) {
    const known = [...byName.keys()].sort().join(', ');
    throw AppError.validation([{ field: 'order', message: `"${part.trim()}" is not a field to order by with an optional asc or desc; known fields: ${known}` }]);
  }
  return { field: match[1]!, direction: (match[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' };
}
