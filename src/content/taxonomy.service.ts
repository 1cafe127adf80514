import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { Clock } from '../clock.js';
import type { ContentEvents } from './content.events.js';
import { slugify } from './text.js';
import { authorInput, isInternal, tagInput, type AuthorInput, type TagInput } from './taxonomy.schema.js';
import * as repo from './taxonomy.repository.js';
import type { Author, Tag, TagVisibility } from './taxonomy.types.js';

/** Sections, tags and authors: small shared entities that posts point at by slug. */
export class TaxonomyService {
  constructor(private readonly deps: { db: Db; clock: Clock; events: ContentEvents }) {}

  async createTag(input: unknown): Promise<Tag> {
    const data = parseInput(tagInput, input);
    const tag = await this.slugGuard(() => repo.insertTag(this.deps.db, toTagRow(data, 'public'), this.now()));
    this.deps.events.emit({ kind: 'tag', id: tag.id, slugs: [tag.slug] });
    return tag;
  }

  /** Replaces a tag's fields; one that does not say its visibility keeps the one it had. */
  async updateTag(slug: string, input: unknown): Promise<Tag> {
    const current = await this.getTag(slug, 'all');
    const data = parseInput(tagInput, input);
    if (data.isSection && current.visibility === 'internal' && data.visibility === undefined) {
      throw AppError.validation([{ field: 'isSection', message: 'an internal tag is never shown to readers, so it cannot be a section' }]);
    }
    const row = toTagRow(data, current.visibility);
    const saved = await this.slugGuard(() => repo.updateTag(this.deps.db, current.id, row, this.now()));
    if (!saved) throw new AppError('TAG_NOT_FOUND');
    this.deps.events.emit({ kind: 'tag', id: saved.id, slugs: [...new Set([current.slug, saved.slug])] });
    return saved;
  }

  /** A tag by slug; for readers (the default) an internal tag is not found, as if it did not exist. */
  async getTag(slug: string, scope: TagScope = 'public'): Promise<Tag> {
    const tag = await repo.findTagBySlug(this.deps.db, slug);
    if (!tag || !inScope(tag, scope)) throw new AppError('TAG_NOT_FOUND', `No tag has the slug "${slug}".`);
    return tag;
  }

  /** The tags readers may see (the default), or every tag ('all', for staff). */
  async listTags(scope: TagScope = 'public'): Promise<Tag[]> {
    return (await repo.listTags(this.deps.db)).filter((t) => inScope(t, scope));
  }

  async sections(): Promise<Tag[]> {
    return (await this.listTags('public')).filter((t) => t.isSection);
  }

  async createAuthor(input: unknown): Promise<Author> {
    const data = parseInput(authorInput, input);
    const author = await this.slugGuard(() => repo.insertAuthor(this.deps.db, toAuthorRow(data), this.now()));
    this.deps.events.emit({ kind: 'author', id: author.id, slugs: [author.slug] });
    return author;
  }

  async updateAuthor(slug: string, input: unknown): Promise<Author> {
    const current = await this.getAuthor(slug);
    const data = parseInput(authorInput, input);
    const saved = await this.slugGuard(() => repo.updateAuthor(this.deps.db, current.id, toAuthorRow(data), this.now()));
    if (!saved) throw new AppError('AUTHOR_NOT_FOUND');
    this.deps.events.emit({ kind: 'author', id: saved.id, slugs: [...new Set([current.slug, saved.slug])] });
    return saved;
  }

  async getAuthor(slug: string): Promise<Author> {
    const author = await repo.findAuthorBySlug(this.deps.db, slug);
    if (!author) throw new AppError('AUTHOR_NOT_FOUND', `No author has the slug "${slug}".`);
    return author;
  }

  listAuthors(): Promise<Author[]> {
    return repo.listAuthors(this.deps.db);
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  private async slugGuard<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('SLUG_TAKEN', 'Another item already uses that slug.', [{ field: 'slug', message: 'is already taken' }]);
      }
      throw error;
    }
  }
}

/** The slug a tag gets from its name: `#Later` becomes `hash-later`, as in Ghost. */
export function tagSlug(name: string): string {
  const trimmed = name.trimStart();
  return trimmed.startsWith('#') ? `hash-${slugify(trimmed.slice(1))}` : slugify(name);
}

/** Who a read of tags is for: readers see public tags only, staff every tag. */
export type TagScope = 'public' | 'all';

function inScope(tag: Tag, scope: TagScope): boolean {
  return scope === 'all' || tag.visibility === 'public';
}

/** The row for a tag; `#name` makes it internal with Ghost's `hash-name` slug. */
function toTagRow(data: TagInput, visibility: TagVisibility): repo.TagRowInput {
  const internal = isInternal({ name: data.name, visibility: data.visibility ?? visibility });
  return {
    visibility: internal ? 'internal' : 'public',
    slug: data.slug ?? tagSlug(data.name),
    name: data.name,
    description: data.description,
    accent_color: data.accentColor ?? null,
    is_section: data.isSection ? 1 : 0,
    nav_order: data.navOrder ?? null,
  };
}

function toAuthorRow(data: AuthorInput): repo.AuthorRowInput {
  return {
    slug: data.slug ?? slugify(data.name),
    name: data.name,
    bio: data.bio,
    photo_url: data.photoUrl ?? null,
    website: data.website ?? null,
    links: JSON.stringify(data.links),
  };
}
